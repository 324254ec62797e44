#pragma once

#include "core/HostProfile.h"
#include "core/Transport.h"
#include "remote/ConnectOptions.h"

#include <QCoreApplication>

#include <memory>

namespace dr {

/// SSH with libssh (kept out of this header): strict host keys (the console's known_hosts, then ~/.ssh/known_hosts),
/// agent, key file or password authentication, exec with streamed output. One session, used from one thread.
class SshTransport final : public Transport
{
    Q_DECLARE_TR_FUNCTIONS(SshTransport)

public:
    SshTransport(HostProfile host, ConnectOptions options);
    ~SshTransport() override;
    Q_DISABLE_COPY_MOVE(SshTransport)

    Result<void> open() override;
    bool isOpen() const override;
    void close() override;
    Result<RunResult> run(const QStringList& argv, const RunOptions& options) override;
    Result<DownloadResult> download(
        const QString& remotePath, const QString& localPath, const DownloadOptions& options) override;
    QString describe() const override;

    /// The cipher the server sends with ("chacha20-poly1305@openssh.com"), once open.
    QString incomingCipher() const;
    /// The server's key as `ssh-keygen -lf` shows it ("SHA256:..."), known once open() got that far.
    QString hostKeyFingerprint() const;

private:
    Result<void> checkHostKey();
    Result<void> authenticate();
    /// One SFTP session reading from where `target` stands to the end; the first pass opens `target` and
    /// learns the size. A lost connection comes back as Error::Code::Network or Timeout.
    Result<void> sftpPass(const QString& remotePath, class PartialDownload& target, qint64* total, qint64* resumedFrom,
        qint64* modifiedSeconds, const DownloadOptions& options);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace dr
