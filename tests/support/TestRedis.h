#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace dr::test {

/// A Redis server of the test's own on 127.0.0.1: a free port, a temporary folder, no snapshots or append-only
/// file of its own; stopped by its PID when the fixture goes (and by the kernel if the test is killed).
///
/// Debian's redis-tools ship redis-cli and one Redis binary installed as redis-check-rdb, which runs as the
/// server when it is called by the name redis-server (Redis picks its mode from argv[0]). The fixture calls it by
/// that name through a link in its folder, so the tests need neither the redis-server package nor its service.
class TestRedis
{
public:
    TestRedis();
    ~TestRedis();
    TestRedis(const TestRedis&) = delete;
    TestRedis& operator=(const TestRedis&) = delete;

    bool start(QString* error);
    void stop();
    int port() const { return m_port; }
    /// For the host tool's REDIS_URL.
    QString url() const;
    /// Runs redis-cli against the server with @p input on its stdin (one command per line when arguments are
    /// empty); false with the reason in @p error when it fails.
    /// Fills the server as the bot's cache looks: @p reminders string keys "reminder:N" = "remind me of N", a hash, a
    /// list and a set (so reminders + 3 keys).
    bool fill(int reminders, QString* error) const;
    bool cli(const QStringList& arguments, const QByteArray& input = {}, QByteArray* output = nullptr,
        QString* error = nullptr) const;

private:
    QTemporaryDir m_dir;
    QProcess m_server;
    int m_port = 0;
};

} // namespace dr::test
