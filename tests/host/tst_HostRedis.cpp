// The host tool against a real Redis started on loopback by the test: `backup critical` takes a snapshot with
// redis-cli --rdb, and `verify` proves it with redis-check-rdb (every key parsed, the RDB's CRC64 checked) on a
// private decoded copy; damaged snapshots fail with its finding, and without the checker the proof stays at
// read-through.
#include "HostProject.h"
#include "TestRedis.h"

#include <QDirIterator>
#include <QTest>

using namespace dr::test;

class tst_HostRedis : public QObject
{
    Q_OBJECT

private:
    TestRedis m_server;

    void configure(HostProject& project)
    {
        project.env.insert(QStringLiteral("REDIS_URL"), m_server.url());
        project.env.insert(QStringLiteral("SQLITE_DB"), QString());
        project.env.insert(QStringLiteral("APP_DATA_PATHS"), QString());
    }
    static QJsonObject verify(const HostProject& project, const QString& file, int expectedExit)
    {
        const ToolResult result = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), file });
        if (result.exitCode != expectedExit)
            qWarning("%s", qPrintable(result.describe()));
        return result.exitCode == expectedExit ? QJsonDocument::fromJson(result.out).object() : QJsonObject();
    }
    /// The snapshot of @p backup decompressed, changed by @p damage, and compressed again by gzip into @p name:
    /// the gzip layer is intact, so only a check of the RDB itself can find the fault.
    static bool damagedCopy(const HostProject& project, const QString& backup, const QString& name,
        const std::function<void(QByteArray&)>& damage)
    {
        const ToolResult plain = project.runProgram(QStringLiteral("gzip"), { QStringLiteral("-dc"), backup });
        if (plain.exitCode != 0)
            return false;
        QByteArray rdb = plain.out;
        damage(rdb);
        const QString raw = QStringLiteral("backups/database/damaged.rdb");
        return project.writeFile(raw, rdb)
            && project.sh(QStringLiteral("gzip -c %1 > backups/database/%2 && rm %1").arg(raw, name)).exitCode == 0;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.fill(2000, &error), qPrintable(error));
        QByteArray size;
        QVERIFY(m_server.cli({ QStringLiteral("dbsize") }, {}, &size));
        QCOMPARE(size.trimmed(), QByteArray("2003"));
    }

    void snapshotIsProvenByRedisCheckRdb()
    {
        HostProject project;
        configure(project);
        const ToolResult backup = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.describe()));
        const QString file = project.lastBackup(QStringLiteral("redis"));
        QVERIFY2(QRegularExpression(QStringLiteral("^backups/database/redis-\\d{8}-\\d{6}\\.rdb\\.gz$"))
                     .match(file)
                     .hasMatch(),
            qPrintable(file));
        QVERIFY(QFile::exists(project.file(file + QStringLiteral(".sha256"))));

        const QJsonObject verdict = verify(project, file, 0);
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
        QCOMPARE(verdict.value(QStringLiteral("level")).toString(), QStringLiteral("integrity"));
        QCOMPARE(verdict.value(QStringLiteral("method")).toString(),
            QStringLiteral("sha256+gzip+rdb-header+redis-check-rdb"));
        const QJsonObject event = project.events(QStringLiteral("verify")).last();
        QCOMPARE(event.value(QStringLiteral("level")).toString(), QStringLiteral("integrity"));
        // The decoded copy the checker read is gone: nothing of the snapshot is left outside the backup.
        QDirIterator left(
            project.path(), { QStringLiteral("*.rdb") }, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (left.hasNext()) {
            const QFileInfo copy(left.next());
            QVERIFY2(copy.size() == 0, qPrintable(copy.filePath()));
        }
    }

    void damagedSnapshotsFail_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("finding");
        QTest::newRow("one value changed") << QStringLiteral("value") << QStringLiteral("RDB CRC error");
        QTest::newRow("cut short") << QStringLiteral("cut") << QStringLiteral("Unexpected EOF");
        QTest::newRow("not an RDB") << QStringLiteral("text") << QStringLiteral("no REDIS header");
    }
    void damagedSnapshotsFail()
    {
        QFETCH(QString, damage);
        QFETCH(QString, finding);
        HostProject project;
        configure(project);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString name = QStringLiteral("redis-20200101-000000.rdb.gz");
        QVERIFY(
            damagedCopy(project, project.file(project.lastBackup(QStringLiteral("redis"))), name, [&](QByteArray& rdb) {
                if (damage == QLatin1String("value")) {
                    const qsizetype at = rdb.indexOf("remind me of 1000");
                    QVERIFY(at > 0);
                    rdb[at] = 'R'; // same length: every key still parses, only the checksum can tell
                } else if (damage == QLatin1String("cut")) {
                    rdb.chop(rdb.size() / 3);
                } else {
                    rdb = "SET reminder:1 hello\n";
                }
            }));
        const QJsonObject verdict = verify(project, QStringLiteral("backups/database/") + name, 1);
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        const QString reason = verdict.value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(finding), qPrintable(reason));
        QVERIFY2(!reason.contains(QLatin1String("/tmp")), qPrintable(reason)); // names no temporary copy
        QCOMPARE(project.events(QStringLiteral("verify")).last().value(QStringLiteral("result")).toString(),
            QStringLiteral("failed"));
    }

    void newerFormatOrNoChecksumProveLess()
    {
        HostProject project;
        configure(project);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString backup = project.file(project.lastBackup(QStringLiteral("redis")));
        // RDB format 99, from a Redis newer than this checker: no verdict on the snapshot.
        QVERIFY(damagedCopy(project, backup, QStringLiteral("redis-20200102-000000.rdb.gz"),
            [](QByteArray& rdb) { rdb.replace(5, 4, "0099"); }));
        QJsonObject verdict = verify(project, QStringLiteral("backups/database/redis-20200102-000000.rdb.gz"), 1);
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("error"));
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QStringLiteral("older than the Redis")),
            qPrintable(verdict.value(QStringLiteral("reason")).toString()));
        // Written with "rdbchecksum no" (a zero checksum, which the checker skips), with a value changed: the
        // keys parse, so it passes, but only at read-through, and says why.
        QVERIFY(damagedCopy(project, backup, QStringLiteral("redis-20200103-000000.rdb.gz"), [](QByteArray& rdb) {
            rdb[rdb.indexOf("remind me of 700")] = 'R';
            rdb.replace(rdb.size() - 8, 8, QByteArray(8, '\0'));
        }));
        verdict = verify(project, QStringLiteral("backups/database/redis-20200103-000000.rdb.gz"), 0);
        QCOMPARE(verdict.value(QStringLiteral("level")).toString(), QStringLiteral("read-through"));
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QStringLiteral("no checksum")),
            qPrintable(verdict.value(QStringLiteral("reason")).toString()));
    }

    void encryptedSnapshotIsCheckedAfterDecryption()
    {
        HostProject project;
        configure(project);
        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION"), QStringLiteral("true"));
        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION_KEY"), QStringLiteral("it's a \"key\" $(x)"));
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString file = project.lastBackup(QStringLiteral("redis"));
        QVERIFY2(file.endsWith(QLatin1String(".rdb.gz.enc")), qPrintable(file));
        const QJsonObject verdict = verify(project, file, 0);
        QCOMPARE(verdict.value(QStringLiteral("level")).toString(), QStringLiteral("integrity"));
        QCOMPARE(verdict.value(QStringLiteral("method")).toString(),
            QStringLiteral("sha256+openssl+gzip+rdb-header+redis-check-rdb"));
    }

    void withoutTheCheckerTheProofIsReadThrough()
    {
        HostProject project;
        configure(project);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        project.env.insert(QStringLiteral("REDIS_CHECK_RDB"), project.file(QStringLiteral("no-such-redis-check-rdb")));
        const QJsonObject verdict = verify(project, project.lastBackup(QStringLiteral("redis")), 0);
        QCOMPARE(verdict.value(QStringLiteral("level")).toString(), QStringLiteral("read-through"));
        QCOMPARE(verdict.value(QStringLiteral("method")).toString(), QStringLiteral("sha256+gzip+rdb-header"));
    }
};

QTEST_GUILESS_MAIN(tst_HostRedis)
#include "tst_HostRedis.moc"
