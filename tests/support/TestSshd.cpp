#include "TestSshd.h"

#include "TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QThread>
#include <QUuid>

#include <csignal>

#include <sys/prctl.h>

namespace dr::test {

namespace {

bool run(const QString& program, const QStringList& arguments, QString* error, QByteArray* output = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 %2 failed: %3 %4")
                         .arg(program, arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()),
                             process.errorString());
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool keygen(
    const QString& path, const QString& passphrase, QString* error, const QString& type = QStringLiteral("ed25519"))
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    QStringList arguments { QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), passphrase,
        QStringLiteral("-f"), path };
    if (type == QLatin1String("rsa"))
        arguments << QStringLiteral("-b") << QStringLiteral("2048");
    return run(QStringLiteral("ssh-keygen"), arguments, error);
}

} // namespace

TestSshd::TestSshd() = default;

TestSshd::~TestSshd()
{
    stop();
    if (!m_workDir.isEmpty())
        QDir(m_workDir).removeRecursively();
}

bool TestSshd::start(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    // The folder holds the keys sshd reads as root and the client reads as us.
    QFile::setPermissions(m_dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
            | QFileDevice::ExeOther);
    QProcess id;
    id.start(QStringLiteral("id"), { user() });
    id.waitForFinished();
    if (id.exitCode() != 0) {
        if (!run(QStringLiteral("useradd"),
                { QStringLiteral("-m"), QStringLiteral("-s"), QStringLiteral("/bin/sh"), user() }, error))
            return false;
    }
    // A user made by useradd is locked, and sshd without PAM refuses locked users.
    if (!run(QStringLiteral("usermod"), { QStringLiteral("-p"), QStringLiteral("*"), user() }, error))
        return false;
    QDir().mkpath(QStringLiteral("/run/sshd"));
    if (!keygen(path(QStringLiteral("hostkey")), {}, error)
        || !keygen(path(QStringLiteral("hostkey-rsa")), {}, error, QStringLiteral("rsa"))
        || !keygen(clientKey(), {}, error) || !keygen(passphraseKey(), passphrase(), error)
        || !keygen(unauthorizedKey(), {}, error))
        return false;
    QFile keys(path(QStringLiteral("authorized_keys")));
    if (!keys.open(QIODevice::WriteOnly)) {
        *error = keys.errorString();
        return false;
    }
    for (const QString& key : { clientKey(), passphraseKey() }) {
        QFile publicKey(key + QStringLiteral(".pub"));
        publicKey.open(QIODevice::ReadOnly);
        keys.write(publicKey.readAll());
    }
    keys.close();
    QFile::setPermissions(keys.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);

    QByteArray home;
    run(QStringLiteral("sh"), { QStringLiteral("-c"), QStringLiteral("getent passwd %1 | cut -d: -f6").arg(user()) },
        error, &home);
    m_workDir = QString::fromLocal8Bit(home.trimmed()) + QStringLiteral("/t-")
        + QUuid::createUuid().toString(QUuid::Id128).left(12);
    if (!QDir().mkpath(m_workDir) || !chownWorkDir()) {
        *error = QStringLiteral("cannot create %1").arg(m_workDir);
        return false;
    }
    m_port = freeLoopbackPort();
    return launch(error);
}

bool TestSshd::launch(QString* error)
{
    QFile config(path(QStringLiteral("sshd_config")));
    if (!config.open(QIODevice::WriteOnly)) {
        *error = config.errorString();
        return false;
    }
    config.write(QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nHostKey %6\nPidFile %3\n"
                                "AuthorizedKeysFile %4\nUsePAM no\nStrictModes no\nPasswordAuthentication no\n"
                                "KbdInteractiveAuthentication no\nAllowUsers %5\nSubsystem sftp internal-sftp\n"
                                "MaxStartups 100\nMaxSessions 100\n")
                     .arg(m_port)
                     .arg(path(QStringLiteral("hostkey")), path(QStringLiteral("sshd.pid")),
                         path(QStringLiteral("authorized_keys")), user(), path(QStringLiteral("hostkey-rsa")))
                     .toUtf8());
    config.close();
    m_process.setStandardErrorFile(path(QStringLiteral("sshd.log")), QIODevice::Append);
    // If the test process is killed (a CTest timeout, a crash), sshd goes with it instead of lingering.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(QStringLiteral("/usr/sbin/sshd"),
        { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config.fileName() });
    if (!m_process.waitForStarted(10'000)) {
        *error = QStringLiteral("sshd did not start: %1").arg(m_process.errorString());
        return false;
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (socket.waitForConnected(100) && socket.waitForReadyRead(1000) && socket.readAll().startsWith("SSH-"))
            return true;
        if (m_process.state() != QProcess::Running) {
            *error = QStringLiteral("sshd exited with %1").arg(m_process.exitCode());
            return false;
        }
        QThread::msleep(50);
    }
    *error = QStringLiteral("sshd never answered on port %1").arg(m_port);
    return false;
}

void TestSshd::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    killSessions();
    m_process.terminate();
    if (!m_process.waitForFinished(5'000)) {
        m_process.kill();
        m_process.waitForFinished(5'000);
    }
}

bool TestSshd::restartWithNewHostKey(QString* error)
{
    stop();
    return keygen(path(QStringLiteral("hostkey")), {}, error) && launch(error);
}

QString TestSshd::hostKeyFingerprint(HostKey key) const
{
    QByteArray output;
    run(QStringLiteral("ssh-keygen"), { QStringLiteral("-lf"), hostKeyFile(key) + QStringLiteral(".pub") }, nullptr,
        &output);
    return QString::fromLatin1(output.split(' ').value(1));
}

QByteArray TestSshd::knownHostsLine(HostKey key) const
{
    QFile publicKey(hostKeyFile(key) + QStringLiteral(".pub"));
    publicKey.open(QIODevice::ReadOnly);
    const QList<QByteArray> parts = publicKey.readAll().trimmed().split(' ');
    return QStringLiteral("[127.0.0.1]:%1 ").arg(m_port).toLatin1() + parts.value(0) + ' ' + parts.value(1) + '\n';
}

QString TestSshd::writeKnownHosts(const QString& name, HostKey key) const
{
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(knownHostsLine(key)) < 0)
        return {};
    return file.fileName();
}

QString TestSshd::hostKeyFile(HostKey key) const
{
    return path(key == HostKey::Rsa ? QStringLiteral("hostkey-rsa") : QStringLiteral("hostkey"));
}

HostProfile TestSshd::profile(const QString& name) const
{
    HostProfile host;
    host.name = name;
    host.address = QStringLiteral("127.0.0.1");
    host.port = m_port;
    host.user = user();
    host.auth = HostProfile::Auth::KeyFile;
    host.keyFile = clientKey();
    host.baseDir = m_workDir;
    return host;
}

int TestSshd::runAsUser(const QString& script, QByteArray* output) const
{
    QProcess process;
    process.setWorkingDirectory(m_workDir);
    process.start(QStringLiteral("runuser"),
        { QStringLiteral("-u"), user(), QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script });
    process.waitForFinished(120'000);
    if (output)
        *output = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool TestSshd::chownWorkDir() const
{
    return run(QStringLiteral("chown"), { QStringLiteral("-R"), user() + u':' + user(), m_workDir }, nullptr);
}

int TestSshd::killSessions() const
{
    return signalSessions(SIGKILL);
}

int TestSshd::signalSessions(int signal) const
{
    // Only the listener's own descendants: the per-connection processes (monitor and the unprivileged
    // child that holds the socket) that this fixture's sshd forked.
    QList<int> pending { int(m_process.processId()) };
    QList<int> descendants;
    while (!pending.isEmpty()) {
        QByteArray output;
        run(QStringLiteral("pgrep"), { QStringLiteral("-P"), QString::number(pending.takeFirst()) }, nullptr, &output);
        for (const QByteArray& line : output.split('\n')) {
            bool ok = false;
            const int child = line.trimmed().toInt(&ok);
            if (ok) {
                descendants.append(child);
                pending.append(child);
            }
        }
    }
    int killed = 0;
    for (const int pid : descendants)
        killed += ::kill(pid, signal) == 0 ? 1 : 0;
    return killed;
}

} // namespace dr::test
