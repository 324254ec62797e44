#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace dr {

enum class VerifyState { Unverified, Passed, Failed, Error };

QString verifyStateId(VerifyState state);
VerifyState verifyStateFromId(const QString& id);

/// One backup file of one host, as the catalog knows it: what the listing saw, enriched by the host
/// tool's catalog events when it has them ("managed").
struct BackupRecord
{
    qint64 id = 0;
    qint64 hostId = 0;
    QString path; ///< as on the host: relative to the host's base folder, or absolute
    QString component;
    QString kind; ///< full, incremental, critical, config; empty when unknown (unmanaged)
    QDateTime time; ///< UTC: when the backup finished (catalog), else its name's stamp
    qint64 size = -1;
    bool encrypted = false;
    bool compressed = false;
    bool managed = false;
    bool present = true;
    QString sha256;
    qint64 durationMs = -1;
    VerifyState verifyState = VerifyState::Unverified;
    QDateTime verifiedAt;
    QString verifyMethod;
    QString verifyReason;
    QString verifyLevel; ///< of the newest verification: none, exists, checksum, read-through, integrity, deep
    /// The newest verdict, passed or failed; a verification that could not run (Error) leaves it as it was.
    VerifyState verdict = VerifyState::Unverified;
    QDateTime provenAt; ///< the newest verification that passed (invalid: never proven)
    QString provenLevel; ///< the level that verification reached

    QString fileName() const { return path.mid(path.lastIndexOf(u'/') + 1); }
    /// Whether verifying it needs the backup key: the catalog says so, or the name ends in .enc (unmanaged).
    bool needsKey() const { return encrypted || path.endsWith(QLatin1String(".enc")); }

    /// What "verify latest" verifies: the newest present backup of each component, and of its incrementals
    /// apart, in each folder the catalog knows; emergency backups left out. Ordered by path.
    static QList<BackupRecord> newestOfEachComponent(const QList<BackupRecord>& records);
};

/// One verification of one backup, by the host tool on the host or by the console on the workstation. Both
/// are kept as `verify` events in the catalog; this is what the history shows.
struct VerificationEntry
{
    QDateTime time; ///< UTC, when it finished
    QString path;
    QString component;
    VerifyState state = VerifyState::Error;
    QString level; ///< highest level passed
    QString method;
    QString reason;
    qint64 durationMs = -1;
    qint64 entries = -1;
    qint64 size = -1;
    /// The file's modification time (seconds since the epoch) as it was verified: a proof holds for these bytes only.
    qint64 modified = -1;
    qint64 tables = -1; ///< counted by a deep check; -1 when not counted
    qint64 rows = -1;
    QString sha256;
    QString place; ///< "host" or "workstation"
    QString details; ///< counts of a deep check ("3 tables, 254 rows"), the download, ...
    bool keyRejected = false; ///< not stored: the key given did not open the file

    /// The catalog.jsonl line of this entry (event "verify").
    QByteArray toEventLine() const;
    /// From a `verify` event's fields.
    static VerificationEntry fromEventFields(const QDateTime& time, const QJsonObject& fields);
    /// What a deep check counted, in the user's language: "3 tables, 254 rows", "1 file, 4.2 KB". A count
    /// below 0 was not made and is left out.
    static QString countsText(qint64 tables, qint64 rows, qint64 files = -1, qint64 bytes = -1);
};

} // namespace dr

Q_DECLARE_METATYPE(dr::BackupRecord)
