// make-demo-host.sh: a short history built by the real host tool, with everything the console's demo relies on
// (gaps, a failed backup, a failed verification, encrypted app data, incrementals, hourly critical backups),
// relative catalog paths, and its refusal to build over a folder that is not empty.
#include "HostProject.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

using namespace dr::test;

class tst_HostDemo : public QObject
{
    Q_OBJECT

private slots:
    void buildsAHistory()
    {
        HostProject workspace;
        const QString demo = workspace.file(QStringLiteral("demo"));
        const QString script = sourceDir() + QStringLiteral("/src/host/make-demo-host.sh");
        QElapsedTimer timer;
        timer.start();
        const int days = 12;
        ToolResult result = workspace.runProgram(script, { demo, QString::number(days) }, 240'000);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        qInfo("make-demo-host.sh with %d days: %lld ms", days, elapsed);
        for (int day = 1; day <= days; ++day)
            QVERIFY(result.out.contains(QStringLiteral("demo: day %1/%2\n").arg(day).arg(days).toUtf8()));

        HostProject host;
        host.env.insert(QStringLiteral("BACKUP_CONFIG"), demo + QStringLiteral("/backup.env"));
        auto inDemo = [&](const QStringList& arguments) {
            QProcess process;
            process.setWorkingDirectory(demo);
            process.setProcessEnvironment(host.env);
            process.start(hostToolPath(), arguments);
            process.waitForFinished(120'000);
            return std::make_pair(process.exitCode(), process.readAllStandardOutput());
        };

        QList<QJsonObject> events;
        QFile catalog(demo + QStringLiteral("/backups/catalog.jsonl"));
        QVERIFY(catalog.open(QIODevice::ReadOnly));
        QString previous;
        for (const QByteArray& line : catalog.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            events.append(QJsonDocument::fromJson(line).object());
            const QString stamp = events.last().value(QStringLiteral("ts")).toString();
            QVERIFY2(stamp >= previous, "the catalog is in time order");
            previous = stamp;
        }
        QMap<QString, int> finished;
        int backupFailed = 0, verifyFailed = 0, verifyPassed = 0, restores = 0;
        QSet<QString> fullDays;
        for (const QJsonObject& event : events) {
            const QString name = event.value(QStringLiteral("event")).toString();
            const QString file = event.value(QStringLiteral("file")).toString();
            if (!file.isEmpty())
                QVERIFY2(file.startsWith(QLatin1String("backups/")), qPrintable(file));
            if (name == QLatin1String("backup_finished")) {
                const QString key = event.value(QStringLiteral("component")).toString() + u'/'
                    + event.value(QStringLiteral("kind")).toString();
                ++finished[key];
                if (key == QLatin1String("sqlite/full"))
                    fullDays.insert(event.value(QStringLiteral("ts")).toString().left(10));
                if (event.value(QStringLiteral("component")).toString() == QLatin1String("app-data"))
                    QVERIFY2(event.value(QStringLiteral("encrypted")).toBool()
                            && file.endsWith(QLatin1String(".tar.gz.enc")),
                        qPrintable(file));
                else
                    QVERIFY(!event.value(QStringLiteral("encrypted")).toBool());
            } else if (name == QLatin1String("backup_failed")) {
                ++backupFailed;
                QCOMPARE(event.value(QStringLiteral("component")).toString(), QStringLiteral("postgres"));
            } else if (name == QLatin1String("verify")) {
                if (event.value(QStringLiteral("result")).toString() == QLatin1String("failed")) {
                    ++verifyFailed;
                    QVERIFY(!event.value(QStringLiteral("reason")).toString().isEmpty());
                } else {
                    ++verifyPassed;
                }
            } else if (name == QLatin1String("restore_finished")) {
                ++restores;
            }
        }
        QCOMPARE(backupFailed, 1);
        QCOMPARE(verifyFailed, 1);
        QVERIFY(verifyPassed >= 3);
        QCOMPARE(restores, 1);
        // Daily full backups with a few gap days; incrementals (3 a day, last week); hourly critical (last 2 days).
        QVERIFY2(fullDays.size() >= days - 4 && fullDays.size() < days, qPrintable(QString::number(fullDays.size())));
        QCOMPARE(finished.value(QStringLiteral("postgres/full")), fullDays.size() - 1);
        QCOMPARE(finished.value(QStringLiteral("config/full")), fullDays.size());
        QCOMPARE(finished.value(QStringLiteral("app-data/full")), fullDays.size());
        QVERIFY(finished.value(QStringLiteral("app-data/incremental")) >= 12);
        QVERIFY(finished.value(QStringLiteral("sqlite/critical")) >= 24);

        // The SQLite database is real and grew; a dump is plain-format text with its header and footer.
        QProcess count;
        count.start(QStringLiteral("sqlite3"),
            { demo + QStringLiteral("/data/discord_bot.db"), QStringLiteral("SELECT count(*) FROM reminders;") });
        QVERIFY(count.waitForFinished(30'000));
        QVERIFY(count.readAllStandardOutput().trimmed().toInt() > days * 12);
        auto [verifyExit, verifyOut]
            = inDemo({ QStringLiteral("verify"), QStringLiteral("latest"), QStringLiteral("--json") });
        QVERIFY2(verifyExit == 0, verifyOut.constData());
        QVERIFY(QJsonDocument::fromJson(verifyOut).array().size() >= 4);
        auto [listExit, listOut] = inDemo({ QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(listExit, 0);
        const QJsonArray list = QJsonDocument::fromJson(listOut).array();
        QVERIFY(list.size() > days * 4);
        QVERIFY(QRegularExpression(QStringLiteral("^backups/database/sqlite-\\d{8}-\\d{6}\\.db\\.gz$"))
                    .match(list.first().toObject().value(QStringLiteral("path")).toString())
                    .hasMatch()
            || list.first()
                   .toObject()
                   .value(QStringLiteral("path"))
                   .toString()
                   .startsWith(QLatin1String("backups/application/")));

        // Not over a folder with something in it, unless --force; --force rebuilds.
        result = workspace.runProgram(script, { demo, QStringLiteral("3") });
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--force"));
        result = workspace.runProgram(script, { demo, QStringLiteral("3"), QStringLiteral("--force") }, 240'000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY(result.out.contains("demo: day 3/3\n"));
        QVERIFY(workspace.writeFile(QStringLiteral("other/keep.txt"), "mine"));
        result = workspace.runProgram(
            script, { workspace.file(QStringLiteral("other")), QStringLiteral("3"), QStringLiteral("--force") });
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(workspace.readFile(QStringLiteral("other/keep.txt")), QByteArray("mine"));
        QCOMPARE(workspace.runProgram(script, { demo, QStringLiteral("many") }).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(tst_HostDemo)
#include "tst_HostDemo.moc"
