#pragma once

#include "core/BackupRecord.h"
#include "core/CatalogLog.h"
#include "core/HostProfile.h"
#include "core/Result.h"
#include "core/SyncProtocol.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace dr {

/// What the console knows of a host between connections.
struct HostState
{
    qint64 hostId = 0;
    SyncCursor cursor;
    QDateTime lastSync;
    QString lastError;
    QDateTime lastErrorAt;
    QString toolVersion;
    int utcOffsetSeconds = 0;
    qint64 backupCount = 0;
    qint64 failedVerifications = 0; ///< backups (still there) whose newest verification failed
    std::optional<QString> crontab; ///< as read at the last sync; empty optional when never read
};

/// What one sync changed.
struct SyncOutcome
{
    int added = 0;
    int updated = 0;
    int removed = 0;
    int newEvents = 0;
    int unchangedListing = 0; ///< 1 when the folders were as at the last sync (no listing sent)
    QStringList problems; ///< catalog.jsonl lines skipped, files that are not backups, missing folders
};

struct AuditEntry
{
    QDateTime time;
    QString user;
    QString action;
    QString host;
    QString detail;
    QString outcome;
};

/// The local catalog (Qt Sql, SQLite): host profiles, their backups and catalog events, the audit log.
/// Usable from any thread: each thread gets its own connection to the same file. Returns value structs.
class Catalog
{
    Q_DECLARE_TR_FUNCTIONS(Catalog)

public:
    static constexpr int schemaVersion = 4;

    explicit Catalog(QString path);
    ~Catalog();
    Q_DISABLE_COPY_MOVE(Catalog)

    /// `<user data folder>/catalog.sqlite`, or DRCONSOLE_CATALOG when set.
    static QString defaultPath();

    /// Opens (creating the file and folder if needed) and migrates the schema to the current version.
    Result<void> open();
    QString path() const { return m_path; }

    Result<QList<HostProfile>> hosts();
    Result<HostProfile> host(const QString& name);
    Result<qint64> addHost(const HostProfile& host);
    Result<void> updateHost(const HostProfile& host);
    Result<void> removeHost(const QString& name);

    Result<HostState> hostState(qint64 hostId);
    Result<void> recordHostError(qint64 hostId, const QString& error);
    Result<SyncOutcome> applySync(const HostProfile& host, const SyncSnapshot& snapshot);

    Result<QList<BackupRecord>> backups(qint64 hostId, bool includeRemoved = false);
    /// Records a verification done by the console itself (on the workstation): kept as a `verify` event and
    /// folded into the backup's row with the host's own verifications, newest last.
    Result<void> recordVerification(qint64 hostId, const VerificationEntry& entry);
    /// Every verification of one backup, host and workstation, newest first.
    Result<QList<VerificationEntry>> verificationHistory(qint64 hostId, const QString& path);
    /// The host's catalog.jsonl events of the given types (all when empty), oldest first.
    Result<QList<CatalogEvent>> events(qint64 hostId, const QStringList& types = {});

    /// Every action (connect, sync, verify, restore, drill, export, settings) lands here.
    Result<void> audit(const QString& action, const QString& host, const QString& detail, const QString& outcome);
    Result<QList<AuditEntry>> auditLog(int limit = 1000);

private:
    QSqlDatabase database();
    Result<void> migrate(QSqlDatabase& db);
    /// Recomputes the event-derived fields of these backups from all their events (inside the caller's transaction).
    /// Recomputes the event-decided fields of the rows of @p paths that have events, and of the @p replaced ones
    /// whatever their events (a replaced file's old verifications no longer count).
    Result<void> recomputeBackups(QSqlDatabase& db, qint64 hostId, const QString& hostName, const QSet<QString>& paths,
        const QSet<QString>& replaced = {});

    QString m_path;
    QString m_connectionPrefix;
};

} // namespace dr
