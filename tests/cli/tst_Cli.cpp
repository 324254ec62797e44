#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// drconsole-cli as a script or a monitor uses it: the real binary, a real catalog, a local host folder.
class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run cli(
        const QStringList& arguments, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DRCONSOLE_CLI_PATH),
            QStringList { QStringLiteral("--catalog"), m_dir.filePath(QStringLiteral("catalog.sqlite")) } + arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(30'000))
            return {};
        return { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
    }

    void makeBackup(const QString& relativePath)
    {
        const QString path = m_dir.filePath(QStringLiteral("host/") + relativePath);
        QDir().mkpath(QFileInfo(path).absolutePath());
        // A real gzip file: the listing does not read it, but the history should hold real backups.
        QProcess gzip;
        gzip.setStandardOutputFile(path);
        gzip.start(QStringLiteral("gzip"), { QStringLiteral("-c") });
        gzip.write("-- PostgreSQL database dump\nSELECT 1;\n-- PostgreSQL database dump complete\n");
        gzip.closeWriteChannel();
        QVERIFY(gzip.waitForFinished(10'000));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-1), QFileDevice::FileModificationTime));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("TZ", "UTC");
        makeBackup(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"));
        makeBackup(QStringLiteral("backups/database/postgres-20261121-020000.sql.gz"));
        makeBackup(QStringLiteral("backups/application/app-data-20261121-020000.tar.gz.enc"));
        QFile catalog(m_dir.filePath(QStringLiteral("host/backups/catalog.jsonl")));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(R"({"v":1,"ts":"2026-11-21T02:00:05Z","event":"backup_finished","kind":"full",)"
                      R"("component":"postgres","file":"backups/database/postgres-20261121-020000.sql.gz",)"
                      R"("size":99,"sha256":"00ff","duration_ms":5000})"
                      "\n");
    }

    void usageAndErrors()
    {
        const Run help = cli({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("sync NAME"));
        const Run unknown = cli({ QStringLiteral("frobnicate") });
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown command \"frobnicate\""));
        const Run noHost = cli({ QStringLiteral("list"), QStringLiteral("ghost") });
        QCOMPARE(noHost.exitCode, 2);
        QVERIFY(noHost.err.contains("No host named \"ghost\""));
        const Run badPort = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("x"),
            QStringLiteral("--address"), QStringLiteral("h"), QStringLiteral("--user"), QStringLiteral("u"),
            QStringLiteral("--port"), QStringLiteral("many") });
        QCOMPARE(badPort.exitCode, 2);
        QVERIFY(badPort.err.contains("--port"));
    }

    void addSyncListRemove()
    {
        Run added = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("demo"),
            QStringLiteral("--local"), m_dir.filePath(QStringLiteral("host")), QStringLiteral("--backup-dir"),
            QStringLiteral("backups/database"), QStringLiteral("--backup-dir"),
            QStringLiteral("backups/application") });
        QVERIFY2(added.exitCode == 0, added.err.constData());
        added = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("ssh1"),
            QStringLiteral("--address"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("2222"),
            QStringLiteral("--user"), QStringLiteral("backup") });
        QCOMPARE(added.exitCode, 0);

        const Run hosts = cli({ QStringLiteral("host"), QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(hosts.exitCode, 0);
        const QJsonArray hostArray = QJsonDocument::fromJson(hosts.out).array();
        QCOMPARE(hostArray.size(), 2);
        QCOMPARE(hostArray[1].toObject().value(QStringLiteral("port")).toInt(), 2222);
        QCOMPARE(hostArray[0].toObject().value(QStringLiteral("backup_dirs")).toArray().size(), 2);

        const Run synced = cli({ QStringLiteral("sync"), QStringLiteral("demo") });
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        QVERIFY(synced.out.contains("3 new"));

        const Run listed = cli({ QStringLiteral("list"), QStringLiteral("demo"), QStringLiteral("--json") });
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray backups = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(backups.size(), 3);
        // Newest first; the managed one carries the catalog's exact time and checksum.
        const QJsonObject newest = backups[0].toObject();
        QCOMPARE(newest.value(QStringLiteral("path")).toString(),
            QStringLiteral("backups/database/postgres-20261121-020000.sql.gz"));
        QCOMPARE(newest.value(QStringLiteral("time")).toString(), QStringLiteral("2026-11-21T02:00:05Z"));
        QCOMPARE(newest.value(QStringLiteral("managed")).toBool(), true);
        QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("full"));
        QCOMPARE(newest.value(QStringLiteral("sha256")).toString(), QStringLiteral("00ff"));
        QVERIFY(newest.value(QStringLiteral("size")).toInteger() > 20);
        for (const auto& value : backups) {
            const QJsonObject backup = value.toObject();
            for (const char* key : { "path", "component", "kind", "time", "size", "encrypted", "managed" })
                QVERIFY2(backup.contains(QLatin1String(key)), key);
        }
        const QJsonObject encrypted = backups[1].toObject();
        QCOMPARE(encrypted.value(QStringLiteral("component")).toString(), QStringLiteral("app-data"));
        QCOMPARE(encrypted.value(QStringLiteral("encrypted")).toBool(), true);
        QCOMPARE(encrypted.value(QStringLiteral("managed")).toBool(), false);

        const Run again = cli({ QStringLiteral("sync"), QStringLiteral("demo") });
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("0 new"));

        const Run removed = cli({ QStringLiteral("host"), QStringLiteral("remove"), QStringLiteral("demo") });
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(cli({ QStringLiteral("list"), QStringLiteral("demo") }).exitCode, 2);
    }

    void environmentNamesTheCatalog()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString path = m_dir.filePath(QStringLiteral("from-env.sqlite"));
        environment.insert(QStringLiteral("DRCONSOLE_CATALOG"), path);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DRCONSOLE_CLI_PATH), { QStringLiteral("host"), QStringLiteral("list") });
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile::exists(path));
    }

    void unreachableSshHostFailsWithReason()
    {
        // Nothing listens on port 1 of loopback: a refused connection, reported with exit code 2.
        const Run added = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("closed"),
            QStringLiteral("--address"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("1"),
            QStringLiteral("--user"), QStringLiteral("nobody") });
        QCOMPARE(added.exitCode, 0);
        const Run synced = cli({ QStringLiteral("sync"), QStringLiteral("closed") });
        QCOMPARE(synced.exitCode, 2);
        QVERIFY2(synced.err.contains("closed"), synced.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
