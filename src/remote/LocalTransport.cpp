#include "remote/LocalTransport.h"

#include "core/ShellQuote.h"
#include "remote/PartialDownload.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace dr {

LocalTransport::LocalTransport(HostProfile host)
    : m_host(std::move(host))
{ }

Result<void> LocalTransport::open()
{
    if (!QDir(m_host.baseDir).exists())
        return makeError(
            Error::Code::NotFound, tr("Host %1: the folder %2 does not exist").arg(m_host.name, m_host.baseDir));
    return {};
}

QString LocalTransport::describe() const
{
    return tr("host %1 (%2)").arg(m_host.name, m_host.displayAddress());
}

Result<RunResult> LocalTransport::run(const QStringList& argv, const RunOptions& options)
{
    if (argv.isEmpty())
        return makeError(Error::Code::InvalidInput, tr("No command given for %1").arg(describe()));
    if (auto line = ShellQuote::command(argv); !line)
        return line.error();
    log(LogKind::Command, ShellQuote::display(argv));

    QProcess process;
    process.setProgram(argv.first());
    process.setArguments(argv.mid(1));
    if (options.stdinData.isEmpty())
        process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(10'000))
        return makeError(Error::Code::RemoteCommandFailed, tr("%1: cannot start %2").arg(describe(), argv.first()),
            process.errorString());
    if (!options.stdinData.isEmpty()) {
        process.write(options.stdinData);
        process.closeWriteChannel();
    }

    RunResult result;
    QByteArray pendingLines[2];
    auto consume = [&](bool isStderr) {
        const QByteArray chunk = isStderr ? process.readAllStandardError() : process.readAllStandardOutput();
        if (chunk.isEmpty())
            return false;
        if (options.onOutput)
            options.onOutput(chunk, isStderr);
        if (isStderr)
            result.err += chunk;
        else if (options.collectStdout)
            result.out += chunk;
        if (options.logOutput) {
            QByteArray& pending = pendingLines[isStderr ? 1 : 0];
            pending += chunk;
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                log(isStderr ? LogKind::Stderr : LogKind::Stdout, QString::fromUtf8(pending.left(newline)));
                pending.remove(0, newline + 1);
            }
        }
        return true;
    };

    QElapsedTimer total;
    total.start();
    QElapsedTimer idle;
    idle.start();
    bool finished = false;
    while (!finished) {
        finished = process.waitForFinished(50);
        const bool gotOutput = consume(false) | consume(true);
        if (gotOutput)
            idle.restart();
        if (finished)
            break;
        const bool cancelled = options.cancel && options.cancel->load();
        const bool idleExpired = options.idleTimeoutMs > 0 && idle.elapsed() > options.idleTimeoutMs;
        const bool totalExpired = options.totalTimeoutMs > 0 && total.elapsed() > options.totalTimeoutMs;
        if (cancelled || idleExpired || totalExpired) {
            process.kill();
            process.waitForFinished(5'000);
            if (cancelled)
                return makeError(Error::Code::Cancelled, tr("%1: %2 was cancelled").arg(describe(), argv.first()));
            return makeError(Error::Code::Timeout,
                tr("%1: %2 gave no answer for %3 s and was stopped")
                    .arg(describe(), argv.first())
                    .arg((idleExpired ? options.idleTimeoutMs : options.totalTimeoutMs) / 1000));
        }
    }
    for (int stream = 0; stream < 2; ++stream) {
        if (options.logOutput && !pendingLines[stream].isEmpty())
            log(stream ? LogKind::Stderr : LogKind::Stdout, QString::fromUtf8(pendingLines[stream]));
    }
    if (process.exitStatus() == QProcess::CrashExit)
        return makeError(Error::Code::RemoteCommandFailed, tr("%1: %2 crashed").arg(describe(), argv.first()));
    result.exitStatus = process.exitCode();
    return result;
}

Result<DownloadResult> LocalTransport::download(
    const QString& remotePath, const QString& localPath, const DownloadOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    QFile source(QDir(m_host.baseDir).absoluteFilePath(remotePath));
    if (!source.open(QIODevice::ReadOnly))
        return makeError(
            Error::Code::NotFound, tr("%1: cannot read %2").arg(describe(), source.fileName()), source.errorString());
    const qint64 total = source.size();
    DownloadResult result;
    result.modifiedSeconds = QFileInfo(source).lastModified().toSecsSinceEpoch();
    PartialDownload target(localPath);
    const auto offset = target.open(total, QStringLiteral("%1 %2").arg(total).arg(result.modifiedSeconds));
    if (!offset)
        return offset.error();
    result.resumedFrom = *offset;
    source.seek(*offset);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    while (target.size() < total) {
        if (options.cancel && options.cancel->load()) {
            target.keepForResume();
            return downloadCancelled(remotePath);
        }
        const qint64 got = source.read(buffer.data(), buffer.size());
        if (got <= 0) {
            target.keepForResume();
            return makeError(Error::Code::Io, tr("%1: %2 ended early or could not be read").arg(describe(), remotePath),
                source.errorString());
        }
        if (auto written = target.append(buffer.constData(), got); !written)
            return written.error();
        if (options.progress)
            options.progress(target.size(), total);
    }
    if (auto finished = target.finish(); !finished)
        return finished.error();
    result.size = total;
    result.durationMs = timer.elapsed();
    return result;
}

} // namespace dr
