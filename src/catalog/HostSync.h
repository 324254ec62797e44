#pragma once

#include "catalog/Catalog.h"
#include "core/Transport.h"

namespace dr {

/// One sync of one host: a single command on the host (listing, tool version, new catalog lines),
/// then the local catalog is brought up to date in one transaction. Records the error on the host's
/// state and in the audit log when it fails. Blocking: run it off the GUI thread.
Result<SyncOutcome> syncHost(
    Catalog& catalog, const HostProfile& host, Transport& transport, const std::atomic_bool* cancel = nullptr);

/// What "verify latest" verifies, after a sync (a backup made since the last one counts): the newest backup of each
/// component in each folder of the host's profile (BackupRecord::newestOfEachComponent). The host tool's own
/// "latest" sees only its BACKUP_DIR. No backups at all is an error (NotFound).
Result<QList<BackupRecord>> newestBackupsAfterSync(
    Catalog& catalog, const HostProfile& host, Transport& transport, const std::atomic_bool* cancel = nullptr);

} // namespace dr
