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

int Proof::levelRank(const QString& levelId)
{
    static const QStringList weakestFirst { QStringLiteral("exists"), QStringLiteral("checksum"),
        QStringLiteral("read-through"), QStringLiteral("integrity"), QStringLiteral("deep") };
    return int(weakestFirst.indexOf(levelId));
}

QString Proof::levelFromMethod(const QString& method)
{
    const QStringList checks = method.split(u'+', Qt::SkipEmptyParts);
    auto has = [&](const char* prefix) {
        return std::any_of(checks.cbegin(), checks.cend(),
            [prefix](const QString& check) { return check.startsWith(QLatin1String(prefix)); });
    };
    if (has("deep"))
        return QStringLiteral("deep");
    if (has("pg-dump") || has("sqlite"))
        return QStringLiteral("integrity");
    if (has("tar") || has("gzip") || has("openssl") || has("aes") || has("rdb"))
        return QStringLiteral("read-through");
    if (has("sha256"))
        return QStringLiteral("checksum");
    return {};
}

Proof Proof::of(const BackupRecord& record, const QDateTime& now, int intervalDays)
{
    Proof proof;
    proof.provenAt = record.provenAt;
    proof.level = record.provenLevel;
    // The newest verdict decides: a check that could not run afterwards neither clears nor renews it.
    const VerifyState verdict = record.verdict == VerifyState::Unverified ? record.verifyState : record.verdict;
    if (verdict == VerifyState::Failed)
        proof.state = ProofState::Failed;
    else if (!record.provenAt.isValid())
        proof.state = ProofState::Unverified;
    else if (const qint64 age = record.provenAt.secsTo(now); age > qint64(intervalDays) * 86'400)
        proof.state = ProofState::Stale;
    else if (age < -clockAheadToleranceSeconds)
        proof.state = ProofState::Stale; // stamped by a clock that runs ahead: its age is unknown, never fresh
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

void ProofCoverage::add(const BackupRecord& backup, const QDateTime& now, int intervalDays)
{
    if (!backup.present || backup.time < now.addDays(-days) || backup.time > now)
        return;
    ++backups;
    const Proof proof = Proof::of(backup, now, intervalDays);
    proven += proof.counts() ? 1 : 0;
    failed += proof.state == ProofState::Failed ? 1 : 0;
}

ProofCoverage ProofCoverage::of(const QList<BackupRecord>& backups, const QDateTime& now, int intervalDays, int days)
{
    ProofCoverage coverage;
    coverage.days = days;
    for (const BackupRecord& record : backups)
        coverage.add(record, now, intervalDays);
    return coverage;
}

} // namespace dr
