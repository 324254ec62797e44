#pragma once

#include "core/BackupRecord.h"
#include "core/CatalogLog.h"
#include "core/HostProfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace dr {

/// Knobs of the judgement; defaults follow the seed and DESIGN.md. All times UTC.
struct ComplianceSettings
{
    QDateTime now;
    QDateTime windowStart; ///< compliance share is computed over [windowStart, windowEnd]
    QDateTime windowEnd;
    double complianceGoal = 0.99; ///< share of the window at or under target for "compliant"
    int verificationIntervalDays = 7; ///< a proof older than this is stale (counts as unverified)
    int retentionLocalDays = 30;
    int retentionRemoteDays = 90;
    int monthlyTestDays = 31; ///< monthly recovery test
    int quarterlyDrillDays = 92; ///< quarterly full drill
    double sizeAnomalyRatio = 0.5; ///< smaller than this share of the component's usual size
    qint64 sizeAbsoluteMinimum = 0; ///< the seed's absolute alert (1 MB there); 0 = relative check only
    int clockSkewToleranceSeconds = 300;

    /// Settings for a window of @p days ending at @p now.
    static ComplianceSettings lastDays(const QDateTime& now, int days);
};

/// A maximal interval where RPO exposure exceeded its target.
struct RpoViolation
{
    QDateTime start;
    QDateTime end;
    /// Largest exposure inside; -1 when there was no backup at all before it (unprotected).
    qint64 worstExposureSeconds = 0;
    bool ongoing = false; ///< still open at the window's end
};

/// RPO exposure of one series of backup finish times against one target, over one window.
struct RpoAnalysis
{
    qint64 targetSeconds = 0;
    double compliance = 0.0; ///< share of the window with exposure <= target, 0..1
    qint64 currentExposureSeconds = -1; ///< -1: no backup at or before now
    QDateTime lastBackup;
    QDateTime breachAt; ///< when exposure crosses the target without a new backup (past: in breach)
    QList<RpoViolation> violations;

    bool inBreach() const { return currentExposureSeconds < 0 || currentExposureSeconds > targetSeconds; }
};

/// The core computation: @p finishTimes sorted ascending, all <= settings.now. O(n) after sorting.
RpoAnalysis analyzeRpo(const QList<QDateTime>& finishTimes, qint64 targetSeconds, const QDateTime& windowStart,
    const QDateTime& windowEnd, const QDateTime& now);

struct SizeAnomaly
{
    QString path;
    QDateTime time;
    qint64 size = 0;
    qint64 usualSize = 0; ///< median of the component's previous backups of the same kind
};

struct ComponentCompliance
{
    QString component;
    QString scenario; ///< whose RPO target applies
    RpoAnalysis rpo;
    RpoAnalysis verifiedRpo; ///< counting only backups whose last verification passed and is not stale
    int backupsInWindow = 0;
    int provenInWindow = 0; ///< passed, fresh verification
    int failedVerifications = 0; ///< in the window
    int failedBackups = 0; ///< backup_failed events in the window
    int futureBackups = 0; ///< stamped after now + tolerance: clock skew, not trusted
    QList<SizeAnomaly> sizeAnomalies;
    int tooOldLocal = 0; ///< still on the host past local retention
    QList<QDate> missingDays; ///< days of the last retention period without a backup
    int fullBackupsWithoutRemoteCopy = 0;
    /// Days of the remote retention period (90 days) without a remote copy of this component, counted from
    /// its first remote copy; empty when nothing was ever copied (the 3-2-1 finding covers that).
    QList<QDate> missingRemoteDays;
    bool missedBackup = false; ///< the usual cadence says one should have arrived by now
    qint64 usualIntervalSeconds = 0;

    double verificationCoverage() const { return backupsInWindow ? double(provenInWindow) / backupsInWindow : 0.0; }
};

struct RtoMeasurement
{
    QDateTime time;
    QString scenario;
    QString kind; ///< restore or drill
    qint64 durationSeconds = 0;
    bool succeeded = true;
};

struct RtoFinding
{
    QString scenario;
    qint64 targetSeconds = 0;
    QList<RtoMeasurement> measurements; ///< oldest first
    std::optional<RtoMeasurement> newest() const
    {
        return measurements.isEmpty() ? std::nullopt : std::optional(measurements.last());
    }
    bool met() const
    {
        return !measurements.isEmpty() && measurements.last().succeeded
            && measurements.last().durationSeconds <= targetSeconds;
    }
};

struct ScheduleFinding
{
    bool known = false; ///< the crontab was read
    bool dailyBackup = false;
    bool weeklyCleanup = false;
    bool dailyVerify = false;
    bool ok() const { return known && dailyBackup && weeklyCleanup && dailyVerify; }
};

/// The verdict on a host, and everything behind it.
struct HostCompliance
{
    Q_DECLARE_TR_FUNCTIONS(HostCompliance)

public:
    enum class Verdict { Compliant, AtRisk, NonCompliant };

    QString host;
    Verdict verdict = Verdict::NonCompliant;
    QStringList reasons; ///< why not compliant / at risk, one line each, for people
    QList<ComponentCompliance> components;
    QList<RtoFinding> rto;
    QDateTime lastRecoveryTest; ///< any restore or drill
    QDateTime lastFullDrill; ///< complete-system-failure drill
    bool monthlyTestOverdue = true;
    bool quarterlyDrillOverdue = true;
    qint64 effectiveExposureSeconds = -1; ///< the recovery set: the worst component
    qint64 componentSkewSeconds = 0; ///< newest minus oldest "last backup" among components
    ScheduleFinding schedule;

    static QString verdictId(Verdict verdict);
    QJsonObject toJson() const;
};

/// "45 s", "12 min", "2 h 10 min", "3 days" (or "never" for a negative value): how durations read everywhere.
QString formatDuration(qint64 seconds);

/// RPO target (seconds) that applies to a component, and the scenario it comes from: databases follow
/// "database corruption", files and configuration "complete system failure".
QString scenarioForComponent(const QString& component);

/// Reads a crontab for the seed's schedule: backup daily, cleanup weekly, verify daily.
ScheduleFinding checkSchedule(const QString& crontab);

/// Judges one host. @p backups: its catalog rows (present and gone); @p events: its catalog.jsonl events.
HostCompliance evaluateHost(const HostProfile& host, const QList<BackupRecord>& backups,
    const QList<CatalogEvent>& events, const std::optional<QString>& crontab, const ComplianceSettings& settings);

} // namespace dr
