#include "verify/WorkstationVerifier.h"

#include "verify/BackupVerifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

#include <algorithm>
#include <optional>

namespace dr {

QString WorkstationVerifier::remotePath(const HostProfile& host, const QString& path)
{
    if (QDir::isAbsolutePath(path) || host.baseDir.isEmpty())
        return path;
    return host.baseDir + u'/' + path;
}

QString WorkstationVerifier::defaultDownloadDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/downloads");
}

VerificationEntry WorkstationVerifier::verify(Transport& transport, const WorkstationVerifyRequest& request)
{
    VerificationEntry entry;
    entry.path = request.backup.path;
    entry.component = request.backup.component;
    entry.place = QStringLiteral("workstation");
    entry.level = QStringLiteral("none");
    QElapsedTimer timer;
    timer.start();
    auto finish = [&](VerifyState state, const QString& reason) {
        entry.state = state;
        entry.reason = reason;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.durationMs = timer.elapsed();
        return entry;
    };

    const bool listed = request.backup.id > 0; // from the catalog, not a name given by hand
    QString localPath;
    QString remote;
    qint64 resumedFrom = 0;
    qint64 modifiedSeconds = -1; ///< of the file as it was read: the verification is of these bytes
    QStringList details; ///< the download, deep counts and warnings, joined into entry.details
    std::optional<QLockFile> downloadLock;
    // Downloads the backup (continuing a kept .part when it may); an error is returned as the entry to give back.
    auto download = [&]() -> std::optional<VerificationEntry> {
        DownloadOptions options;
        options.cancel = request.cancel;
        if (request.progress)
            options.progress
                = [&](qint64 done, qint64 total) { request.progress(QStringLiteral("download"), done, total); };
        const auto fetched = transport.download(remote, localPath, options);
        if (!fetched) {
            const Error& error = fetched.error();
            // A backup that is gone is not restorable: that is a finding, not a failure to check. A name that was
            // never listed is no backup at all.
            if (error.code == Error::Code::NotFound && listed)
                return finish(VerifyState::Failed,
                    tr("%1 vanished from %2 before it could be downloaded: %3")
                        .arg(request.backup.path, request.host.name, error.message));
            if (error.code == Error::Code::NotFound)
                return finish(VerifyState::Error,
                    tr("%1 has no file %2, and the catalog no backup of that name")
                        .arg(request.host.name, request.backup.path));
            return finish(VerifyState::Error,
                tr("Could not download %1 from %2: %3").arg(request.backup.path, request.host.name, error.fullText()));
        }
        resumedFrom = fetched->resumedFrom;
        modifiedSeconds = fetched->modifiedSeconds;
        details.append(
            tr("downloaded over SFTP: %1 MB in %2 s%3")
                .arg(double(fetched->size) / 1e6, 0, 'f', 1)
                .arg(double(fetched->durationMs) / 1000.0, 0, 'f', 1)
                .arg(fetched->resumedFrom > 0 ? tr(", resumed at byte %1").arg(fetched->resumedFrom) : QString()));
        // The host's sidecar, when it has one, is the reference for a backup the host tool did not record.
        QFile::remove(localPath + QStringLiteral(".sha256"));
        (void)transport.download(remote + QStringLiteral(".sha256"), localPath + QStringLiteral(".sha256"), {});
        return std::nullopt;
    };
    if (request.host.transport == HostProfile::Transport::Local) {
        localPath = QDir::isAbsolutePath(request.backup.path)
            ? request.backup.path
            : QDir(request.host.baseDir).filePath(request.backup.path);
        if (const QFileInfo file(localPath); file.exists())
            modifiedSeconds = file.lastModified().toSecsSinceEpoch();
    } else {
        remote = remotePath(request.host, request.backup.path);
        // One folder per backup, the file keeping its name: the verifier reads the kind of file from it.
        const QString folder = (request.downloadDir.isEmpty() ? defaultDownloadDir() : request.downloadDir) + u'/'
            + request.host.name + u'/'
            + QString::fromLatin1(
                QCryptographicHash::hash(request.backup.path.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
        localPath = folder + u'/' + request.backup.fileName();
        // Two verifications of one backup at once would write and remove the same copy.
        const QString parent = QFileInfo(folder).absolutePath();
        if (!QDir().mkpath(parent))
            return finish(VerifyState::Error, tr("Cannot create the download folder %1").arg(parent));
        downloadLock.emplace(folder + QStringLiteral(".lock"));
        downloadLock->setStaleLockTime(0); // a lock whose process is gone is taken over, however long it ran
        if (!downloadLock->tryLock(0))
            return finish(VerifyState::Error,
                downloadLock->error() == QLockFile::LockFailedError
                    ? tr("%1 from %2 is being verified on this workstation already; try again when that has finished")
                          .arg(request.backup.path, request.host.name)
                    : tr("Cannot write in the download folder %1 (no permission, or the disk is full)").arg(parent));
        if (auto failed = download())
            return *failed;
    }

    // The finished copy is removed once it was checked, on every way out (a cut download keeps its .part instead).
    auto dropDownload = [&] {
        if (remote.isEmpty() || request.keepDownload)
            return;
        QFile::remove(localPath);
        QFile::remove(localPath + QStringLiteral(".sha256"));
        const QString folder = QFileInfo(localPath).absolutePath();
        QDir().rmdir(folder);
        downloadLock.reset(); // its file is in the host's folder, which goes too when nothing else is in it
        QDir().rmdir(QFileInfo(folder).absolutePath());
    };

    VerifyRequest check;
    check.path = localPath;
    check.expectedSha256 = request.backup.sha256;
    check.expectedSize = request.backup.size;
    check.listed = listed;
    check.key = request.key;
    check.cancel = request.cancel;
    if (request.deep) {
        check.level = VerifyLevel::Deep;
        check.scratchServer = request.scratchServer.isEmpty() ? qEnvironmentVariable("DRCONSOLE_SCRATCH_SERVER")
                                                              : request.scratchServer;
    }
    if (request.progress)
        check.progress = [&](qint64 done, qint64 total) { request.progress(QStringLiteral("verify"), done, total); };
    VerifyReport report = BackupVerifier::verify(check);
    // Bytes kept from an earlier, cut download were read from the file as it was then. A verdict on a resumed
    // copy holds only if the copy is the host's file now: sha256sum there says so, else it is fetched again whole.
    if (resumedFrom > 0 && (report.state == VerifyState::Passed || report.state == VerifyState::Failed)) {
        RunOptions sumOptions;
        sumOptions.cancel = request.cancel;
        // sha256sum prints nothing until it is through the file: allow for a slow disk, 20 MB/s.
        sumOptions.idleTimeoutMs = int(std::min<qint64>(60'000 + QFileInfo(localPath).size() / 20'000, 7'200'000));
        const auto hostSum = transport.run({ QStringLiteral("sha256sum"), QStringLiteral("--"), remote }, sumOptions);
        if (!hostSum && hostSum.error().code == Error::Code::Cancelled) {
            dropDownload();
            return finish(VerifyState::Error, hostSum.error().message);
        }
        QByteArray line = hostSum && hostSum->exitStatus == 0 ? hostSum->out : QByteArray();
        if (line.startsWith('\\'))
            line.remove(0, 1); // sha256sum's escaped-name form
        if (report.sha256.isEmpty() || line.left(64) != report.sha256.toLatin1()) {
            // Either way the resumed bytes are not confirmed: fetch the file whole and verify that.
            details.append(line.isEmpty()
                    ? tr("the copy resumed at byte %1 could not be checked against the file on %2 (%3); downloaded "
                         "again whole")
                          .arg(resumedFrom)
                          .arg(request.host.name,
                              hostSum ? QString::fromUtf8(hostSum->err).trimmed() : hostSum.error().message)
                    : tr("the copy resumed at byte %1 did not match the file on %2 now; downloaded again whole")
                          .arg(resumedFrom)
                          .arg(request.host.name));
            QFile::remove(localPath);
            if (auto failed = download())
                return *failed;
            report = BackupVerifier::verify(check);
        }
    }
    dropDownload();
    entry.level = report.levelId();
    entry.keyRejected = report.keyRejected;
    entry.method = report.method;
    entry.sha256 = report.sha256;
    entry.size = report.bytesRead;
    entry.modified = modifiedSeconds;
    entry.entries = report.entries > 0 ? report.entries : -1; // only archives have entries
    entry.tables = report.tables;
    entry.rows = report.rows;
    if (report.tables >= 0)
        details.append(VerificationEntry::countsText(report.tables, report.rows));
    details.append(report.warnings);
    entry.details = details.join(QStringLiteral("; "));
    QString reason = report.reason;
    if (!remote.isEmpty())
        reason.replace(localPath, request.host.name + u':' + request.backup.path);
    return finish(report.state, reason);
}

} // namespace dr
