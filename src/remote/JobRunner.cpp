#include "remote/JobRunner.h"

#include "core/HostTool.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

namespace dr {

JobRunner::JobRunner(HostProfile host, TransportFactory connect)
    : m_host(std::move(host))
    , m_connect(std::move(connect))
{ }

Result<Transport*> JobRunner::transport()
{
    if (!m_transport)
        m_transport = m_connect();
    if (!m_transport)
        return makeError(Error::Code::InvalidInput, tr("Host %1 cannot be reached by this build").arg(m_host.name));
    if (auto opened = m_transport->open(); !opened) {
        m_transport.reset();
        return opened.error();
    }
    return m_transport.get();
}

Result<QString> JobRunner::start(const QStringList& toolArguments)
{
    auto connection = transport();
    if (!connection)
        return connection.error();
    auto run = (*connection)
                   ->run(HostTool::command(m_host,
                             QStringList { QStringLiteral("job"), QStringLiteral("start"), QStringLiteral("--") }
                                 + toolArguments),
                       RunOptions {});
    if (!run)
        return run.error();
    const QString id = QString::fromUtf8(run->out).trimmed().section(u'\n', -1);
    static const QRegularExpression idRule(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (run->exitStatus != 0 || !idRule.match(id).hasMatch())
        return makeError(Error::Code::RemoteCommandFailed,
            tr("Host %1 could not start the job %2 (exit code %3)")
                .arg(m_host.name, toolArguments.join(u' '))
                .arg(run->exitStatus),
            QString::fromUtf8(run->err).trimmed());
    return id;
}

Result<JobStatus> JobRunner::status(const QString& id)
{
    auto connection = transport();
    if (!connection)
        return connection.error();
    auto run = (*connection)
                   ->run(HostTool::command(
                             m_host, { QStringLiteral("job"), QStringLiteral("status"), id, QStringLiteral("--json") }),
                       RunOptions {});
    if (!run)
        return run.error();
    const QJsonObject object = QJsonDocument::fromJson(run->out).object();
    if (run->exitStatus != 0 || object.isEmpty())
        return makeError(Error::Code::RemoteCommandFailed, tr("Host %1 has no job %2").arg(m_host.name, id),
            QString::fromUtf8(run->err).trimmed());
    JobStatus status;
    status.id = id;
    status.state = object.value(QStringLiteral("state")).toString();
    status.exitCode = object.value(QStringLiteral("exit_code")).toInt(-1);
    return status;
}

Result<bool> JobRunner::cancel(const QString& id)
{
    auto connection = transport();
    if (!connection)
        return connection.error();
    RunOptions options;
    options.totalTimeoutMs = 60'000; // the host tool itself gives up after 30 s
    auto run = (*connection)
                   ->run(HostTool::command(m_host, { QStringLiteral("job"), QStringLiteral("cancel"), id }), options);
    if (!run)
        return run.error();
    if (run->exitStatus != 0)
        return makeError(Error::Code::RemoteCommandFailed,
            tr("Host %1 could not stop job %2 (exit code %3)").arg(m_host.name, id).arg(run->exitStatus),
            QString::fromUtf8(run->err).trimmed());
    return QString::fromUtf8(run->out).trimmed().endsWith(QLatin1String(": cancelled"));
}

Result<JobStatus> JobRunner::follow(const QString& id, qint64 fromOffset,
    const std::function<void(QByteArrayView)>& onLog, const std::atomic_bool* cancel)
{
    qint64 offset = fromOffset;
    int reconnects = 0;
    for (;;) {
        auto connection = transport();
        if (connection) {
            RunOptions options;
            options.cancel = cancel;
            options.collectStdout = false;
            options.logOutput = false;
            options.idleTimeoutMs = 120'000; // --follow prints nothing while the job is quiet, but not for long
            options.onOutput = [&](QByteArrayView chunk, bool isStderr) {
                if (isStderr)
                    return;
                offset += chunk.size();
                onLog(chunk);
            };
            auto run = (*connection)
                           ->run(HostTool::command(m_host,
                                     { QStringLiteral("job"), QStringLiteral("tail"), id, QStringLiteral("--from"),
                                         QString::number(offset), QStringLiteral("--follow") }),
                               options);
            if (run && run->exitStatus == 0) {
                auto finished = status(id);
                if (!finished)
                    return finished.error();
                finished->logBytes = offset;
                finished->reconnects = reconnects;
                return finished;
            }
            if (run)
                return makeError(Error::Code::RemoteCommandFailed,
                    tr("Host %1 cannot show the log of job %2 (exit code %3)")
                        .arg(m_host.name, id)
                        .arg(run->exitStatus),
                    QString::fromUtf8(run->err).trimmed());
            if (run.error().code == Error::Code::Cancelled)
                return run.error();
            if (run.error().code != Error::Code::Network && run.error().code != Error::Code::Timeout)
                return run.error();
        } else if (connection.error().code != Error::Code::Network && connection.error().code != Error::Code::Timeout) {
            return connection.error();
        }
        // The connection dropped: the job goes on over there. Reconnect and continue from `offset`.
        m_transport.reset();
        if (++reconnects > maxReconnects)
            return makeError(Error::Code::Network,
                tr("Lost host %1 while following job %2 and could not reconnect (%3 attempts); the job goes on "
                   "there and can be reattached from byte %4")
                    .arg(m_host.name, id)
                    .arg(maxReconnects)
                    .arg(offset));
        for (int waited = 0; waited < reconnectDelayMs; waited += 50) {
            if (cancel && cancel->load())
                return makeError(
                    Error::Code::Cancelled, tr("Following job %1 on host %2 was cancelled").arg(id, m_host.name));
            QThread::msleep(50);
        }
    }
}

} // namespace dr
