#pragma once

#include "catalog/Catalog.h"
#include "core/Compliance.h"

namespace dr {

/// Judges one host from what the catalog holds (backups, catalog events, the crontab read at the last sync).
Result<HostCompliance> judgeHost(Catalog& catalog, const HostProfile& host, const ComplianceSettings& settings);

/// Everything the host charts draw, loaded once.
struct HostHistory
{
    HostProfile host;
    QList<BackupRecord> backups;
    QList<CatalogEvent> events;
    HostCompliance verdict;
};
Result<HostHistory> loadHostHistory(Catalog& catalog, const QString& hostName, const ComplianceSettings& settings);

} // namespace dr
