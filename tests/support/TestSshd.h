#pragma once

#include "core/HostProfile.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace dr::test {

/// A real OpenSSH server (/usr/sbin/sshd -D -e) on 127.0.0.1, on a free port of its own, with its own host keys
/// and authorized keys (a plain and a passphrase-protected client key). It serves a dedicated unprivileged user:
/// root's shell start-up is slow, and root is not what a host gives us. Started by the test, stopped by its PID
/// when the fixture goes (or when the test process dies).
class TestSshd
{
public:
    TestSshd();
    ~TestSshd();
    Q_DISABLE_COPY_MOVE(TestSshd)

    /// Creates the user if needed, the keys and the config, starts sshd and waits for its port.
    bool start(QString* error);
    void stop();
    /// Restarts on the same port with a newly generated host key (the "changed key" case).
    bool restartWithNewHostKey(QString* error);

    int port() const { return m_port; }
    static QString user() { return QStringLiteral("drtest"); }
    /// A fresh folder in the user's home, owned by the user, removed with the fixture.
    QString workDir() const { return m_workDir; }
    QString clientKey() const { return m_dir.filePath(QStringLiteral("client")); }
    QString passphraseKey() const { return m_dir.filePath(QStringLiteral("client-secret")); }
    QString unauthorizedKey() const { return m_dir.filePath(QStringLiteral("stranger")); }
    static QString passphrase() { return QStringLiteral("correct horse battery"); }
    /// The server has two host keys: Ed25519 (what a client picks when it knows neither; replaced by
    /// restartWithNewHostKey()) and RSA.
    enum class HostKey { Ed25519, Rsa };
    /// As `ssh-keygen -lf` prints it: "SHA256:...".
    QString hostKeyFingerprint(HostKey key = HostKey::Ed25519) const;
    /// A known_hosts line for one of this server's current keys.
    QByteArray knownHostsLine(HostKey key = HostKey::Ed25519) const;
    /// Writes a known_hosts file named `name` in the fixture's folder holding that key; returns its path.
    QString writeKnownHosts(const QString& name, HostKey key = HostKey::Ed25519) const;
    QString path(const QString& name) const { return m_dir.filePath(name); }
    qint64 pid() const { return m_process.processId(); }

    /// A profile that logs in as the test user with the plain key, base folder workDir().
    HostProfile profile(const QString& name = QStringLiteral("sshtest")) const;

    /// Runs a shell script as the test user (to build trees on the "host"). Returns its exit code.
    int runAsUser(const QString& script, QByteArray* output = nullptr) const;
    /// Gives everything under workDir() to the test user.
    bool chownWorkDir() const;
    /// Kills the per-connection sshd processes (children of the listener): a cut connection.
    int killSessions() const;
    /// Sends `signal` to those processes (SIGSTOP: a host that hangs mid-transfer). Returns how many got it.
    int signalSessions(int signal) const;

private:
    bool launch(QString* error);
    QString hostKeyFile(HostKey key) const;

    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_workDir;
};

} // namespace dr::test
