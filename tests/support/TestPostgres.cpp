#include "TestPostgres.h"

#include "TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QVersionNumber>

namespace dr::test {

TestPostgres::TestPostgres()
    : m_dir(QDir::tempPath() + QStringLiteral("/drconsole-pg-XXXXXX"))
{ }

TestPostgres::~TestPostgres()
{
    stop();
}

QString TestPostgres::binDir()
{
    // /usr/lib/postgresql/<major>/bin on Debian; the newest major wins.
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QString best;
    QVersionNumber bestVersion;
    for (const QString& entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber version = QVersionNumber::fromString(entry);
        if (QFile::exists(root.filePath(entry + QStringLiteral("/bin/pg_ctl"))) && version > bestVersion) {
            bestVersion = version;
            best = root.filePath(entry + QStringLiteral("/bin"));
        }
    }
    return best;
}

bool TestPostgres::runAsPostgres(const QStringList& arguments, QString* error, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    process.start(
        QStringLiteral("runuser"), QStringList { QStringLiteral("-u"), user(), QStringLiteral("--") } + arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 failed (exit %2): %3")
                         .arg(arguments.value(0))
                         .arg(process.exitCode())
                         .arg(QString::fromLocal8Bit(process.readAll()).trimmed());
        if (process.state() != QProcess::NotRunning)
            process.kill();
        return false;
    }
    return true;
}

bool TestPostgres::start(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    const QString bin = binDir();
    if (bin.isEmpty()) {
        *error = QStringLiteral("PostgreSQL server programs are not installed (no /usr/lib/postgresql/*/bin/pg_ctl)");
        return false;
    }
    // The server runs as postgres: it must reach its folders.
    QFile::setPermissions(m_dir.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup
            | QFile::ExeGroup);
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QDir().mkpath(data);
    QDir().mkpath(socketDir());
    QProcess chown;
    chown.start(QStringLiteral("chown"), { QStringLiteral("-R"), user() + QStringLiteral(":"), data, socketDir() });
    if (!chown.waitForFinished(10'000) || chown.exitCode() != 0) {
        *error = QStringLiteral("chown of %1 to %2 failed").arg(m_dir.path(), user());
        return false;
    }
    if (!runAsPostgres(
            { bin + QStringLiteral("/initdb"), QStringLiteral("-D"), data, QStringLiteral("--username=postgres"),
                QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-sync") },
            error, 120'000))
        return false;
    for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
        m_port = freeLoopbackPort();
        const QString options
            = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(socketDir());
        m_running = runAsPostgres(
            { bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), data, QStringLiteral("-w"), QStringLiteral("-t"),
                QStringLiteral("60"), QStringLiteral("-l"), socketDir() + QStringLiteral("/server.log"),
                QStringLiteral("-o"), options, QStringLiteral("start") },
            error, 90'000);
    }
    if (!m_running) {
        QFile log(socketDir() + QStringLiteral("/server.log"));
        if (log.open(QIODevice::ReadOnly))
            *error += QStringLiteral("\nserver log: ") + QString::fromLocal8Bit(log.readAll().right(2000));
    }
    return m_running;
}

void TestPostgres::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QString ignored;
    runAsPostgres({ binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")),
                      QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop") },
        &ignored, 60'000);
}

QProcessEnvironment TestPostgres::environment(const QString& database, QProcessEnvironment base) const
{
    base.insert(QStringLiteral("PGHOST"), host());
    base.insert(QStringLiteral("PGPORT"), QString::number(m_port));
    base.insert(QStringLiteral("PGUSER"), user());
    if (!database.isEmpty())
        base.insert(QStringLiteral("PGDATABASE"), database);
    else
        base.remove(QStringLiteral("PGDATABASE"));
    return base;
}

bool TestPostgres::psql(const QString& database, const QString& sql, QByteArray* output, QString* error) const
{
    QProcess process;
    process.setProcessEnvironment(environment(database));
    process.start(binDir() + QStringLiteral("/psql"),
        { QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"),
            database.isEmpty() ? QStringLiteral("postgres") : database, QStringLiteral("-c"), sql });
    const bool finished = process.waitForFinished(60'000);
    if (output)
        *output = process.readAllStandardOutput();
    if (!finished || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("psql on %1: %2")
                         .arg(database, QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

} // namespace dr::test
