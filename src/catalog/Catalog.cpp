#include "catalog/Catalog.h"

#include "core/BackupFileName.h"
#include "core/CatalogLog.h"
#include "core/Proof.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <atomic>
#include <unordered_map>

namespace dr {

namespace {

std::atomic_int nextCatalogInstance { 0 };

// A write transaction that takes the write lock at once. A deferred BEGIN reads first and asks for the lock at its
// first write; when another process (a second drconsole-cli, the console) wrote meanwhile, SQLite answers "database
// is locked" at once, without the busy timeout. This one waits for the lock instead.
QSqlError beginWriting(QSqlDatabase& db)
{
    QSqlQuery begin(db);
    return begin.exec(QStringLiteral("BEGIN IMMEDIATE")) ? QSqlError() : begin.lastError();
}

// Connections belong to the thread that made them; this removes them when that thread ends.
struct ThreadConnections
{
    std::unordered_map<QString, bool> names;
    ~ThreadConnections()
    {
        for (const auto& entry : names)
            QSqlDatabase::removeDatabase(entry.first);
    }
};
thread_local ThreadConnections threadConnections;

Error sqlError(const QString& what, const QSqlError& error)
{
    return makeError(Error::Code::Database, what, error.text());
}

qint64 toMs(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(const QVariant& value)
{
    const qint64 ms = value.toLongLong();
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

const char* const schemaV1[] = {
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    "CREATE TABLE hosts (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, transport TEXT NOT NULL,"
    " address TEXT, port INTEGER, user_name TEXT, auth TEXT, key_file TEXT, base_dir TEXT, backup_dirs TEXT,"
    " catalog_file TEXT, tool_path TEXT, stop_command TEXT, start_command TEXT, targets TEXT, created_at INTEGER)",
    "CREATE TABLE host_state (host_id INTEGER PRIMARY KEY REFERENCES hosts(id) ON DELETE CASCADE, last_sync INTEGER,"
    " last_error TEXT, last_error_at INTEGER, catalog_inode TEXT, catalog_offset INTEGER, catalog_lines INTEGER,"
    " listing_fingerprint TEXT, tool_version TEXT, utc_offset INTEGER)",
    "CREATE TABLE backups (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE, path TEXT NOT NULL, component TEXT, kind TEXT,"
    " time_utc INTEGER, size INTEGER, modified_utc INTEGER, encrypted INTEGER, compressed INTEGER, managed INTEGER,"
    " present INTEGER, sha256 TEXT, duration_ms INTEGER, verify_state TEXT, verified_at INTEGER, verify_method TEXT,"
    " verify_reason TEXT, UNIQUE(host_id, path))",
    "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE, ts INTEGER, event TEXT, component TEXT,"
    " file TEXT, data TEXT, UNIQUE(host_id, ts, event, file, component))",
    "CREATE INDEX events_by_file ON events(host_id, file)",
    "CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER, os_user TEXT, action TEXT, host TEXT,"
    " detail TEXT, outcome TEXT)",
};

const char* const schemaV2[] = {
    "ALTER TABLE host_state ADD COLUMN crontab TEXT",
    "ALTER TABLE host_state ADD COLUMN crontab_read INTEGER DEFAULT 0",
    "CREATE INDEX events_by_type ON events(host_id, event, ts)",
};

const char* const schemaV3[] = {
    "ALTER TABLE hosts ADD COLUMN verify_interval_days INTEGER DEFAULT 7",
    "ALTER TABLE backups ADD COLUMN verify_level TEXT",
    "ALTER TABLE backups ADD COLUMN proven_at INTEGER",
    "ALTER TABLE backups ADD COLUMN proven_level TEXT",
    // Verifications before version 3 recorded no level: a pass proves at least that much.
    "UPDATE backups SET proven_at = verified_at, proven_level = '' WHERE verify_state = 'passed'",
    "CREATE INDEX backups_present ON backups(host_id, present)",
    "ALTER TABLE backups ADD COLUMN verdict TEXT",
    "UPDATE backups SET verdict = verify_state WHERE verify_state IN ('passed', 'failed')",
};

// Events were unique by (host, second, event, file, component): two verifications of one file within the same
// second, one passing and one failing, were kept once, and the failure could be the one dropped. Their lines
// differ, so the line joins the key; a catalog read again from its start still adds nothing twice.
const char* const schemaV4[] = {
    "CREATE TABLE events_v4 (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE, ts INTEGER, event TEXT, component TEXT,"
    " file TEXT, data TEXT, UNIQUE(host_id, ts, event, file, component, data))",
    "INSERT INTO events_v4 (id, host_id, ts, event, component, file, data)"
    " SELECT id, host_id, ts, event, component, file, data FROM events ORDER BY id",
    "DROP TABLE events",
    "ALTER TABLE events_v4 RENAME TO events",
    "CREATE INDEX events_by_file ON events(host_id, file)",
    "CREATE INDEX events_by_type ON events(host_id, event, ts)",
};

// Fields of a backup row that the host tool's events decide; recomputed from all events of the file.
void applyEvent(BackupRecord& record, const CatalogEvent& event)
{
    if (event.event == QLatin1String("backup_finished")) {
        record.managed = true;
        if (!event.kind.isEmpty())
            record.kind = event.kind;
        record.sha256 = event.sha256;
        record.durationMs = event.durationMs;
        record.time = event.time;
        record.encrypted = event.encrypted || record.encrypted;
    } else if (event.event == QLatin1String("verify")) {
        // Read as the history reads it (the level of an older pass comes from its method there too).
        const VerificationEntry verification = VerificationEntry::fromEventFields(event.time, event.fields);
        record.verifyState = verification.state;
        record.verifiedAt = event.time;
        record.verifyMethod = verification.method;
        record.verifyReason = event.reason; // "reason", or "error" in older lines
        record.verifyLevel = verification.level;
        if (record.verifyState == VerifyState::Passed) {
            record.provenAt = event.time;
            record.provenLevel = record.verifyLevel;
        }
        if (record.verifyState == VerifyState::Passed || record.verifyState == VerifyState::Failed)
            record.verdict = record.verifyState;
    }
}

// A backup file as the last listing saw it.
struct FileNow
{
    qint64 size = -1;
    QDateTime modified;
};

// Whether a verification speaks of the bytes the file holds now. One of a file that had another size, or another
// modification time (a copy put back with an older one, too), was of other bytes. One recorded before 0.3.1 has no
// time of its own: then it counts only if it came after the file was last written (events are stamped to the
// second; a modification time ahead of this computer's clock cannot be ordered against them). A verification
// stamped ahead of this clock neither proves nor outweighs anything.
bool verifiesFileNow(const CatalogEvent& verify, const FileNow& now, const QDateTime& latestTrusted)
{
    if (verify.time > latestTrusted)
        return false;
    if (now.size >= 0 && verify.size >= 0 && verify.size != now.size)
        return false;
    if (!now.modified.isValid())
        return true;
    const qint64 modifiedSecond = now.modified.toSecsSinceEpoch();
    if (verify.mtime >= 0)
        return verify.mtime == modifiedSecond;
    const QDateTime lastWritten = QDateTime::fromSecsSinceEpoch(modifiedSecond, Qt::UTC);
    return lastWritten > latestTrusted || verify.time >= lastWritten;
}

} // namespace

Catalog::Catalog(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(QStringLiteral("drcatalog-%1-").arg(nextCatalogInstance.fetch_add(1)))
{ }

Catalog::~Catalog()
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThread()), 16);
    if (threadConnections.names.erase(name) > 0)
        QSqlDatabase::removeDatabase(name);
}

QString Catalog::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("DRCONSOLE_CATALOG");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/catalog.sqlite");
}

QSqlDatabase Catalog::database()
{
    const QString name = m_connectionPrefix + QString::number(quintptr(QThread::currentThread()), 16);
    if (threadConnections.names.count(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    threadConnections.names.emplace(name, true);
    if (db.open()) {
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        pragma.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    return db;
}

Result<void> Catalog::open()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(Error::Code::Io, tr("Cannot create the catalog folder %1").arg(info.absolutePath()));
    QSqlDatabase db = database();
    if (!db.isOpen())
        return sqlError(tr("Cannot open the catalog %1").arg(m_path), db.lastError());
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next()
        || check.value(0).toString() != QLatin1String("ok"))
        return makeError(Error::Code::Corrupt, tr("The catalog %1 is damaged or not a catalog").arg(m_path),
            check.lastError().isValid() ? check.lastError().text() : check.value(0).toString());
    check.finish(); // a statement still open on the connection would block the migration's DROP TABLE
    return migrate(db);
}

Result<void> Catalog::migrate(QSqlDatabase& db)
{
    QSqlQuery query(db);
    int version = 0;
    if (db.tables().contains(QStringLiteral("schema_version"))) {
        if (!query.exec(QStringLiteral("SELECT version FROM schema_version")) || !query.next())
            return sqlError(tr("Catalog %1: cannot read its schema version").arg(m_path), query.lastError());
        version = query.value(0).toInt();
        query.finish();
    }
    if (version > schemaVersion)
        return makeError(Error::Code::Database,
            tr("Catalog %1 has schema version %2, newer than this console understands (%3). Use a newer console.")
                .arg(m_path)
                .arg(version)
                .arg(schemaVersion));
    if (version == schemaVersion)
        return {};

    if (!db.transaction())
        return sqlError(tr("Catalog %1: cannot start the migration").arg(m_path), db.lastError());
    // Each step takes the schema from version N to N+1; add steps, never edit old ones.
    if (version < 1) {
        for (const char* statement : schemaV1) {
            if (!query.exec(QString::fromLatin1(statement))) {
                const QSqlError error = query.lastError();
                db.rollback();
                return sqlError(tr("Catalog %1: migration to version 1 failed").arg(m_path), error);
            }
        }
        query.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (1)"));
    }
    const std::pair<int, QList<const char*>> steps[] = { { 2, { std::begin(schemaV2), std::end(schemaV2) } },
        { 3, { std::begin(schemaV3), std::end(schemaV3) } }, { 4, { std::begin(schemaV4), std::end(schemaV4) } } };
    for (const auto& [target, statements] : steps) {
        if (version >= target)
            continue;
        for (const char* statement : statements) {
            if (!query.exec(QString::fromLatin1(statement))) {
                const QSqlError error = query.lastError();
                db.rollback();
                return sqlError(tr("Catalog %1: migration to version %2 failed").arg(m_path).arg(target), error);
            }
        }
    }
    query.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(schemaVersion));
    if (!db.commit())
        return sqlError(tr("Catalog %1: cannot commit the migration").arg(m_path), db.lastError());
    return {};
}

namespace {

HostProfile hostFromQuery(const QSqlQuery& query)
{
    HostProfile host;
    host.id = query.value(0).toLongLong();
    host.name = query.value(1).toString();
    host.transport = HostProfile::transportFromId(query.value(2).toString());
    host.address = query.value(3).toString();
    host.port = query.value(4).toInt();
    host.user = query.value(5).toString();
    host.auth = HostProfile::authFromId(query.value(6).toString());
    host.keyFile = query.value(7).toString();
    host.baseDir = query.value(8).toString();
    host.backupDirs.clear();
    const QJsonArray dirs = QJsonDocument::fromJson(query.value(9).toByteArray()).array();
    for (const auto& dir : dirs)
        host.backupDirs.append(dir.toString());
    host.catalogFile = query.value(10).toString();
    host.toolPath = query.value(11).toString();
    host.stopCommand = query.value(12).toString();
    host.startCommand = query.value(13).toString();
    host.targets = HostProfile::targetsFromJson(QJsonDocument::fromJson(query.value(14).toByteArray()).array());
    host.verificationIntervalDays = query.value(15).isNull() ? 7 : query.value(15).toInt();
    return host;
}

constexpr auto hostColumns = "id, name, transport, address, port, user_name, auth, key_file, base_dir, backup_dirs,"
                             " catalog_file, tool_path, stop_command, start_command, targets, verify_interval_days";

void bindHost(QSqlQuery& query, const HostProfile& host)
{
    query.bindValue(QStringLiteral(":name"), host.name);
    query.bindValue(QStringLiteral(":transport"), HostProfile::transportId(host.transport));
    query.bindValue(QStringLiteral(":address"), host.address);
    query.bindValue(QStringLiteral(":port"), host.port);
    query.bindValue(QStringLiteral(":user_name"), host.user);
    query.bindValue(QStringLiteral(":auth"), HostProfile::authId(host.auth));
    query.bindValue(QStringLiteral(":key_file"), host.keyFile);
    query.bindValue(QStringLiteral(":base_dir"), host.baseDir);
    query.bindValue(QStringLiteral(":backup_dirs"),
        QJsonDocument(QJsonArray::fromStringList(host.backupDirs)).toJson(QJsonDocument::Compact));
    query.bindValue(QStringLiteral(":catalog_file"), host.catalogFile);
    query.bindValue(QStringLiteral(":tool_path"), host.toolPath);
    query.bindValue(QStringLiteral(":stop_command"), host.stopCommand);
    query.bindValue(QStringLiteral(":start_command"), host.startCommand);
    query.bindValue(QStringLiteral(":targets"),
        QJsonDocument(HostProfile::targetsToJson(host.targets)).toJson(QJsonDocument::Compact));
    query.bindValue(QStringLiteral(":verify_interval_days"), host.verificationIntervalDays);
}

} // namespace

Result<QList<HostProfile>> Catalog::hosts()
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT %1 FROM hosts ORDER BY name").arg(QLatin1String(hostColumns))))
        return sqlError(tr("Cannot read the hosts from the catalog %1").arg(m_path), query.lastError());
    QList<HostProfile> result;
    while (query.next())
        result.append(hostFromQuery(query));
    return result;
}

Result<HostProfile> Catalog::host(const QString& name)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM hosts WHERE name = ?").arg(QLatin1String(hostColumns)));
    query.addBindValue(name);
    if (!query.exec())
        return sqlError(tr("Cannot read host %1 from the catalog").arg(name), query.lastError());
    if (!query.next())
        return makeError(Error::Code::NotFound, tr("No host named \"%1\" in the catalog %2").arg(name, m_path));
    return hostFromQuery(query);
}

Result<qint64> Catalog::addHost(const HostProfile& host)
{
    if (const QString problem = host.validate(); !problem.isEmpty())
        return makeError(Error::Code::InvalidInput, problem);
    QSqlDatabase db = database();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO hosts (name, transport, address, port, user_name, auth, key_file, base_dir, backup_dirs,"
        " catalog_file, tool_path, stop_command, start_command, targets, verify_interval_days, created_at) VALUES"
        " (:name, :transport, :address, :port, :user_name, :auth, :key_file, :base_dir, :backup_dirs, :catalog_file,"
        " :tool_path, :stop_command, :start_command, :targets, :verify_interval_days, :created_at)"));
    bindHost(query, host);
    query.bindValue(QStringLiteral(":created_at"), QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        if (this->host(host.name).ok())
            return makeError(Error::Code::InvalidInput, tr("A host named \"%1\" already exists").arg(host.name));
        return sqlError(tr("Cannot add host %1 to the catalog").arg(host.name), query.lastError());
    }
    return query.lastInsertId().toLongLong();
}

Result<void> Catalog::updateHost(const HostProfile& host)
{
    if (const QString problem = host.validate(); !problem.isEmpty())
        return makeError(Error::Code::InvalidInput, problem);
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "UPDATE hosts SET name = :name, transport = :transport, address = :address, port = :port,"
        " user_name = :user_name, auth = :auth, key_file = :key_file, base_dir = :base_dir, backup_dirs = :backup_dirs,"
        " catalog_file = :catalog_file, tool_path = :tool_path, stop_command = :stop_command,"
        " start_command = :start_command, targets = :targets, verify_interval_days = :verify_interval_days"
        " WHERE id = :id"));
    bindHost(query, host);
    query.bindValue(QStringLiteral(":id"), host.id);
    if (!query.exec())
        return sqlError(tr("Cannot save host %1").arg(host.name), query.lastError());
    if (query.numRowsAffected() != 1)
        return makeError(Error::Code::NotFound, tr("Host %1 is no longer in the catalog").arg(host.name));
    // Folders may have changed: list them in full at the next sync.
    QSqlQuery reset(database());
    reset.prepare(QStringLiteral("UPDATE host_state SET listing_fingerprint = '' WHERE host_id = ?"));
    reset.addBindValue(host.id);
    reset.exec();
    return {};
}

Result<void> Catalog::removeHost(const QString& name)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM hosts WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return sqlError(tr("Cannot remove host %1").arg(name), query.lastError());
    if (query.numRowsAffected() == 0)
        return makeError(Error::Code::NotFound, tr("No host named \"%1\" in the catalog %2").arg(name, m_path));
    return {};
}

Result<HostState> Catalog::hostState(qint64 hostId)
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT last_sync, last_error, last_error_at, catalog_inode, catalog_offset, catalog_lines,"
                       " listing_fingerprint, tool_version, utc_offset, crontab, crontab_read,"
                       " (SELECT count(*) FROM backups WHERE host_id = :id AND present = 1),"
                       " (SELECT count(*) FROM backups WHERE host_id = :id AND present = 1 AND verdict = 'failed')"
                       " FROM host_state WHERE host_id = :id"));
    query.bindValue(QStringLiteral(":id"), hostId);
    if (!query.exec())
        return sqlError(tr("Cannot read the state of host #%1").arg(hostId), query.lastError());
    HostState state;
    state.hostId = hostId;
    if (!query.next())
        return state;
    state.lastSync = fromMs(query.value(0));
    state.lastError = query.value(1).toString();
    state.lastErrorAt = fromMs(query.value(2));
    state.cursor.catalogInode = query.value(3).toString();
    state.cursor.catalogOffset = query.value(4).toLongLong();
    state.cursor.catalogLines = query.value(5).toLongLong();
    state.cursor.listingFingerprint = query.value(6).toString();
    state.toolVersion = query.value(7).toString();
    state.utcOffsetSeconds = query.value(8).toInt();
    if (query.value(10).toBool())
        state.crontab = query.value(9).toString();
    state.backupCount = query.value(11).toLongLong();
    state.failedVerifications = query.value(12).toLongLong();
    return state;
}

Result<void> Catalog::recordHostError(qint64 hostId, const QString& error)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO host_state (host_id, last_error, last_error_at) VALUES (?, ?, ?)"
                                 " ON CONFLICT(host_id) DO UPDATE SET last_error = excluded.last_error,"
                                 " last_error_at = excluded.last_error_at"));
    query.addBindValue(hostId);
    query.addBindValue(error);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec())
        return sqlError(tr("Cannot record the error of host #%1").arg(hostId), query.lastError());
    return {};
}

Result<SyncOutcome> Catalog::applySync(const HostProfile& host, const SyncSnapshot& snapshot)
{
    QSqlDatabase db = database();
    if (const QSqlError error = beginWriting(db); error.isValid())
        return sqlError(tr("Cannot start saving the sync of host %1").arg(host.name), error);
    // Read inside the transaction: another process may have saved a sync of this host while this one listed.
    auto stateResult = hostState(host.id);
    if (!stateResult) {
        db.rollback();
        return stateResult.error();
    }
    const HostState previous = *stateResult;
    auto fail = [&](const QString& what, const QSqlError& error) -> Error {
        db.rollback();
        return sqlError(what, error);
    };

    SyncOutcome outcome;
    outcome.unchangedListing = snapshot.listingUnchanged ? 1 : 0;

    // 1. New catalog events, deduplicated (a rotated or rewritten catalog is read again from byte 0).
    const bool restarted = snapshot.catalogFrom == 0;
    const qint64 firstLine = restarted ? 1 : previous.cursor.catalogLines + 1;
    const CatalogChunk chunk = CatalogLog::parse(snapshot.catalogBytes, firstLine);
    for (const QString& problem : chunk.problems)
        outcome.problems.append(tr("%1 on host %2: %3").arg(host.catalogFile, host.name, problem));
    QSet<QString> touchedPaths;
    QSet<QString> replacedPaths; // listed with another size or time than before
    {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT OR IGNORE INTO events (host_id, ts, event, component, file, data)"
                                      " VALUES (?, ?, ?, ?, ?, ?)"));
        for (const CatalogEvent& event : chunk.events) {
            insert.addBindValue(host.id);
            insert.addBindValue(toMs(event.time));
            insert.addBindValue(event.event);
            insert.addBindValue(event.component);
            insert.addBindValue(event.file);
            insert.addBindValue(QString::fromUtf8(event.rawLine));
            if (!insert.exec())
                return fail(tr("Cannot save the catalog events of host %1").arg(host.name), insert.lastError());
            if (insert.numRowsAffected() > 0) {
                ++outcome.newEvents;
                if (!event.file.isEmpty())
                    touchedPaths.insert(QDir::cleanPath(event.file));
            }
        }
    }

    // A missing folder is said at every sync, also when nothing else changed.
    for (const QString& missing : snapshot.missingDirs)
        outcome.problems.append(tr("Host %1: backup folder \"%2\" does not exist").arg(host.name, missing));
    for (const QString& unreadable : snapshot.unreadableDirs)
        outcome.problems.append(tr("Host %1: cannot read the folder %2 (no permission): the backups in it are not "
                                   "listed, and those listed before are kept as they were")
                                    .arg(host.name, unreadable));
    for (const QString& unnamable : snapshot.unnamableFiles)
        outcome.problems.append(tr("Host %1: %2 is left out: its name is not UTF-8, so the console cannot name it "
                                   "back to the host (rename it)")
                                    .arg(host.name, unnamable));

    // 2. The listing: insert new files, update changed ones, mark vanished ones as gone.
    if (!snapshot.listingUnchanged) {
        struct Known
        {
            qint64 id;
            qint64 size;
            qint64 modified;
            bool present;
        };
        QHash<QString, Known> known;
        QSqlQuery select(db);
        select.setForwardOnly(true);
        select.prepare(QStringLiteral("SELECT id, path, size, modified_utc, present FROM backups WHERE host_id = ?"));
        select.addBindValue(host.id);
        if (!select.exec())
            return fail(tr("Cannot read the backups of host %1").arg(host.name), select.lastError());
        while (select.next()) {
            known.insert(select.value(1).toString(),
                { select.value(0).toLongLong(), select.value(2).toLongLong(), select.value(3).toLongLong(),
                    select.value(4).toBool() });
        }

        // New rows go in as multi-row INSERTs: one statement per 64 rows costs far less than one per row.
        constexpr int rowsPerInsert = 64;
        constexpr int columnsPerRow = 9;
        QVariantList pendingRows;
        pendingRows.reserve(rowsPerInsert * columnsPerRow);
        QSqlQuery batchInsert(db);
        auto insertStatement = [](int rows) {
            QString sql
                = QStringLiteral("INSERT INTO backups (host_id, path, component, kind, time_utc, size, modified_utc,"
                                 " encrypted, compressed, managed, present, verify_state) VALUES ");
            for (int row = 0; row < rows; ++row)
                sql += row ? QStringLiteral(", (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, 'unverified')")
                           : QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, 'unverified')");
            return sql;
        };
        batchInsert.prepare(insertStatement(rowsPerInsert));
        auto flushRows = [&]() -> QSqlError {
            const int rows = int(pendingRows.size()) / columnsPerRow;
            if (rows == 0)
                return {};
            QSqlQuery tail(db);
            QSqlQuery& statement = rows == rowsPerInsert ? batchInsert : tail;
            if (rows != rowsPerInsert)
                statement.prepare(insertStatement(rows));
            for (const QVariant& value : std::as_const(pendingRows))
                statement.addBindValue(value);
            pendingRows.clear();
            return statement.exec() ? QSqlError() : statement.lastError();
        };
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE backups SET size = ?, modified_utc = ?, present = 1 WHERE id = ?"));
        QSet<QString> listed;
        for (const RemoteFile& file : snapshot.files) {
            const QString fileName = file.path.mid(file.path.lastIndexOf(u'/') + 1);
            if (BackupFileName::isAuxiliaryFile(fileName) || listed.contains(file.path))
                continue;
            const auto parsed = BackupFileName::parse(fileName);
            if (!parsed) {
                outcome.problems.append(
                    tr("Host %1: %2 skipped: %3").arg(host.name, file.path, parsed.error().message));
                continue;
            }
            listed.insert(file.path);
            const qint64 modified = toMs(file.modified);
            const auto existing = known.constFind(file.path);
            if (existing == known.cend()) {
                pendingRows << host.id << file.path << parsed->component
                            << (parsed->kind.isEmpty() && parsed->component == QLatin1String("config")
                                       ? QStringLiteral("config")
                                       : parsed->kind)
                            << toMs(parsed->nameTime.addSecs(-snapshot.utcOffsetSeconds)) << file.size << modified
                            << parsed->encrypted << parsed->compressed;
                if (pendingRows.size() == rowsPerInsert * columnsPerRow) {
                    if (const QSqlError error = flushRows(); error.isValid())
                        return fail(tr("Cannot save the backups of host %1").arg(host.name), error);
                }
                ++outcome.added;
                touchedPaths.insert(file.path);
            } else if (existing->size != file.size || existing->modified != modified || !existing->present) {
                update.addBindValue(file.size);
                update.addBindValue(modified);
                update.addBindValue(existing->id);
                if (!update.exec())
                    return fail(tr("Cannot update backup %1 of host %2").arg(file.path, host.name), update.lastError());
                ++outcome.updated;
                replacedPaths.insert(file.path); // its verifications may be of the bytes it held before
            }
        }
        if (const QSqlError error = flushRows(); error.isValid())
            return fail(tr("Cannot save the backups of host %1").arg(host.name), error);
        QSqlQuery gone(db);
        gone.prepare(QStringLiteral("UPDATE backups SET present = 0 WHERE id = ?"));
        auto inUnreadableFolder = [&](const QString& path) {
            return std::any_of(snapshot.unreadableDirs.cbegin(), snapshot.unreadableDirs.cend(),
                [&](const QString& folder) { return path.startsWith(folder + u'/'); });
        };
        for (auto it = known.cbegin(); it != known.cend(); ++it) {
            if (it->present && !listed.contains(it.key()) && !inUnreadableFolder(it.key())) {
                gone.addBindValue(it->id);
                if (!gone.exec())
                    return fail(tr("Cannot update backup %1 of host %2").arg(it.key(), host.name), gone.lastError());
                ++outcome.removed;
            }
        }
    }

    // 3. Rows whose events changed (or that are new) are recomputed from all events of their file.
    if (auto recomputed = recomputeBackups(db, host.id, host.name, touchedPaths + replacedPaths, replacedPaths);
        !recomputed) {
        db.rollback();
        return recomputed.error();
    }

    // 4. Where the next sync starts.
    SyncCursor cursor;
    cursor.catalogInode = snapshot.catalogInode;
    cursor.catalogOffset = snapshot.catalogFrom + chunk.consumedBytes;
    cursor.catalogLines = firstLine - 1 + snapshot.catalogBytes.left(chunk.consumedBytes).count('\n');
    cursor.listingFingerprint
        = snapshot.listingUnchanged ? previous.cursor.listingFingerprint : snapshot.listingFingerprint;
    QSqlQuery state(db);
    state.prepare(QStringLiteral(
        "INSERT INTO host_state (host_id, last_sync, last_error, last_error_at, catalog_inode, catalog_offset,"
        " catalog_lines, listing_fingerprint, tool_version, utc_offset, crontab, crontab_read)"
        " VALUES (?, ?, '', 0, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(host_id) DO UPDATE SET last_sync = excluded.last_sync, last_error = '', last_error_at = 0,"
        " catalog_inode = excluded.catalog_inode, catalog_offset = excluded.catalog_offset,"
        " catalog_lines = excluded.catalog_lines, listing_fingerprint = excluded.listing_fingerprint,"
        " tool_version = excluded.tool_version, utc_offset = excluded.utc_offset, crontab = excluded.crontab,"
        " crontab_read = excluded.crontab_read"));
    state.addBindValue(host.id);
    state.addBindValue(QDateTime::currentMSecsSinceEpoch());
    state.addBindValue(cursor.catalogInode);
    state.addBindValue(cursor.catalogOffset);
    state.addBindValue(cursor.catalogLines);
    state.addBindValue(cursor.listingFingerprint);
    state.addBindValue(snapshot.toolVersion);
    state.addBindValue(snapshot.utcOffsetSeconds);
    state.addBindValue(snapshot.crontab);
    state.addBindValue(snapshot.crontabRead);
    if (!state.exec())
        return fail(tr("Cannot save the sync state of host %1").arg(host.name), state.lastError());
    if (!db.commit())
        return fail(tr("Cannot commit the sync of host %1").arg(host.name), db.lastError());
    return outcome;
}

Result<void> Catalog::recomputeBackups(
    QSqlDatabase& db, qint64 hostId, const QString& hostName, const QSet<QString>& paths, const QSet<QString>& replaced)
{
    if (!paths.isEmpty()) {
        QHash<QString, QList<CatalogEvent>> eventsByFile;
        QSqlQuery select(db);
        select.setForwardOnly(true);
        // The host stamps events to the second, the console to the millisecond: within one second the event
        // recorded later is the newer. One file (a verification recorded here): read only its events.
        const bool oneFile = paths.size() == 1;
        // The file's name narrows the query; the exact (cleaned) path is compared below, so "./x" finds "x".
        select.prepare(QStringLiteral("SELECT file, data FROM events WHERE host_id = ? AND file <> ''%1"
                                      " AND event IN ('backup_finished', 'verify') ORDER BY ts / 1000, id")
                           .arg(oneFile ? QStringLiteral(" AND file LIKE ? ESCAPE '\\'") : QString()));
        select.addBindValue(hostId);
        if (oneFile) {
            QString name = paths.cbegin()->mid(paths.cbegin()->lastIndexOf(u'/') + 1);
            name.replace(u'\\', QStringLiteral("\\\\"))
                .replace(u'%', QStringLiteral("\\%"))
                .replace(u'_', QStringLiteral("\\_"));
            select.addBindValue(QString(u'%' + name));
        }
        if (!select.exec())
            return sqlError(tr("Cannot read the events of host %1").arg(hostName), select.lastError());
        while (select.next()) {
            const QString file = QDir::cleanPath(select.value(0).toString());
            if (!paths.contains(file))
                continue;
            QString problem;
            if (auto event = CatalogLog::parseLine(select.value(1).toByteArray(), &problem))
                eventsByFile[file].append(std::move(*event));
        }
        QSqlQuery rowQuery(db);
        rowQuery.prepare(
            QStringLiteral("SELECT id, kind, time_utc, encrypted, size, modified_utc FROM backups WHERE host_id = ? AND"
                           " path = ?"));
        QSqlQuery write(db);
        write.prepare(QStringLiteral(
            "UPDATE backups SET managed = ?, kind = ?, sha256 = ?, duration_ms = ?, time_utc = ?, encrypted = ?,"
            " verify_state = ?, verified_at = ?, verify_method = ?, verify_reason = ?, verify_level = ?, proven_at = ?,"
            " proven_level = ?, verdict = ? WHERE id = ?"));
        // Later than this is a clock running ahead (see verifiesFileNow).
        const QDateTime latestTrusted = QDateTime::currentDateTimeUtc().addSecs(Proof::clockAheadToleranceSeconds);
        for (const QString& path : paths) {
            if (!eventsByFile.contains(path) && !replaced.contains(path))
                continue; // a new file without events keeps the fields it was inserted with
            rowQuery.addBindValue(hostId);
            rowQuery.addBindValue(path);
            if (!rowQuery.exec())
                return sqlError(tr("Cannot read backup %1 of host %2").arg(path, hostName), rowQuery.lastError());
            if (!rowQuery.next())
                continue; // an event for a file outside the listed folders
            BackupRecord record;
            record.id = rowQuery.value(0).toLongLong();
            record.kind = rowQuery.value(1).toString();
            record.time = fromMs(rowQuery.value(2));
            record.encrypted = rowQuery.value(3).toBool();
            const FileNow now { rowQuery.value(4).isNull() ? -1 : rowQuery.value(4).toLongLong(),
                fromMs(rowQuery.value(5)) };
            rowQuery.finish();
            for (const CatalogEvent& event : eventsByFile.value(path)) {
                if (event.event == QLatin1String("verify") && !verifiesFileNow(event, now, latestTrusted))
                    continue;
                applyEvent(record, event);
            }
            write.addBindValue(record.managed);
            write.addBindValue(record.kind);
            write.addBindValue(record.sha256);
            write.addBindValue(record.durationMs);
            write.addBindValue(toMs(record.time));
            write.addBindValue(record.encrypted);
            write.addBindValue(verifyStateId(record.verifyState));
            write.addBindValue(toMs(record.verifiedAt));
            write.addBindValue(record.verifyMethod);
            write.addBindValue(record.verifyReason);
            write.addBindValue(record.verifyLevel);
            write.addBindValue(toMs(record.provenAt));
            write.addBindValue(record.provenLevel);
            write.addBindValue(record.verdict == VerifyState::Unverified ? QVariant() : verifyStateId(record.verdict));
            write.addBindValue(record.id);
            if (!write.exec())
                return sqlError(tr("Cannot update backup %1 of host %2").arg(path, hostName), write.lastError());
        }
    }

    return {};
}

Result<QList<BackupRecord>> Catalog::backups(qint64 hostId, bool includeRemoved)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, host_id, path, component, kind, time_utc, size, encrypted, compressed, managed, present, sha256,"
        " duration_ms, verify_state, verified_at, verify_method, verify_reason, verify_level, proven_at, proven_level,"
        " verdict"
        " FROM backups WHERE host_id = ?%1"
        " ORDER BY time_utc DESC")
                      .arg(includeRemoved ? QString() : QStringLiteral(" AND present = 1")));
    query.addBindValue(hostId);
    if (!query.exec())
        return sqlError(tr("Cannot read the backups of host #%1").arg(hostId), query.lastError());
    QList<BackupRecord> records;
    while (query.next()) {
        BackupRecord record;
        record.id = query.value(0).toLongLong();
        record.hostId = query.value(1).toLongLong();
        record.path = query.value(2).toString();
        record.component = query.value(3).toString();
        record.kind = query.value(4).toString();
        record.time = fromMs(query.value(5));
        record.size = query.value(6).toLongLong();
        record.encrypted = query.value(7).toBool();
        record.compressed = query.value(8).toBool();
        record.managed = query.value(9).toBool();
        record.present = query.value(10).toBool();
        record.sha256 = query.value(11).toString();
        record.durationMs = query.value(12).isNull() ? -1 : query.value(12).toLongLong();
        record.verifyState = verifyStateFromId(query.value(13).toString());
        record.verifiedAt = fromMs(query.value(14));
        record.verifyMethod = query.value(15).toString();
        record.verifyReason = query.value(16).toString();
        record.verifyLevel = query.value(17).toString();
        record.provenAt = fromMs(query.value(18));
        record.provenLevel = query.value(19).toString();
        record.verdict = verifyStateFromId(query.value(20).toString());
        if (record.provenLevel.isEmpty() && record.verifyState == VerifyState::Passed)
            record.provenLevel = Proof::levelFromMethod(record.verifyMethod); // a pass from before levels
        records.append(std::move(record));
    }
    return records;
}

Result<void> Catalog::recordVerification(qint64 hostId, const VerificationEntry& entry)
{
    QSqlDatabase db = database();
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM backups WHERE host_id = ? AND path = ?"));
    exists.addBindValue(hostId);
    exists.addBindValue(entry.path);
    if (!exists.exec())
        return sqlError(tr("Cannot record the verification of %1").arg(entry.path), exists.lastError());
    if (!exists.next())
        return makeError(Error::Code::NotFound, tr("%1 is not in the catalog of host #%2").arg(entry.path).arg(hostId));
    exists.finish();
    if (const QSqlError error = beginWriting(db); error.isValid())
        return sqlError(tr("Cannot record the verification of %1").arg(entry.path), error);
    // Kept as a `verify` event like the host tool's, so history and the backup's state come from one place.
    // Never replaces an event: one that shares the key (time to the millisecond, event, file) moves the new one
    // on by a millisecond.
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO events (host_id, ts, event, component, file, data) VALUES (?, ?, 'verify', ?, ?, ?)"));
    VerificationEntry stored = entry;
    for (int attempt = 0;; ++attempt) {
        insert.addBindValue(hostId);
        insert.addBindValue(toMs(stored.time));
        insert.addBindValue(stored.component);
        insert.addBindValue(stored.path);
        insert.addBindValue(QString::fromUtf8(stored.toEventLine()));
        if (!insert.exec()) {
            const QSqlError error = insert.lastError();
            db.rollback();
            return sqlError(tr("Cannot record the verification of %1").arg(entry.path), error);
        }
        if (insert.numRowsAffected() > 0 || attempt == 10)
            break;
        stored.time = stored.time.addMSecs(1);
    }
    if (auto recomputed = recomputeBackups(db, hostId, QStringLiteral("#%1").arg(hostId), { entry.path });
        !recomputed) {
        db.rollback();
        return recomputed.error();
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return sqlError(tr("Cannot record the verification of %1").arg(entry.path), error);
    }
    return {};
}

Result<QList<VerificationEntry>> Catalog::verificationHistory(qint64 hostId, const QString& path)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT data FROM events WHERE host_id = ? AND event = 'verify' AND file = ? ORDER BY "
                                 "ts / 1000 DESC, id DESC"));
    query.addBindValue(hostId);
    query.addBindValue(path);
    if (!query.exec())
        return sqlError(tr("Cannot read the verifications of %1").arg(path), query.lastError());
    QList<VerificationEntry> entries;
    while (query.next()) {
        QString problem;
        if (auto event = CatalogLog::parseLine(query.value(0).toByteArray(), &problem))
            entries.append(VerificationEntry::fromEventFields(event->time, event->fields));
    }
    return entries;
}

Result<QList<CatalogEvent>> Catalog::events(qint64 hostId, const QStringList& types)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QStringList placeholders;
    for (qsizetype i = 0; i < types.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    query.prepare(
        QStringLiteral("SELECT data FROM events WHERE host_id = ?%1 ORDER BY ts, id")
            .arg(types.isEmpty() ? QString() : QStringLiteral(" AND event IN (%1)").arg(placeholders.join(u','))));
    query.addBindValue(hostId);
    for (const QString& type : types)
        query.addBindValue(type);
    if (!query.exec())
        return sqlError(tr("Cannot read the events of host #%1").arg(hostId), query.lastError());
    QList<CatalogEvent> result;
    while (query.next()) {
        QString problem;
        if (auto event = CatalogLog::parseLine(query.value(0).toByteArray(), &problem))
            result.append(std::move(*event));
    }
    return result;
}

Result<void> Catalog::audit(const QString& action, const QString& host, const QString& detail, const QString& outcome)
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("INSERT INTO audit_log (ts, os_user, action, host, detail, outcome) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")));
    query.addBindValue(action);
    query.addBindValue(host);
    query.addBindValue(detail);
    query.addBindValue(outcome);
    if (!query.exec())
        return sqlError(tr("Cannot write the audit log in %1").arg(m_path), query.lastError());
    return {};
}

Result<QList<AuditEntry>> Catalog::auditLog(int limit)
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT ts, os_user, action, host, detail, outcome FROM audit_log ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return sqlError(tr("Cannot read the audit log in %1").arg(m_path), query.lastError());
    QList<AuditEntry> entries;
    while (query.next()) {
        entries.append({ fromMs(query.value(0)), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toString(), query.value(5).toString() });
    }
    return entries;
}

} // namespace dr
