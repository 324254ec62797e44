#include "core/Compliance.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimeZone>

using namespace dr;

// Every expected figure here was worked out by hand from DESIGN.md's definitions.
class tst_Compliance : public QObject
{
    Q_OBJECT

private:
    const QDateTime t0 { QDate(2026, 11, 1), QTime(0, 0), Qt::UTC };
    QDateTime at(double hours) const { return t0.addSecs(qint64(hours * 3600)); }
    static constexpr qint64 hour = 3600;

    static BackupRecord backup(const QString& component, const QDateTime& time, qint64 size = 1000,
        VerifyState state = VerifyState::Passed, const QString& kind = QStringLiteral("full"))
    {
        BackupRecord record;
        record.component = component;
        record.path = QStringLiteral("backups/%1-%2").arg(component, time.toString(QStringLiteral("yyyyMMdd-HHmmss")));
        record.time = time;
        record.size = size;
        record.kind = kind;
        record.verifyState = state;
        record.verifiedAt = time.addSecs(600);
        if (state == VerifyState::Passed) {
            record.provenAt = record.verifiedAt;
            record.provenLevel = QStringLiteral("integrity");
        }
        return record;
    }
    static CatalogEvent event(const QString& name, const QDateTime& time, const QJsonObject& fields = {})
    {
        CatalogEvent event;
        event.event = name;
        event.time = time;
        event.fields = fields;
        event.file = fields.value(QStringLiteral("file")).toString();
        event.component = fields.value(QStringLiteral("component")).toString();
        event.result = fields.value(QStringLiteral("result")).toString();
        event.durationMs = fields.value(QStringLiteral("duration_ms")).toInteger(-1);
        return event;
    }

private slots:
    void noBackupsAtAll()
    {
        const RpoAnalysis rpo = analyzeRpo({}, hour, at(0), at(24), at(24));
        QCOMPARE(rpo.compliance, 0.0);
        QCOMPARE(rpo.currentExposureSeconds, -1);
        QVERIFY(rpo.inBreach());
        QCOMPARE(rpo.violations.size(), 1);
        QCOMPARE(rpo.violations[0].start, at(0));
        QCOMPARE(rpo.violations[0].end, at(24));
        QCOMPARE(rpo.violations[0].worstExposureSeconds, -1);
        QVERIFY(rpo.violations[0].ongoing);
    }

    void oneBackupInsideTheWindow()
    {
        // Unprotected until 10:00, fine until 11:00, then exposed until the end (14 h after the backup).
        const RpoAnalysis rpo = analyzeRpo({ at(10) }, hour, at(0), at(24), at(24));
        QCOMPARE(rpo.compliance, 1.0 / 24.0);
        QCOMPARE(rpo.currentExposureSeconds, 14 * hour);
        QCOMPARE(rpo.lastBackup, at(10));
        QCOMPARE(rpo.breachAt, at(11));
        QCOMPARE(rpo.violations.size(), 2);
        QCOMPARE(rpo.violations[0].end, at(10));
        QCOMPARE(rpo.violations[0].worstExposureSeconds, -1);
        QCOMPARE(rpo.violations[1].start, at(11));
        QCOMPARE(rpo.violations[1].end, at(24));
        QCOMPARE(rpo.violations[1].worstExposureSeconds, 14 * hour);
        QVERIFY(rpo.violations[1].ongoing);
    }

    void backupsExactlyAtTheTargetBoundary()
    {
        QList<QDateTime> hourly;
        for (int h = 0; h <= 24; ++h)
            hourly.append(at(h));
        const RpoAnalysis rpo = analyzeRpo(hourly, hour, at(0), at(24), at(24));
        QCOMPARE(rpo.compliance, 1.0);
        QVERIFY(rpo.violations.isEmpty());
        QCOMPARE(rpo.currentExposureSeconds, 0);
        QVERIFY(!rpo.inBreach());
    }

    void gapLongerThanTarget()
    {
        // Backups at 0, 2 and 5 h, target 2 h, window 0..6 h: exposed from 4 h to 5 h (worst 3 h).
        const RpoAnalysis rpo = analyzeRpo({ at(0), at(2), at(5) }, 2 * hour, at(0), at(6), at(6));
        QCOMPARE(rpo.compliance, 5.0 / 6.0);
        QCOMPARE(rpo.violations.size(), 1);
        QCOMPARE(rpo.violations[0].start, at(4));
        QCOMPARE(rpo.violations[0].end, at(5));
        QCOMPARE(rpo.violations[0].worstExposureSeconds, 3 * hour);
        QVERIFY(!rpo.violations[0].ongoing);
        QCOMPARE(rpo.currentExposureSeconds, 1 * hour);
    }

    void windowStartingBeforeTheFirstBackup()
    {
        const RpoAnalysis rpo = analyzeRpo({ at(1), at(2) }, hour, at(0), at(3), at(3));
        QCOMPARE(rpo.compliance, 2.0 / 3.0);
        QCOMPARE(rpo.violations.size(), 1);
        QCOMPARE(rpo.violations[0].start, at(0));
        QCOMPARE(rpo.violations[0].end, at(1));
        QCOMPARE(rpo.violations[0].worstExposureSeconds, -1);
    }

    void windowInThePastIsNotOngoing()
    {
        // Backups long before the window: its exposure counts from them; the window ended before now.
        const RpoAnalysis rpo = analyzeRpo({ at(0) }, 10 * hour, at(5), at(20), at(100));
        QCOMPARE(rpo.compliance, 5.0 / 15.0);
        QCOMPARE(rpo.violations.size(), 1);
        QCOMPARE(rpo.violations[0].start, at(10));
        QCOMPARE(rpo.violations[0].worstExposureSeconds, 20 * hour);
        QVERIFY(!rpo.violations[0].ongoing);
        QCOMPARE(rpo.currentExposureSeconds, 100 * hour);
    }

    void realTimeTargetMergesIntoOneViolation()
    {
        const RpoAnalysis rpo = analyzeRpo({ at(1), at(2) }, 0, at(1), at(3), at(3));
        QCOMPARE(rpo.compliance, 0.0);
        QCOMPARE(rpo.violations.size(), 1);
        QCOMPARE(rpo.violations[0].start, at(1));
        QCOMPARE(rpo.violations[0].end, at(3));
        QCOMPARE(rpo.violations[0].worstExposureSeconds, hour);
    }

    void hostWithEverythingInOrderIsCompliant()
    {
        HostProfile host;
        host.name = QStringLiteral("good");
        for (RecoveryTarget& target : host.targets)
            target.rpoSeconds = 26 * 3600;
        QList<BackupRecord> backups;
        QList<CatalogEvent> events;
        const QDateTime now = at(40 * 24 + 3);
        // Thirty days kept (the retention), each re-proven within the week (the verification interval).
        for (int day = 10; day <= 40; ++day) {
            for (const QString& component : { QStringLiteral("postgres"), QStringLiteral("app-data") }) {
                BackupRecord record = backup(component, at(day * 24 + 2), 1000 + day);
                record.verifiedAt = now.addDays(-1);
                record.provenAt = record.verifiedAt;
                backups.append(record);
                events.append(event(QStringLiteral("remote_copy"), record.time.addSecs(60),
                    { { QStringLiteral("file"), record.path }, { QStringLiteral("result"), QStringLiteral("ok") } }));
            }
        }
        events.append(event(QStringLiteral("restore_finished"), now.addDays(-10),
            { { QStringLiteral("scenario"), QStringLiteral("database-corruption") },
                { QStringLiteral("duration_ms"), 600'000 } }));
        events.append(event(QStringLiteral("drill_finished"), now.addDays(-40),
            { { QStringLiteral("scenario"), QStringLiteral("complete-system-failure") },
                { QStringLiteral("duration_ms"), 3'600'000 } }));
        const QString crontab = QStringLiteral("0 2 * * * /opt/bot/scripts/backup-system.sh backup\n"
                                               "0 3 * * 0 /opt/bot/scripts/backup-system.sh cleanup\n"
                                               "0 4 * * * /opt/bot/scripts/backup-system.sh verify latest\n");
        ComplianceSettings settings = ComplianceSettings::lastDays(now, 30);
        HostCompliance result = evaluateHost(host, backups, events, crontab, settings);
        QVERIFY2(result.verdict == HostCompliance::Verdict::Compliant, qPrintable(result.reasons.join(u'\n')));
        QCOMPARE(result.components.size(), 2);
        QCOMPARE(result.components[0].component, QStringLiteral("app-data"));
        QCOMPARE(result.components[0].rpo.compliance, 1.0);
        QCOMPARE(result.components[0].rpo.currentExposureSeconds, hour);
        QVERIFY(result.schedule.ok());
        QVERIFY(!result.monthlyTestOverdue);
        QVERIFY(!result.quarterlyDrillOverdue);
        QCOMPARE(result.rto.size(), 2);
        QVERIFY(result.rto[0].met());
        QCOMPARE(result.effectiveExposureSeconds, hour);
        QCOMPARE(result.componentSkewSeconds, 0);

        // The seed's 1 h database RPO against daily backups: non-compliant, and the JSON says why.
        host.targets = HostProfile::defaultTargets();
        result = evaluateHost(host, backups, events, crontab, settings);
        QCOMPARE(result.verdict, HostCompliance::Verdict::NonCompliant);
        const QJsonObject json = result.toJson();
        QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("non-compliant"));
        const QJsonObject postgres = json.value(QStringLiteral("components")).toArray()[1].toObject();
        QCOMPARE(postgres.value(QStringLiteral("component")).toString(), QStringLiteral("postgres"));
        QCOMPARE(postgres.value(QStringLiteral("rpo_target_seconds")).toInteger(), hour);
        QCOMPARE(postgres.value(QStringLiteral("current_exposure_seconds")).toInteger(), hour);
        // Each day: 1 h within target out of 24 h.
        QCOMPARE(postgres.value(QStringLiteral("compliance")).toDouble(), 1.0 / 24.0);
        const QJsonArray violations = postgres.value(QStringLiteral("violations")).toArray();
        QCOMPARE(violations.size(), 30);
        QCOMPARE(violations[0].toObject().value(QStringLiteral("worst_exposure_seconds")).toInteger(), 24 * hour);
        QVERIFY(violations[0].toObject().value(QStringLiteral("start")).toString().endsWith(u'Z'));
    }

    void findingsEachCount()
    {
        HostProfile host;
        host.name = QStringLiteral("troubled");
        const QDateTime now = at(20 * 24);
        QList<BackupRecord> backups;
        for (int day = 0; day < 18; ++day) // the last two days are missing
            backups.append(backup(QStringLiteral("sqlite"), at(day * 24 + 2), day == 15 ? 100 : 5000));
        backups.append(backup(QStringLiteral("sqlite"), now.addDays(2))); // clock skew
        backups[16].verifyState = VerifyState::Failed;
        QList<CatalogEvent> events { event(QStringLiteral("backup_failed"), at(17 * 24 + 2),
                                         { { QStringLiteral("component"), QStringLiteral("sqlite") } }),
            event(QStringLiteral("drill_finished"), now.addDays(-100),
                { { QStringLiteral("scenario"), QStringLiteral("complete-system-failure") },
                    { QStringLiteral("duration_ms"), 9'000'000 } }) };
        const HostCompliance result = evaluateHost(host, backups, events,
            QStringLiteral("0 2 * * * backup-system.sh backup\n"), ComplianceSettings::lastDays(now, 30));
        QCOMPARE(result.verdict, HostCompliance::Verdict::NonCompliant);
        QCOMPARE(result.components.size(), 1);
        const ComponentCompliance& sqlite = result.components[0];
        QCOMPARE(sqlite.futureBackups, 1);
        QCOMPARE(sqlite.sizeAnomalies.size(), 1);
        QCOMPARE(sqlite.sizeAnomalies[0].size, 100);
        QCOMPARE(sqlite.sizeAnomalies[0].usualSize, 5000);
        QCOMPARE(sqlite.failedVerifications, 1);
        QCOMPARE(sqlite.failedBackups, 1);
        QVERIFY(sqlite.missedBackup);
        QCOMPARE(sqlite.usualIntervalSeconds, 24 * hour);
        QCOMPARE(sqlite.missingDays, (QList<QDate> { at(18 * 24).date(), at(19 * 24).date() }));
        QCOMPARE(sqlite.rpo.currentExposureSeconds, 2 * 24 * hour + 22 * hour);
        QVERIFY(result.monthlyTestOverdue);
        QVERIFY(result.quarterlyDrillOverdue);
        QVERIFY(!result.rto.first().met()); // 2.5 h against a 2 h target
        QVERIFY(!result.schedule.weeklyCleanup);
        QVERIFY(!result.schedule.dailyVerify);
        const QString reasons = result.reasons.join(u'\n');
        QVERIFY(reasons.contains(QLatin1String("clock skew")));
        QVERIFY(reasons.contains(QLatin1String("quarterly full drill overdue")));
        QVERIFY(reasons.contains(QLatin1String("crontab: no weekly cleanup")));
    }

    void remoteRetentionCountsMissingDays()
    {
        HostProfile host;
        host.name = QStringLiteral("offsite");
        QList<BackupRecord> backups;
        QList<CatalogEvent> events;
        const QDateTime now = at(10 * 24 + 12);
        for (int day = 0; day <= 10; ++day) {
            const BackupRecord record = backup(QStringLiteral("postgres"), at(day * 24 + 2));
            backups.append(record);
            if (day != 4 && day != 7) // two days never reached the remote store
                events.append(event(QStringLiteral("remote_copy"), record.time.addSecs(300),
                    { { QStringLiteral("file"), record.path },
                        { QStringLiteral("component"), QStringLiteral("postgres") },
                        { QStringLiteral("result"), QStringLiteral("ok") } }));
        }
        const HostCompliance result
            = evaluateHost(host, backups, events, std::nullopt, ComplianceSettings::lastDays(now, 30));
        QCOMPARE(result.components[0].missingRemoteDays, (QList<QDate> { at(4 * 24).date(), at(7 * 24).date() }));
        QCOMPARE(result.components[0].fullBackupsWithoutRemoteCopy, 2);
        QCOMPARE(result.toJson()
                     .value(QStringLiteral("components"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("missing_remote_days"))
                     .toInt(),
            2);
    }

    void emptyHost()
    {
        HostProfile host;
        host.name = QStringLiteral("empty");
        const HostCompliance result
            = evaluateHost(host, {}, {}, std::nullopt, ComplianceSettings::lastDays(at(100), 7));
        QCOMPARE(result.verdict, HostCompliance::Verdict::NonCompliant);
        QVERIFY(result.reasons.first().contains(QLatin1String("no backups")));
        QVERIFY(result.toJson().value(QStringLiteral("schedule")).isNull());
    }

    void scheduleForms_data()
    {
        QTest::addColumn<QString>("crontab");
        QTest::addColumn<bool>("ok");
        QTest::newRow("seed") << "0 2 * * * /p/backup-system.sh backup\n0 3 * * 0 /p/backup-system.sh cleanup\n"
                                 "0 4 * * * /p/backup-system.sh verify latest\n"
                              << true;
        QTest::newRow("macros") << "@daily ./backup-system.sh backup\n@weekly ./backup-system.sh cleanup\n"
                                   "@daily ./backup-system.sh verify latest\n"
                                << true;
        QTest::newRow("commented out")
            << "#0 2 * * * /p/backup-system.sh backup\n0 3 * * 0 /p/backup-system.sh cleanup\n"
               "0 4 * * * /p/backup-system.sh verify latest\n"
            << false;
        QTest::newRow("backup only monthly")
            << "0 2 1 * * /p/backup-system.sh backup\n0 3 * * 0 /p/backup-system.sh cleanup\n"
               "0 4 * * * /p/backup-system.sh verify latest\n"
            << false;
        QTest::newRow("empty") << "" << false;
    }

    void scheduleForms()
    {
        QFETCH(QString, crontab);
        QTEST(checkSchedule(crontab).ok(), "ok");
    }

    void daylightSavingChangesDoNotBendExposure()
    {
        // Daily backups at 03:30 Berlin time across the spring change (29 March 2026): 02:30 UTC before,
        // 01:30 UTC after. Inside, everything is UTC: the interval across the change is 23 h, not 24 h, and
        // the local clock's jump never shows up as a gap or an overlap.
        const QTimeZone berlin("Europe/Berlin");
        QList<QDateTime> times;
        for (int day = 25; day <= 31; ++day)
            times.append(QDateTime(QDate(2026, 3, day), QTime(3, 30), berlin).toUTC());
        const RpoAnalysis rpo = analyzeRpo(times, 23 * hour + 30 * 60, times.first(), times.last(), times.last());
        // 24 h gaps exceed a 23.5 h target by 30 min each (5 of them); the 23 h gap across the change does not.
        QCOMPARE(rpo.violations.size(), 5);
        for (const RpoViolation& violation : rpo.violations) {
            QCOMPARE(violation.worstExposureSeconds, 24 * hour);
            QCOMPARE(violation.start.timeSpec(), Qt::UTC);
        }
        QCOMPARE(times[4].toMSecsSinceEpoch() - times[3].toMSecsSinceEpoch(), 23 * hour * 1000); // 28th -> 29th
        QCOMPARE(rpo.compliance, 1.0 - (5 * 1800.0) / double(times.first().secsTo(times.last())));
    }

    void thousandsOfHosts()
    {
        // 3,000 hosts with a month of daily backups of three components each, judged one after another.
        QList<BackupRecord> backups;
        for (int day = 0; day < 30; ++day) {
            for (const QString& component :
                { QStringLiteral("postgres"), QStringLiteral("sqlite"), QStringLiteral("app-data") })
                backups.append(backup(component, at(day * 24 + 2)));
        }
        QElapsedTimer timer;
        timer.start();
        int nonCompliant = 0;
        for (int i = 0; i < 3000; ++i) {
            HostProfile host;
            host.name = QStringLiteral("h%1").arg(i);
            nonCompliant
                += evaluateHost(host, backups, {}, std::nullopt, ComplianceSettings::lastDays(at(30 * 24), 30)).verdict
                == HostCompliance::Verdict::NonCompliant;
        }
        qInfo("3,000 hosts judged in %lld ms", timer.elapsed());
        QCOMPARE(nonCompliant, 3000); // the seed's 1 h database RPO against daily backups
        QVERIFY(timer.elapsed() < 10'000);
    }

    void scalesToAYearOfHourlyBackups()
    {
        // n log n: a year of hourly backups of three components judged well under a second.
        HostProfile host;
        host.name = QStringLiteral("big");
        QList<BackupRecord> backups;
        for (int h = 0; h < 365 * 24; ++h) {
            for (const QString& component :
                { QStringLiteral("postgres"), QStringLiteral("sqlite"), QStringLiteral("app-data") })
                backups.append(backup(component, at(h), 1000 + (h % 7)));
        }
        QElapsedTimer timer;
        timer.start();
        const HostCompliance result
            = evaluateHost(host, backups, {}, std::nullopt, ComplianceSettings::lastDays(at(365 * 24), 90));
        const qint64 elapsed = timer.elapsed();
        qInfo("judged %lld backups in %lld ms", qint64(backups.size()), elapsed);
        QCOMPARE(result.components.size(), 3);
        QCOMPARE(result.components[0].rpo.compliance, 1.0);
        QVERIFY(elapsed < 2000);
    }
};

QTEST_GUILESS_MAIN(tst_Compliance)
#include "tst_Compliance.moc"
