#pragma once

#include "core/BackupRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace dr {

/// Whether a backup is proven good now. A proof expires: older than the host's verification interval it is
/// stale and counts as unverified. A newer failed verification outweighs an older pass.
enum class ProofState { Proven, Stale, Failed, Unverified };

struct Proof
{
    Q_DECLARE_TR_FUNCTIONS(Proof)

public:
    ProofState state = ProofState::Unverified;
    QDateTime provenAt; ///< the newest pass, if any
    QString level; ///< of that pass

    /// A proof stamped further ahead than this came from a clock running ahead: its age is unknown.
    static constexpr qint64 clockAheadToleranceSeconds = 3600;

    bool counts() const { return state == ProofState::Proven; }
    /// "proven", "stale", "failed", "unverified": what JSON and filters use.
    static QString stateId(ProofState state);
    /// For people: "Proven good", "Proof stale", ...
    static QString stateText(ProofState state);
    /// "checksum", "integrity", ... for people.
    static QString levelText(const QString& levelId);
    /// 0 for "exists" up to 4 for "deep"; -1 for none or an unknown level. For sorting by strength.
    static int levelRank(const QString& levelId);

    static Proof of(const BackupRecord& record, const QDateTime& now, int intervalDays);
    /// The level a passed verification reached, read from its method ("gzip+tar-list" -> read-through), for
    /// results recorded before verifications carried their level. Empty when the method says nothing.
    static QString levelFromMethod(const QString& method);
};

/// "N % of the last 30 days' backups proven": the backups made in the window and how many have a fresh proof.
struct ProofCoverage
{
    Q_DECLARE_TR_FUNCTIONS(ProofCoverage)

public:
    int backups = 0;
    int proven = 0;
    int failed = 0;
    int days = 30;

    int percent() const { return backups ? int(qint64(proven) * 100 / backups) : 0; }
    /// "87 % of the last 30 days' backups proven (26 of 30)"; "no backups in the last 30 days".
    QString text() const;

    /// Counts one backup in (when it is present and was made in the window ending at @p now).
    void add(const BackupRecord& backup, const QDateTime& now, int intervalDays);

    static ProofCoverage of(const QList<BackupRecord>& backups, const QDateTime& now, int intervalDays, int days = 30);
};

} // namespace dr
