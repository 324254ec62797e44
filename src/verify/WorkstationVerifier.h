#pragma once

#include "core/BackupRecord.h"
#include "core/HostProfile.h"
#include "core/Transport.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>

namespace dr {

struct WorkstationVerifyRequest
{
    HostProfile host;
    BackupRecord backup; ///< path as the catalog knows it; its sha256 (from the host tool's event) is the reference
    QByteArray key; ///< for `.enc`; memory only
    QString downloadDir; ///< where downloads go (a `.part` stays there for a resume); empty = the user's cache
    bool keepDownload = false;
    /// Also restore: a pg_dump into a throwaway database on `scratchServer`, SQLite tables and rows counted.
    bool deep = false;
    QString scratchServer; ///< "host=... port=... user=..."; DRCONSOLE_SCRATCH_SERVER when empty

    const std::atomic_bool* cancel = nullptr;
    /// stage is "download" or "verify"; bytes done of total. On the calling thread.
    std::function<void(const QString& stage, qint64 done, qint64 total)> progress;
};

/// Verification on this workstation: a local host's file is read where it is; an SSH host's file is first
/// downloaded over SFTP (resumable) with its `.sha256` sidecar, then verified in one pass by BackupVerifier.
/// The result names the backup by its path on the host. Never a pass unless the checks ran and passed.
class WorkstationVerifier
{
    Q_DECLARE_TR_FUNCTIONS(WorkstationVerifier)

public:
    static VerificationEntry verify(Transport& transport, const WorkstationVerifyRequest& request);
    /// The backup's path as the host's SFTP server resolves it (absolute, or relative to the login's home).
    static QString remotePath(const HostProfile& host, const QString& path);
    static QString defaultDownloadDir();
};

} // namespace dr
