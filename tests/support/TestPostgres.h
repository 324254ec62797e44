#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace dr::test {

/// A real PostgreSQL server for a test: initdb into a temporary folder as user postgres (initdb refuses
/// root), started with pg_ctl on 127.0.0.1 on a free port of its own and a socket folder of its own, trust
/// authentication, stopped (pg_ctl of this data folder only) by the destructor.
class TestPostgres
{
public:
    TestPostgres();
    ~TestPostgres();
    Q_DISABLE_COPY_MOVE(TestPostgres)

    /// initdb + start; false with the reason (naming the program and its output) when it cannot.
    bool start(QString* error);
    void stop();

    int port() const { return m_port; }
    static QString host() { return QStringLiteral("127.0.0.1"); }
    static QString user() { return QStringLiteral("postgres"); }
    QString socketDir() const { return m_dir.filePath(QStringLiteral("socket")); }
    /// The folder holding initdb, pg_ctl, psql of the newest installed major version.
    static QString binDir();

    /// PGHOST, PGPORT, PGUSER (and PGDATABASE when given) for clients of this server, on top of @p base.
    QProcessEnvironment environment(
        const QString& database = {}, QProcessEnvironment base = QProcessEnvironment::systemEnvironment()) const;

    /// Runs SQL with psql (-X -A -t -v ON_ERROR_STOP=1) on @p database; false with psql's message on error.
    bool psql(
        const QString& database, const QString& sql, QByteArray* output = nullptr, QString* error = nullptr) const;

private:
    bool runAsPostgres(const QStringList& arguments, QString* error, int timeoutMs) const;

    QTemporaryDir m_dir;
    int m_port = 0;
    bool m_running = false;
};

} // namespace dr::test
