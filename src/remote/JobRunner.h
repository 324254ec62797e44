#pragma once

#include "core/HostProfile.h"
#include "core/Result.h"
#include "core/Transport.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>
#include <memory>

namespace dr {

struct JobStatus
{
    QString id;
    QString state; ///< running, succeeded, failed, cancelled
    int exitCode = -1;
    qint64 logBytes = 0; ///< bytes of log the follower has seen: the offset to resume from
    int reconnects = 0;
};

/// Runs a host-tool command as a detached job on the host (`backup-system.sh job start -- ...`) and follows
/// its log from a byte offset. When the connection drops, it reconnects and continues from the offset it
/// had, so no line is lost or shown twice; the job itself goes on, as it runs under setsid on the host.
/// Blocking: run it on the host's worker thread.
class JobRunner
{
    Q_DECLARE_TR_FUNCTIONS(JobRunner)

public:
    using TransportFactory = std::function<std::unique_ptr<Transport>()>;

    JobRunner(HostProfile host, TransportFactory connect);

    Result<QString> start(const QStringList& toolArguments);
    /// Follows job @p id from @p fromOffset until it ends; @p onLog gets the log's bytes in order.
    Result<JobStatus> follow(const QString& id, qint64 fromOffset, const std::function<void(QByteArrayView)>& onLog,
        const std::atomic_bool* cancel = nullptr);
    Result<JobStatus> status(const QString& id);
    /// Stops job @p id on the host (`job cancel`; the host tool refuses jobs that must not stop halfway).
    /// Returns true when it was stopped, false when it had already ended.
    Result<bool> cancel(const QString& id);

    int maxReconnects = 20;
    int reconnectDelayMs = 1000;

private:
    Result<Transport*> transport();

    HostProfile m_host;
    TransportFactory m_connect;
    std::unique_ptr<Transport> m_transport;
};

} // namespace dr
