#include "core/Proof.h"

#include <QTest>

#include <limits>

using namespace dr;

// When a backup counts as proven: fresh pass, stale pass, newer failure, never; coverage of the last 30 days.
class tst_Proof : public QObject
{
    Q_OBJECT

private:
    const QDateTime now { QDate(2026, 11, 25), QTime(12, 0), Qt::UTC };

    BackupRecord backup(int ageDays, VerifyState state, int provenDaysAgo = -1)
    {
        BackupRecord record;
        record.path = QStringLiteral("backups/database/postgres-%1.sql.gz").arg(ageDays);
        record.time = now.addDays(-ageDays);
        record.verifyState = state;
        if (provenDaysAgo >= 0) {
            record.provenAt = now.addDays(-provenDaysAgo);
            record.provenLevel = QStringLiteral("integrity");
        }
        return record;
    }

private:
    static constexpr qint64 never = std::numeric_limits<qint64>::min(); ///< no proof at all

private slots:

    void states_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("provenSecondsAgo");
        QTest::addColumn<int>("expected");
        const qint64 week = 7 * 86'400;
        QTest::newRow("never verified") << int(VerifyState::Unverified) << never << int(ProofState::Unverified);
        QTest::newRow("fresh pass") << int(VerifyState::Passed) << qint64(3600) << int(ProofState::Proven);
        QTest::newRow("exactly the interval") << int(VerifyState::Passed) << week << int(ProofState::Proven);
        QTest::newRow("one second past it") << int(VerifyState::Passed) << week + 1 << int(ProofState::Stale);
        QTest::newRow("newer failure outweighs a pass")
            << int(VerifyState::Failed) << qint64(3600) << int(ProofState::Failed);
        QTest::newRow("could not verify keeps the earlier proof")
            << int(VerifyState::Error) << qint64(3600) << int(ProofState::Proven);
        QTest::newRow("could not verify, never proven")
            << int(VerifyState::Error) << never << int(ProofState::Unverified);
        // Proofs stamped by the host's clock: a few minutes ahead is a fresh proof; far ahead, its age is unknown
        // and it must not stay fresh until that date.
        QTest::newRow("host clock minutes ahead")
            << int(VerifyState::Passed) << qint64(-300) << int(ProofState::Proven);
        QTest::newRow("host clock a year ahead")
            << int(VerifyState::Passed) << qint64(-365 * 86'400) << int(ProofState::Stale);
    }
    void states()
    {
        QFETCH(int, state);
        QFETCH(qint64, provenSecondsAgo);
        QFETCH(int, expected);
        BackupRecord record;
        record.verifyState = VerifyState(state);
        if (provenSecondsAgo != never)
            record.provenAt = now.addSecs(-provenSecondsAgo);
        const Proof proof = Proof::of(record, now, 7);
        QCOMPARE(int(proof.state), expected);
        QCOMPARE(proof.counts(), expected == int(ProofState::Proven));
    }

    void verdictOutlastsAChecksThatCouldNotRun()
    {
        // Passed on day 1, failed on day 2, could not verify on day 3: still failed, not proven by day 1.
        BackupRecord record;
        record.provenAt = now.addDays(-2);
        record.verdict = VerifyState::Failed;
        record.verifyState = VerifyState::Error;
        QCOMPARE(Proof::of(record, now, 7).state, ProofState::Failed);
        // Failed, then passed again: proven.
        record.verdict = VerifyState::Passed;
        record.provenAt = now.addSecs(-60);
        QCOMPARE(Proof::of(record, now, 7).state, ProofState::Proven);
    }

    void intervalIsTheHosts()
    {
        const BackupRecord record = backup(20, VerifyState::Passed, 10);
        QCOMPARE(Proof::of(record, now, 7).state, ProofState::Stale);
        QCOMPARE(Proof::of(record, now, 14).state, ProofState::Proven);
    }

    void levelFromAnOlderMethod_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("level");
        QTest::newRow("pg dump") << "sha256+gzip+pg-dump-header-footer"
                                 << "integrity";
        QTest::newRow("sqlite") << "openssl+gzip+sqlite-integrity"
                                << "integrity";
        QTest::newRow("tar") << "sha256+gzip+tar-list"
                             << "read-through";
        QTest::newRow("workstation tar") << "gzip+tar+sha256"
                                         << "read-through";
        QTest::newRow("deep") << "gzip+pg-dump-header-footer+deep-restore"
                              << "deep";
        QTest::newRow("checksum only") << "sha256"
                                       << "checksum";
        QTest::newRow("nothing said") << ""
                                      << "";
    }
    void levelFromAnOlderMethod()
    {
        QFETCH(QString, method);
        QFETCH(QString, level);
        QCOMPARE(Proof::levelFromMethod(method), level);
    }

    void coverageOfTheLast30Days()
    {
        QList<BackupRecord> backups;
        for (int day = 0; day < 40; ++day) {
            // Proven this week: days 0-9; stale proof: 10-19; failed: 20-21; never: the rest.
            if (day < 10)
                backups.append(backup(day, VerifyState::Passed, 1));
            else if (day < 20)
                backups.append(backup(day, VerifyState::Passed, 12));
            else if (day < 22)
                backups.append(backup(day, VerifyState::Failed, 30));
            else
                backups.append(backup(day, VerifyState::Unverified));
        }
        BackupRecord removed = backup(2, VerifyState::Passed, 1);
        removed.present = false;
        backups.append(removed);
        BackupRecord future = backup(-2, VerifyState::Passed, 0);
        backups.append(future);

        const ProofCoverage coverage = ProofCoverage::of(backups, now, 7);
        QCOMPARE(coverage.backups, 31); // days 0..30 inclusive; removed and future ones do not count
        QCOMPARE(coverage.proven, 10);
        QCOMPARE(coverage.failed, 2);
        QCOMPARE(coverage.percent(), 32);
        QVERIFY2(coverage.text().startsWith(QLatin1String("32 % of the last 30 days' backups proven (10 of 31)")),
            qPrintable(coverage.text()));
        QCOMPARE(ProofCoverage::of({}, now, 7).text(), QStringLiteral("no backups in the last 30 day(s)"));
    }
};

QTEST_GUILESS_MAIN(tst_Proof)
#include "tst_Proof.moc"
