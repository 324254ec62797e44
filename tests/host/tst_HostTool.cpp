// The host tool end to end with real sqlite3, tar, gzip and openssl: usage and configuration, SQLite and
// app-data round trips (plain and encrypted), verification failures, retention, incremental chains, locks,
// notifications and remote copies.
#include "HostProject.h"
#include "verify/BackupVerifier.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace dr::test;

namespace {

constexpr qint64 day = 86400;

QJsonObject parseObject(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

QString text(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

/// The hex SHA-256 a sidecar `<file>.sha256` holds.
QString sidecarHash(const HostProject& project, const QString& file)
{
    return QString::fromLatin1(project.readFile(file + QStringLiteral(".sha256")).left(64));
}

/// A minimal plain pg_dump: header, one statement, completion footer.
const char* const tinyDump
    = "--\n-- PostgreSQL database dump\n--\n\nSELECT 1;\n\n--\n-- PostgreSQL database dump complete\n--\n";

} // namespace

class tst_HostTool : public QObject
{
    Q_OBJECT

private:
    /// A project with a SQLite database of @p rows rows and some app data.
    void makeProject(HostProject& project, int rows = 50)
    {
        QVERIFY(project.isValid());
        QString sql
            = QStringLiteral("PRAGMA journal_mode=WAL; CREATE TABLE reminders (id INTEGER PRIMARY KEY, text TEXT);");
        for (int i = 1; i <= rows; ++i)
            sql += QStringLiteral("INSERT INTO reminders VALUES (%1, 'reminder %1');").arg(i);
        project.sqlite(project.file(QStringLiteral("data/discord_bot.db")), {});
        QDir().mkpath(project.file(QStringLiteral("data")));
        project.sqlite(project.file(QStringLiteral("data/discord_bot.db")), sql);
        QVERIFY(project.writeFile(QStringLiteral("logs/bot.log"), "line 1\nline 2\n"));
        QVERIFY(project.writeFile(QStringLiteral("uploads/a.txt"), "first upload\n"));
        QVERIFY(project.writeFile(QStringLiteral("data/settings.json"), "{\"prefix\":\"!\"}\n"));
    }
    /// makeProject, then a full backup (sqlite and app-data).
    void makeBackedUpProject(HostProject& project)
    {
        makeProject(project);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("full") }).exitCode == 0);
    }
    QByteArray rows(const HostProject& project)
    {
        return project.sqlite(project.file(QStringLiteral("data/discord_bot.db")),
            QStringLiteral("SELECT * FROM reminders ORDER BY id;"));
    }
    void useKey(HostProject& project, const QString& how)
    {
        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION"), QStringLiteral("true"));
        if (how == QLatin1String("env")) {
            project.env.insert(QStringLiteral("BACKUP_ENCRYPTION_KEY"), QStringLiteral("s3cret-env-key-Zq9"));
        } else {
            QVERIFY(project.writeFile(QStringLiteral("keys/backup.key"), "s3cret-file-key-Xw4\n"));
            project.env.insert(
                QStringLiteral("BACKUP_ENCRYPTION_KEY_FILE"), project.file(QStringLiteral("keys/backup.key")));
        }
    }

private slots:
    void initTestCase()
    {
        for (const char* program :
            { "bash", "sqlite3", "tar", "gzip", "openssl", "sha256sum", "flock", "rsync", "curl" })
            QVERIFY2(!findProgram(QString::fromLatin1(program)).isEmpty(), program);
    }

    void versionAndHelp()
    {
        HostProject project;
        ToolResult result = project.run({ QStringLiteral("version") });
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QByteArray("backup-system.sh 0.3.1\n"));
        result = project.run({ QStringLiteral("version"), QStringLiteral("--json") });
        const QJsonObject version = parseObject(result.out);
        QCOMPARE(version.value(QStringLiteral("tool")).toString(), QStringLiteral("backup-system.sh"));
        QCOMPARE(version.value(QStringLiteral("version")).toString(), QStringLiteral("0.3.1"));
        QCOMPARE(version.value(QStringLiteral("protocol")).toInt(), 1);
        for (const QString& command : { QStringLiteral("backup"), QStringLiteral("verify"), QStringLiteral("list"),
                 QStringLiteral("status"), QStringLiteral("cleanup"), QStringLiteral("restore-postgres"),
                 QStringLiteral("restore-sqlite"), QStringLiteral("restore-app"), QStringLiteral("job"),
                 QStringLiteral("health"), QStringLiteral("copy-remote"), QStringLiteral("version") }) {
            result = project.run({ QStringLiteral("help"), command });
            QVERIFY2(
                result.exitCode == 0 && result.out.contains(command.toUtf8()), qPrintable(command + result.describe()));
        }
        result = project.run({ QStringLiteral("help") });
        QCOMPARE(result.exitCode, 0);
        for (const char* variable : { "BACKUP_RETENTION_DAYS", "BACKUP_ENCRYPTION_KEY_FILE", "BACKUP_CONFIG",
                 "SQLITE_DB", "APP_DATA_PATHS", "SERVICE_STOP_COMMAND", "HEALTH_CHECK_COMMAND",
                 "BACKUP_RSYNC_DESTINATION", "BACKUP_NOTIFY_WEBHOOK", "BACKUP_S3_BUCKET", "BACKUP_GCS_BUCKET" })
            QVERIFY2(result.out.contains(variable), variable);
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") }
                                         << QStringLiteral("unknown command");
        QTest::newRow("unknown kind") << QStringList { QStringLiteral("backup"), QStringLiteral("weekly") }
                                      << QStringLiteral("weekly");
        QTest::newRow("unknown component") << QStringList { QStringLiteral("backup"), QStringLiteral("--component"),
            QStringLiteral("mysql") } << QStringLiteral("mysql");
        QTest::newRow("verify nothing") << QStringList { QStringLiteral("verify") } << QStringLiteral("latest");
        QTest::newRow("verify bad type") << QStringList { QStringLiteral("verify"), QStringLiteral("x.gz"),
            QStringLiteral("oracle") } << QStringLiteral("oracle");
        QTest::newRow("verify bad --type") << QStringList { QStringLiteral("verify"), QStringLiteral("--type"),
            QStringLiteral("oracle"), QStringLiteral("x.gz") }
                                           << QStringLiteral("oracle");
        QTest::newRow("verify latest and a file") << QStringList { QStringLiteral("verify"), QStringLiteral("x.gz"),
            QStringLiteral("latest"), QStringLiteral("y.gz") }
                                                  << QStringLiteral("latest");
        QTest::newRow("verify option") << QStringList { QStringLiteral("verify"), QStringLiteral("--shallow"),
            QStringLiteral("x.gz") } << QStringLiteral("--shallow");
        QTest::newRow("restore no file") << QStringList { QStringLiteral("restore-sqlite") } << QStringLiteral("FILE");
        QTest::newRow("restore missing file")
            << QStringList { QStringLiteral("restore-sqlite"), QStringLiteral("nope.db.gz"), QStringLiteral("--yes") }
            << QStringLiteral("nope.db.gz");
        QTest::newRow("list option") << QStringList { QStringLiteral("list"), QStringLiteral("--xml") }
                                     << QStringLiteral("--xml");
        QTest::newRow("job id") << QStringList { QStringLiteral("job"), QStringLiteral("status"),
            QStringLiteral("../etc") }
                                << QStringLiteral("invalid job id");
        QTest::newRow("job command") << QStringList { QStringLiteral("job"), QStringLiteral("start"),
            QStringLiteral("--"), QStringLiteral("rm") }
                                     << QStringLiteral("rm");
        QTest::newRow("help topic") << QStringList { QStringLiteral("help"), QStringLiteral("nothing") }
                                    << QStringLiteral("nothing");
    }
    void badUsageExitsTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        HostProject project;
        const ToolResult result = project.run(arguments);
        QVERIFY2(result.exitCode == 2, qPrintable(result.describe()));
        QVERIFY2(result.err.contains(message.toUtf8()), qPrintable(result.describe()));
    }

    void configurationErrorsExitTwo()
    {
        HostProject project;
        makeProject(project);
        project.env.insert(QStringLiteral("BACKUP_CONFIG"), project.file(QStringLiteral("missing.env")));
        ToolResult result = project.run({ QStringLiteral("backup") });
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("missing.env"));

        project.env.insert(QStringLiteral("BACKUP_CONFIG"), project.file(QStringLiteral("empty.env")));
        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION"), QStringLiteral("true"));
        result = project.run({ QStringLiteral("backup") });
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("BACKUP_ENCRYPTION_KEY"));
        QVERIFY2(
            !QFile::exists(project.file(QStringLiteral("backups/database"))), "nothing may be written without a key");
        // A key file whose first line is empty would encrypt with an empty password (openssl takes the first line).
        for (const QByteArray& content : { QByteArray("\nthe key on line two\n"), QByteArray("\0key", 4) }) {
            QVERIFY(project.writeFile(QStringLiteral("keys/empty-line.key"), content));
            project.env.insert(
                QStringLiteral("BACKUP_ENCRYPTION_KEY_FILE"), project.file(QStringLiteral("keys/empty-line.key")));
            result = project.run({ QStringLiteral("backup") });
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains("empty-line.key: its first line (the key) is empty"), result.err.constData());
            QVERIFY(!QFile::exists(project.file(QStringLiteral("backups/database"))));
        }
        project.env.remove(QStringLiteral("BACKUP_ENCRYPTION_KEY_FILE"));

        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION"), QStringLiteral("false"));
        project.env.insert(QStringLiteral("BACKUP_RETENTION_DAYS"), QStringLiteral("thirty"));
        result = project.run({ QStringLiteral("cleanup") });
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("BACKUP_RETENTION_DAYS"));
    }

    void configFileIsParsedNeverSourced()
    {
        HostProject project;
        makeProject(project);
        QVERIFY(project.writeFile(QStringLiteral("other.db"), {}));
        project.sqlite(
            project.file(QStringLiteral("other.db")), QStringLiteral("CREATE TABLE t(a); INSERT INTO t VALUES (7);"));
        QVERIFY(project.writeFile(QStringLiteral("backup.env"),
            "# a comment\n"
            "export SQLITE_DB=\"other.db\"\n"
            "APP_DATA_PATHS='uploads'\n"
            "BACKUP_RETENTION_DAYS=$(touch pwned)\n"
            "PATH=/nowhere\n"
            "BACKUP_DIR=store # trailing comment\n"));
        project.env.insert(QStringLiteral("BACKUP_CONFIG"), project.file(QStringLiteral("backup.env")));
        project.env.insert(QStringLiteral("BACKUP_DIR"), QStringLiteral("backups")); // the environment wins
        ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("full") });
        // The retention value is taken literally (and refused), never run.
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("BACKUP_RETENTION_DAYS"));
        QVERIFY(!QFile::exists(project.file(QStringLiteral("pwned"))));

        QVERIFY(project.writeFile(QStringLiteral("backup.env"),
            "export SQLITE_DB=\"other.db\"\nAPP_DATA_PATHS='uploads'\nPATH=/nowhere\nBACKUP_DIR=store # comment\n"));
        result = project.run({ QStringLiteral("backup"), QStringLiteral("full") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY(result.err.contains("unknown setting PATH ignored"));
        const QString sqliteFile = project.lastBackup(QStringLiteral("sqlite"));
        QVERIFY2(sqliteFile.startsWith(QLatin1String("backups/database/sqlite-")), qPrintable(sqliteFile));
        QVERIFY(!QFile::exists(project.file(QStringLiteral("store"))));
        // The backup is of other.db (from the file), and app-data holds only uploads.
        QVERIFY(project.sh(QStringLiteral("gzip -dc %1 > restored.db").arg(sqliteFile)).exitCode == 0);
        QCOMPARE(project.sqlite(project.file(QStringLiteral("restored.db")), QStringLiteral("SELECT a FROM t;")),
            QByteArray("7\n"));
        const ToolResult listing
            = project.sh(QStringLiteral("tar -tzf %1").arg(project.lastBackup(QStringLiteral("app-data"))));
        QVERIFY(listing.out.contains("uploads/a.txt"));
        QVERIFY(!listing.out.contains("logs/"));
    }

    void unconfiguredComponentsAreSkipped()
    {
        HostProject project;
        makeProject(project);
        const ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("full") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY(result.out.contains("postgres: skipped, not configured (PGDATABASE is not set)"));
        QVERIFY(result.out.contains("redis: skipped"));
        QStringList skipped;
        for (const QJsonObject& event : project.events(QStringLiteral("backup_skipped")))
            skipped << event.value(QStringLiteral("component")).toString();
        QVERIFY(skipped.contains(QStringLiteral("postgres")));
        QVERIFY(skipped.contains(QStringLiteral("redis")));
        QVERIFY(skipped.contains(QStringLiteral("docker-volumes")));
        QVERIFY(!project.lastBackup(QStringLiteral("sqlite")).isEmpty());
        QVERIFY(!project.lastBackup(QStringLiteral("app-data")).isEmpty());
        // The live database never goes into the app-data archive: it has its own consistent backup.
        const ToolResult listing
            = project.sh(QStringLiteral("tar -tzf %1").arg(project.lastBackup(QStringLiteral("app-data"))));
        QVERIFY(listing.out.contains("data/settings.json"));
        QVERIFY(!listing.out.contains("discord_bot.db"));
    }

    void configuredComponentFailureFailsTheRun()
    {
        HostProject project;
        makeProject(project);
        project.env.insert(QStringLiteral("SQLITE_DB"), QStringLiteral("data/missing.db"));
        const ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("missing.db"));
        const auto failed = project.events(QStringLiteral("backup_failed"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().value(QStringLiteral("error")).toString().contains(QStringLiteral("missing.db")));
        QVERIFY(failed.first().contains(QStringLiteral("duration_ms")));
        // No half-written file is left under a backup's name.
        QVERIFY(QDir(project.file(QStringLiteral("backups/database"))).entryList(QDir::Files).isEmpty());
    }

    void sqliteRoundTrip_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("plain") << QString();
        QTest::newRow("encrypted, key from the environment") << QStringLiteral("env");
        QTest::newRow("encrypted, key file") << QStringLiteral("file");
    }
    void sqliteRoundTrip()
    {
        QFETCH(QString, key);
        HostProject project;
        makeProject(project, 120);
        if (!key.isEmpty())
            useKey(project, key);
        const QByteArray original = rows(project);
        QCOMPARE(original.count('\n'), 120);

        ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QString backup = project.lastBackup(QStringLiteral("sqlite"));
        QVERIFY2(QRegularExpression(QStringLiteral("^backups/database/sqlite-\\d{8}-\\d{6}\\.db\\.gz%1$")
                                        .arg(key.isEmpty() ? QString() : QStringLiteral("\\.enc")))
                     .match(backup)
                     .hasMatch(),
            qPrintable(backup));
        // Sidecar in sha256sum format, matching the catalog and the file.
        const QByteArray sidecar = project.readFile(backup + QStringLiteral(".sha256"));
        const QJsonObject finished = project.events(QStringLiteral("backup_finished")).last();
        QCOMPARE(sidecar,
            finished.value(QStringLiteral("sha256")).toString().toUtf8() + "  " + backup.section(u'/', -1).toUtf8()
                + "\n");
        QCOMPARE(finished.value(QStringLiteral("size")).toInteger(), QFileInfo(project.file(backup)).size());
        QCOMPARE(finished.value(QStringLiteral("encrypted")).toBool(), !key.isEmpty());
        QCOMPARE(finished.value(QStringLiteral("kind")).toString(), QStringLiteral("critical"));
        QCOMPARE(project
                     .sh(QStringLiteral("cd backups/database && sha256sum -c --quiet %1.sha256")
                             .arg(backup.section(u'/', -1)))
                     .exitCode,
            0);
        QCOMPARE(
            project.events(QStringLiteral("backup_started")).last().value(QStringLiteral("file")).toString(), backup);

        result = project.run({ QStringLiteral("verify"), backup, QStringLiteral("--json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(parseObject(result.out).value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
        QVERIFY(parseObject(result.out)
                    .value(QStringLiteral("method"))
                    .toString()
                    .contains(QStringLiteral("sqlite-integrity")));

        // Damage the database, then restore.
        project.sqlite(project.file(QStringLiteral("data/discord_bot.db")),
            QStringLiteral("DELETE FROM reminders WHERE id > 10; INSERT INTO reminders VALUES (999, 'after');"));
        const QByteArray damaged = rows(project);
        QVERIFY(damaged != original);

        result = project.run({ QStringLiteral("restore-sqlite"), backup });
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--yes"));
        QCOMPARE(rows(project), damaged);
        QVERIFY(project.events(QStringLiteral("restore_started")).isEmpty());

        result = project.run({ QStringLiteral("restore-sqlite"), backup, QStringLiteral("--yes") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(rows(project), original);
        QVERIFY(result.out.contains("##step emergency-backup"));
        QVERIFY(result.out.contains("##result rto_seconds="));
        QCOMPARE(project.readFile(QStringLiteral("service.log")), QByteArray("stop\nstart\n"));
        // The staged copy's check (a WAL database) leaves no -wal or -shm beside the live database.
        const QStringList leftovers = QDir(project.file(QStringLiteral("data")))
                                          .entryList({ QStringLiteral(".*.restore.*") }, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u' ')));
        const QJsonObject restored = project.events(QStringLiteral("restore_finished")).last();
        QCOMPARE(restored.value(QStringLiteral("file")).toString(), backup);
        QCOMPARE(restored.value(QStringLiteral("scenario")).toString(), QStringLiteral("database-corruption"));
        // The emergency backup holds the damaged state.
        const QString emergency = restored.value(QStringLiteral("emergency_backup")).toString();
        QVERIFY2(emergency.startsWith(QLatin1String("backups/emergency/emergency-sqlite-")), qPrintable(emergency));
        result = project.run({ QStringLiteral("verify"), emergency });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));

        // The key never reaches the catalog or the output.
        const QByteArray secret = key == QLatin1String("env") ? "s3cret-env-key-Zq9" : "s3cret-file-key-Xw4";
        QVERIFY(!project.readFile(QStringLiteral("backups/catalog.jsonl")).contains(secret));
        QVERIFY(!result.out.contains(secret) && !result.err.contains(secret));
    }

    void restoreRefusesABackupThatDoesNotVerify()
    {
        HostProject project;
        makeProject(project);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString backup = project.lastBackup(QStringLiteral("sqlite"));
        QVERIFY(project.sh(QStringLiteral("truncate -s 100 %1").arg(backup)).exitCode == 0);
        project.sqlite(project.file(QStringLiteral("data/discord_bot.db")),
            QStringLiteral("INSERT INTO reminders VALUES (5000, 'kept');"));
        const QByteArray before = rows(project);
        const ToolResult result = project.run({ QStringLiteral("restore-sqlite"), backup, QStringLiteral("--yes") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("does not verify"));
        QCOMPARE(rows(project), before);
        QVERIFY(!QFile::exists(project.file(QStringLiteral("service.log"))));
        QVERIFY(project.events(QStringLiteral("restore_failed")).size() == 1);
    }

    void verifyFailuresSayWhy()
    {
        HostProject project;
        makeProject(project);
        useKey(project, QStringLiteral("env"));
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString backup = project.lastBackup(QStringLiteral("sqlite"));

        // Wrong key: no verdict on the backup (error, not failed), and its sidecar says the file is intact.
        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION_KEY"), QStringLiteral("not-the-key"));
        ToolResult result = project.run({ QStringLiteral("verify"), backup, QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 1);
        QJsonObject verdict = parseObject(result.out);
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("error"));
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QStringLiteral("wrong key")),
            qPrintable(result.describe()));
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QStringLiteral("intact")),
            qPrintable(result.describe()));
        QCOMPARE(text(verdict, "level"), QStringLiteral("checksum"));
        QCOMPARE(project.events(QStringLiteral("verify")).last().value(QStringLiteral("result")).toString(),
            QStringLiteral("error"));

        // The right key, but the last block cut off (a sidecar made after the damage): the key opened the gzip
        // stream, so the file is bad, not the key.
        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION_KEY"), QStringLiteral("s3cret-env-key-Zq9"));
        const QString cut = QStringLiteral("backups/database/sqlite-20200102-000000.db.gz.enc");
        QVERIFY(project
                    .sh(QStringLiteral("head -c $(( $(stat -c %s %1) - 16 )) %1 > %2 && sha256sum %2 > %2.sha256")
                            .arg(backup, cut))
                    .exitCode
            == 0);
        result = project.run({ QStringLiteral("verify"), cut, QStringLiteral("--json") });
        QCOMPARE(text(parseObject(result.out), "result"), QStringLiteral("failed"));
        QVERIFY2(text(parseObject(result.out), "reason").contains(QStringLiteral("last encrypted block")),
            qPrintable(result.describe()));
        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION_KEY"), QStringLiteral("not-the-key"));

        // Encrypted without gzip inside, decrypting to something that is no SQLite database: a wrong key that
        // happened to give a right padding is far likelier than a bad backup that was encrypted whole.
        QVERIFY(project
                    .sh(QStringLiteral("printf 'no database at all' | openssl enc -aes-256-cbc -pbkdf2 -salt -pass "
                                       "pass:not-the-key -out backups/database/sqlite-20200101-000000.db.enc"))
                    .exitCode
            == 0);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("--json"),
            QStringLiteral("backups/database/sqlite-20200101-000000.db.enc") });
        QCOMPARE(text(parseObject(result.out), "result"), QStringLiteral("error"));
        QVERIFY2(text(parseObject(result.out), "reason").startsWith(QStringLiteral("wrong key")),
            qPrintable(result.describe()));

        // No key at all.
        project.env.remove(QStringLiteral("BACKUP_ENCRYPTION_KEY"));
        project.env.insert(QStringLiteral("BACKUP_ENCRYPTION"), QStringLiteral("false"));
        result = project.run({ QStringLiteral("verify"), backup });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("no key is configured"), qPrintable(result.describe()));

        // A plain backup, damaged: checksum mismatch with the sidecar; truncated without one.
        project.env.remove(QStringLiteral("BACKUP_ENCRYPTION"));
        HostProject plain;
        makeProject(plain);
        QVERIFY(plain.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString file = plain.lastBackup(QStringLiteral("sqlite"));
        const qint64 size = QFileInfo(plain.file(file)).size();
        QVERIFY(plain.sh(QStringLiteral("truncate -s %1 %2").arg(size / 2).arg(file)).exitCode == 0);
        result = plain.run({ QStringLiteral("verify"), file });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("checksum mismatch"), qPrintable(result.describe()));
        QVERIFY(QFile::remove(plain.file(file + QStringLiteral(".sha256"))));
        result = plain.run({ QStringLiteral("verify"), file, QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 1);
        verdict = parseObject(result.out);
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QStringLiteral("truncated")),
            qPrintable(result.describe()));
        // A database whose pages are damaged inside a valid gzip stream fails the integrity check.
        QVERIFY(plain
                    .sh(QStringLiteral("cp data/discord_bot.db bad.db && printf 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' | "
                                       "dd of=bad.db bs=1 seek=4200 conv=notrunc status=none && gzip bad.db"))
                    .exitCode
            == 0);
        result = plain.run({ QStringLiteral("verify"), QStringLiteral("bad.db.gz"), QStringLiteral("sqlite") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("integrity_check") || result.out.contains("not an SQLite"),
            qPrintable(result.describe()));
        // Bytes appended to a database pass integrity_check (SQLite ignores them): it passes, with a warning.
        QVERIFY(plain
                    .sh(QStringLiteral("cp data/discord_bot.db appended.db && head -c 1000 /dev/zero >> appended.db && "
                                       "gzip appended.db"))
                    .exitCode
            == 0);
        result = plain.run({ QStringLiteral("verify"), QStringLiteral("appended.db.gz"), QStringLiteral("sqlite") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains("appended.db.gz: the database holds 1000 bytes after the"),
            qPrintable(result.describe()));

        // verify latest: exit 1 when the newest of a component fails, and the catalog has the event.
        result = plain.run({ QStringLiteral("verify"), QStringLiteral("latest") });
        QCOMPARE(result.exitCode, 1);
    }

    void verifyChecksTheChecksumTheCatalogRecorded()
    {
        // A backup replaced by other bytes with a new sidecar (same content here, recompressed) is not the backup
        // that was made: the catalog's checksum from backup time decides, as on the workstation.
        HostProject project;
        makeBackedUpProject(project);
        const QString backup = project.lastBackup(QStringLiteral("sqlite"));
        QVERIFY(project.run({ QStringLiteral("verify"), backup }).exitCode == 0);
        QVERIFY(project
                    .sh(QStringLiteral("gzip -dc %1 | gzip -1 > replaced && mv replaced %1 && sha256sum %1 > %1.sha256")
                            .arg(backup))
                    .exitCode
            == 0);
        const ToolResult result = project.run({ QStringLiteral("verify"), backup, QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(text(parseObject(result.out), "result"), QStringLiteral("failed"));
        QVERIFY2(text(parseObject(result.out), "reason").contains(QStringLiteral("the catalog recorded")),
            qPrintable(result.describe()));

        // A backup the catalog does not know is judged by its sidecar alone, as before.
        QVERIFY(
            project
                .sh(QStringLiteral("cp %1 backups/database/sqlite-20200103-000000.db.gz && cd backups/database "
                                   "&& sha256sum sqlite-20200103-000000.db.gz > sqlite-20200103-000000.db.gz.sha256")
                        .arg(backup))
                .exitCode
            == 0);
        QCOMPARE(
            project.run({ QStringLiteral("verify"), QStringLiteral("backups/database/sqlite-20200103-000000.db.gz") })
                .exitCode,
            0);
        // Its sidecar with a second, different line for it: sha256sum -c fails, so does the verify.
        QVERIFY(project
                    .sh(QStringLiteral("printf '%1  sqlite-20200103-000000.db.gz\\n' >> "
                                       "backups/database/sqlite-20200103-000000.db.gz.sha256")
                            .arg(QString(64, u'0')))
                    .exitCode
            == 0);
        const ToolResult twoLines = project.run(
            { QStringLiteral("verify"), QStringLiteral("backups/database/sqlite-20200103-000000.db.gz") });
        QCOMPARE(twoLines.exitCode, 1);
        QVERIFY2(twoLines.out.contains("two different checksums"), qPrintable(twoLines.describe()));
    }

    void verifyReportsTheProofLevel()
    {
        HostProject project;
        makeBackedUpProject(project);
        const QString sqliteFile = project.lastBackup(QStringLiteral("sqlite"));
        const QString tarFile = project.lastBackup(QStringLiteral("app-data"));

        // Passes: SQLite reaches integrity, a tar archive read-through; size and sha256 are the file's.
        ToolResult result = project.run({ QStringLiteral("verify"), sqliteFile, QStringLiteral("--json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QJsonObject verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "level"), QStringLiteral("integrity"));
        QCOMPARE(verdict.value(QStringLiteral("size")).toInteger(), QFileInfo(project.file(sqliteFile)).size());
        QCOMPARE(text(verdict, "sha256"), sidecarHash(project, sqliteFile));
        QVERIFY(!verdict.contains(QStringLiteral("tables")));
        QJsonObject event = project.events(QStringLiteral("verify")).last();
        QCOMPARE(text(event, "level"), QStringLiteral("integrity"));
        QCOMPARE(text(event, "sha256"), sidecarHash(project, sqliteFile));
        QCOMPARE(event.value(QStringLiteral("size")).toInteger(), QFileInfo(project.file(sqliteFile)).size());
        // The time of the bytes it read: the console holds the proof only while the file keeps it.
        const qint64 modified = QFileInfo(project.file(sqliteFile)).lastModified().toSecsSinceEpoch();
        QCOMPARE(event.value(QStringLiteral("mtime")).toInteger(), modified);
        QCOMPARE(verdict.value(QStringLiteral("mtime")).toInteger(), modified);

        result = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), tarFile });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "level"), QStringLiteral("read-through"));
        QVERIFY(verdict.value(QStringLiteral("entries")).toInt() > 0);
        QCOMPARE(text(verdict, "sha256"), sidecarHash(project, tarFile));

        // A pg_dump file (no server needed): integrity, also without a sidecar (the checksum level is passed
        // over, and the method says so by leaving sha256 out).
        QVERIFY(project.writeFile(QStringLiteral("dump.sql"), tinyDump));
        QVERIFY(project.sh(QStringLiteral("gzip dump.sql")).exitCode == 0);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("dump.sql.gz"), QStringLiteral("--json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "level"), QStringLiteral("integrity"));
        QCOMPARE(text(verdict, "method"), QStringLiteral("gzip+pg-dump-header-footer"));
        QCOMPARE(text(verdict, "sha256").size(), 64);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("dump.sql.gz") });
        QVERIFY2(result.out.startsWith("PASSED dump.sql.gz (gzip+pg-dump-header-footer, level integrity, "),
            qPrintable(result.describe()));

        // Failures keep the level that held before the fault. A checksum mismatch: exists.
        QVERIFY(project
                    .sh(QStringLiteral("cp %1 mismatch.db.gz && cp %1.sha256 mismatch.db.gz.sha256 && printf X >> "
                                       "mismatch.db.gz")
                            .arg(sqliteFile))
                    .exitCode
            == 0);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("mismatch.db.gz"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 1);
        verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "result"), QStringLiteral("failed"));
        QCOMPARE(text(verdict, "level"), QStringLiteral("exists"));
        QVERIFY(text(verdict, "reason").contains(QStringLiteral("checksum mismatch")));
        // A truncated gzip whose sidecar matches the truncated bytes: checksum.
        QVERIFY(project
                    .sh(QStringLiteral("head -c 100 %1 > cut.db.gz && sha256sum cut.db.gz > cut.db.gz.sha256")
                            .arg(sqliteFile))
                    .exitCode
            == 0);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("cut.db.gz"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 1);
        verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "level"), QStringLiteral("checksum"));
        QVERIFY2(text(verdict, "reason").contains(QStringLiteral("truncated")), qPrintable(result.describe()));
        QCOMPARE(verdict.value(QStringLiteral("size")).toInteger(), 100);
        // A missing file: none, an error (nothing about a backup is proven).
        result = project.run({ QStringLiteral("verify"), QStringLiteral("gone.db.gz"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 1);
        verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "result"), QStringLiteral("error"));
        QCOMPARE(text(verdict, "level"), QStringLiteral("none"));
        QVERIFY(!verdict.contains(QStringLiteral("size")) && !verdict.contains(QStringLiteral("sha256")));
        QCOMPARE(text(project.events(QStringLiteral("verify")).last(), "level"), QStringLiteral("none"));
        result = project.run({ QStringLiteral("verify"), QStringLiteral("gone.db.gz") });
        QVERIFY2(result.out.contains("ERROR gone.db.gz: no such readable file: gone.db.gz (level none)"),
            qPrintable(result.describe()));
        // A folder or a FIFO where a backup should be: not restorable, failed (as on the workstation), no hang.
        QVERIFY(project.sh(QStringLiteral("mkdir folder.db.gz && mkfifo fifo.db.gz")).exitCode == 0);
        for (const QString& odd : { QStringLiteral("folder.db.gz"), QStringLiteral("fifo.db.gz") }) {
            result = project.run({ QStringLiteral("verify"), odd, QStringLiteral("--json") }, 30'000);
            QVERIFY2(result.finished, qPrintable(odd));
            QCOMPARE(text(parseObject(result.out), "result"), QStringLiteral("failed"));
            QVERIFY2(text(parseObject(result.out), "reason").startsWith(QStringLiteral("not a regular file")),
                qPrintable(result.describe()));
        }
    }

    void verifySeveralFilesInOneCall()
    {
        HostProject project;
        makeBackedUpProject(project);
        const QString sqliteFile = project.lastBackup(QStringLiteral("sqlite"));
        const QString tarFile = project.lastBackup(QStringLiteral("app-data"));
        // Names the shell must not split or evaluate.
        const QString odd = QStringLiteral("it's a $(touch pwned) copy.db.gz");
        QVERIFY(QFile::copy(project.file(sqliteFile), project.file(odd)));

        ToolResult result
            = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), sqliteFile, odd, tarFile });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QJsonArray verdicts = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(verdicts.size(), 3);
        QCOMPARE(text(verdicts[0].toObject(), "file"), sqliteFile);
        QCOMPARE(text(verdicts[1].toObject(), "file"), odd);
        QCOMPARE(text(verdicts[1].toObject(), "level"), QStringLiteral("integrity"));
        QCOMPARE(text(verdicts[2].toObject(), "file"), tarFile);
        for (const QJsonValue& verdict : verdicts)
            QCOMPARE(text(verdict.toObject(), "result"), QStringLiteral("passed"));
        QVERIFY(!QFile::exists(project.file(QStringLiteral("pwned"))));
        QCOMPARE(project.events(QStringLiteral("verify")).size(), 3);

        // One bad file among good ones: every file is still verified, the run exits 1.
        QVERIFY(project.writeFile(QStringLiteral("bad.db.gz"), "not gzip at all"));
        result = project.run(
            { QStringLiteral("verify"), QStringLiteral("--json"), odd, QStringLiteral("bad.db.gz"), tarFile });
        QCOMPARE(result.exitCode, 1);
        verdicts = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(verdicts.size(), 3);
        QCOMPARE(text(verdicts[0].toObject(), "result"), QStringLiteral("passed"));
        QCOMPARE(text(verdicts[1].toObject(), "result"), QStringLiteral("failed"));
        QCOMPARE(text(verdicts[1].toObject(), "level"), QStringLiteral("exists"));
        QCOMPARE(text(verdicts[2].toObject(), "result"), QStringLiteral("passed"));
        QCOMPARE(project.events(QStringLiteral("verify")).size(), 6);
        // Text: one line per file.
        result = project.run({ QStringLiteral("verify"), odd, QStringLiteral("bad.db.gz") });
        QCOMPARE(result.exitCode, 1);
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QByteArray("PASSED " + odd.toUtf8())), lines[0].constData());
        QVERIFY2(lines[1].startsWith("FAILED bad.db.gz: "), lines[1].constData());

        // The older form FILE TYPE is one file of that type, printed as one object; --type does the same for
        // several files.
        QVERIFY(project.sh(QStringLiteral("gzip -dc %1 > plain-name").arg(sqliteFile)).exitCode == 0);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("plain-name"), QStringLiteral("sqlite"),
            QStringLiteral("--json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(text(parseObject(result.out), "level"), QStringLiteral("integrity"));
        result = project.run({ QStringLiteral("verify"), QStringLiteral("--type"), QStringLiteral("sqlite"),
            QStringLiteral("--json"), QStringLiteral("plain-name"), odd });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 2);
    }

    void verifyShowsSignsOfLifeWhileItReads()
    {
        // Reading a large archive prints nothing for minutes; a line on stderr now and then tells the console the
        // host is alive (its idle limit is a minute), and the result on stdout stays one JSON object.
        HostProject project;
        makeBackedUpProject(project);
        const QString tarFile = project.lastBackup(QStringLiteral("app-data"));
        QVERIFY(project.writeFile(QStringLiteral("slow/gzip"), "#!/bin/sh\nsleep 3\nexec /bin/gzip \"$@\"\n"));
        QVERIFY(QFile::setPermissions(project.file(QStringLiteral("slow/gzip")),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        project.env.insert(QStringLiteral("PATH"),
            project.file(QStringLiteral("slow")) + u':' + project.env.value(QStringLiteral("PATH")));
        project.env.insert(QStringLiteral("BACKUP_HEARTBEAT_SECONDS"), QStringLiteral("1"));
        const ToolResult result = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), tarFile });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY2(result.err.contains("backup-system.sh: verify: still working (2 s)"), qPrintable(result.describe()));
        QCOMPARE(text(parseObject(result.out), "result"), QStringLiteral("passed"));
        // A restore shows it too (its verify, decode and load are as silent), and ends its beat when done.
        const ToolResult restored = project.run({ QStringLiteral("restore-sqlite"),
            project.lastBackup(QStringLiteral("sqlite")), QStringLiteral("--yes") });
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
        QVERIFY2(restored.err.contains("backup-system.sh: restore-sqlite: still working ("),
            qPrintable(restored.describe()));
        // A tool killed outright (kill -9, the OOM killer) takes its beat with it: no "still working" for a
        // dead tool, and no stderr held open.
        QProcess killed;
        killed.setWorkingDirectory(project.path());
        // Killed, it cannot clean up: its temporary files go to the project's folder, removed with it.
        QProcessEnvironment killedEnv = project.env;
        QVERIFY(QDir().mkpath(project.file(QStringLiteral("tmp"))));
        killedEnv.insert(QStringLiteral("TMPDIR"), project.file(QStringLiteral("tmp")));
        killed.setProcessEnvironment(killedEnv);
        const QString unique = project.file(tarFile); // its absolute path names this run's processes
        // Its stderr is a file, as a job's log is: a pipe closed by its reader would end the beat by SIGPIPE.
        killed.start(QStringLiteral("bash"),
            { QStringLiteral("-c"), QStringLiteral("exec \"$0\" verify \"$1\" 2>beats.log"), hostToolPath(), unique });
        QVERIFY(killed.waitForStarted());
        QTest::qWait(1500);
        QVERIFY(dr::test::processRunningWith(unique));
        killed.kill();
        QVERIFY(killed.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!dr::test::processRunningWith(unique), 8000);
        // Quick checks stay quiet.
        project.env.remove(QStringLiteral("BACKUP_HEARTBEAT_SECONDS"));
        project.env.insert(
            QStringLiteral("PATH"), QProcessEnvironment::systemEnvironment().value(QStringLiteral("PATH")));
        const ToolResult quick = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), tarFile });
        QVERIFY2(quick.exitCode == 0 && quick.err.isEmpty(), qPrintable(quick.describe()));
    }

    void deepSqliteCountsTablesAndRows()
    {
        HostProject project;
        makeProject(project, 50);
        project.sqlite(project.file(QStringLiteral("data/discord_bot.db")),
            QStringLiteral("CREATE TABLE \"guild \"\"settings\"\"\" (id INTEGER PRIMARY KEY, value TEXT);"
                           "INSERT INTO \"guild \"\"settings\"\"\" VALUES (1, 'a'), (2, 'b'), (3, 'c');"
                           "CREATE TABLE empty_one (x);"
                           "CREATE INDEX reminders_text ON reminders (text);"));
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString backup = project.lastBackup(QStringLiteral("sqlite"));
        const ToolResult result
            = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("--json"), backup });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QJsonObject verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "level"), QStringLiteral("deep"));
        QCOMPARE(text(verdict, "method"), QStringLiteral("sha256+gzip+sqlite-integrity+deep-count"));
        QCOMPARE(verdict.value(QStringLiteral("tables")).toInt(), 3);
        QCOMPARE(verdict.value(QStringLiteral("rows")).toInt(), 53);
        const QJsonObject event = project.events(QStringLiteral("verify")).last();
        QCOMPARE(text(event, "level"), QStringLiteral("deep"));
        QCOMPARE(event.value(QStringLiteral("tables")).toInt(), 3);
        QCOMPARE(event.value(QStringLiteral("rows")).toInt(), 53);
        // The text line says the same.
        const ToolResult line = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), backup });
        QVERIFY2(line.out.contains(", level deep, 3 tables, 53 rows, "), qPrintable(line.describe()));
    }

    void deepTarExtractsIntoAPrivateFolder()
    {
        HostProject project;
        makeProject(project);
        QVERIFY(project.writeFile(QStringLiteral("uploads/deeper/b.bin"), QByteArray(5000, 'b')));
        QVERIFY(QDir().mkpath(project.file(QStringLiteral("scratch"))));
        project.env.insert(QStringLiteral("TMPDIR"), project.file(QStringLiteral("scratch")));
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("full") }).exitCode == 0);
        const QString archive = project.lastBackup(QStringLiteral("app-data"));
        // What the archive holds: the app data without the live database.
        const ToolResult expected = project.sh(QStringLiteral(
            "find data logs uploads -type f ! -name 'discord_bot.db*' -printf '%s\\n' | awk '{ n++; b += $1 } END { "
            "print n, b }'"));
        const QList<QByteArray> counts = expected.out.trimmed().split(' ');
        QCOMPARE(counts.size(), 2);

        ToolResult result
            = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("--json"), archive });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QJsonObject verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "level"), QStringLiteral("deep"));
        QCOMPARE(text(verdict, "method"), QStringLiteral("sha256+gzip+tar-list+deep-extract"));
        QCOMPARE(verdict.value(QStringLiteral("files")).toInteger(), counts[0].toLongLong());
        QCOMPARE(verdict.value(QStringLiteral("bytes")).toInteger(), counts[1].toLongLong());
        // entries stays the listing's count: directories too.
        QVERIFY(verdict.value(QStringLiteral("entries")).toInteger() > counts[0].toLongLong());
        QCOMPARE(project.events(QStringLiteral("verify")).last().value(QStringLiteral("files")).toInteger(),
            counts[0].toLongLong());
        QVERIFY2(QDir(project.file(QStringLiteral("scratch")))
                     .isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
            qPrintable(
                QDir(project.file(QStringLiteral("scratch"))).entryList(QDir::AllEntries | QDir::Hidden).join(u' ')));

        // A member with .. is refused by tar: the deep check fails at read-through, nothing lands outside.
        QVERIFY(
            project
                .sh(QStringLiteral("mkdir -p inner && cd inner && echo x > ../escape.txt && tar -P -czf ../evil.tar.gz "
                                   "../escape.txt && rm ../escape.txt"))
                .exitCode
            == 0);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("--json"),
            QStringLiteral("evil.tar.gz") });
        QCOMPARE(result.exitCode, 1);
        verdict = parseObject(result.out);
        QCOMPARE(text(verdict, "result"), QStringLiteral("failed"));
        QCOMPARE(text(verdict, "level"), QStringLiteral("read-through"));
        QVERIFY2(text(verdict, "reason").contains(QStringLiteral("..")), qPrintable(result.describe()));
        QVERIFY(!QFile::exists(project.file(QStringLiteral("escape.txt"))));
        QVERIFY(!QFile::exists(project.file(QStringLiteral("scratch/escape.txt"))));
        QVERIFY(QDir(project.file(QStringLiteral("scratch")))
                    .isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));

        // Without --deep nothing is extracted and the level is read-through; other types ignore --deep.
        result = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), archive });
        QCOMPARE(text(parseObject(result.out), "level"), QStringLiteral("read-through"));
        QVERIFY(!parseObject(result.out).contains(QStringLiteral("files")));
    }

    void verifyFindsArchivesTarCannotRestore()
    {
        HostProject project;
        makeProject(project);
        for (int i = 0; i < 6; ++i)
            QVERIFY(project.writeFile(QStringLiteral("uploads/file%1.txt").arg(i), QByteArray(3000, char('a' + i))));
        auto verdictOf = [&](const QString& file, const QStringList& options = {}) {
            const ToolResult result = project.run(QStringList { QStringLiteral("verify"), QStringLiteral("--json") }
                + options + QStringList { QStringLiteral("--"), file });
            return std::make_pair(result.exitCode, parseObject(result.out));
        };
        // One header block zeroed in the middle reads as the end mark: GNU tar lists the first members and
        // stops, and a restore would lose the rest. In name order block 10 is the header of uploads/file1.txt
        // (uploads/ 0, a.txt 1-2, file0.txt 3-9).
        QVERIFY(project
                    .sh(QStringLiteral(
                        "tar --sort=name -cf zeroed.tar uploads && dd if=/dev/zero of=zeroed.tar bs=512 seek=10 "
                        "count=1 conv=notrunc status=none && gzip zeroed.tar"))
                    .exitCode
            == 0);
        auto [zeroedExit, zeroed] = verdictOf(QStringLiteral("zeroed.tar.gz"));
        QCOMPARE(zeroedExit, 1);
        QCOMPARE(text(zeroed, "result"), QStringLiteral("failed"));
        QVERIFY2(text(zeroed, "reason").contains(QStringLiteral("end mark")), qPrintable(text(zeroed, "reason")));

        // Members with an absolute path or "..": unsafe, also without --deep (the workstation says the same).
        QVERIFY(project.sh(QStringLiteral("tar -P -czf absolute.tar.gz \"$PWD/logs/bot.log\"")).exitCode == 0);
        auto [absoluteExit, absolute] = verdictOf(QStringLiteral("absolute.tar.gz"));
        QCOMPARE(absoluteExit, 1);
        QVERIFY2(text(absolute, "reason").startsWith(QStringLiteral("unsafe")), qPrintable(text(absolute, "reason")));

        // Another archive format in a .tar.gz: tar's own words.
        QVERIFY(project.sh(QStringLiteral("ar rc members.a logs/bot.log && gzip -c members.a > other.tar.gz")).exitCode
            == 0);
        auto [otherExit, other] = verdictOf(QStringLiteral("other.tar.gz"));
        QCOMPARE(otherExit, 1);
        QVERIFY2(text(other, "reason").contains(QStringLiteral("does not look like a tar archive")),
            qPrintable(text(other, "reason")));

        // Two header blocks zeroed inside tar's first 10 KiB record: a proper-looking end mark with members behind it.
        QVERIFY(project
                    .sh(QStringLiteral("tar --sort=name -cf early.tar uploads && dd if=/dev/zero of=early.tar bs=512 "
                                       "seek=3 count=2 conv=notrunc status=none"))
                    .exitCode
            == 0);
        auto [earlyExit, early] = verdictOf(QStringLiteral("early.tar"), { QStringLiteral("--deep") });
        QCOMPARE(earlyExit, 1);
        QVERIFY2(text(early, "reason").contains(QStringLiteral("end mark")), qPrintable(text(early, "reason")));

        // Nothing but the end mark: an empty backup.
        QVERIFY(project.sh(QStringLiteral("head -c 10240 /dev/zero > empty.tar")).exitCode == 0);
        auto [emptyExit, empty] = verdictOf(QStringLiteral("empty.tar"));
        QCOMPARE(emptyExit, 1);
        QVERIFY2(text(empty, "reason").contains(QStringLiteral("no entries")), qPrintable(text(empty, "reason")));

        // A member written through a symbolic link of the archive lands wherever the link points; a link whose
        // target has ".." is fine by itself.
        QVERIFY(project
                    .sh(QStringLiteral("mkdir -p sl && ln -s /etc sl/lnk && ln -s ../logs sl/up && tar -cf links.tar "
                                       "sl/up && cp links.tar through.tar && tar -rf through.tar sl/lnk && tar -rf "
                                       "through.tar --transform 's,^logs/bot.log,sl/lnk/evil,' logs/bot.log"))
                    .exitCode
            == 0);
        auto [linksExit, links] = verdictOf(QStringLiteral("links.tar"));
        QCOMPARE(linksExit, 0);
        // The same through a "//" spelling, by an owner whose name has spaces (the listing shifts by them).
        QVERIFY(project
                    .sh(QStringLiteral("tar --owner='bot user' --group='bot group' -cf spelt.tar sl/lnk && tar "
                                       "--owner='bot user' -rf spelt.tar --transform 's,^logs/bot.log,sl//lnk/evil,' "
                                       "logs/bot.log"))
                    .exitCode
            == 0);
        auto [speltExit, spelt] = verdictOf(QStringLiteral("spelt.tar"));
        QCOMPARE(speltExit, 1);
        QVERIFY2(text(spelt, "reason").startsWith(QStringLiteral("unsafe")), qPrintable(text(spelt, "reason")));
        // A folder named " .." (a space first) is an ordinary name.
        QVERIFY(
            project.sh(QStringLiteral("mkdir -p ' ..' && echo x > ' ../x' && tar -cf spaced.tar ' ..'")).exitCode == 0);
        auto [spacedExit, spaced] = verdictOf(QStringLiteral("spaced.tar"));
        QCOMPARE(spacedExit, 0);
        auto [throughExit, through] = verdictOf(QStringLiteral("through.tar"));
        QCOMPARE(throughExit, 1);
        QVERIFY2(text(through, "reason").contains(QStringLiteral("sl/lnk/evil")), qPrintable(text(through, "reason")));

        // Zeros after the end mark are padding: the listing and the deep extraction pass (tar stopping early
        // must not cut the decoder off with a broken pipe).
        QVERIFY(
            project.sh(QStringLiteral("{ tar -cf - uploads; head -c 1048576 /dev/zero; } > padded.tar")).exitCode == 0);
        auto [paddedExit, padded] = verdictOf(QStringLiteral("padded.tar"), { QStringLiteral("--deep") });
        QCOMPARE(paddedExit, 0);
        QCOMPARE(text(padded, "level"), QStringLiteral("deep"));
    }

    void verifyReadsSidecarsAsSha256sumWritesThem()
    {
        HostProject project;
        makeBackedUpProject(project);
        QVERIFY(QDir().mkpath(project.file(QStringLiteral("scratch"))));
        project.env.insert(QStringLiteral("TMPDIR"), project.file(QStringLiteral("scratch")));
        // A name with a newline and a backslash: sha256sum escapes it ("\\<hex>  <name>" with \\ and \n) and
        // prints the file's own checksum with the same leading backslash.
        const QString odd = QStringLiteral("backups/application/odd\nname\\x.tar");
        QVERIFY(
            project
                .sh(QStringLiteral("tar -cf $'%1' logs && cd backups/application && sha256sum -- $'%2' > "
                                   "$'%2.sha256' && head -c 1 $'%2.sha256' | grep -q '\\\\'")
                        .arg(QString(odd).replace(u'\n', QStringLiteral("\\n")), QStringLiteral("odd\\nname\\\\x.tar")))
                .exitCode
            == 0);
        ToolResult result
            = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--"), odd });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(text(parseObject(result.out), "level"), QStringLiteral("read-through"));
        QVERIFY(text(parseObject(result.out), "method").startsWith(QStringLiteral("sha256+")));

        // Two lines, this file's second: its own line counts.
        const QString backup = project.lastBackup(QStringLiteral("app-data"));
        QVERIFY(project
                    .sh(QStringLiteral("cd %1 && { printf '%2  other.tar.gz\\n'; sha256sum %3; } > %3.sha256.new && "
                                       "mv %3.sha256.new %3.sha256")
                            .arg(QFileInfo(backup).path(), QString(64, u'0'), QFileInfo(backup).fileName()))
                    .exitCode
            == 0);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), backup });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(text(parseObject(result.out), "level"), QStringLiteral("read-through"));

        // A sidecar that is no checksum says so.
        QVERIFY(project.writeFile(backup + QStringLiteral(".sha256"), "garbage\n"));
        result = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), backup });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(text(parseObject(result.out), "reason").contains(QStringLiteral("not in sha256sum format")),
            qPrintable(result.describe()));

        // The live database is in WAL mode, so is its .backup: its check leaves no -wal or -shm behind.
        result = project.run({ QStringLiteral("verify"), project.lastBackup(QStringLiteral("sqlite")) });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QStringList left = QDir(project.file(QStringLiteral("scratch")))
                                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        QVERIFY2(left.filter(QRegularExpression(QStringLiteral("-(wal|shm)$"))).isEmpty(), qPrintable(left.join(u' ')));

        // The decoded copy keeps BACKUP_VERIFY_KEEP_FREE_MB (256) free: asked to keep more than the disk has, the
        // check stops with no verdict on the backup, and its copy is emptied.
        project.env.insert(QStringLiteral("BACKUP_VERIFY_KEEP_FREE_MB"), QStringLiteral("999999999"));
        result = project.run(
            { QStringLiteral("verify"), QStringLiteral("--json"), project.lastBackup(QStringLiteral("sqlite")) });
        QCOMPARE(text(parseObject(result.out), "result"), QStringLiteral("error"));
        QVERIFY2(text(parseObject(result.out), "reason").contains(QStringLiteral("not enough free space")),
            qPrintable(result.describe()));
        for (const QFileInfo& file :
            QDir(project.file(QStringLiteral("scratch"))).entryInfoList(QDir::Files | QDir::Hidden))
            QVERIFY2(file.size() == 0, qPrintable(file.fileName()));
    }

    void verifyTakesADumpWithWindowsLineEnds()
    {
        // A plain dump saved with CRLF line ends (edited or copied on Windows): its header and footer still count,
        // as on the workstation.
        HostProject project;
        QVERIFY(project.writeFile(QStringLiteral("backups/database/postgres-20200104-000000.sql"),
            "--\r\n-- PostgreSQL database dump\r\n--\r\nSELECT 1;\r\n--\r\n-- PostgreSQL database dump "
            "complete\r\n--\r\n"));
        const ToolResult result = project.run({ QStringLiteral("verify"), QStringLiteral("--json"),
            QStringLiteral("backups/database/postgres-20200104-000000.sql") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(text(parseObject(result.out), "level"), QStringLiteral("integrity"));
    }

    void verifySeveralFilesInAJob()
    {
        HostProject project;
        makeBackedUpProject(project);
        const QString sqliteFile = project.lastBackup(QStringLiteral("sqlite"));
        const QString odd = QStringLiteral("a \"quoted\" 'name' $(touch pwned).db.gz");
        QVERIFY(QFile::copy(project.file(sqliteFile), project.file(odd)));
        const ToolResult started = project.run({ QStringLiteral("job"), QStringLiteral("start"), QStringLiteral("--id"),
            QStringLiteral("verify-two"), QStringLiteral("--"), QStringLiteral("verify"), QStringLiteral("--deep"),
            QStringLiteral("--json"), sqliteFile, odd });
        QVERIFY2(started.exitCode == 0, qPrintable(started.describe()));
        const auto state = [&] {
            return text(parseObject(project
                                        .run({ QStringLiteral("job"), QStringLiteral("status"),
                                            QStringLiteral("verify-two"), QStringLiteral("--json") })
                                        .out),
                "state");
        };
        QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("succeeded"), 60'000);
        const QList<QJsonObject> events = project.events(QStringLiteral("verify"));
        QCOMPARE(events.size(), 2);
        QCOMPARE(text(events[0], "file"), sqliteFile);
        QCOMPARE(text(events[1], "file"), odd);
        for (const QJsonObject& event : events) {
            QCOMPARE(text(event, "job"), QStringLiteral("verify-two"));
            QCOMPARE(text(event, "result"), QStringLiteral("passed"));
            QCOMPARE(text(event, "level"), QStringLiteral("deep"));
        }
        QVERIFY(!QFile::exists(project.file(QStringLiteral("pwned"))));
        // The job's log holds the JSON array, and its status the command word for word.
        const QByteArray log = project.readFile(QStringLiteral("backups/jobs/verify-two.log"));
        const qsizetype from = log.indexOf("\n[") + 1;
        QVERIFY2(from > 0, log.constData());
        const QJsonArray verdicts = QJsonDocument::fromJson(log.mid(from, log.indexOf('\n', from) - from)).array();
        QCOMPARE(verdicts.size(), 2);
        QCOMPARE(text(verdicts[1].toObject(), "file"), odd);
        const QJsonArray command = parseObject(project.readFile(QStringLiteral("backups/jobs/verify-two.status")))
                                       .value(QStringLiteral("command"))
                                       .toArray();
        QCOMPARE(command.last().toString(), odd);
    }

    void appDataRoundTripWithIncrementalChain_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("plain") << false;
        QTest::newRow("encrypted") << true;
    }
    void appDataRoundTripWithIncrementalChain()
    {
        QFETCH(bool, encrypted);
        HostProject project;
        makeProject(project);
        if (encrypted)
            useKey(project, QStringLiteral("file"));
        // 9 MiB that gzip cannot shrink: the archive is gzipped in members of 4 MiB of input, which every gzip
        // reader takes as one file and the console's verifier inflates on all cores.
        QVERIFY(project.sh(QStringLiteral("head -c 9M /dev/urandom > uploads/big.bin")).exitCode == 0);
        const qint64 start = QDateTime::currentSecsSinceEpoch() - 2 * day;
        project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(start));
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("full") }).exitCode == 0);
        const QString full = project.lastBackup(QStringLiteral("app-data"));
        dr::VerifyRequest request;
        request.path = project.file(full);
        if (encrypted)
            request.key = QByteArrayLiteral("s3cret-file-key-Xw4");
        const dr::VerifyReport report = dr::BackupVerifier::verify(request);
        QVERIFY2(report.state == dr::VerifyState::Passed, qPrintable(report.reason));
        QCOMPARE(report.gzipMembers, qint64(3)); // 9 MiB and a little tar in pieces of 4 MiB

        // Six hours later: a file added, one changed, one deleted.
        QVERIFY(project.writeFile(QStringLiteral("uploads/b.txt"), "second upload\n"));
        QVERIFY(project.writeFile(QStringLiteral("logs/bot.log"), "line 1\nline 2\nline 3\n"));
        QVERIFY(QFile::remove(project.file(QStringLiteral("uploads/a.txt"))));
        project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(start + 6 * 3600));
        ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("incremental") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QString first = project.lastBackup(QStringLiteral("app-data"));
        QVERIFY2(first.contains(QStringLiteral("app-data-incremental-")), qPrintable(first));
        QCOMPARE(project.events(QStringLiteral("backup_finished")).last().value(QStringLiteral("kind")).toString(),
            QStringLiteral("incremental"));
        QCOMPARE(
            project.events(QStringLiteral("backup_finished")).last().value(QStringLiteral("base")).toString(), full);

        QVERIFY(project.writeFile(QStringLiteral("uploads/c.txt"), "third upload\n"));
        project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(start + 12 * 3600));
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("incremental") }).exitCode == 0);
        const QString second = project.lastBackup(QStringLiteral("app-data"));
        const QByteArray expectedTree
            = project
                  .sh(QStringLiteral("find data logs uploads -type f ! -name 'discord_bot.db*' -print0 | sort -z | "
                                     "xargs -0 sha256sum"))
                  .out;
        const QByteArray databaseRows = rows(project);
        project.env.remove(QStringLiteral("BACKUP_NOW"));

        // Disaster: the app data is gone or wrong.
        QVERIFY(project.sh(QStringLiteral("rm -rf logs uploads && echo junk > data/settings.json")).exitCode == 0);
        result = project.run({ QStringLiteral("restore-app"), second, QStringLiteral("--yes") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(
            project
                .sh(QStringLiteral(
                    "find data logs uploads -type f ! -name 'discord_bot.db*' -print0 | sort -z | xargs -0 sha256sum"))
                .out,
            expectedTree);
        QVERIFY(!QFile::exists(project.file(QStringLiteral("uploads/a.txt"))));
        QCOMPARE(rows(project), databaseRows); // the live database was carried over, not lost
        QVERIFY(result.out.contains(full.toUtf8()) && result.out.contains(first.toUtf8()));
        QVERIFY(project.events(QStringLiteral("restore_finished"))
                    .last()
                    .value(QStringLiteral("emergency_backup"))
                    .toString()
                    .startsWith(QLatin1String("backups/emergency/emergency-app-data-")));
        QVERIFY(QDir(project.path())
                    .entryList({ QStringLiteral(".drconsole-*") }, QDir::AllEntries | QDir::Hidden)
                    .isEmpty());

        // The full archive alone brings back the first state.
        result = project.run({ QStringLiteral("restore-app"), full, QStringLiteral("--yes") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(project.readFile(QStringLiteral("uploads/a.txt")), QByteArray("first upload\n"));
        QVERIFY(!QFile::exists(project.file(QStringLiteral("uploads/b.txt"))));
    }

    void withoutSplitFilterOneMember()
    {
        // BusyBox's split has no --filter: the archive is gzipped as one member, as gzip alone writes it.
        HostProject project;
        makeProject(project);
        QVERIFY(project.writeFile(
            QStringLiteral("bin/split"), "#!/bin/sh\necho 'split: unrecognized option' >&2\nexit 1\n"));
        QVERIFY(QFile::setPermissions(project.file(QStringLiteral("bin/split")), QFile::ReadOwner | QFile::ExeOwner));
        project.env.insert(QStringLiteral("PATH"),
            project.file(QStringLiteral("bin")) + u':' + project.env.value(QStringLiteral("PATH")));
        QVERIFY(project.sh(QStringLiteral("head -c 9M /dev/urandom > uploads/big.bin")).exitCode == 0);
        const ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("full") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        dr::VerifyRequest request;
        request.path = project.file(project.lastBackup(QStringLiteral("app-data")));
        const dr::VerifyReport report = dr::BackupVerifier::verify(request);
        QVERIFY2(report.state == dr::VerifyState::Passed, qPrintable(report.reason));
        QCOMPARE(report.gzipMembers, qint64(1));
    }

    void retentionKeepsTheNewestGoodBackup()
    {
        HostProject project;
        makeProject(project);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QStringList files;
        for (qint64 age : { 50, 45, 40, 2 }) {
            project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(now - age * day));
            QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
            files << project.lastBackup(QStringLiteral("sqlite"));
        }
        // app-data: only old archives (a full and an incremental on it); config: one recent.
        project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(now - 60 * day));
        QVERIFY(project
                    .run({ QStringLiteral("backup"), QStringLiteral("full"), QStringLiteral("--component"),
                        QStringLiteral("app-data") })
                    .exitCode
            == 0);
        const QString oldFull = project.lastBackup(QStringLiteral("app-data"));
        project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(now - 59 * day));
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("incremental") }).exitCode == 0);
        const QString oldIncremental = project.lastBackup(QStringLiteral("app-data"));
        project.env.remove(QStringLiteral("BACKUP_NOW"));

        const ToolResult result = project.run({ QStringLiteral("cleanup") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY(!QFile::exists(project.file(files[0])));
        QVERIFY(!QFile::exists(project.file(files[0] + QStringLiteral(".sha256"))));
        QVERIFY(!QFile::exists(project.file(files[1])));
        QVERIFY(!QFile::exists(project.file(files[2])));
        QVERIFY(QFile::exists(project.file(files[3])));
        // The newest app-data archive is kept although old, and with it the full archive it needs.
        QVERIFY(QFile::exists(project.file(oldIncremental)));
        QVERIFY(QFile::exists(project.file(oldFull)));
        QStringList removed;
        for (const QJsonObject& event : project.events(QStringLiteral("cleanup_removed"))) {
            removed << event.value(QStringLiteral("file")).toString();
            QVERIFY(event.value(QStringLiteral("age_days")).toInt() >= 30);
        }
        QCOMPARE(removed.size(), 3);

        // The newest sqlite backup fails verification and everything else is old: the newest good one stays.
        HostProject second;
        makeProject(second);
        files.clear();
        for (qint64 age : { 50, 45, 40 }) {
            second.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(now - age * day));
            QVERIFY(second.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
            files << second.lastBackup(QStringLiteral("sqlite"));
        }
        second.env.remove(QStringLiteral("BACKUP_NOW"));
        QVERIFY(second.sh(QStringLiteral("printf XXXX | dd of=%1 bs=1 seek=30 conv=notrunc status=none").arg(files[2]))
                    .exitCode
            == 0);
        QCOMPARE(second.run({ QStringLiteral("verify"), files[2] }).exitCode, 1);
        QVERIFY(second.run({ QStringLiteral("cleanup") }).exitCode == 0);
        QVERIFY(!QFile::exists(second.file(files[0])));
        QVERIFY(QFile::exists(second.file(files[1])));
        QVERIFY(!QFile::exists(second.file(files[2])));
    }

    void lockKeepsTwoBackupsOfOneComponentApart()
    {
        HostProject project;
        makeProject(project);
        QDir().mkpath(project.file(QStringLiteral("backups/locks")));
        QProcess holder;
        holder.setWorkingDirectory(project.path());
        // The holder execs into sleep, which keeps the locked descriptor: killing it releases the lock.
        holder.start(QStringLiteral("bash"),
            { QStringLiteral("-c"), QStringLiteral("exec 9>>backups/locks/sqlite.lock && flock 9 && exec sleep 30") });
        QVERIFY(holder.waitForStarted());
        QTRY_VERIFY(project.sh(QStringLiteral("! flock -n backups/locks/sqlite.lock true")).exitCode == 0);
        const ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        holder.kill();
        holder.waitForFinished();
        QCOMPARE(result.exitCode, 1);
        const auto failed = project.events(QStringLiteral("backup_failed"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first()
                    .value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("another backup of sqlite is running")));
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
    }

    void listAndStatusJson()
    {
        HostProject project;
        makeProject(project);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("full") }).exitCode == 0);
        // A file made by hand (no catalog line, no sidecar) is listed as unmanaged.
        QVERIFY(project
                    .sh(QStringLiteral("cp data/discord_bot.db backups/database/sqlite-20240909-020000.db && gzip "
                                       "backups/database/sqlite-20240909-020000.db"))
                    .exitCode
            == 0);
        ToolResult result = project.run({ QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(list.size(), 3);
        int managed = 0;
        for (const QJsonValue& value : list) {
            const QJsonObject entry = value.toObject();
            QVERIFY(entry.value(QStringLiteral("path")).toString().startsWith(QLatin1String("backups/")));
            QVERIFY(entry.value(QStringLiteral("time")).toString().endsWith(u'Z'));
            QVERIFY(entry.value(QStringLiteral("size")).toInteger() > 0);
            if (entry.value(QStringLiteral("managed")).toBool()) {
                ++managed;
                QCOMPARE(entry.value(QStringLiteral("sha256")).toString().size(), 64);
            } else {
                QCOMPARE(entry.value(QStringLiteral("path")).toString(),
                    QStringLiteral("backups/database/sqlite-20240909-020000.db.gz"));
                QVERIFY(entry.value(QStringLiteral("sha256")).isNull());
                QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("full"));
            }
        }
        QCOMPARE(managed, 2);
        result = project.run({ QStringLiteral("list") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("sqlite-20240909-020000.db.gz"));

        result = project.run({ QStringLiteral("status"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 0);
        const QJsonObject status = parseObject(result.out);
        QCOMPARE(status.value(QStringLiteral("version")).toString(), QStringLiteral("0.3.1"));
        QVERIFY(status.value(QStringLiteral("disk")).toObject().value(QStringLiteral("free_bytes")).toInteger() > 0);
        QVERIFY(
            !status.value(QStringLiteral("versions")).toObject().value(QStringLiteral("sqlite3")).toString().isEmpty());
        const QJsonObject sqlite
            = status.value(QStringLiteral("components")).toObject().value(QStringLiteral("sqlite")).toObject();
        QVERIFY(sqlite.value(QStringLiteral("configured")).toBool());
        QCOMPARE(sqlite.value(QStringLiteral("last_backup")).toObject().value(QStringLiteral("file")).toString(),
            project.lastBackup(QStringLiteral("sqlite")));
        QCOMPARE(status.value(QStringLiteral("components"))
                     .toObject()
                     .value(QStringLiteral("postgres"))
                     .toObject()
                     .value(QStringLiteral("configured"))
                     .toBool(),
            false);
        QCOMPARE(status.value(QStringLiteral("service")).toObject().value(QStringLiteral("state")).toString(),
            QStringLiteral("unknown"));
    }

    void healthCheck()
    {
        HostProject project;
        makeProject(project);
        const QString healthCheck = sourceDir() + QStringLiteral("/src/host/health-check.sh");
        project.env.insert(QStringLiteral("HEALTH_CHECK_COMMAND"), QStringLiteral("test -f service.up"));
        ToolResult result = project.runProgram(healthCheck, { QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 1); // no backups yet, service down
        QJsonObject health = parseObject(result.out);
        QCOMPARE(health.value(QStringLiteral("healthy")).toBool(true), false);

        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("full") }).exitCode == 0);
        QVERIFY(project.writeFile(QStringLiteral("service.up"), {}));
        result = project.runProgram(healthCheck, { QStringLiteral("--json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        health = parseObject(result.out);
        QVERIFY(health.value(QStringLiteral("healthy")).toBool());
        QMap<QString, QString> checks;
        for (const QJsonValue& check : health.value(QStringLiteral("checks")).toArray())
            checks.insert(check.toObject().value(QStringLiteral("name")).toString(),
                check.toObject().value(QStringLiteral("status")).toString());
        QCOMPARE(checks.value(QStringLiteral("database:sqlite")), QStringLiteral("ok"));
        QCOMPARE(checks.value(QStringLiteral("database:postgres")), QStringLiteral("skipped"));
        QCOMPARE(checks.value(QStringLiteral("backup:sqlite")), QStringLiteral("ok"));
        QCOMPARE(checks.value(QStringLiteral("disk")), QStringLiteral("ok"));
        QCOMPARE(checks.value(QStringLiteral("service")), QStringLiteral("ok"));

        // A backup older than the limit makes the host unhealthy.
        project.env.insert(QStringLiteral("HEALTH_MAX_BACKUP_AGE_HOURS"), QStringLiteral("26"));
        project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(QDateTime::currentSecsSinceEpoch() + 2 * day));
        result = project.runProgram(healthCheck, {});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains("FAILED   backup:sqlite"));
        QCOMPARE(project.runProgram(healthCheck, { QStringLiteral("--nonsense") }).exitCode, 2);
    }

    void failureNotifiesTheWebhook()
    {
        HostProject project;
        makeProject(project);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QByteArray request;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &request] {
                request += socket->readAll();
                if (request.contains("\r\n\r\n") && request.contains("}")) {
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                }
            });
        });
        project.env.insert(QStringLiteral("BACKUP_NOTIFY_WEBHOOK"),
            QStringLiteral("http://127.0.0.1:%1/hook").arg(server.serverPort()));
        project.env.insert(QStringLiteral("SQLITE_DB"), QStringLiteral("data/gone.db"));
        QProcess process;
        process.setWorkingDirectory(project.path());
        process.setProcessEnvironment(project.env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(hostToolPath(), { QStringLiteral("backup"), QStringLiteral("critical") });
        QVERIFY(finished.wait(60'000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(request.startsWith("POST /hook"), request.constData());
        const QJsonObject body = parseObject(request.mid(request.indexOf("\r\n\r\n") + 4));
        QCOMPARE(body.value(QStringLiteral("level")).toString(), QStringLiteral("failure"));
        QVERIFY(body.value(QStringLiteral("text")).toString().contains(QStringLiteral("gone.db")));

        // Success is not notified by default.
        request.clear();
        project.env.remove(QStringLiteral("SQLITE_DB"));
        process.setProcessEnvironment(project.env);
        process.start(hostToolPath(), { QStringLiteral("backup"), QStringLiteral("critical") });
        QVERIFY(finished.wait(60'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(request.isEmpty());
    }

    void remoteCopyByRsync()
    {
        HostProject project;
        makeProject(project);
        QTemporaryDir remote;
        project.env.insert(QStringLiteral("BACKUP_REMOTE_ENABLED"), QStringLiteral("true"));
        project.env.insert(QStringLiteral("BACKUP_REMOTE_TYPE"), QStringLiteral("rsync"));
        project.env.insert(QStringLiteral("BACKUP_RSYNC_DESTINATION"), remote.path());
        ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QString backup = project.lastBackup(QStringLiteral("sqlite"));
        const QString relative = backup.mid(QStringLiteral("backups/").size());
        QCOMPARE(project.readFile(remote.filePath(relative)), project.readFile(backup));
        QVERIFY(QFile::exists(remote.filePath(relative + QStringLiteral(".sha256"))));
        const QJsonObject copy = project.events(QStringLiteral("remote_copy")).last();
        QCOMPARE(copy.value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(copy.value(QStringLiteral("destination")).toString(), QStringLiteral("rsync:") + remote.path());

        // An unreachable destination: the copy fails, the run fails, the catalog says why.
        project.env.insert(QStringLiteral("BACKUP_RSYNC_DESTINATION"), QStringLiteral("/proc/no-such-dir/backups"));
        project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(QDateTime::currentSecsSinceEpoch() + 60));
        result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QCOMPARE(result.exitCode, 1);
        const QJsonObject failed = project.events(QStringLiteral("remote_copy")).last();
        QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QVERIFY(!failed.value(QStringLiteral("error")).toString().isEmpty());

        // S3 without the aws command: a clear failure, not a silent skip.
        project.env.insert(QStringLiteral("BACKUP_REMOTE_TYPE"), QStringLiteral("s3"));
        project.env.insert(QStringLiteral("BACKUP_S3_BUCKET"), QStringLiteral("bucket"));
        project.env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        if (findProgram(QStringLiteral("aws")).isEmpty()) {
            result = project.run({ QStringLiteral("copy-remote"), backup });
            QCOMPARE(result.exitCode, 1);
            QVERIFY(project.events(QStringLiteral("remote_copy"))
                        .last()
                        .value(QStringLiteral("error"))
                        .toString()
                        .contains(QStringLiteral("aws")));
        }
    }
};

QTEST_GUILESS_MAIN(tst_HostTool)
#include "tst_HostTool.moc"
