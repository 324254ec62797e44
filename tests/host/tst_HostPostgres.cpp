// The host tool against a real PostgreSQL started on loopback by the test: backup and restore round trips
// (plain and encrypted), a broken dump that must leave the database exactly as it was, a cut-short dump that
// verify must reject, and the health check's database probe.
#include "HostProject.h"
#include "TestPostgres.h"

#include <QTest>

using namespace dr::test;

class tst_HostPostgres : public QObject
{
    Q_OBJECT

private:
    TestPostgres m_server;

    /// A fresh database @p name with an events table of @p rows rows.
    void makeDatabase(const QString& name, int rows)
    {
        QString error;
        QVERIFY2(m_server.psql(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name),
                     nullptr, &error),
            qPrintable(error));
        QVERIFY2(
            m_server.psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(name), nullptr, &error),
            qPrintable(error));
        QVERIFY2(m_server.psql(name,
                     QStringLiteral(
                         "CREATE TABLE events (id integer PRIMARY KEY, guild bigint NOT NULL, message text NOT NULL);"
                         "CREATE INDEX events_guild ON events (guild);"
                         "INSERT INTO events SELECT i, i %% 7, 'event ' || i || E'\\twith tab' FROM generate_series(1, "
                         "%1) i;")
                         .arg(rows)
                         .replace(QStringLiteral("%%"), QStringLiteral("%")),
                     nullptr, &error),
            qPrintable(error));
    }
    QByteArray contents(const QString& database)
    {
        QByteArray out;
        QString error;
        if (!m_server.psql(database, QStringLiteral("SELECT * FROM events ORDER BY id"), &out, &error))
            return error.toUtf8();
        return out;
    }
    /// A database @p name of @p rows rows, backed up by @p project (configured for it); the backup's path.
    QString backedUp(HostProject& project, const QString& name, int rows)
    {
        makeDatabase(name, rows);
        configure(project, name);
        const ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        if (result.exitCode != 0)
            qWarning("backup failed: %s", qPrintable(result.describe()));
        return project.lastBackup(QStringLiteral("postgres"));
    }
    /// A gzipped copy @p target of the dump @p dump with @p lines put before its completion footer: a dump that
    /// passes the format checks but holds more.
    static bool insertBeforeFooter(
        const HostProject& project, const QString& dump, const QByteArray& lines, const QString& target)
    {
        QByteArray sql = project.runProgram(QStringLiteral("gzip"), { QStringLiteral("-dc"), project.file(dump) }).out;
        const qsizetype footer = sql.indexOf("\n-- PostgreSQL database dump complete\n");
        if (footer < 0)
            return false;
        sql.insert(footer + 1, lines);
        return project.writeFile(target, sql)
            && project.runProgram(QStringLiteral("gzip"), { QStringLiteral("-f"), project.file(target) }).exitCode == 0;
    }
    /// What an admin makes by hand: pg_dump -Fc of @p database into @p target.
    static bool dumpCustomFormat(const HostProject& project, const QString& database, const QString& target)
    {
        return project
                   .runProgram(TestPostgres::binDir() + QStringLiteral("/pg_dump"),
                       { QStringLiteral("-Fc"), QStringLiteral("-f"), target, database })
                   .exitCode
            == 0;
    }
    /// The throwaway databases of deep verifications still on the server, one name a line.
    QByteArray throwawayDatabases()
    {
        QByteArray out;
        QString error;
        if (!m_server.psql(QStringLiteral("postgres"),
                QStringLiteral(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'drconsole\\_verify\\_%' ORDER BY 1"),
                &out, &error))
            return error.toUtf8();
        return out;
    }
    void configure(HostProject& project, const QString& database)
    {
        project.env = m_server.environment(database, project.env);
        project.env.insert(QStringLiteral("PG_DUMP"), TestPostgres::binDir() + QStringLiteral("/pg_dump"));
        project.env.insert(QStringLiteral("PSQL"), TestPostgres::binDir() + QStringLiteral("/psql"));
        project.env.insert(QStringLiteral("APP_DATA_PATHS"), QString());
        project.env.insert(QStringLiteral("SQLITE_DB"), QString());
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void roundTrip_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("plain") << false;
        QTest::newRow("encrypted") << true;
    }
    void roundTrip()
    {
        QFETCH(bool, encrypted);
        const QString database = encrypted ? QStringLiteral("bot_enc") : QStringLiteral("bot_plain");
        makeDatabase(database, 500);
        HostProject project;
        configure(project, database);
        if (encrypted) {
            project.env.insert(QStringLiteral("BACKUP_ENCRYPTION"), QStringLiteral("true"));
            project.env.insert(QStringLiteral("BACKUP_ENCRYPTION_KEY"), QStringLiteral("pg-key-7781"));
        }
        const QByteArray original = contents(database);
        QCOMPARE(original.count('\n'), 500);

        ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QString backup = project.lastBackup(QStringLiteral("postgres"));
        QVERIFY2(backup.startsWith(QLatin1String("backups/database/postgres-"))
                && backup.endsWith(encrypted ? QLatin1String(".sql.gz.enc") : QLatin1String(".sql.gz")),
            qPrintable(backup));
        result
            = project.run({ QStringLiteral("verify"), backup, QStringLiteral("postgres"), QStringLiteral("--json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY(QJsonDocument::fromJson(result.out)
                    .object()
                    .value(QStringLiteral("method"))
                    .toString()
                    .contains(QStringLiteral("pg-dump-header-footer")));

        QString error;
        QVERIFY(m_server.psql(database,
            QStringLiteral("DELETE FROM events WHERE id %% 3 = 0; UPDATE events SET message = 'x' WHERE id < 5; DROP "
                           "INDEX events_guild;")
                .replace(QStringLiteral("%%"), QStringLiteral("%")),
            nullptr, &error));
        QVERIFY(contents(database) != original);

        QCOMPARE(project.run({ QStringLiteral("restore-postgres"), backup }).exitCode, 2);
        result = project.run({ QStringLiteral("restore-postgres"), backup, QStringLiteral("--yes") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(contents(database), original);
        QByteArray index;
        QVERIFY(m_server.psql(database,
            QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY 1"), &index));
        QCOMPARE(index, QByteArray("events_guild\nevents_pkey\n"));
        const QJsonObject finished = project.events(QStringLiteral("restore_finished")).last();
        QCOMPARE(finished.value(QStringLiteral("component")).toString(), QStringLiteral("postgres"));
        const QString emergency = finished.value(QStringLiteral("emergency_backup")).toString();
        QVERIFY2(emergency.startsWith(QLatin1String("backups/emergency/emergency-postgres-")), qPrintable(emergency));
        QCOMPARE(project.run({ QStringLiteral("verify"), emergency }).exitCode, 0);
        QCOMPARE(project.readFile(QStringLiteral("service.log")), QByteArray("stop\nstart\n"));
    }

    void brokenDumpLeavesTheDatabaseAsItWas()
    {
        const QString database = QStringLiteral("bot_broken");
        HostProject project;
        const QString good = backedUp(project, database, 200);
        // A dump that passes the format checks but fails half-way: after its DROP and COPY, before its end.
        QVERIFY(
            insertBeforeFooter(project, good, "INSERT INTO no_such_table VALUES (1);\n", QStringLiteral("broken.sql")));
        QCOMPARE(project.run({ QStringLiteral("verify"), QStringLiteral("broken.sql.gz") }).exitCode, 0);

        QString error;
        QVERIFY(m_server.psql(database,
            QStringLiteral("INSERT INTO events VALUES (9001, 1, 'written after the backup')"), nullptr, &error));
        const QByteArray before = contents(database);
        const ToolResult result = project.run(
            { QStringLiteral("restore-postgres"), QStringLiteral("broken.sql.gz"), QStringLiteral("--yes") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(
            result.err.contains("no_such_table") && result.err.contains("rolled back"), qPrintable(result.describe()));
        QCOMPARE(contents(database), before);
        const QJsonObject failed = project.events(QStringLiteral("restore_failed")).last();
        const QString emergency = failed.value(QStringLiteral("emergency_backup")).toString();
        QVERIFY2(QFile::exists(project.file(emergency)), qPrintable(emergency));
        QVERIFY(project.readFile(emergency).size() > 0);
        QCOMPARE(project.readFile(QStringLiteral("service.log")),
            QByteArray("stop\nstart\n")); // started again after the failure
    }

    void cutShortDumpFailsVerifyAndIsNotRestored()
    {
        const QString database = QStringLiteral("bot_cut");
        makeDatabase(database, 300);
        HostProject project;
        configure(project, database);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString good = project.lastBackup(QStringLiteral("postgres"));
        QVERIFY(project
                    .sh(QStringLiteral(
                        "gzip -dc %1 | head -c 9000 | gzip > backups/database/postgres-20200101-000000.sql.gz")
                            .arg(good))
                    .exitCode
            == 0);
        ToolResult result = project.run({ QStringLiteral("verify"),
            QStringLiteral("backups/database/postgres-20200101-000000.sql.gz"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(QJsonDocument::fromJson(result.out)
                     .object()
                     .value(QStringLiteral("reason"))
                     .toString()
                     .contains(QStringLiteral("cut short")),
            qPrintable(result.describe()));

        // Not a dump at all.
        QVERIFY(project.sh(QStringLiteral("echo 'SELECT 1;' | gzip > notadump.sql.gz")).exitCode == 0);
        result = project.run({ QStringLiteral("verify"), QStringLiteral("notadump.sql.gz") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains("header"));

        const QByteArray before = contents(database);
        result = project.run({ QStringLiteral("restore-postgres"),
            QStringLiteral("backups/database/postgres-20200101-000000.sql.gz"), QStringLiteral("--yes") });
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(contents(database), before);
        QVERIFY(!QFile::exists(project.file(QStringLiteral("service.log"))));
    }

    void customFormatDumpIsReadBackByPgRestore()
    {
        const QString database = QStringLiteral("bot_custom");
        makeDatabase(database, 400);
        HostProject project;
        configure(project, database);
        project.env.insert(QStringLiteral("PG_RESTORE"), TestPostgres::binDir() + QStringLiteral("/pg_restore"));
        // A dump an admin made by hand with pg_dump -Fc, whole, compressed, and cut short.
        QString error;
        QVERIFY(QDir().mkpath(project.file(QStringLiteral("backups/database"))));
        const QString dump = project.file(QStringLiteral("backups/database/postgres-20261101-020000.dump"));
        QVERIFY(dumpCustomFormat(project, database, dump));
        QVERIFY(project
                    .sh(QStringLiteral("cd backups/database && gzip -k postgres-20261101-020000.dump && "
                                       "head -c $(( $(stat -c %s postgres-20261101-020000.dump) * 3 / 4 )) "
                                       "postgres-20261101-020000.dump > postgres-20261102-020000.dump"))
                    .exitCode
            == 0);
        for (const QString& good :
            { QStringLiteral("postgres-20261101-020000.dump"), QStringLiteral("postgres-20261101-020000.dump.gz") }) {
            const ToolResult result = project.run(
                { QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("backups/database/") + good });
            QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
            const QJsonObject verdict = QJsonDocument::fromJson(result.out).object();
            QCOMPARE(verdict.value(QStringLiteral("level")).toString(), QStringLiteral("integrity"));
            QVERIFY(
                verdict.value(QStringLiteral("method")).toString().endsWith(QStringLiteral("pg-custom+pg-restore")));
        }
        // --deep: pg_restore restores it into a throwaway database, from the decoded copy of the gzipped one.
        const ToolResult deep = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"),
            QStringLiteral("--json"), QStringLiteral("backups/database/postgres-20261101-020000.dump.gz") });
        QVERIFY2(deep.exitCode == 0, qPrintable(deep.describe()));
        const QJsonObject deepVerdict = QJsonDocument::fromJson(deep.out).object();
        QCOMPARE(deepVerdict.value(QStringLiteral("level")).toString(), QStringLiteral("deep"));
        QVERIFY2(deepVerdict.value(QStringLiteral("method"))
                     .toString()
                     .endsWith(QStringLiteral("pg-custom+pg-restore+deep-restore")),
            qPrintable(deep.describe()));
        QCOMPARE(deepVerdict.value(QStringLiteral("tables")).toInt(), 1);
        QCOMPARE(deepVerdict.value(QStringLiteral("rows")).toInt(), 400);
        QCOMPARE(throwawayDatabases(), QByteArray());
        // One that reads back whole and does not restore: a CHECK calls a function changed after its rows were
        // written, and the dump recreates the function as it is now.
        QVERIFY2(m_server.psql(database,
                     QStringLiteral("CREATE FUNCTION small(i int) RETURNS bool LANGUAGE sql IMMUTABLE AS 'SELECT true';"
                                    "CREATE TABLE amounts (amount int CHECK (small(amount)));"
                                    "INSERT INTO amounts SELECT generate_series(1, 100);"
                                    "CREATE OR REPLACE FUNCTION small(i int) RETURNS bool LANGUAGE sql IMMUTABLE "
                                    "AS 'SELECT $1 < 10'"),
                     nullptr, &error),
            qPrintable(error));
        const QString drifted = project.file(QStringLiteral("backups/database/postgres-20261104-020000.dump"));
        QVERIFY(dumpCustomFormat(project, database, drifted));
        const ToolResult restoreFails = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"),
            QStringLiteral("--json"), QStringLiteral("backups/database/postgres-20261104-020000.dump") });
        QCOMPARE(restoreFails.exitCode, 1);
        const QJsonObject failed = QJsonDocument::fromJson(restoreFails.out).object();
        QCOMPARE(failed.value(QStringLiteral("level")).toString(), QStringLiteral("integrity"));
        QVERIFY2(failed.value(QStringLiteral("reason")).toString().contains(QStringLiteral("amounts_amount_check")),
            qPrintable(restoreFails.describe()));
        QCOMPARE(throwawayDatabases(), QByteArray());

        const ToolResult cut = project.run({ QStringLiteral("verify"), QStringLiteral("--json"),
            QStringLiteral("backups/database/postgres-20261102-020000.dump") });
        QCOMPARE(cut.exitCode, 1);
        const QJsonObject verdict = QJsonDocument::fromJson(cut.out).object();
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QStringLiteral("does not read back")),
            qPrintable(cut.describe()));
        QVERIFY2(
            !verdict.value(QStringLiteral("reason")).toString().contains(project.path()), qPrintable(cut.describe()));
        // The magic and then noise: pg_restore reads a version number from the noise, no newer format: failed.
        QVERIFY(project
                    .sh(QStringLiteral("{ printf 'PGDMP\\262\\026'; head -c 5000 /dev/urandom; } > "
                                       "backups/database/postgres-20261103-020000.dump"))
                    .exitCode
            == 0);
        const ToolResult noise = project.run({ QStringLiteral("verify"), QStringLiteral("--json"),
            QStringLiteral("backups/database/postgres-20261103-020000.dump") });
        QCOMPARE(QJsonDocument::fromJson(noise.out).object().value(QStringLiteral("result")).toString(),
            QStringLiteral("failed"));
    }

    void deepVerifyRestoresIntoAThrowawayDatabase()
    {
        const QString database = QStringLiteral("bot_deep");
        makeDatabase(database, 250);
        QString error;
        QVERIFY2(m_server.psql(database,
                     QStringLiteral("CREATE SCHEMA audit; CREATE TABLE audit.\"Log entries\" (id serial, what text);"
                                    "INSERT INTO audit.\"Log entries\" (what) VALUES ('a'), ('b'), ('c'), ('d');"
                                    "CREATE TABLE empty_one (x int); CREATE VIEW recent AS SELECT * FROM events;"),
                     nullptr, &error),
            qPrintable(error));
        HostProject project;
        configure(project, database);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }).exitCode == 0);
        const QString backup = project.lastBackup(QStringLiteral("postgres"));
        const QByteArray before = contents(database);

        const ToolResult result
            = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("--json"), backup });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QJsonObject verdict = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
        QCOMPARE(verdict.value(QStringLiteral("level")).toString(), QStringLiteral("deep"));
        QCOMPARE(verdict.value(QStringLiteral("method")).toString(),
            QStringLiteral("sha256+gzip+pg-dump-header-footer+deep-restore"));
        QCOMPARE(verdict.value(QStringLiteral("tables")).toInt(), 3); // events, audit."Log entries", empty_one
        QCOMPARE(verdict.value(QStringLiteral("rows")).toInt(), 254);
        const QJsonObject event = project.events(QStringLiteral("verify")).last();
        QCOMPARE(event.value(QStringLiteral("level")).toString(), QStringLiteral("deep"));
        QCOMPARE(event.value(QStringLiteral("tables")).toInt(), 3);
        QCOMPARE(event.value(QStringLiteral("rows")).toInt(), 254);
        QCOMPARE(throwawayDatabases(), QByteArray());
        QCOMPARE(contents(database), before); // the real database is not touched

        // Without --deep the same dump reaches integrity.
        const ToolResult plain = project.run({ QStringLiteral("verify"), QStringLiteral("--json"), backup });
        QCOMPARE(QJsonDocument::fromJson(plain.out).object().value(QStringLiteral("level")).toString(),
            QStringLiteral("integrity"));
    }

    void deepVerifyOfABrokenDumpFails()
    {
        HostProject project;
        const QString good = backedUp(project, QStringLiteral("bot_deep_broken"), 120);
        QVERIFY(!good.isEmpty());
        // Passes the header and footer checks; its last statement fails.
        QVERIFY(
            insertBeforeFooter(project, good, "INSERT INTO no_such_table VALUES (1);\n", QStringLiteral("broken.sql")));
        ToolResult result = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("--json"),
            QStringLiteral("broken.sql.gz") });
        QCOMPARE(result.exitCode, 1);
        QJsonObject verdict = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(verdict.value(QStringLiteral("level")).toString(), QStringLiteral("integrity"));
        QVERIFY2(verdict.value(QStringLiteral("reason"))
                     .toString()
                     .contains(QStringLiteral("relation \"no_such_table\" does not exist")),
            qPrintable(result.describe()));
        QVERIFY(!verdict.contains(QStringLiteral("tables")));
        QCOMPARE(throwawayDatabases(), QByteArray());

        // Faults whose words sound like the server's own problems, in a value and in a name: still the dump's.
        for (const QByteArray& fault :
            { QByteArray("CREATE TABLE t (k text, n int);\nCOPY public.t (k, n) FROM stdin;\n"
                         "b\tERROR: permission denied for table t\n\\.\n"),
                QByteArray("INSERT INTO \"could not connect\" VALUES (1);\n") }) {
            QVERIFY(insertBeforeFooter(project, good, fault, QStringLiteral("worded.sql")));
            result = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("--json"),
                QStringLiteral("worded.sql.gz") });
            QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QStringLiteral("result")).toString(),
                QStringLiteral("failed"));
        }
        QCOMPARE(throwawayDatabases(), QByteArray());

        // A dump with psql backslash commands: blocked, never run (no shell command, no \connect elsewhere).
        QVERIFY(insertBeforeFooter(project, good, "\\! touch pwned\n\\connect postgres\n", QStringLiteral("meta.sql")));
        result = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("meta.sql.gz") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("FAILED meta.sql.gz: ") && result.out.contains("restricted"),
            qPrintable(result.describe()));
        QVERIFY(!QFile::exists(project.file(QStringLiteral("pwned"))));
        QCOMPARE(throwawayDatabases(), QByteArray());

        // No server configured: an error, not a pass.
        project.env.remove(QStringLiteral("PGDATABASE"));
        result = project.run({ QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("--json"), good });
        QCOMPARE(result.exitCode, 1);
        verdict = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("error"));
        QCOMPARE(verdict.value(QStringLiteral("level")).toString(), QStringLiteral("integrity"));
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QStringLiteral("PGDATABASE is not set")),
            qPrintable(result.describe()));
    }

    void deepVerifyInterruptedDropsItsDatabase()
    {
        HostProject project;
        const QString good = backedUp(project, QStringLiteral("bot_deep_signal"), 50);
        QVERIFY(!good.isEmpty());
        // A dump that takes long to restore: the tool is interrupted while psql runs it.
        QVERIFY(insertBeforeFooter(project, good, "SELECT pg_sleep(60);\n", QStringLiteral("slow.sql")));
        QProcess process;
        process.setWorkingDirectory(project.path());
        process.setProcessEnvironment(project.env);
        process.start(
            hostToolPath(), { QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("slow.sql.gz") });
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!throwawayDatabases().isEmpty(), 20'000);
        QVERIFY(throwawayDatabases().startsWith(
            QByteArray("drconsole_verify_" + QByteArray::number(process.processId()) + '_')));
        // SIGTERM to the tool alone: its trap stops psql at once and drops the database.
        QElapsedTimer stopping;
        stopping.start();
        process.terminate();
        QVERIFY(process.waitForFinished(30'000));
        QVERIFY2(stopping.elapsed() < 10'000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(process.exitCode(), 130);
        QCOMPARE(throwawayDatabases(), QByteArray());

        // The restore's connection cut by the server: the dump was never judged, so it is no failure.
        QProcess cut;
        cut.setWorkingDirectory(project.path());
        cut.setProcessEnvironment(project.env);
        cut.start(hostToolPath(),
            { QStringLiteral("verify"), QStringLiteral("--deep"), QStringLiteral("--json"),
                QStringLiteral("slow.sql.gz") });
        QVERIFY(cut.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!throwawayDatabases().isEmpty(), 20'000);
        QString error;
        QVERIFY2(m_server.psql(QStringLiteral("postgres"),
                     QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname LIKE "
                                    "'drconsole\\_verify\\_%'"),
                     nullptr, &error),
            qPrintable(error));
        QVERIFY(cut.waitForFinished(30'000));
        const QJsonObject verdict = QJsonDocument::fromJson(cut.readAllStandardOutput()).object();
        QCOMPARE(verdict.value(QStringLiteral("result")).toString(), QStringLiteral("error"));
        QVERIFY2(verdict.value(QStringLiteral("reason")).toString().contains(QStringLiteral("could not be judged")),
            qPrintable(verdict.value(QStringLiteral("reason")).toString()));
        QCOMPARE(throwawayDatabases(), QByteArray());
    }

    void fullBackupAndHealthWithPostgres()
    {
        const QString database = QStringLiteral("bot_health");
        makeDatabase(database, 10);
        HostProject project;
        configure(project, database);
        QVERIFY(project.run({ QStringLiteral("backup"), QStringLiteral("full") }).exitCode == 0);
        ToolResult result = project.runProgram(
            sourceDir() + QStringLiteral("/src/host/health-check.sh"), { QStringLiteral("--json") });
        const QJsonArray checks
            = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("checks")).toArray();
        bool answered = false;
        for (const QJsonValue& check : checks) {
            if (check.toObject().value(QStringLiteral("name")).toString() == QLatin1String("database:postgres"))
                answered = check.toObject().value(QStringLiteral("status")).toString() == QLatin1String("ok");
        }
        QVERIFY2(answered, qPrintable(result.describe()));

        // A server that does not answer: the database check fails, and so does a backup.
        project.env.insert(QStringLiteral("PGDATABASE"), QStringLiteral("no_such_database"));
        result = project.runProgram(sourceDir() + QStringLiteral("/src/host/health-check.sh"), {});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains("FAILED   database:postgres"));
        result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QCOMPARE(result.exitCode, 1);
        const QString why
            = project.events(QStringLiteral("backup_failed")).last().value(QStringLiteral("error")).toString();
        QVERIFY2(why.contains(QStringLiteral("no_such_database")), qPrintable(why + result.describe()));
    }
};

QTEST_GUILESS_MAIN(tst_HostPostgres)
#include "tst_HostPostgres.moc"
