#include "catalog/HostSync.h"

#include <QCoreApplication>

namespace dr {

namespace {
struct HostSyncText
{
    Q_DECLARE_TR_FUNCTIONS(HostSync)
};
} // namespace

Result<SyncOutcome> syncHost(
    Catalog& catalog, const HostProfile& host, Transport& transport, const std::atomic_bool* cancel)
{
    auto failed = [&](const Error& error) -> Result<SyncOutcome> {
        (void)catalog.recordHostError(host.id, error.fullText());
        (void)catalog.audit(QStringLiteral("sync"), host.name, error.fullText(), QStringLiteral("failed"));
        return error;
    };
    auto state = catalog.hostState(host.id);
    if (!state)
        return failed(state.error());
    if (auto opened = transport.open(); !opened)
        return failed(opened.error());

    RunOptions options;
    options.logOutput = false; // NUL-separated records: the log gets a summary instead
    options.cancel = cancel;
    options.idleTimeoutMs = 60'000;
    auto run = transport.run(SyncProtocol::command(host, state->cursor), options);
    if (!run)
        return failed(run.error());
    if (!run->err.isEmpty()) {
        // find reports unreadable folders here; the listing of the rest stands.
        (void)catalog.audit(
            QStringLiteral("sync"), host.name, QString::fromUtf8(run->err).trimmed(), QStringLiteral("warning"));
    }
    auto snapshot = SyncProtocol::parse(run->out, host.name);
    if (!snapshot) {
        Error error = snapshot.error();
        if (!run->err.isEmpty())
            error.detail = QString::fromUtf8(run->err).trimmed();
        return failed(error);
    }
    auto outcome = catalog.applySync(host, *snapshot);
    if (!outcome)
        return failed(outcome.error());
    if (!run->err.isEmpty())
        outcome->problems.append(
            HostSyncText::tr("Host %1 reported: %2").arg(host.name, QString::fromUtf8(run->err).trimmed()));
    (void)catalog.audit(QStringLiteral("sync"), host.name,
        HostSyncText::tr("%1 new, %2 changed, %3 gone, %4 new catalog events%5")
            .arg(outcome->added)
            .arg(outcome->updated)
            .arg(outcome->removed)
            .arg(outcome->newEvents)
            .arg(outcome->unchangedListing ? HostSyncText::tr(" (folders unchanged)") : QString()),
        QStringLiteral("ok"));
    return outcome;
}

Result<QList<BackupRecord>> newestBackupsAfterSync(
    Catalog& catalog, const HostProfile& host, Transport& transport, const std::atomic_bool* cancel)
{
    if (auto synced = syncHost(catalog, host, transport, cancel); !synced)
        return synced.error();
    auto records = catalog.backups(host.id);
    if (!records)
        return records.error();
    QList<BackupRecord> newest = BackupRecord::newestOfEachComponent(*records);
    if (newest.isEmpty())
        return makeError(Error::Code::NotFound, HostSyncText::tr("Host %1 has no backups to verify").arg(host.name));
    return newest;
}

} // namespace dr
