#pragma once

#include "core/BackupRecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dr {

/// How far a verification goes; each level includes the ones before it.
enum class VerifyLevel {
    None, ///< nothing proven (the file is missing, or the check could not start)
    Exists, ///< the file exists, is not empty and has the size it was listed with
    Checksum, ///< its SHA-256 matches the caller's or the `<file>.sha256` sidecar
    ReadThrough, ///< decrypted, decompressed and every archive entry read to its end, no fault
    Integrity, ///< database content checked: SQLite `PRAGMA integrity_check`, pg_dump header and footer
    Deep, ///< restored and counted: a pg_dump into a throwaway database, SQLite tables and rows
};

QString verifyLevelId(VerifyLevel level);

struct VerifyRequest
{
    QString path; ///< a local file
    QString expectedSha256; ///< hex; empty = use the `<path>.sha256` sidecar when there is one
    qint64 expectedSize = -1; ///< the size the listing saw; -1 = not known
    /// The file was seen by a listing (it is in the catalog): if it is missing now it vanished, and a backup that
    /// is gone is a finding. A name given by hand that never existed is no verdict on any backup.
    bool listed = true;
    QByteArray key; ///< passphrase for `.enc` files (openssl enc -pbkdf2); kept in memory only
    VerifyLevel level = VerifyLevel::Integrity; ///< the highest level to try
    const std::atomic_bool* cancel = nullptr; ///< checked between reads and between archive entries
    std::function<void(qint64 done, qint64 total)> progress; ///< bytes of the file read; on the calling thread
    QString tempDir; ///< where a SQLite backup's temporary copy goes; empty = QDir::tempPath()
    /// For VerifyLevel::Deep of a PostgreSQL dump: a server for throwaway databases ("host=... port=... user=...").
    QString scratchServer;
};

struct VerifyReport
{
    /// Passed: every level up to `level` passed (and `level` is what the request asked for, or the highest
    /// that applies to this kind of file). Failed: the backup is bad; `reason` names the file and the fault.
    /// Error: the verification could not run or was cancelled; nothing about the backup is proven.
    VerifyState state = VerifyState::Error;
    VerifyLevel level = VerifyLevel::None; ///< highest level passed
    QString method; ///< the checks that ran, e.g. "gzip+tar+sha256", "aes-256-cbc+gzip+sqlite-integrity"
    QString reason; ///< why it failed or could not run; for a pass, what was not checked (e.g. no sidecar)
    QString sha256; ///< of the file as stored (hex), when it was read to the end
    QString checksumSource; ///< "caller", "sidecar" or empty when there was nothing to compare with
    qint64 entries = 0; ///< archive entries read
    qint64 bytesRead = 0; ///< of the file
    qint64 uncompressedBytes = 0; ///< after decryption and decompression
    qint64 gzipMembers = 0; ///< backup-system.sh writes one per 4 MiB, so that they inflate on every core
    qint64 durationMs = 0;
    qint64 tables = -1; ///< counted by a deep check
    qint64 rows = -1;
    QStringList unsafePaths; ///< archive members that would land outside the restore folder (first 100)
    QStringList warnings; ///< oddities that do not fail the backup
    bool cancelled = false;
    bool keyRejected = false; ///< the key does not open this file: ask for it again

    QString levelId() const { return verifyLevelId(level); }
};

/// Verifies one local backup file in one streaming pass: SHA-256 of the stored bytes (on a second thread),
/// AES-256-CBC decryption of `.enc`, gzip (ISA-L, every member, CRC32 and size; many members on all cores),
/// every archive entry read (libarchive; nothing is extracted), then the database checks. What the file is comes
/// from its name (BackupFileName), else from its first bytes. Memory stays flat whatever the file's size; only a
/// SQLite backup is written out, to a private temporary file that is removed afterwards.
///
/// Never throws and always returns a report: a verification that could not run is state Error, never Passed.
/// Blocking: call it off the GUI thread. Thread-safe (no shared state).
class BackupVerifier
{
    Q_DECLARE_TR_FUNCTIONS(BackupVerifier)

public:
    static VerifyReport verify(const VerifyRequest& request);
};

} // namespace dr
