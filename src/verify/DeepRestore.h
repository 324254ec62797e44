#pragma once

// Internal to drverify: the "deep" level of a verification on this workstation.

#include "core/Result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>

namespace dr::verify {

struct DeepCounts
{
    qint64 tables = 0;
    qint64 rows = 0;
    QString warning; ///< e.g. the throwaway database could not be dropped
};

/// A PostgreSQL server for throwaway databases, as a libpq connection string ("host=127.0.0.1 port=5432
/// user=postgres"); its user needs CREATEDB. Never a production database: each restore gets a database of
/// its own, dropped afterwards.
struct ScratchServer
{
    QString host;
    int port = 5432;
    QString user;
    QString password;

    /// Parses "key=value" pairs (host, port, user, password; a value in single quotes may hold spaces, with \' and
    /// \\ inside, as in libpq); an empty or unusable string gives an error that repeats none of its values.
    static Result<ScratchServer> parse(const QString& connection);
};

class DeepRestore
{
    Q_DECLARE_TR_FUNCTIONS(DeepRestore)

public:
    /// Restores a plain pg_dump file (decrypted and decompressed on the fly) into a new database
    /// `drconsole_verify_<pid>_<random>` on @p server with psql (ON_ERROR_STOP, one transaction, backslash
    /// commands blocked with \restrict), counts the user tables and their rows, and drops the database
    /// whatever happened. Corrupt when the dump does not restore (with psql's first error).
    static Result<DeepCounts> restorePostgres(const QString& path, bool encrypted, bool compressed,
        const QByteArray& key, const ScratchServer& server, const std::atomic_bool* cancel);

    /// Restores a pg_dump custom-format file on this computer with @p restorer (pg_restore: no owners, no
    /// privileges, one transaction, stopping at the first error) into a new throwaway database, counts the user
    /// tables and their rows, and drops the database whatever happened. Corrupt when the dump does not restore.
    static Result<DeepCounts> restorePgCustom(
        const QString& restorer, const QString& dumpPath, const ScratchServer& server, const std::atomic_bool* cancel);

    /// Counts the user tables and their rows of a local SQLite file (opened read-only).
    static Result<DeepCounts> countSqlite(const QString& path);
};

} // namespace dr::verify
