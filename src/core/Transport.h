#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dr {

/// What the log dock shows: every command the console runs on a host, and its output.
enum class LogKind { Info, Command, Stdout, Stderr, Error };
using LogSink = std::function<void(LogKind kind, const QString& text)>;

struct RunOptions
{
    /// Called on the transport's thread for each chunk as it arrives.
    std::function<void(QByteArrayView chunk, bool isStderr)> onOutput;
    const std::atomic_bool* cancel = nullptr;
    /// No output for this long ends the command with Error::Code::Timeout (0: no limit).
    int idleTimeoutMs = 60'000;
    /// Whole command limit (0: no limit).
    int totalTimeoutMs = 0;
    /// Bytes written to the command's standard input, which is then closed (empty: no input).
    QByteArray stdinData;
    /// Keep stdout in RunResult::out (off for streaming of large output).
    bool collectStdout = true;
    /// Send output to the log sink line by line (off for binary protocol output).
    bool logOutput = true;
};

/// How a file is fetched from a host (SshTransport: pipelined SFTP reads).
struct DownloadOptions
{
    const std::atomic_bool* cancel = nullptr;
    /// Bytes in the local file so far (resumed bytes included) and the file's size; on the transport's thread.
    std::function<void(qint64 done, qint64 total)> progress;
    /// A connection lost during the download is opened again this many times, continuing where it stopped.
    int reconnectAttempts = 3;
    int reconnectDelayMs = 1000;
};

struct DownloadResult
{
    qint64 size = 0; ///< of the finished local file
    qint64 resumedFrom = 0; ///< bytes already there from an earlier, interrupted download
    /// The file's modification time on the host (seconds since the epoch) when its size was read: what the copy is.
    qint64 modifiedSeconds = -1;
    qint64 durationMs = 0;
    int reconnects = 0;
};

struct RunResult
{
    int exitStatus = -1;
    QByteArray out;
    QByteArray err;
};

/// A way to run host-tool commands on a host: SSH (libssh) or a local process. One transport is used
/// from one thread at a time. Commands are argument lists; a transport that needs a shell line builds it
/// with ShellQuote, never by pasting.
class Transport
{
public:
    virtual ~Transport() = default;

    /// Connects (and authenticates) if not connected yet.
    virtual Result<void> open() = 0;
    virtual bool isOpen() const = 0;
    virtual void close() = 0;
    virtual Result<RunResult> run(const QStringList& argv, const RunOptions& options) = 0;
    /// Copies the host's file `remotePath` (absolute, or relative to the login's home) to `localPath`. The
    /// bytes go to `localPath.part` first, renamed when complete; an existing `.part` is continued, not
    /// restarted, so a download cut off (cancel, lost connection) resumes on the next call.
    virtual Result<DownloadResult> download(
        const QString& remotePath, const QString& localPath, const DownloadOptions& options)
        = 0;
    /// What messages name: "host web1 (admin@10.0.0.5:22)".
    virtual QString describe() const = 0;

    void setLogSink(LogSink sink) { m_log = std::move(sink); }

protected:
    /// What a download stopped by its cancel flag returns, naming the host and the file.
    Error downloadCancelled(const QString& remotePath) const
    {
        return makeError(Error::Code::Cancelled,
            QCoreApplication::translate("Transport", "%1: download of %2 cancelled").arg(describe(), remotePath));
    }
    void log(LogKind kind, const QString& text) const
    {
        if (m_log)
            m_log(kind, text);
    }

private:
    LogSink m_log;
};

} // namespace dr
