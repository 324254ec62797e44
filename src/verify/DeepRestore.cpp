#include "verify/DeepRestore.h"

#include "verify/VerifyStreams.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

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

// Counts tables and rows through an open connection; @p tablesSql lists (schema, table) or (table).
Result<DeepCounts> countRows(QSqlDatabase db, const QString& tablesSql, bool withSchema)
{
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
        QSqlQuery count(db);
        if (!count.exec(QStringLiteral("SELECT count(*) FROM %1").arg(name)) || !count.next())
            return makeError(Error::Code::Corrupt, DeepRestore::tr("cannot count the rows of %1").arg(name),
                count.lastError().text());
        counts.rows += count.value(0).toLongLong();
    }
    return counts;
}

} // namespace

Result<ScratchServer> ScratchServer::parse(const QString& connection)
{
    ScratchServer server;
    for (const QString& pair : connection.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0)
            return makeError(Error::Code::InvalidInput,
                DeepRestore::tr("\"%1\" in the scratch server \"%2\" is not key=value").arg(pair, connection));
        const QString key = pair.left(equals);
        const QString value = pair.mid(equals + 1);
        bool ok = true;
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
                DeepRestore::tr("unknown key \"%1\" in the scratch server \"%2\" (host, port, user, password)")
                    .arg(key, connection));
        if (!ok || server.port <= 0 || server.port > 65535)
            return makeError(Error::Code::InvalidInput, DeepRestore::tr("port \"%1\" is not a port number").arg(value));
    }
    if (server.host.isEmpty())
        return makeError(Error::Code::InvalidInput,
            DeepRestore::tr("the scratch server \"%1\" names no host (host=... port=... user=...)").arg(connection));
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
        QStringLiteral(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"),
        false);
}

Result<DeepCounts> DeepRestore::restorePostgres(const QString& path, bool encrypted, bool compressed,
    const QByteArray& key, const ScratchServer& server, const std::atomic_bool* cancel)
{
    const QString where = QStringLiteral("%1:%2").arg(server.host).arg(server.port);
    auto configure = [&](const QString& database) {
        return [&server, database](QSqlDatabase& db) {
            db.setHostName(server.host);
            db.setPort(server.port);
            db.setUserName(server.user);
            db.setPassword(server.password);
            db.setDatabaseName(database);
            db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        };
    };
    ScopedConnection admin(QStringLiteral("QPSQL"), configure(QStringLiteral("postgres")));
    if (!admin.opened())
        return makeError(Error::Code::Database,
            tr("cannot reach the scratch PostgreSQL server %1 for the deep restore").arg(where), admin.error());
    // A name of this run; a key nobody else knows for \restrict.
    const QString name = QStringLiteral("drconsole_verify_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    const QString restrictKey = QString::number(QRandomGenerator::system()->generate64(), 36)
        + QString::number(QRandomGenerator::system()->generate64(), 36);
    {
        QSqlQuery create(admin.database());
        if (!create.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(name)))
            return makeError(Error::Code::Database,
                tr("cannot create the throwaway database %1 on %2").arg(name, where), create.lastError().text());
    }
    auto drop = [&] {
        QSqlQuery dropping(admin.database());
        if (!dropping.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)))
            dropping.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
    };

    QProcess psql;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGHOST"), server.host);
    environment.insert(QStringLiteral("PGPORT"), QString::number(server.port));
    if (!server.user.isEmpty())
        environment.insert(QStringLiteral("PGUSER"), server.user);
    if (!server.password.isEmpty())
        environment.insert(QStringLiteral("PGPASSWORD"), server.password); // the environment, never argv
    environment.insert(QStringLiteral("PGDATABASE"), name);
    psql.setProcessEnvironment(environment);
    psql.setStandardOutputFile(QProcess::nullDevice());
    psql.start(QStringLiteral("psql"),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("--single-transaction") });
    if (!psql.waitForStarted(10'000)) {
        drop();
        return makeError(Error::Code::Io, tr("cannot run psql for the deep restore"), psql.errorString());
    }
    auto writeAll = [&](const char* data, qint64 size) {
        psql.write(data, size);
        // Keep what waits in QProcess's buffer small: memory stays flat whatever the dump's size.
        while (psql.bytesToWrite() > 4 * 1024 * 1024 && psql.state() == QProcess::Running)
            psql.waitForBytesWritten(1000);
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
        // The dump's own \restrict / \unrestrict lines (pg_dump 15.14 and later) give way to ours.
        QByteArray line;
        auto flushLine = [&] {
            const QByteArray trimmed = line.trimmed();
            if (!trimmed.startsWith("\\restrict ") && !trimmed.startsWith("\\unrestrict "))
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
    psql.waitForFinished(-1);
    const QString psqlErrors = QString::fromUtf8(psql.readAllStandardError());
    Result<DeepCounts> result = makeError(Error::Code::Internal, QString());
    if (!fed && fed.error().code != Error::Code::Corrupt) {
        result = fed.error();
    } else if (psqlErrors.contains(QLatin1String("invalid command \\restrict"))) {
        result = makeError(Error::Code::Internal,
            tr("psql on this computer cannot block backslash commands (\\restrict needs psql 13.22, 14.19, 15.14, "
               "16.10, 17.6 or later); the dump was not restored without that"));
    } else if (psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0) {
        QString first;
        for (const QString& text : psqlErrors.split(u'\n')) {
            if (text.contains(QLatin1String("ERROR")) || text.contains(QLatin1String("FATAL"))
                || text.contains(QLatin1String("restricted")) || text.contains(QLatin1String("invalid command"))) {
                first = text.trimmed();
                break;
            }
        }
        if (first.isEmpty())
            first = psqlErrors.trimmed().left(300);
        result = makeError(Error::Code::Corrupt,
            tr("the dump does not restore (psql, rolled back): %1")
                .arg(first.isEmpty() ? tr("psql exit %1").arg(psql.exitCode()) : first));
    } else if (!fed) {
        result = fed.error();
    } else {
        ScopedConnection restored(QStringLiteral("QPSQL"), configure(name));
        if (!restored.opened())
            result = makeError(
                Error::Code::Database, tr("cannot open the throwaway database %1").arg(name), restored.error());
        else
            result = countRows(restored.database(),
                QStringLiteral(
                    "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                    " AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1, 2"),
                true);
    }
    drop();
    return result;
}

} // namespace dr::verify
