#pragma once

#include "catalog/Catalog.h"
#include "core/Transport.h"
#include "remote/ConnectOptions.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace dr {

/// What came of one operation on a host, handed to the GUI thread.
struct HostOutcome
{
    QString host;
    bool ok = false;
    QString summary; ///< on success
    Error error; ///< on failure
    /// The host's state after the operation, read on the worker so the GUI thread runs no query for it.
    std::optional<HostState> state;
};

/// The hosts and what the console knows of each, read off the GUI thread.
struct HostList
{
    QList<HostProfile> hosts;
    QHash<qint64, HostState> states;
    QString error; ///< why the catalog could not be read (then the lists are empty)
};

/// Lives on a host's own thread and owns its transport, so libssh never crosses threads.
class HostWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostWorker)

public:
    HostWorker(Catalog* catalog, QString hostName);

    /// Opens the connection (host key, authentication) and nothing else.
    void connectHost(const HostProfile& host, const ConnectOptions& options);
    void sync(const HostProfile& host, const ConnectOptions& options);
    void installTool(const HostProfile& host, const ConnectOptions& options);
    /// Runs the host tool's verify as a job on the host (its log live in the log dock), then syncs so the
    /// results land in the catalog. No files: `verify latest`.
    void verifyOnHost(const HostProfile& host, const ConnectOptions& options, const QStringList& files, bool deep);
    /// Downloads (SSH) and verifies each backup on this workstation; results go to the catalog.
    void verifyOnWorkstation(const HostProfile& host, const ConnectOptions& options,
        const QList<dr::BackupRecord>& backups, const QByteArray& key, bool deep);
    std::atomic_bool cancelRequested { false };

signals:
    void logLine(const QString& host, dr::LogKind kind, const QString& text);
    /// A workstation verification's progress: stage "download" or "verify", bytes of the current file.
    void verifyProgress(const QString& host, const QString& file, int fileNumber, int fileCount, const QString& stage,
        qint64 done, qint64 total, double bytesPerSecond);
    void finished(const dr::HostOutcome& outcome, const QString& operation);
    void backupsLoaded(qint64 hostId, const QList<dr::BackupRecord>& records);
    /// The backup key given for the host did not open a backup.
    void backupKeyRejected(const QString& host);

private:
    Transport* transportFor(const HostProfile& host, const ConnectOptions& options);
    /// Ends an operation that may have changed the host's backups: sends them and the host's state along.
    void finishWithBackups(const HostProfile& host, HostOutcome& outcome, const QString& operation);

    Catalog* m_catalog;
    QString m_hostName;
    std::unique_ptr<Transport> m_transport;
    QString m_transportKey;
};

/// The GUI's handle on all hosts: one worker thread per host, commands in by queued calls, results and
/// log lines out by queued signals. Secrets typed by the user stay in this object's memory only.
class HostSessions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostSessions)

public:
    explicit HostSessions(Catalog* catalog, QObject* parent = nullptr);
    ~HostSessions() override;

    /// Host-key files and timeouts every connection uses.
    ConnectOptions baseOptions;

    void connectHost(const HostProfile& host);
    void sync(const HostProfile& host);
    void installTool(const HostProfile& host);
    void verifyOnHost(const HostProfile& host, const QStringList& files, bool deep);
    /// @p deep: SQLite counted, PostgreSQL dumps restored on the scratch server of DRCONSOLE_SCRATCH_SERVER.
    void verifyOnWorkstation(const HostProfile& host, const QList<BackupRecord>& backups, bool deep = false);
    void cancel(const QString& hostName);
    /// The backup encryption key for a host's `.enc` files, kept in memory for this session only.
    void setBackupKey(const QString& hostName, const QByteArray& key) { m_backupKeys[hostName] = key; }
    QByteArray backupKey(const QString& hostName) const { return m_backupKeys.value(hostName); }
    /// Reads a host's backups from the catalog off the GUI thread.
    void loadBackups(qint64 hostId);
    /// Reads the hosts and their states off the GUI thread; only the newest request's answer is delivered.
    void loadHosts();
    bool isBusy(const QString& hostName) const { return m_busy.value(hostName); }

    /// Remembered for this session only; used by the next operation on the host.
    void setPassword(const QString& hostName, const QString& password) { m_passwords[hostName] = password; }
    void setPassphrase(const QString& hostName, const QString& passphrase) { m_passphrases[hostName] = passphrase; }
    /// Whether the user typed a password or passphrase for the host in this session.
    bool hasSecret(const QString& hostName) const
    {
        return !m_passwords.value(hostName).isEmpty() || !m_passphrases.value(hostName).isEmpty();
    }
    void acceptHostKey(const QString& hostName, const QString& fingerprint) { m_acceptedKeys[hostName] = fingerprint; }
    void forgetHost(const QString& hostName);

signals:
    void logLine(const QString& host, dr::LogKind kind, const QString& text);
    void started(const QString& host, const QString& operation);
    void finished(const dr::HostOutcome& outcome, const QString& operation);
    void backupsLoaded(qint64 hostId, const QList<dr::BackupRecord>& records);
    void hostsLoaded(const dr::HostList& list);
    /// The backup key kept for the host did not open a backup; it was forgotten, so the next run asks again.
    void backupKeyRejected(const QString& host);
    void verifyProgress(const QString& host, const QString& file, int fileNumber, int fileCount, const QString& stage,
        qint64 done, qint64 total, double bytesPerSecond);

private:
    HostWorker* worker(const QString& hostName);
    void start(const HostProfile& host, const QString& operation,
        const std::function<void(HostWorker*, const ConnectOptions&)>& work);
    ConnectOptions optionsFor(const QString& hostName) const;

    Catalog* m_catalog;
    struct Session
    {
        QThread* thread;
        HostWorker* worker;
    };
    QHash<QString, Session> m_sessions;
    QHash<QString, bool> m_busy;
    QHash<QString, QString> m_passwords;
    QHash<QString, QString> m_passphrases;
    QHash<QString, QString> m_acceptedKeys;
    QHash<QString, QByteArray> m_backupKeys;
    quint64 m_hostsRequest = 0;
};

} // namespace dr

Q_DECLARE_METATYPE(dr::HostOutcome)
