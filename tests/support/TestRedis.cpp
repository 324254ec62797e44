#include "TestRedis.h"

#include "TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <csignal>

#include <sys/prctl.h>

namespace dr::test {

TestRedis::TestRedis()
    : m_dir(QDir::tempPath() + QStringLiteral("/drconsole-redis-XXXXXX"))
{ }

TestRedis::~TestRedis()
{
    stop();
}

QString TestRedis::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

bool TestRedis::start(QString* error)
{
    const QString redis = findProgram(QStringLiteral("redis-check-rdb"));
    if (redis.isEmpty() || findProgram(QStringLiteral("redis-cli")).isEmpty()) {
        *error = QStringLiteral("redis-check-rdb or redis-cli is not installed (apt-get install redis-tools)");
        return false;
    }
    const QString server = m_dir.filePath(QStringLiteral("redis-server"));
    if (!QFile::exists(server) && !QFile::link(redis, server)) {
        *error = QStringLiteral("cannot link %1 to %2").arg(server, redis);
        return false;
    }
    // Another process may take the free port between the probe and the server's bind: try a few.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freeLoopbackPort();
        m_server.setStandardOutputFile(m_dir.filePath(QStringLiteral("redis.log")), QIODevice::Append);
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        m_server.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        // repl-diskless-sync-delay 0: redis-cli --rdb otherwise waits 5 s for more replicas to join.
        m_server.start(server,
            { QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--dir"), m_dir.path(), QStringLiteral("--save"), QString(),
                QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--repl-diskless-sync-delay"),
                QStringLiteral("0"), QStringLiteral("--daemonize"), QStringLiteral("no") });
        if (!m_server.waitForStarted(10'000)) {
            *error = QStringLiteral("%1 did not start: %2").arg(server, m_server.errorString());
            return false;
        }
        for (int waited = 0; waited < 100 && m_server.state() == QProcess::Running; ++waited) {
            QByteArray answer;
            if (cli({ QStringLiteral("ping") }, {}, &answer) && answer.trimmed() == "PONG")
                return true;
            QThread::msleep(100);
        }
        stop();
    }
    QFile log(m_dir.filePath(QStringLiteral("redis.log")));
    log.open(QIODevice::ReadOnly);
    *error
        = QStringLiteral("Redis did not answer on 127.0.0.1:%1: %2").arg(m_port).arg(QString::fromUtf8(log.readAll()));
    return false;
}

void TestRedis::stop()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    if (!m_server.waitForFinished(10'000)) {
        m_server.kill();
        m_server.waitForFinished(5'000);
    }
}

bool TestRedis::fill(int reminders, QString* error) const
{
    QByteArray commands;
    for (int i = 0; i < reminders; ++i)
        commands += QStringLiteral("SET reminder:%1 \"remind me of %1\"\n").arg(i).toUtf8();
    commands += "HSET guild:1 name \"Bot's guild\" prefix \"!\"\nRPUSH queue a b c\nSADD guilds 1 2 3\n";
    return cli({}, commands, nullptr, error);
}

bool TestRedis::cli(const QStringList& arguments, const QByteArray& input, QByteArray* output, QString* error) const
{
    QProcess process;
    process.start(QStringLiteral("redis-cli"),
        QStringList { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port) }
            + arguments);
    process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(60'000);
    if (output)
        *output = process.readAllStandardOutput();
    const bool ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok && error)
        *error = QStringLiteral("redis-cli %1: %2")
                     .arg(arguments.join(u' '), QString::fromUtf8(process.readAllStandardError()));
    return ok;
}

} // namespace dr::test
