#pragma once

#include "core/HostProfile.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace dr::test {

/// A real OpenSSH server on 127.0.0.1, on a free port of its own, with its own host key and authorized
/// keys, for a dedicated unprivileged user (root's shell start-up is slow and root is not what a host
/// gives us). Started by the test, stopped (by its PID) when the fixture goes.
class SshServer
{
public:
    SshServer();
    ~SshServer();
    Q_DISABLE_COPY_MOVE(SshServer)

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
    /// As `ssh-keygen -lf` prints it: "SHA256:...".
    QString hostKeyFingerprint() const;
    /// A known_hosts line for this server's current key.
    QByteArray knownHostsLine() const;
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

private:
    bool launch(QString* error);

    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_workDir;
};

} // namespace dr::test
