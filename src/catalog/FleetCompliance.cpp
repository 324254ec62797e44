#include "catalog/FleetCompliance.h"

namespace dr {

namespace {
const QStringList judgedEvents { QStringLiteral("backup_failed"), QStringLiteral("remote_copy"),
    QStringLiteral("restore_finished"), QStringLiteral("restore_failed"), QStringLiteral("drill_finished") };
} // namespace

Result<HostCompliance> judgeHost(Catalog& catalog, const HostProfile& host, const ComplianceSettings& settings)
{
    auto backups = catalog.backups(host.id, true);
    if (!backups)
        return backups.error();
    auto events = catalog.events(host.id, judgedEvents);
    if (!events)
        return events.error();
    const auto state = catalog.hostState(host.id);
    return evaluateHost(host, *backups, *events, state ? state->crontab : std::nullopt, settings);
}

Result<HostHistory> loadHostHistory(Catalog& catalog, const QString& hostName, const ComplianceSettings& settings)
{
    auto host = catalog.host(hostName);
    if (!host)
        return host.error();
    HostHistory history;
    history.host = *host;
    auto backups = catalog.backups(host->id, true);
    if (!backups)
        return backups.error();
    history.backups = std::move(*backups);
    auto events = catalog.events(
        host->id, judgedEvents + QStringList { QStringLiteral("backup_finished"), QStringLiteral("verify") });
    if (!events)
        return events.error();
    history.events = std::move(*events);
    const auto state = catalog.hostState(host->id);
    history.verdict
        = evaluateHost(history.host, history.backups, history.events, state ? state->crontab : std::nullopt, settings);
    return history;
}

} // namespace dr
