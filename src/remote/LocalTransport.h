#pragma once

#include "core/HostProfile.h"
#include "core/Transport.h"

#include <QCoreApplication>

namespace dr {

/// Runs commands as local processes (the demo host, and hosts reached by a mounted folder). Blocking:
/// use it off the GUI thread, like every transport.
class LocalTransport final : public Transport
{
    Q_DECLARE_TR_FUNCTIONS(LocalTransport)

public:
    explicit LocalTransport(HostProfile host);

    Result<void> open() override;
    bool isOpen() const override { return true; }
    void close() override { }
    Result<RunResult> run(const QStringList& argv, const RunOptions& options) override;
    Result<DownloadResult> download(
        const QString& remotePath, const QString& localPath, const DownloadOptions& options) override;
    QString describe() const override;

private:
    HostProfile m_host;
};

} // namespace dr
