#include "remote/ConnectOptions.h"
#include "remote/LocalTransport.h"
#include "remote/SshTransport.h"

#include <QDir>
#include <QStandardPaths>

namespace dr {

QString defaultAppKnownHostsFile()
{
    const QString fromEnvironment = qEnvironmentVariable("DRCONSOLE_KNOWN_HOSTS");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/known_hosts");
}

QString defaultUserKnownHostsFile()
{
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

std::unique_ptr<Transport> makeTransport(const HostProfile& host, const ConnectOptions& options)
{
    if (host.transport == HostProfile::Transport::Local)
        return std::make_unique<LocalTransport>(host);
    return std::make_unique<SshTransport>(host, options);
}

} // namespace dr
