#include "verify/DeepRestore.h"

#include "verify/VerifyStreams.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>
#include <functional>

#include <sys/prctl.h>

namespace dr::verify {

namespace {

std::atomic_int nextConnection { 0 };

// A named Qt Sql connection that is closed and removed when it goes out of scope.
class ScopedConnection
{
public:
    ScopedConnection(const QString& driver, const std::function<void(QSqlDatabase&)>& configure)
        : m_name(QStringLiteral("drverify-deep-%1").arg(nextConnection.fetch_add(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_name);
        configure(db);
        m_opened = db.open();
        if (!m_opened)
            m_error = db.lastError().text();
    }
    ~ScopedConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(ScopedConnection)

    bool opened() const { return m_opened; }
    QString error() const { return m_error; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_opened = false;
    QString m_error;
};

QString quoteIdentifier(const QString& name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

// Counts tables and rows through an open connection; @p tablesSql lists (schema, table) or (table). Cancel is
// heeded between tables, and after the last: a count of a cancelled verification is no verdict.
Result<DeepCounts> countRows(
    QSqlDatabase db, const QString& tablesSql, bool withSchema, const std::atomic_bool* cancel = nullptr)
{
    auto cancelled = [cancel] { return cancel && cancel->load(); };
    QSqlQuery tables(db);
    if (!tables.exec(tablesSql))
        return makeError(
            Error::Code::Database, DeepRestore::tr("cannot list the restored tables"), tables.lastError().text());
    QStringList names;
    while (tables.next())
        names.append(withSchema
                ? quoteIdentifier(tables.value(0).toString()) + u'.' + quoteIdentifier(tables.value(1).toString())
                : quoteIdentifier(tables.value(0).toString()));
    tables.finish();
    DeepCounts counts;
    counts.tables = names.size();
    for (const QString& name : std::as_const(names)) {
        if (cancelled())
            break;
        QSqlQuery count(db);
        if (!count.exec(QStringLiteral("SELECT count(*) FROM %1").arg(name)) || !count.next())
            return makeError(Error::Code::Database, DeepRestore::tr("cannot count the rows of %1").arg(name),
                count.lastError().text());
        counts.rows += count.value(0).toLongLong();
    }
    if (cancelled())
        return makeError(Error::Code::Cancelled, DeepRestore::tr("the deep restore was cancelled"));
    return counts;
}

// A pg_dump line the deep restore leaves out: our \restrict replaces the dump's own, and ownership and privileges
// refer to roles of the production server. pg_dump writes each of these statements on one line.
bool isOwnershipOrPrivilege(const QByteArray& line)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.startsWith("\\restrict ") || trimmed.startsWith("\\unrestrict "))
        return true;
    if (trimmed.startsWith("GRANT ") || trimmed.startsWith("REVOKE ")
        || trimmed.startsWith("ALTER DEFAULT PRIVILEGES "))
        return trimmed.endsWith(';');
    return trimmed.startsWith("ALTER ") && trimmed.contains(" OWNER TO ") && trimmed.endsWith(';');
}

// A restore error that comes from the scratch server or the connection to it, not from the dump: no verdict. With
// a server message (after the first "ERROR:"/"FATAL:") it is judged on how that begins; a value or a name quoted
// further on in it ("invalid input syntax for type integer: "permission denied"") is the dump's. Without one, on
// the client's own words outside quotes (a lost connection, a restore stopped from outside).
bool isEnvironmentError(const QString& error)
{
    qsizetype server = -1;
    for (const char* tag : { "ERROR:", "FATAL:" }) {
        const qsizetype at = error.indexOf(QLatin1String(tag));
        if (at >= 0 && (server < 0 || at < server))
            server = at;
    }
    if (server >= 0) {
        const QString message = error.mid(server + 6).trimmed();
        for (const char* start : { "role \"", "extension \"", "could not open extension control file",
                 "permission denied", "must be owner", "must be superuser", "out of memory", "could not extend file",
                 "terminating connection", "canceling statement", "the database system is" }) {
            if (message.startsWith(QLatin1String(start)))
                return true;
        }
        return false;
    }
    static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\""));
    const QString unquoted = QString(error).remove(quoted);
    for (const char* phrase : { "server closed the connection", "could not connect", "connection to server",
             "could not receive data from server", "could not send data to server", "SSL SYSCALL error",
             "terminated by user", "No space left on device" }) {
        if (unquoted.contains(QLatin1String(phrase)))
            return true;
    }
    return false;
}

} // namespace

Result<ScratchServer> ScratchServer::parse(const QString& connection)
{
    // libpq's keyword=value syntax: a value may be in single quotes, with \' and \\ inside, so that a password can
    // hold spaces. No message repeats a value: it may be (part of) the password.
    const QString syntax
        = DeepRestore::tr("host=H port=P user=U password=W; quote a value with spaces: password='a b'");
    ScratchServer server;
    qsizetype at = 0;
    while (true) {
        while (at < connection.size() && connection.at(at).isSpace())
            ++at;
        if (at == connection.size())
            break;
        const qsizetype equals = connection.indexOf(u'=', at);
        const qsizetype space = std::find_if(connection.cbegin() + at, connection.cend(), [](QChar c) {
            return c.isSpace();
        }) - connection.cbegin();
        if (equals <= at || equals > space)
            return makeError(Error::Code::InvalidInput,
                DeepRestore::tr("the scratch server setting has a part that is not key=value (%1)").arg(syntax));
        const QString key = connection.mid(at, equals - at);
        QString value;
        at = equals + 1;
        if (at < connection.size() && connection.at(at) == u'\'') {
            bool closed = false;
            for (++at; at < connection.size(); ++at) {
                const QChar c = connection.at(at);
                if (c == u'\\' && at + 1 < connection.size()) {
                    value += connection.at(++at);
                } else if (c == u'\'') {
                    closed = true;
                    ++at;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return makeError(Error::Code::InvalidInput,
                    DeepRestore::tr("the value of \"%1\" in the scratch server setting has no closing quote").arg(key));
        } else {
            while (at < connection.size() && !connection.at(at).isSpace())
                value += connection.at(at++);
        }
        bool ok = true;
        // "port=5432password=secret": a missing space would put the password into a value that messages name.
        if (key != QLatin1String("password") && value.contains(u'='))
            return makeError(Error::Code::InvalidInput,
                DeepRestore::tr("the value of \"%1\" in the scratch server setting holds \"=\": a space is missing "
                                "between two keys (%2)")
                    .arg(key, syntax));
        if (key == QLatin1String("host"))
            server.host = value;
        else if (key == QLatin1String("port"))
            server.port = value.toInt(&ok);
        else if (key == QLatin1String("user"))
            server.user = value;
        else if (key == QLatin1String("password"))
            server.password = value;
        else
            return makeError(Error::Code::InvalidInput,
                DeepRestore::tr("unknown key \"%1\" in the scratch server setting (%2)").arg(key, syntax));
        if (!ok || server.port <= 0 || server.port > 65535)
            return makeError(
                Error::Code::InvalidInput, DeepRestore::tr("the port in the scratch server setting is not a number"));
    }
    if (server.host.isEmpty())
        return makeError(
            Error::Code::InvalidInput, DeepRestore::tr("the scratch server setting names no host (%1)").arg(syntax));
    return server;
}

Result<DeepCounts> DeepRestore::countSqlite(const QString& path)
{
    ScopedConnection connection(QStringLiteral("QSQLITE"), [&](QSqlDatabase& db) {
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    });
    if (!connection.opened())
        return makeError(Error::Code::Database, tr("cannot open the SQLite copy"), connection.error());
    return countRows(connection.database(),
        QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                       " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"),
        false);
}

namespace {

// A database of its own on the scratch server for one restore, counted and then dropped whatever happened.
class ThrowawayDatabase
{
public:
    explicit ThrowawayDatabase(const ScratchServer& server)
        : m_server(server)
        , m_where(QStringLiteral("%1:%2").arg(server.host).arg(server.port))
        // A name of this run, unlike any other verification's.
        , m_name(QStringLiteral("drconsole_verify_%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0')))
    { }
    Q_DISABLE_COPY_MOVE(ThrowawayDatabase)

    const QString& name() const { return m_name; }

    Result<void> create()
    {
        ScopedConnection admin(QStringLiteral("QPSQL"), configure(QStringLiteral("postgres")));
        if (!admin.opened())
            return makeError(Error::Code::Database,
                DeepRestore::tr("cannot reach the scratch PostgreSQL server %1 for the deep restore").arg(m_where),
                admin.error());
        QSqlQuery create(admin.database());
        if (!create.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(m_name)))
            return makeError(Error::Code::Database,
                DeepRestore::tr("cannot create the throwaway database %1 on %2").arg(m_name, m_where),
                create.lastError().text());
        return {};
    }

    /// Sets a restoring client (psql, pg_restore) up for this database: its environment (the password goes there,
    /// never into argv), its output dropped, and its end with the thread that starts it (the program killed by a
    /// second Ctrl-C), else it would go on restoring, and commit, into a database nobody drops.
    void prepareClient(QProcess& client) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGHOST"), m_server.host);
        environment.insert(QStringLiteral("PGPORT"), QString::number(m_server.port));
        if (!m_server.user.isEmpty())
            environment.insert(QStringLiteral("PGUSER"), m_server.user);
        if (!m_server.password.isEmpty())
            environment.insert(QStringLiteral("PGPASSWORD"), m_server.password);
        environment.insert(QStringLiteral("PGDATABASE"), m_name);
        client.setProcessEnvironment(environment);
        client.setStandardOutputFile(QProcess::nullDevice());
        client.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    }

    Result<DeepCounts> countUserTables(const std::atomic_bool* cancel) const
    {
        ScopedConnection restored(QStringLiteral("QPSQL"), configure(m_name));
        if (!restored.opened())
            return makeError(Error::Code::Database,
                DeepRestore::tr("cannot open the throwaway database %1").arg(m_name), restored.error());
        return countRows(restored.database(),
            QStringLiteral("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                           " WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                           " AND n.nspname NOT LIKE 'pg_toast%' AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                           " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')"
                           " ORDER BY 1, 2"),
            true, cancel);
    }

    /// Drops the database; what could not be dropped is added to @p result as a warning (or to its error).
    void dropInto(Result<DeepCounts>& result)
    {
        QString problem;
        // On a connection of its own: the first one may have been closed by the server during a long restore.
        for (int attempt = 0; attempt < 3; ++attempt) {
            if (attempt > 0)
                QThread::msleep(1000);
            ScopedConnection dropper(QStringLiteral("QPSQL"), configure(QStringLiteral("postgres")));
            if (!dropper.opened()) {
                problem = dropper.error();
                continue;
            }
            QSqlQuery dropping(dropper.database());
            if (dropping.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name))
                || dropping.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_name)))
                return;
            problem = dropping.lastError().text();
        }
        const QString warning
            = DeepRestore::tr("the throwaway database %1 on %2 could not be dropped (%3): drop it by hand")
                  .arg(m_name, m_where, problem);
        if (result)
            result->warning = warning;
        else
            result = makeError(result.error().code, result.error().message + QStringLiteral("; ") + warning);
    }

private:
    std::function<void(QSqlDatabase&)> configure(const QString& database) const
    {
        return [this, database](QSqlDatabase& db) {
            db.setHostName(m_server.host);
            db.setPort(m_server.port);
            db.setUserName(m_server.user);
            db.setPassword(m_server.password);
            db.setDatabaseName(database);
            db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        };
    }

    const ScratchServer& m_server;
    const QString m_where;
    const QString m_name;
};

// Waits for a restoring client; Cancel kills it (it may work long after its input ended: indexes, foreign keys).
Result<void> waitForClient(QProcess& client, const std::atomic_bool* cancel)
{
    // A client that already ended (psql gone while the dump was fed to it) makes waitForFinished return false at once.
    while (client.state() != QProcess::NotRunning && !client.waitForFinished(200)) {
        if (cancel && cancel->load()) {
            client.kill();
            client.waitForFinished(5'000);
            return makeError(Error::Code::Cancelled, DeepRestore::tr("the deep restore was cancelled"));
        }
    }
    return {};
}

// The verdict on a client (psql, pg_restore) that ended with an error: its first error line, Corrupt unless the
// scratch server caused it.
Error clientFailure(const QProcess& client, const QString& errors, const QString& program)
{
    QString first;
    for (const QString& text : errors.split(u'\n')) {
        if (text.contains(QLatin1String("ERROR")) || text.contains(QLatin1String("FATAL"))
            || text.contains(QLatin1String("error:")) || text.contains(QLatin1String("restricted"))
            || text.contains(QLatin1String("invalid command"))) {
            first = text.trimmed();
            break;
        }
    }
    if (first.isEmpty())
        first = errors.trimmed().left(300);
    // Killed or crashed: whatever it said last, that is no verdict on the dump.
    if (client.exitStatus() != QProcess::NormalExit)
        return makeError(Error::Code::Internal,
            DeepRestore::tr("%1 was killed or crashed during the deep restore; no verdict on the dump%2")
                .arg(program, first.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(first)));
    if (first.isEmpty())
        first = DeepRestore::tr("%1 exit %2").arg(program).arg(client.exitCode());
    if (isEnvironmentError(first))
        return makeError(Error::Code::Database,
            DeepRestore::tr("the deep restore could not be judged: %1 (%2)").arg(first, program));
    return makeError(
        Error::Code::Corrupt, DeepRestore::tr("the dump does not restore (%1, rolled back): %2").arg(program, first));
}

} // namespace

Result<DeepCounts> DeepRestore::restorePostgres(const QString& path, bool encrypted, bool compressed,
    const QByteArray& key, const ScratchServer& server, const std::atomic_bool* cancel)
{
    ThrowawayDatabase database(server);
    if (auto created = database.create(); !created)
        return created.error();
    // A key nobody else knows for \restrict.
    const QString restrictKey = QString::number(QRandomGenerator::system()->generate64(), 36)
        + QString::number(QRandomGenerator::system()->generate64(), 36);

    QProcess psql;
    database.prepareClient(psql);
    psql.start(QStringLiteral("psql"),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("--single-transaction") });
    if (!psql.waitForStarted(10'000)) {
        Result<DeepCounts> result
            = makeError(Error::Code::Io, tr("cannot run psql for the deep restore"), psql.errorString());
        database.dropInto(result);
        return result;
    }
    auto writeAll = [&](const char* data, qint64 size) {
        psql.write(data, size);
        // Keep what waits in QProcess's buffer small: memory stays flat whatever the dump's size.
        while (
            psql.bytesToWrite() > 4 * 1024 * 1024 && psql.state() == QProcess::Running && !(cancel && cancel->load()))
            psql.waitForBytesWritten(200);
    };
    const QByteArray restrictLine = "\\restrict " + restrictKey.toLatin1() + '\n';
    writeAll(restrictLine.constData(), restrictLine.size());

    RawFileSource raw(path, -1, cancel, {});
    Result<void> fed = raw.open();
    if (fed) {
        std::optional<DecryptStream> decrypt;
        std::optional<GunzipStream> gunzip;
        ByteStream* stream = &raw;
        if (encrypted)
            stream = &decrypt.emplace(*stream, key);
        if (compressed)
            stream = &gunzip.emplace(*stream);
        // The dump's own \restrict / \unrestrict lines (pg_dump 15.14 and later) give way to ours. Ownership and
        // privileges are left out, as `pg_restore --no-owner --no-acl` would: the production roles do not exist on
        // a scratch server, and they say nothing about whether the data restores.
        QByteArray line;
        auto flushLine = [&] {
            if (!isOwnershipOrPrivilege(line))
                writeAll(line.constData(), line.size());
            line.clear();
        };
        fed = consumeAll(*stream, [&](const Block& block) -> Result<void> {
            if (psql.state() != QProcess::Running)
                return makeError(Error::Code::Corrupt, tr("psql stopped before the end of the dump"));
            const auto* data = reinterpret_cast<const char*>(block.data);
            qsizetype start = 0;
            const qsizetype size = qsizetype(block.size);
            while (start < size) {
                const void* found = std::memchr(data + start, '\n', size_t(size - start));
                if (!found) {
                    line.append(data + start, size - start);
                    break;
                }
                const qsizetype end = static_cast<const char*>(found) - data + 1;
                line.append(data + start, end - start);
                flushLine();
                start = end;
            }
            return {};
        });
        if (fed && !line.isEmpty())
            flushLine();
    }
    psql.closeWriteChannel();
    if (auto waited = waitForClient(psql, cancel); !waited)
        fed = waited.error();
    const QString psqlErrors = QString::fromUtf8(psql.readAllStandardError());
    Result<DeepCounts> result = makeError(Error::Code::Internal, QString());
    if (!fed && fed.error().code != Error::Code::Corrupt)
        result = fed.error();
    else if (psqlErrors.contains(QLatin1String("invalid command \\restrict")))
        result = makeError(Error::Code::Internal,
            tr("psql on this computer cannot block backslash commands (\\restrict needs psql 13.22, 14.19, 15.14, "
               "16.10, 17.6 or later); the dump was not restored without that"));
    else if (psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0)
        result = clientFailure(psql, psqlErrors, QStringLiteral("psql"));
    else if (!fed)
        result = fed.error();
    else
        result = database.countUserTables(cancel);
    database.dropInto(result);
    return result;
}

Result<DeepCounts> DeepRestore::restorePgCustom(
    const QString& restorer, const QString& dumpPath, const ScratchServer& server, const std::atomic_bool* cancel)
{
    ThrowawayDatabase database(server);
    if (auto created = database.create(); !created)
        return created.error();
    // pg_restore sends SQL to the server itself: a custom-format dump carries no psql backslash commands. Ownership
    // and privileges name production roles a scratch server does not have.
    QProcess restore;
    database.prepareClient(restore);
    restore.setStandardInputFile(QProcess::nullDevice());
    restore.start(restorer,
        { QStringLiteral("--no-owner"), QStringLiteral("--no-privileges"), QStringLiteral("--single-transaction"),
            QStringLiteral("--exit-on-error"), QStringLiteral("--dbname=") + database.name(), QStringLiteral("--"),
            dumpPath });
    Result<DeepCounts> result = makeError(Error::Code::Internal, QString());
    if (!restore.waitForStarted(10'000)) {
        result = makeError(Error::Code::Io, tr("cannot run pg_restore for the deep restore"), restore.errorString());
    } else if (auto waited = waitForClient(restore, cancel); !waited) {
        result = waited.error();
    } else if (restore.exitStatus() != QProcess::NormalExit || restore.exitCode() != 0) {
        QString errors = QString::fromUtf8(restore.readAllStandardError());
        errors.replace(dumpPath, tr("the dump"));
        result = clientFailure(restore, errors, QStringLiteral("pg_restore"));
    } else {
        result = database.countUserTables(cancel);
    }
    database.dropInto(result);
    return result;
}

} // namespace dr::verify
