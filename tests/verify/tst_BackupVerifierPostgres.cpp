// The PostgreSQL checks against real pg_dump output: a PostgreSQL 15 server started by the test on 127.0.0.1
// (its own port, its own folder) and stopped after.

#include "TestEnvironment.h"
#include "verify/BackupVerifier.h"
#include "verify/DeepRestore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <thread>
#include <unistd.h>

using namespace dr;

class tst_BackupVerifierPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void plainDumpPasses();
    void dumpCutShortFailsOnFooter();
    void customFormatDumpPasses();
    void deepRestoreCountsTablesAndRows();
    void deepRestoreOfABrokenDumpFails();
    void deepRestoreOfCustomFormatDumps();
    void deepRestoreBlocksShellCommands();
    void deepRestoreIgnoresProductionRoles();
    void deepRestoreCanBeCancelled();
    void deepRestoreStoppedFromOutsideIsNoVerdict();
    void cliInterruptedDuringADeepRestoreCleansUp();
    void deepRestoreWithoutAServerIsNotAPass();
    void deepSqliteCountsRows();

private:
    QString scratchServer() const { return QStringLiteral("host=127.0.0.1 port=%1 user=postgres").arg(m_port); }
    /// Names of the databases on the server that a deep restore would have made.
    QStringList throwawayDatabases();
    /// Runs @p statement on the test's server; its output, trimmed.
    QString sql(const QString& statement);
    /// Writes a dump file and verifies it at the deep level on the test's server.
    VerifyReport deepVerify(const QString& name, const QByteArray& content);
    QString path(const QString& name) const { return m_dir.filePath(name); }
    bool run(const QString& program, const QStringList& arguments, const QString& outputFile = {});
    void dumpTo(const QString& name, const QStringList& extraArguments);
    /// A new database @p database made by @p sql, dumped with pg_dump -Fc into @p name.
    void customDumpOfNewDatabase(const QString& database, const QString& sql, const QString& name);

    QTemporaryDir m_dir;
    QString m_binDir;
    QString m_dataDir;
    quint16 m_port = 0;
    bool m_started = false;
};

bool tst_BackupVerifierPostgres::run(const QString& program, const QStringList& arguments, const QString& outputFile)
{
    // initdb and the server refuse root: run them as postgres when we are root.
    QProcess process;
    if (::geteuid() == 0) {
        process.setProgram(test::findProgram(QStringLiteral("runuser")));
        process.setArguments(
            QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program }
            + arguments);
    } else {
        process.setProgram(program);
        process.setArguments(arguments);
    }
    if (!outputFile.isEmpty())
        process.setStandardOutputFile(outputFile);
    process.start();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("%s %s: %s", qPrintable(program), qPrintable(arguments.join(u' ')),
            process.readAllStandardError().constData());
        return false;
    }
    return true;
}

void tst_BackupVerifierPostgres::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_binDir = QStringLiteral("/usr/lib/postgresql/15/bin");
    QVERIFY2(
        QFile::exists(m_binDir + QStringLiteral("/initdb")), "PostgreSQL 15 (package postgresql) must be installed");
    QVERIFY(!test::findProgram(QStringLiteral("gzip")).isEmpty());
    if (::geteuid() == 0) {
        // The server's folder and the dumps' folder belong to postgres, who writes the dumps.
        QVERIFY(QProcess::execute(QStringLiteral("chown"), { QStringLiteral("postgres:"), m_dir.path() }) == 0);
    }
    m_dataDir = path(QStringLiteral("pgdata"));

    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    m_port = probe.serverPort();
    probe.close();

    QVERIFY(run(m_binDir + QStringLiteral("/initdb"),
        { QStringLiteral("-D"), m_dataDir, QStringLiteral("--username=postgres"), QStringLiteral("--auth=trust"),
            QStringLiteral("--no-sync") }));
    QVERIFY(run(m_binDir + QStringLiteral("/pg_ctl"),
        { QStringLiteral("-D"), m_dataDir, QStringLiteral("-w"), QStringLiteral("-l"),
            path(QStringLiteral("server.log")), QStringLiteral("-o"),
            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_dir.path()),
            QStringLiteral("start") }));
    m_started = true;
    QVERIFY(run(m_binDir + QStringLiteral("/psql"),
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
            QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("-c"),
            QStringLiteral("CREATE TABLE reminders (id serial PRIMARY KEY, user_id bigint, message text, remind_at "
                           "timestamptz); INSERT INTO reminders (user_id, message, remind_at) SELECT i % 300, "
                           "'remind me about item ' || i, now() + i * interval '1 minute' FROM generate_series(1, "
                           "60000) AS i;") }));
}

void tst_BackupVerifierPostgres::cleanupTestCase()
{
    if (m_started)
        run(m_binDir + QStringLiteral("/pg_ctl"),
            { QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
                QStringLiteral("stop") });
}

void tst_BackupVerifierPostgres::dumpTo(const QString& name, const QStringList& extraArguments)
{
    QVERIFY(run(m_binDir + QStringLiteral("/pg_dump"),
        QStringList { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
            QStringLiteral("-U"), QStringLiteral("postgres") }
            + extraArguments + QStringList { QStringLiteral("postgres") },
        path(name)));
}

void tst_BackupVerifierPostgres::customDumpOfNewDatabase(
    const QString& database, const QString& sql, const QString& name)
{
    QVERIFY(run(m_binDir + QStringLiteral("/psql"),
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
            QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1").arg(database), QStringLiteral("-c"),
            QStringLiteral("\\connect %1").arg(database), QStringLiteral("-c"), sql }));
    QVERIFY(run(m_binDir + QStringLiteral("/pg_dump"),
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
            QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-Fc"), database },
        path(name)));
}

QString tst_BackupVerifierPostgres::sql(const QString& statement)
{
    QProcess psql;
    psql.start(m_binDir + QStringLiteral("/psql"),
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
            QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-X"), QStringLiteral("-A"),
            QStringLiteral("-t"), QStringLiteral("-q"), QStringLiteral("-c"), statement });
    psql.waitForFinished(30'000);
    return QString::fromUtf8(psql.readAllStandardOutput()).trimmed();
}

QStringList tst_BackupVerifierPostgres::throwawayDatabases()
{
    QProcess psql;
    psql.start(m_binDir + QStringLiteral("/psql"),
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
            QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-X"), QStringLiteral("-A"),
            QStringLiteral("-t"), QStringLiteral("-c"),
            QStringLiteral("SELECT datname FROM pg_database WHERE datname LIKE 'drconsole_verify_%'") });
    psql.waitForFinished(30'000);
    return QString::fromUtf8(psql.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

void tst_BackupVerifierPostgres::deepRestoreCountsTablesAndRows()
{
    const QString plain = QStringLiteral("postgres-20240910-020000.sql");
    dumpTo(plain, {});
    // Encrypted and compressed as the host tool makes them: restored on the fly from the file.
    const QString encrypted = plain + QStringLiteral(".gz.enc");
    QVERIFY(run(QStringLiteral("sh"),
        { QStringLiteral("-c"),
            QStringLiteral("gzip -c '%1' | openssl enc -aes-256-cbc -pbkdf2 -salt -pass pass:deepkey > '%2'")
                .arg(path(plain), path(encrypted)) }));
    for (const QString& name : { plain, encrypted }) {
        VerifyRequest request;
        request.path = path(name);
        request.key = "deepkey";
        request.level = VerifyLevel::Deep;
        request.scratchServer = scratchServer();
        const VerifyReport report = BackupVerifier::verify(request);
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
        QCOMPARE(report.level, VerifyLevel::Deep);
        QCOMPARE(report.tables, 1);
        QCOMPARE(report.rows, 60000);
        QVERIFY2(report.method.endsWith(QLatin1String("deep-restore")), qPrintable(report.method));
    }
    QCOMPARE(throwawayDatabases(), QStringList());
}

VerifyReport tst_BackupVerifierPostgres::deepVerify(const QString& name, const QByteArray& content)
{
    QFile dump(path(name));
    if (!dump.open(QIODevice::WriteOnly) || dump.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(dump.fileName()));
    dump.close();
    VerifyRequest request;
    request.path = dump.fileName();
    request.level = VerifyLevel::Deep;
    request.scratchServer = scratchServer();
    return BackupVerifier::verify(request);
}

void tst_BackupVerifierPostgres::deepRestoreOfABrokenDumpFails()
{
    // Header and footer intact, a statement in between that PostgreSQL refuses: only a restore finds it.
    const VerifyReport report = deepVerify(QStringLiteral("postgres-20240911-020000.sql"),
        "-- PostgreSQL database dump\n\nCREATE TABLE good (id int);\nINSERT INTO good VALUES (1);\n"
        "INSERT INTO missing_table VALUES (1);\n\n-- PostgreSQL database dump complete\n\n");
    QCOMPARE(report.state, VerifyState::Failed);
    QCOMPARE(report.level, VerifyLevel::Integrity); // what passed before the fault
    QVERIFY2(report.reason.contains(QLatin1String("missing_table")), qPrintable(report.reason));
    QVERIFY2(report.reason.contains(QLatin1String("postgres-20240911-020000.sql")), qPrintable(report.reason));
    QCOMPARE(throwawayDatabases(), QStringList());
}

void tst_BackupVerifierPostgres::deepRestoreOfCustomFormatDumps()
{
    const QString plain = QStringLiteral("postgres-20240920-020000.dump");
    dumpTo(plain, { QStringLiteral("-Fc") });
    const QString encrypted = plain + QStringLiteral(".gz.enc");
    QVERIFY(run(QStringLiteral("sh"),
        { QStringLiteral("-c"),
            QStringLiteral("gzip -c '%1' | openssl enc -aes-256-cbc -pbkdf2 -salt -pass pass:deepkey > '%2'")
                .arg(path(plain), path(encrypted)) }));
    const QString temp = path(QStringLiteral("custom-deep-tmp"));
    QVERIFY(QDir().mkpath(temp));
    VerifyRequest request;
    request.key = "deepkey";
    request.level = VerifyLevel::Deep;
    request.scratchServer = scratchServer();
    request.tempDir = temp;
    for (const QString& name : { plain, encrypted }) {
        request.path = path(name);
        const VerifyReport report = BackupVerifier::verify(request);
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
        QCOMPARE(report.level, VerifyLevel::Deep);
        QCOMPARE(report.tables, 1);
        QCOMPARE(report.rows, 60000);
        QCOMPARE(report.method.section(u'+', -3), QStringLiteral("pg-custom+pg-restore+deep-restore"));
    }
    QCOMPARE(throwawayDatabases(), QStringList());
    QVERIFY(QDir(temp).isEmpty());

    // A dump pg_restore reads back whole that still does not restore: a CHECK constraint calls a function changed
    // after the rows were written, and the dump recreates the function as it is now.
    const QString drifted = QStringLiteral("postgres-20240921-020000.dump");
    customDumpOfNewDatabase(QStringLiteral("drifted"),
        QStringLiteral("CREATE FUNCTION small(i int) RETURNS bool LANGUAGE sql IMMUTABLE AS 'SELECT true'; "
                       "CREATE TABLE amounts (amount int CHECK (small(amount))); "
                       "INSERT INTO amounts SELECT generate_series(1, 100); "
                       "CREATE OR REPLACE FUNCTION small(i int) RETURNS bool LANGUAGE sql IMMUTABLE "
                       "AS 'SELECT $1 < 10'"),
        drifted);
    request.path = path(drifted);
    request.level = VerifyLevel::Integrity;
    const VerifyReport readBack = BackupVerifier::verify(request);
    QVERIFY2(readBack.state == VerifyState::Passed, qPrintable(readBack.reason));
    request.level = VerifyLevel::Deep;
    const VerifyReport restored = BackupVerifier::verify(request);
    QCOMPARE(restored.state, VerifyState::Failed);
    QCOMPARE(restored.level, VerifyLevel::Integrity); // what passed before the fault
    QVERIFY2(restored.reason.contains(drifted) && restored.reason.contains(QLatin1String("pg_restore"))
            && restored.reason.contains(QLatin1String("amounts_amount_check")),
        qPrintable(restored.reason));
    QCOMPARE(throwawayDatabases(), QStringList());
}

void tst_BackupVerifierPostgres::deepRestoreBlocksShellCommands()
{
    const QString marker = path(QStringLiteral("pwned"));
    const VerifyReport report = deepVerify(QStringLiteral("postgres-20240912-020000.sql"),
        QStringLiteral("-- PostgreSQL database dump\n\\! touch '%1'\nCREATE TABLE t (id int);\n\n"
                       "-- PostgreSQL database dump complete\n\n")
            .arg(marker)
            .toUtf8());
    QCOMPARE(report.state, VerifyState::Failed);
    QVERIFY(!QFile::exists(marker));
    QCOMPARE(throwawayDatabases(), QStringList());
}

void tst_BackupVerifierPostgres::deepRestoreIgnoresProductionRoles()
{
    // A production dump names roles and extensions the scratch server lacks: ownership and privileges are left
    // out (as pg_restore --no-owner --no-acl would); a missing extension is the server's gap, not a bad dump.
    const VerifyReport owned = deepVerify(QStringLiteral("postgres-20240915-020000.sql"),
        "-- PostgreSQL database dump\n\nCREATE TABLE public.t (id int);\nALTER TABLE public.t OWNER TO app_owner;\n"
        "INSERT INTO public.t VALUES (1), (2);\nREVOKE ALL ON TABLE public.t FROM PUBLIC;\n"
        "GRANT SELECT ON TABLE public.t TO app_reader;\n\n-- PostgreSQL database dump complete\n\n");
    QVERIFY2(owned.state == VerifyState::Passed, qPrintable(owned.reason));
    QCOMPARE(owned.tables, 1);
    QCOMPARE(owned.rows, 2);
    const VerifyReport extension = deepVerify(QStringLiteral("postgres-20240916-020000.sql"),
        "-- PostgreSQL database dump\n\nCREATE EXTENSION IF NOT EXISTS no_such_extension;\nCREATE TABLE t (id int);\n"
        "\n-- PostgreSQL database dump complete\n\n");
    QCOMPARE(extension.state, VerifyState::Error);
    QVERIFY2(extension.reason.contains(QLatin1String("no_such_extension")), qPrintable(extension.reason));
    QCOMPARE(throwawayDatabases(), QStringList());
}

void tst_BackupVerifierPostgres::deepRestoreCanBeCancelled()
{
    // A statement that runs long after the input ended (as index builds do): Cancel stops psql there too.
    QFile dump(path(QStringLiteral("postgres-20240917-020000.sql")));
    QVERIFY(dump.open(QIODevice::WriteOnly));
    dump.write("-- PostgreSQL database dump\n\nCREATE TABLE t (id int);\nSELECT pg_sleep(60);\n\n"
               "-- PostgreSQL database dump complete\n\n");
    dump.close();
    std::atomic_bool cancel { false };
    VerifyRequest request;
    request.path = dump.fileName();
    request.level = VerifyLevel::Deep;
    request.scratchServer = scratchServer();
    request.cancel = &cancel;
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        cancel = true;
    });
    QElapsedTimer timer;
    timer.start();
    const VerifyReport report = BackupVerifier::verify(request);
    canceller.join();
    QCOMPARE(report.state, VerifyState::Error);
    QVERIFY(report.cancelled);
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(throwawayDatabases(), QStringList());
}

void tst_BackupVerifierPostgres::deepRestoreStoppedFromOutsideIsNoVerdict()
{
    // The restore's connection cut by the server, or psql killed: the dump was never judged, so no "failed".
    QFile dump(path(QStringLiteral("postgres-20240918-020000.sql")));
    QVERIFY(dump.open(QIODevice::WriteOnly));
    dump.write("-- PostgreSQL database dump\n\nCREATE TABLE t (id int);\nSELECT pg_sleep(60);\n\n"
               "-- PostgreSQL database dump complete\n\n");
    dump.close();
    const QByteArray terminate = QStringLiteral("%1/psql -h 127.0.0.1 -p %2 -U postgres -X -q -c \"SELECT "
                                                "pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname LIKE "
                                                "'drconsole_verify_%'\" > /dev/null")
                                     .arg(m_binDir)
                                     .arg(m_port)
                                     .toLocal8Bit();
    // psql, the child this process started for the restore, killed with SIGKILL.
    auto killPsql = [] {
        bool killed = false;
        for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            // "pid (comm) state ppid ..."
            const QByteArray line = stat.readAll();
            const QList<QByteArray> after = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (line.contains("(psql)") && after.size() > 1 && after[1].toInt() == ::getpid())
                killed = ::kill(entry.toInt(), SIGKILL) == 0 || killed;
        }
        return killed;
    };
    // The same dump with 16 MB after the sleep: psql is killed while it is still being fed.
    QFile longDump(path(QStringLiteral("postgres-20240918-030000.sql")));
    QVERIFY(longDump.open(QIODevice::WriteOnly));
    longDump.write("-- PostgreSQL database dump\n\nCREATE TABLE t (id int);\nSELECT pg_sleep(60);\n");
    for (int line = 0; line < 256 * 1024; ++line)
        longDump.write(QByteArray("-- ") + QByteArray(60, 'x') + '\n');
    longDump.write("\n-- PostgreSQL database dump complete\n\n");
    longDump.close();
    for (const auto& [cutByServer, file] : { std::pair { true, dump.fileName() }, std::pair { false, dump.fileName() },
             std::pair { false, longDump.fileName() } }) {
        VerifyRequest request;
        request.path = file;
        request.level = VerifyLevel::Deep;
        request.scratchServer = scratchServer();
        std::atomic_bool stopped { false };
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            stopped = cutByServer ? std::system(terminate.constData()) == 0 : killPsql();
        });
        QElapsedTimer timer;
        timer.start();
        const VerifyReport report = BackupVerifier::verify(request);
        stopper.join();
        QVERIFY(stopped);
        QVERIFY2(timer.elapsed() < 20'000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(report.state == VerifyState::Error, qPrintable(report.reason));
        QCOMPARE(report.level, VerifyLevel::Integrity);
        QCOMPARE(throwawayDatabases(), QStringList());
    }

    // The server's words about a table named like a server problem are still the dump's fault.
    const VerifyReport named = deepVerify(QStringLiteral("postgres-20240919-020000.sql"),
        "-- PostgreSQL database dump\n\nCREATE TABLE \"permission denied\" (x int CHECK (x < 10));\n"
        "INSERT INTO \"permission denied\" VALUES (20);\n\n-- PostgreSQL database dump complete\n\n");
    QCOMPARE(named.state, VerifyState::Failed);
    QVERIFY2(named.reason.contains(QLatin1String("violates check constraint")), qPrintable(named.reason));
    // So are such words in a value, and in a name that is not there.
    for (const char* fault : { "CREATE TABLE t (k text, n int);\nCOPY public.t (k, n) FROM stdin;\n"
                               "b\tERROR: permission denied for table t\n\\.\n",
             "INSERT INTO \"could not connect\" VALUES (1);\n" }) {
        const VerifyReport worded = deepVerify(QStringLiteral("postgres-20240919-030000.sql"),
            QByteArray("-- PostgreSQL database dump\n\n") + fault + "\n-- PostgreSQL database dump complete\n\n");
        QVERIFY2(worded.state == VerifyState::Failed, qPrintable(worded.reason));
    }
}

void tst_BackupVerifierPostgres::cliInterruptedDuringADeepRestoreCleansUp()
{
    // Ctrl-C (SIGINT) or SIGTERM to drconsole-cli while psql restores a gzipped dump: psql is stopped, the throwaway
    // database dropped, the decoded copy removed, and nothing is recorded as a verdict.
    const QString folder = path(QStringLiteral("cli-host"));
    QVERIFY(QDir().mkpath(folder));
    const QString name = QStringLiteral("postgres-20240920-030000.sql");
    QFile dump(folder + u'/' + name);
    QVERIFY(dump.open(QIODevice::WriteOnly));
    dump.write("-- PostgreSQL database dump\n\nCREATE TABLE t (id int);\nSELECT pg_sleep(60);\n\n"
               "-- PostgreSQL database dump complete\n\n");
    dump.close();
    QCOMPARE(QProcess::execute(QStringLiteral("gzip"), { dump.fileName() }), 0);
    // A custom-format dump whose rows take half a second each to restore (a CHECK calls a function made slow after
    // the rows were written, and the dump recreates it as it is now): pg_restore reads a decoded copy in TMPDIR.
    const QString custom = QStringLiteral("postgres-20240920-040000.dump");
    customDumpOfNewDatabase(QStringLiteral("slow"),
        QStringLiteral("CREATE FUNCTION slow(i int) RETURNS bool LANGUAGE sql AS 'SELECT true';"
                       "CREATE TABLE t (i int CHECK (slow(i))); INSERT INTO t SELECT generate_series(1, 100);"
                       "CREATE OR REPLACE FUNCTION slow(i int) RETURNS bool LANGUAGE sql "
                       "AS 'SELECT pg_sleep(0.5) IS NOT NULL'"),
        custom);
    QVERIFY(QFile::copy(path(custom), folder + u'/' + custom));
    QCOMPARE(QProcess::execute(QStringLiteral("gzip"), { folder + u'/' + custom }), 0);
    const QString temp = path(QStringLiteral("cli-tmp"));
    QVERIFY(QDir().mkpath(temp));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), temp);
    auto cli = [&](const QStringList& arguments) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral(DRCONSOLE_CLI_PATH),
            QStringList { QStringLiteral("--catalog"), path(QStringLiteral("cli.sqlite")) } + arguments);
        return process;
    };
    auto added = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("h"), QStringLiteral("--local"),
        folder, QStringLiteral("--backup-dir"), QStringLiteral(".") });
    QVERIFY(added->waitForFinished(30'000) && added->exitCode() == 0);
    for (const auto& [file, signalNumber] : { std::pair { name, SIGINT }, std::pair { custom, SIGTERM } }) {
        auto verify = cli({ QStringLiteral("verify"), QStringLiteral("h"), folder + u'/' + file + QStringLiteral(".gz"),
            QStringLiteral("--local"), QStringLiteral("--deep"), QStringLiteral("--scratch-server"), scratchServer() });
        QTRY_VERIFY_WITH_TIMEOUT(!throwawayDatabases().isEmpty(), 20'000);
        QElapsedTimer stopping;
        stopping.start();
        QCOMPARE(::kill(pid_t(verify->processId()), signalNumber), 0);
        QVERIFY(verify->waitForFinished(30'000));
        QVERIFY2(stopping.elapsed() < 10'000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(verify->exitStatus(), QProcess::NormalExit);
        QCOMPARE(verify->exitCode(), 128 + signalNumber);
        QVERIFY2(verify->readAllStandardError().contains("cancelled"), "the verification says it was cancelled");
        QCOMPARE(throwawayDatabases(), QStringList());
        QCOMPARE(QDir(temp).entryList(QDir::Files | QDir::Hidden), QStringList());
    }
    auto listed = cli({ QStringLiteral("list"), QStringLiteral("h"), QStringLiteral("--json") });
    QVERIFY(listed->waitForFinished(30'000));
    QVERIFY2(!listed->readAllStandardOutput().contains("\"error\""), "a cancelled verification is no verdict");

    // A second signal ends the program at once; psql goes with it rather than restore (and commit) on its own.
    // The throwaway database stays: dropped by hand, as the documentation says.
    auto verify = cli({ QStringLiteral("verify"), QStringLiteral("h"), folder + u'/' + custom + QStringLiteral(".gz"),
        QStringLiteral("--local"), QStringLiteral("--deep"), QStringLiteral("--scratch-server"), scratchServer() });
    QTRY_VERIFY_WITH_TIMEOUT(!throwawayDatabases().isEmpty(), 20'000);
    QCOMPARE(::kill(pid_t(verify->processId()), SIGINT), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // two pending SIGINTs would be one
    QCOMPARE(::kill(pid_t(verify->processId()), SIGINT), 0);
    QVERIFY(verify->waitForFinished(30'000));
    QCOMPARE(verify->exitStatus(), QProcess::CrashExit);
    const QString restoring
        = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname LIKE 'drconsole_verify_%'");
    QTRY_COMPARE_WITH_TIMEOUT(sql(restoring), QStringLiteral("0"), 10'000);
    for (const QString& left : throwawayDatabases())
        QCOMPARE(sql(QStringLiteral("DROP DATABASE \"%1\"").arg(left)), QString());
}

void tst_BackupVerifierPostgres::deepRestoreWithoutAServerIsNotAPass()
{
    const QString plain = QStringLiteral("postgres-20240913-020000.sql");
    dumpTo(plain, {});
    VerifyRequest request;
    request.path = path(plain);
    request.level = VerifyLevel::Deep;
    VerifyReport report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Error);
    QCOMPARE(report.level, VerifyLevel::Integrity);
    QVERIFY2(report.reason.contains(QLatin1String("scratch server")), qPrintable(report.reason));
    // A server that does not answer: could not verify, named.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    request.scratchServer = QStringLiteral("host=127.0.0.1 port=%1 user=postgres").arg(deadPort);
    report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Error);
    QVERIFY2(report.reason.contains(QStringLiteral("127.0.0.1:%1").arg(deadPort)), qPrintable(report.reason));

    // A setting that does not parse is said without repeating it: any part of it may be the password.
    const QString port = QString::number(m_port);
    const QStringList badSettings { scratchServer() + QStringLiteral(" password=Hunter2 secret"),
        scratchServer() + QStringLiteral(" sslmode=disable password=Hunter2"),
        scratchServer() + QStringLiteral(" password='Hunter2 secret"),
        QStringLiteral("host=127.0.0.1 port=") + port + QStringLiteral("password=Hunter2 user=postgres"),
        QStringLiteral("host=127.0.0.1password=Hunter2 port=") + port + QStringLiteral(" user=postgres"),
        QStringLiteral("host=127.0.0.1 port=") + port + QStringLiteral(" user=postgrespassword=Hunter2") };
    for (const QString& bad : badSettings) {
        request.scratchServer = bad;
        report = BackupVerifier::verify(request);
        QCOMPARE(report.state, VerifyState::Error);
        QVERIFY2(report.reason.contains(QLatin1String("scratch server setting")), qPrintable(report.reason));
        QVERIFY2(!report.reason.contains(QLatin1String("Hunter2")) && !report.reason.contains(QLatin1String("secret")),
            qPrintable(report.reason));
    }
    // A password with spaces and a quote, in libpq's quoting (the test's server trusts any password).
    request.scratchServer = scratchServer() + QStringLiteral(" password='a b\\'c'");
    const auto parsed = verify::ScratchServer::parse(request.scratchServer);
    QVERIFY(parsed);
    QCOMPARE(parsed->password, QStringLiteral("a b'c"));
    QCOMPARE(parsed->user, QStringLiteral("postgres"));
    report = BackupVerifier::verify(request);
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.level, VerifyLevel::Deep);
}

void tst_BackupVerifierPostgres::deepSqliteCountsRows()
{
    const QString db = path(QStringLiteral("sqlite-20240914-020000.db"));
    QVERIFY(run(QStringLiteral("sqlite3"),
        { db,
            QStringLiteral("CREATE TABLE a (x); CREATE TABLE b (y); INSERT INTO a VALUES (1), (2), (3); "
                           "INSERT INTO b VALUES ('q');") }));
    VerifyRequest request;
    request.path = db;
    request.level = VerifyLevel::Deep;
    const VerifyReport report = BackupVerifier::verify(request);
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.level, VerifyLevel::Deep);
    QCOMPARE(report.tables, 2);
    QCOMPARE(report.rows, 4);
}

void tst_BackupVerifierPostgres::plainDumpPasses()
{
    const QString plain = QStringLiteral("postgres-20240909-020000.sql");
    dumpTo(plain, {});
    QVERIFY(run(test::findProgram(QStringLiteral("gzip")), { QStringLiteral("-k"), path(plain) }));
    for (const QString& name : QStringList { plain, plain + QStringLiteral(".gz") }) {
        VerifyRequest request;
        request.path = path(name);
        const VerifyReport report = BackupVerifier::verify(request);
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
        QCOMPARE(report.level, VerifyLevel::Integrity);
        QVERIFY2(report.method.endsWith(QLatin1String("pg-dump")), qPrintable(report.method));
    }
}

void tst_BackupVerifierPostgres::dumpCutShortFailsOnFooter()
{
    // What a pg_dump killed half-way leaves behind, gzip still closing its stream properly.
    const QString whole = QStringLiteral("postgres-20240910-020000.sql");
    dumpTo(whole, {});
    QFile dump(path(whole));
    QVERIFY(dump.open(QIODevice::ReadOnly));
    const QString name = QStringLiteral("postgres-20240911-020000.sql");
    {
        QFile cut(path(name));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(dump.read(dump.size() * 6 / 10));
    }
    QVERIFY(run(test::findProgram(QStringLiteral("gzip")), { path(name) }));
    VerifyRequest request;
    request.path = path(name + QStringLiteral(".gz"));
    const VerifyReport report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Failed);
    QVERIFY2(report.reason.contains(name + QStringLiteral(".gz"))
            && report.reason.contains(QLatin1String("-- PostgreSQL database dump complete")),
        qPrintable(report.reason));
}

void tst_BackupVerifierPostgres::customFormatDumpPasses()
{
    const QString name = QStringLiteral("postgres-20240912-020000.dump");
    dumpTo(name, { QStringLiteral("-Fc") });
    VerifyRequest request;
    request.path = path(name);
    const VerifyReport report = BackupVerifier::verify(request);
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.method, QStringLiteral("pg-custom+pg-restore"));
    QCOMPARE(report.level, VerifyLevel::Integrity);

    // Compressed by gzip: read back by pg_restore from a decoded copy, which is removed.
    QVERIFY(run(QStringLiteral("gzip"), { QStringLiteral("-k"), path(name) }));
    const QString temp = path(QStringLiteral("custom-tmp"));
    QVERIFY(QDir().mkpath(temp));
    request.path = path(name + QStringLiteral(".gz"));
    request.tempDir = temp;
    const VerifyReport gzipped = BackupVerifier::verify(request);
    QVERIFY2(gzipped.state == VerifyState::Passed, qPrintable(gzipped.reason));
    QCOMPARE(gzipped.level, VerifyLevel::Integrity);
    QVERIFY(QDir(temp).isEmpty());

    // Cut short: its header and table of contents are whole, its data is not.
    QFile whole(path(name));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString cutName = QStringLiteral("postgres-20240913-020000.dump");
    QFile cut(path(cutName));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(bytes.left(bytes.size() * 3 / 4));
    cut.close();
    request.path = cut.fileName();
    const VerifyReport cutReport = BackupVerifier::verify(request);
    QVERIFY2(cutReport.state == VerifyState::Failed, qPrintable(cutReport.reason));
    QVERIFY2(cutReport.reason.contains(cutName), qPrintable(cutReport.reason));
    QVERIFY2(cutReport.reason.contains(QLatin1String("does not read back")), qPrintable(cutReport.reason));

    // Only the magic number: not a dump.
    const QString bogusName = QStringLiteral("postgres-20240914-020000.dump");
    QFile bogus(path(bogusName));
    QVERIFY(bogus.open(QIODevice::WriteOnly));
    bogus.write("PGDMPxx");
    bogus.close();
    request.path = bogus.fileName();
    const VerifyReport bogusReport = BackupVerifier::verify(request);
    QVERIFY2(bogusReport.state == VerifyState::Failed, qPrintable(bogusReport.reason));
    // The magic and then noise: pg_restore reads a version number from the noise; it is no newer format.
    QVERIFY(bogus.open(QIODevice::WriteOnly));
    bogus.write("PGDMP" + QByteArray("\xb2\x16\x01\x08\x04\x08\x01\x01\x01\x00noise", 19));
    bogus.close();
    const VerifyReport noise = BackupVerifier::verify(request);
    QVERIFY2(noise.state == VerifyState::Failed, qPrintable(noise.reason));
}

QTEST_GUILESS_MAIN(tst_BackupVerifierPostgres)
#include "tst_BackupVerifierPostgres.moc"
