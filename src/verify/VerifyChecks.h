#pragma once

// Internal to drverify: what runs on the decoded stream (no libarchive or Qt Sql header here).

#include "core/Result.h"
#include "verify/VerifyStreams.h"

#include <QCoreApplication>
#include <QStringList>

namespace dr::verify {

struct ArchiveSummary
{
    qint64 entries = 0;
    qint64 unsafeCount = 0;
    QStringList unsafePaths; ///< the first ones only
    QStringList warnings;
};

class ArchiveCheck
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveCheck)

public:
    /// Reads every entry of the archive on `stream` to its end with libarchive (any format it knows; the stream
    /// is already decompressed) and flags members that would land outside the restore folder: absolute paths,
    /// `..` components, hard links to such names, and names that pass through a symbolic link of the archive.
    /// Reads the stream to its end even after the archive's end mark, so faults behind it (gzip trailer) show.
    static Result<ArchiveSummary> readThrough(PeekStream& stream, const std::atomic_bool* cancel);

    /// True when a member's name leads outside the folder it is extracted into.
    static bool escapesRoot(std::string_view path);
};

/// What an external checker said: its exit code and its output (stdout and stderr together).
struct CheckerOutput
{
    int exitCode = 0;
    QString output;
};

class ExternalChecker
{
    Q_DECLARE_TR_FUNCTIONS(ExternalChecker)

public:
    /// Runs a checking program to its end; Cancel kills it. An Error when it cannot start, crashes or is
    /// cancelled.
    static Result<CheckerOutput> run(
        const QString& program, const QStringList& arguments, const std::atomic_bool* cancel);
};

class RdbCheck
{
    Q_DECLARE_TR_FUNCTIONS(RdbCheck)

public:
    /// Redis's own checker (redis-check-rdb, from redis-tools) on this computer, or empty when it is not here.
    static QString checkerPath();
    /// Runs the checker on a decoded RDB file: it parses every key and checks the RDB's CRC64. Empty when the
    /// RDB is sound, else its finding ("[offset 39992] RDB CRC error").
    static Result<QString> problem(const QString& checker, const QString& rdbPath, const std::atomic_bool* cancel);
};

class PgCustomCheck
{
    Q_DECLARE_TR_FUNCTIONS(PgCustomCheck)

public:
    /// pg_restore on this computer, or empty when it is not here.
    static QString restorerPath();
    /// pg_restore reads the whole custom-format dump (its table of contents and every data block, decompressed)
    /// into /dev/null. Empty when it is sound, else pg_restore's first error. A dump newer than this pg_restore is
    /// an Error: no verdict on the dump.
    static Result<QString> problem(const QString& restorer, const QString& dumpPath, const std::atomic_bool* cancel);
};

class SqliteCheck
{
    Q_DECLARE_TR_FUNCTIONS(SqliteCheck)

public:
    /// `PRAGMA integrity_check` on a local SQLite file, opened read-only. An empty list means "ok".
    /// Corrupt when SQLite calls the file malformed or not a database; Database when it could not run.
    static Result<QStringList> integrityProblems(const QString& path);
    /// What integrity_check does not look at: bytes after the pages the header counts (SQLite ignores them, so
    /// something was appended), or a size that is no whole number of pages. Empty when the size is as it should be.
    static QString sizeAnomaly(const QString& path);
};

} // namespace dr::verify
