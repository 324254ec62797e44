#include "core/Proof.h"

namespace dr {

QString Proof::stateId(ProofState state)
{
    switch (state) {
    case ProofState::Proven:
        return QStringLiteral("proven");
    case ProofState::Stale:
        return QStringLiteral("stale");
    case ProofState::Failed:
        return QStringLiteral("failed");
    case ProofState::Unverified:
        break;
    }
    return QStringLiteral("unverified");
}

QString Proof::stateText(ProofState state)
{
    switch (state) {
    case ProofState::Proven:
        return tr("Proven good");
    case ProofState::Stale:
        return tr("Proof stale");
    case ProofState::Failed:
        return tr("Failed");
    case ProofState::Unverified:
        break;
    }
    return tr("Never verified");
}

QString Proof::levelText(const QString& levelId)
{
    if (levelId == QLatin1String("exists"))
        return tr("exists and size");
    if (levelId == QLatin1String("checksum"))
        return tr("checksum");
    if (levelId == QLatin1String("read-through"))
        return tr("archive/decrypt read-through");
    if (levelId == QLatin1String("integrity"))
        return tr("integrity check");
    if (levelId == QLatin1String("deep"))
        return tr("deep restore");
    if (levelId == QLatin1String("none"))
        return tr("nothing proven");
    return levelId.isEmpty() ? tr("level not recorded") : levelId;
}

Proof Proof::of(const BackupRecord& record, const QDateTime& now, int intervalDays)
{
    Proof proof;
    proof.provenAt = record.provenAt;
    proof.level = record.provenLevel;
    if (record.verifyState == VerifyState::Failed)
        proof.state = ProofState::Failed;
    else if (!record.provenAt.isValid())
        proof.state = ProofState::Unverified;
    else if (record.provenAt.secsTo(now) > qint64(intervalDays) * 86'400)
        proof.state = ProofState::Stale;
    else
        proof.state = ProofState::Proven;
    return proof;
}

QString ProofCoverage::text() const
{
    if (backups == 0)
        return tr("no backups in the last %n day(s)", nullptr, days);
    return tr("%1 % of the last %n days' backups proven (%2 of %3)", nullptr, days)
        .arg(percent())
        .arg(proven)
        .arg(backups);
}

ProofCoverage ProofCoverage::of(const QList<BackupRecord>& backups, const QDateTime& now, int intervalDays, int days)
{
    ProofCoverage coverage;
    coverage.days = days;
    const QDateTime since = now.addDays(-days);
    for (const BackupRecord& record : backups) {
        if (!record.present || record.time < since || record.time > now)
            continue;
        ++coverage.backups;
        const Proof proof = Proof::of(record, now, intervalDays);
        coverage.proven += proof.counts() ? 1 : 0;
        coverage.failed += proof.state == ProofState::Failed ? 1 : 0;
    }
    return coverage;
}

} // namespace dr
