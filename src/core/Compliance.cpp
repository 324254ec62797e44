#include "core/Compliance.h"

#include "core/BackupFileName.h"
#include "core/Proof.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <climits>

namespace dr {

namespace {

qint64 seconds(qint64 ms)
{
    return ms / 1000;
}

QString isoUtc(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue isoOrNull(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(isoUtc(time)) : QJsonValue();
}

qint64 median(QList<qint64> values)
{
    if (values.isEmpty())
        return 0;
    const auto middle = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

} // namespace

QString formatDuration(qint64 secondsValue)
{
    if (secondsValue < 0)
        return HostCompliance::tr("never");
    if (secondsValue < 120)
        return HostCompliance::tr("%1 s").arg(secondsValue);
    if (secondsValue < 7200)
        return HostCompliance::tr("%1 min").arg(secondsValue / 60);
    if (secondsValue < 3 * 86400)
        return HostCompliance::tr("%1 h %2 min").arg(secondsValue / 3600).arg((secondsValue % 3600) / 60);
    return HostCompliance::tr("%1 days").arg(secondsValue / 86400);
}

ComplianceSettings ComplianceSettings::lastDays(const QDateTime& now, int days)
{
    ComplianceSettings settings;
    settings.now = now.toUTC();
    settings.windowEnd = settings.now;
    settings.windowStart = settings.now.addDays(-days);
    return settings;
}

RpoAnalysis analyzeRpo(const QList<QDateTime>& finishTimes, qint64 targetSeconds, const QDateTime& windowStart,
    const QDateTime& windowEnd, const QDateTime& now)
{
    RpoAnalysis analysis;
    analysis.targetSeconds = targetSeconds;
    const qint64 targetMs = targetSeconds * 1000;
    const qint64 nowMs = now.toMSecsSinceEpoch();

    QList<qint64> times;
    times.reserve(finishTimes.size());
    for (const QDateTime& time : finishTimes)
        times.append(time.toMSecsSinceEpoch());

    // Now: exposure since the newest backup at or before now.
    const auto afterNow = std::upper_bound(times.cbegin(), times.cend(), nowMs);
    if (afterNow != times.cbegin()) {
        const qint64 last = *(afterNow - 1);
        analysis.lastBackup = QDateTime::fromMSecsSinceEpoch(last, Qt::UTC);
        analysis.currentExposureSeconds = seconds(nowMs - last);
        analysis.breachAt = QDateTime::fromMSecsSinceEpoch(last + targetMs, Qt::UTC);
    }

    const qint64 start = windowStart.toMSecsSinceEpoch();
    const qint64 end = std::min(windowEnd.toMSecsSinceEpoch(), nowMs);
    if (end <= start) {
        analysis.compliance = analysis.inBreach() ? 0.0 : 1.0;
        return analysis;
    }

    auto addViolation = [&](qint64 from, qint64 to, qint64 worst) {
        if (to <= from)
            return;
        // With a zero target, violations on either side of a backup touch: one maximal interval.
        if (!analysis.violations.isEmpty() && analysis.violations.last().end.toMSecsSinceEpoch() >= from
            && analysis.violations.last().worstExposureSeconds >= 0) {
            RpoViolation& previous = analysis.violations.last();
            previous.end = QDateTime::fromMSecsSinceEpoch(to, Qt::UTC);
            previous.worstExposureSeconds = std::max(previous.worstExposureSeconds, worst);
            return;
        }
        analysis.violations.append({ QDateTime::fromMSecsSinceEpoch(from, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(to, Qt::UTC), worst, false });
    };

    qint64 compliantMs = 0;
    // Index of the newest backup at or before the window's start.
    qsizetype index = std::upper_bound(times.cbegin(), times.cend(), start) - times.cbegin() - 1;
    qint64 cursor = start;
    if (index < 0) {
        // Unprotected until the first backup inside the window (or the whole window).
        const qint64 firstInWindow = (!times.isEmpty() && times.first() <= end) ? times.first() : end;
        addViolation(start, firstInWindow, -1);
        cursor = firstInWindow;
        index = (!times.isEmpty() && times.first() <= end) ? 0 : -1;
    }
    while (index >= 0 && cursor < end) {
        const qint64 last = times[index];
        const bool nextInWindow = index + 1 < times.size() && times[index + 1] <= end;
        const qint64 segmentEnd = nextInWindow ? times[index + 1] : end;
        const qint64 threshold = last + targetMs;
        compliantMs += std::max<qint64>(0, std::min(segmentEnd, threshold) - cursor);
        const qint64 violationStart = std::max(cursor, threshold);
        if (segmentEnd > violationStart)
            addViolation(violationStart, segmentEnd, seconds(segmentEnd - last));
        cursor = segmentEnd;
        if (!nextInWindow)
            break;
        ++index;
    }
    // A violation reaching a window that ends now is still going on.
    if (!analysis.violations.isEmpty() && analysis.violations.last().end.toMSecsSinceEpoch() == end && end == nowMs)
        analysis.violations.last().ongoing = true;
    analysis.compliance = double(compliantMs) / double(end - start);
    return analysis;
}

QString scenarioForComponent(const QString& component)
{
    static const QSet<QString> databases { QStringLiteral("postgres"), QStringLiteral("sqlite"),
        QStringLiteral("redis") };
    return databases.contains(component) ? QStringLiteral("database-corruption")
                                         : QStringLiteral("complete-system-failure");
}

ScheduleFinding checkSchedule(const QString& crontab)
{
    ScheduleFinding finding;
    finding.known = true;
    static const QRegularExpression fields(
        QStringLiteral("^\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(.*)$"));
    for (const QString& rawLine : crontab.split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || !line.contains(QLatin1String("backup-system.sh")))
            continue;
        QString command;
        bool daily = false;
        bool weekly = false;
        if (line.startsWith(QLatin1String("@daily")) || line.startsWith(QLatin1String("@midnight"))) {
            daily = true;
            command = line.section(u' ', 1);
        } else if (line.startsWith(QLatin1String("@weekly"))) {
            weekly = true;
            command = line.section(u' ', 1);
        } else if (line.startsWith(QLatin1String("@hourly"))) {
            daily = true; // more often than daily
            command = line.section(u' ', 1);
        } else {
            const auto match = fields.match(line);
            if (!match.hasMatch())
                continue;
            const QString dayOfMonth = match.captured(3);
            const QString month = match.captured(4);
            const QString dayOfWeek = match.captured(5);
            command = match.captured(6);
            const bool everyDay = dayOfMonth == u'*' && month == u'*' && dayOfWeek == u'*';
            daily = everyDay;
            weekly = everyDay || (dayOfMonth == u'*' && month == u'*' && dayOfWeek != u'*');
        }
        const QStringList words = command.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        const qsizetype toolIndex = words.indexOf(QRegularExpression(QStringLiteral(".*backup-system\\.sh$")));
        const QString action = toolIndex >= 0 && toolIndex + 1 < words.size() ? words[toolIndex + 1] : QString();
        if (action == QLatin1String("backup") && daily)
            finding.dailyBackup = true;
        else if (action == QLatin1String("cleanup") && weekly)
            finding.weeklyCleanup = true;
        else if (action == QLatin1String("verify") && daily)
            finding.dailyVerify = true;
    }
    return finding;
}

QString HostCompliance::verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Compliant:
        return QStringLiteral("compliant");
    case Verdict::AtRisk:
        return QStringLiteral("at-risk");
    case Verdict::NonCompliant:
        break;
    }
    return QStringLiteral("non-compliant");
}

HostCompliance evaluateHost(const HostProfile& host, const QList<BackupRecord>& backups,
    const QList<CatalogEvent>& events, const std::optional<QString>& crontab, const ComplianceSettings& settings)
{
    HostCompliance result;
    result.host = host.name;
    const QDateTime now = settings.now;
    const QDateTime trustedUntil = now.addSecs(settings.clockSkewToleranceSeconds);
    QStringList serious;
    QStringList warnings;

    auto targetFor = [&](const QString& scenario, bool rto) -> qint64 {
        for (const RecoveryTarget& target : host.targets) {
            if (target.scenario == scenario)
                return rto ? target.rtoSeconds : target.rpoSeconds;
        }
        for (const RecoveryTarget& target : HostProfile::defaultTargets()) {
            if (target.scenario == scenario)
                return rto ? target.rtoSeconds : target.rpoSeconds;
        }
        return 0;
    };

    // Group by component; emergency copies taken before a restore are not part of the schedule.
    QHash<QString, QList<const BackupRecord*>> byComponent;
    for (const BackupRecord& backup : backups) {
        if (backup.component.startsWith(QLatin1String("emergency")) || !backup.time.isValid())
            continue;
        byComponent[backup.component].append(&backup);
    }
    QHash<QString, int> failedByComponent;
    QSet<QString> remotelyCopied;
    QHash<QString, QSet<QDate>> remoteDaysByComponent;
    for (const CatalogEvent& event : events) {
        if (event.event == QLatin1String("backup_failed") && event.time >= settings.windowStart && event.time <= now)
            ++failedByComponent[event.component];
        else if (event.event == QLatin1String("remote_copy") && event.result == QLatin1String("ok")) {
            remotelyCopied.insert(event.file);
            const auto parsed = BackupFileName::parse(event.file.mid(event.file.lastIndexOf(u'/') + 1));
            const QString component = !event.component.isEmpty() ? event.component
                : parsed                                         ? parsed->component
                                                                 : QString();
            remoteDaysByComponent[component].insert(event.time.date());
        }
    }
    for (auto it = failedByComponent.cbegin(); it != failedByComponent.cend(); ++it) {
        if (!byComponent.contains(it.key()))
            byComponent.insert(it.key(), {});
    }

    if (byComponent.isEmpty())
        serious.append(HostCompliance::tr("no backups at all"));

    QStringList componentNames = byComponent.keys();
    std::sort(componentNames.begin(), componentNames.end());
    QDateTime newestLast;
    QDateTime oldestLast;
    for (const QString& name : componentNames) {
        QList<const BackupRecord*> records = byComponent.value(name);
        std::sort(records.begin(), records.end(),
            [](const BackupRecord* a, const BackupRecord* b) { return a->time < b->time; });
        ComponentCompliance component;
        component.component = name;
        component.scenario = scenarioForComponent(name);
        component.failedBackups = failedByComponent.value(name);
        QList<QDateTime> finishTimes;
        QList<QDateTime> verifiedTimes;
        QHash<QString, QList<qint64>> sizesByKind;
        for (const BackupRecord* record : records) {
            if (record->time > trustedUntil) {
                ++component.futureBackups;
                continue;
            }
            finishTimes.append(record->time);
            const bool passed = record->verifyState == VerifyState::Passed;
            if (passed)
                verifiedTimes.append(record->time);
            const bool inWindow = record->time >= settings.windowStart && record->time <= settings.windowEnd;
            if (inWindow) {
                ++component.backupsInWindow;
                if (Proof::of(*record, now, settings.verificationIntervalDays).counts())
                    ++component.provenInWindow;
                if (record->verifyState == VerifyState::Failed)
                    ++component.failedVerifications;
                if ((record->kind == QLatin1String("full") || record->kind.isEmpty())
                    && !remotelyCopied.contains(record->path))
                    ++component.fullBackupsWithoutRemoteCopy;
            }
            // The seed's "too small" alert, relative to this component's usual size for the same kind.
            QList<qint64>& previous = sizesByKind[record->kind];
            const qint64 usual = median(previous.mid(std::max<qsizetype>(0, previous.size() - 10)));
            const bool relativelySmall = previous.size() >= 3 && record->size >= 0
                && double(record->size) < settings.sizeAnomalyRatio * double(usual);
            const bool absolutelySmall
                = settings.sizeAbsoluteMinimum > 0 && record->size >= 0 && record->size < settings.sizeAbsoluteMinimum;
            if (inWindow && (relativelySmall || absolutelySmall))
                component.sizeAnomalies.append({ record->path, record->time, record->size, usual });
            if (record->size >= 0)
                previous.append(record->size);
            if (record->present && record->time.daysTo(now) > settings.retentionLocalDays + 1)
                ++component.tooOldLocal;
        }
        const qint64 rpoTarget = targetFor(component.scenario, false);
        component.rpo = analyzeRpo(finishTimes, rpoTarget, settings.windowStart, settings.windowEnd, now);
        component.verifiedRpo = analyzeRpo(verifiedTimes, rpoTarget, settings.windowStart, settings.windowEnd, now);

        // Cadence: the median of the last ten intervals; a backup that is half a cadence late is missed.
        QList<qint64> intervals;
        for (qsizetype i = std::max<qsizetype>(1, finishTimes.size() - 10); i < finishTimes.size(); ++i)
            intervals.append(finishTimes[i - 1].secsTo(finishTimes[i]));
        component.usualIntervalSeconds = median(intervals);
        if (component.usualIntervalSeconds > 0 && component.rpo.currentExposureSeconds >= 0)
            component.missedBackup
                = component.rpo.currentExposureSeconds > component.usualIntervalSeconds * 3 / 2 + 900;
        // Missing days only make sense for components backed up at least daily.
        if (component.usualIntervalSeconds > 0 && component.usualIntervalSeconds <= 86400 && !finishTimes.isEmpty()) {
            QSet<QDate> days;
            for (const QDateTime& time : finishTimes)
                days.insert(time.date());
            const QDate first = finishTimes.first().date();
            for (int back = settings.retentionLocalDays; back >= 1; --back) {
                const QDate day = now.date().addDays(-back);
                if (day >= first && !days.contains(day))
                    component.missingDays.append(day);
            }
        }

        // Remote retention: every day of the remote period since copies began should have one.
        const QSet<QDate> remoteDays = remoteDaysByComponent.value(name);
        if (!remoteDays.isEmpty()) {
            const QDate firstRemote = *std::min_element(remoteDays.cbegin(), remoteDays.cend());
            for (int back = settings.retentionRemoteDays; back >= 1; --back) {
                const QDate day = now.date().addDays(-back);
                if (day >= firstRemote && !remoteDays.contains(day))
                    component.missingRemoteDays.append(day);
            }
        }

        const QString title = name;
        const RpoAnalysis& rpo = component.rpo;
        if (rpo.currentExposureSeconds < 0)
            serious.append(HostCompliance::tr("%1: no backup").arg(title));
        else if (rpo.inBreach())
            serious.append(
                HostCompliance::tr("%1: last backup %2 ago, target %3")
                    .arg(title, formatDuration(rpo.currentExposureSeconds), formatDuration(rpo.targetSeconds)));
        else if (now.secsTo(rpo.breachAt) < std::max<qint64>(rpo.targetSeconds / 4, 60))
            warnings.append(HostCompliance::tr("%1: breaches its RPO in %2 unless a backup arrives")
                                .arg(title, formatDuration(now.secsTo(rpo.breachAt))));
        if (rpo.compliance < settings.complianceGoal)
            serious.append(HostCompliance::tr("%1: RPO met %2 % of the window (goal %3 %)")
                               .arg(title)
                               .arg(rpo.compliance * 100.0, 0, 'f', 1)
                               .arg(settings.complianceGoal * 100.0, 0, 'f', 1));
        else if (rpo.compliance < 1.0)
            warnings.append(
                HostCompliance::tr("%1: %n RPO violation(s) in the window", nullptr, int(rpo.violations.size()))
                    .arg(title));
        if (!records.isEmpty() && records.last()->verifyState == VerifyState::Failed)
            serious.append(HostCompliance::tr("%1: the newest backup failed verification").arg(title));
        if (component.failedVerifications > 0)
            warnings.append(
                HostCompliance::tr("%1: %n failed verification(s)", nullptr, component.failedVerifications).arg(title));
        if (component.failedBackups > 0)
            warnings.append(HostCompliance::tr("%1: %n failed backup(s)", nullptr, component.failedBackups).arg(title));
        if (component.futureBackups > 0)
            warnings.append(HostCompliance::tr(
                "%1: %n backup(s) stamped in the future (clock skew), not trusted", nullptr, component.futureBackups)
                                .arg(title));
        if (!component.sizeAnomalies.isEmpty())
            warnings.append(HostCompliance::tr(
                "%1: %n backup(s) far smaller than usual", nullptr, int(component.sizeAnomalies.size()))
                                .arg(title));
        if (component.missedBackup)
            warnings.append(HostCompliance::tr("%1: a scheduled backup did not arrive (usual interval %2)")
                                .arg(title, formatDuration(component.usualIntervalSeconds)));
        if (component.tooOldLocal > 0)
            warnings.append(
                HostCompliance::tr("%1: %n backup(s) kept past local retention", nullptr, component.tooOldLocal)
                    .arg(title));
        if (!component.missingDays.isEmpty())
            warnings.append(
                HostCompliance::tr("%1: %n day(s) without a backup", nullptr, int(component.missingDays.size()))
                    .arg(title));
        if (!component.missingRemoteDays.isEmpty())
            warnings.append(HostCompliance::tr(
                "%1: %n day(s) without a remote copy", nullptr, int(component.missingRemoteDays.size()))
                                .arg(title));
        if (component.fullBackupsWithoutRemoteCopy > 0)
            warnings.append(HostCompliance::tr(
                "%1: %n full backup(s) without a remote copy (3-2-1)", nullptr, component.fullBackupsWithoutRemoteCopy)
                                .arg(title));
        if (component.backupsInWindow > 0 && component.verificationCoverage() < 0.5)
            warnings.append(HostCompliance::tr("%1: only %2 % of the window's backups proven good")
                                .arg(title)
                                .arg(qRound(component.verificationCoverage() * 100.0)));

        if (rpo.lastBackup.isValid()) {
            if (!newestLast.isValid() || rpo.lastBackup > newestLast)
                newestLast = rpo.lastBackup;
            if (!oldestLast.isValid() || rpo.lastBackup < oldestLast)
                oldestLast = rpo.lastBackup;
        }
        if (rpo.currentExposureSeconds < 0)
            result.effectiveExposureSeconds = std::max<qint64>(result.effectiveExposureSeconds, LLONG_MAX / 2);
        else
            result.effectiveExposureSeconds = std::max(result.effectiveExposureSeconds, rpo.currentExposureSeconds);
        result.components.append(std::move(component));
    }
    if (newestLast.isValid())
        result.componentSkewSeconds = oldestLast.secsTo(newestLast);

    // RTO from measured restores and drills.
    QHash<QString, RtoFinding> rtoByScenario;
    for (const CatalogEvent& event : events) {
        const bool restore
            = event.event == QLatin1String("restore_finished") || event.event == QLatin1String("restore_failed");
        const bool drill = event.event == QLatin1String("drill_finished");
        if ((!restore && !drill) || event.time > trustedUntil)
            continue;
        const QString scenario
            = event.fields.value(QStringLiteral("scenario")).toString(QStringLiteral("database-corruption"));
        RtoMeasurement measurement { event.time, scenario, drill ? QStringLiteral("drill") : QStringLiteral("restore"),
            event.durationMs >= 0 ? event.durationMs / 1000 : 0,
            event.event != QLatin1String("restore_failed") && event.result != QLatin1String("failed") };
        RtoFinding& finding = rtoByScenario[scenario];
        finding.scenario = scenario;
        finding.targetSeconds = targetFor(scenario, true);
        finding.measurements.append(measurement);
        if (measurement.succeeded && (!result.lastRecoveryTest.isValid() || event.time > result.lastRecoveryTest))
            result.lastRecoveryTest = event.time;
        const bool fullDrill = drill
            && (scenario == QLatin1String("complete-system-failure")
                || scenario == QLatin1String("data-center-outage"));
        if (fullDrill && measurement.succeeded
            && (!result.lastFullDrill.isValid() || event.time > result.lastFullDrill))
            result.lastFullDrill = event.time;
    }
    for (RtoFinding& finding : rtoByScenario) {
        std::sort(finding.measurements.begin(), finding.measurements.end(),
            [](const RtoMeasurement& a, const RtoMeasurement& b) { return a.time < b.time; });
        const auto newest = finding.newest();
        if (newest && !finding.met())
            serious.append(
                HostCompliance::tr("%1: the last %2 took %3, RTO target %4")
                    .arg(HostProfile::scenarioTitle(finding.scenario), newest->kind,
                        newest->succeeded ? formatDuration(newest->durationSeconds) : HostCompliance::tr("failed"),
                        formatDuration(finding.targetSeconds)));
        result.rto.append(finding);
    }
    std::sort(result.rto.begin(), result.rto.end(),
        [](const RtoFinding& a, const RtoFinding& b) { return a.scenario < b.scenario; });
    result.monthlyTestOverdue
        = !result.lastRecoveryTest.isValid() || result.lastRecoveryTest.daysTo(now) > settings.monthlyTestDays;
    result.quarterlyDrillOverdue
        = !result.lastFullDrill.isValid() || result.lastFullDrill.daysTo(now) > settings.quarterlyDrillDays;
    if (result.monthlyTestOverdue)
        serious.append(result.lastRecoveryTest.isValid()
                ? HostCompliance::tr("monthly recovery test overdue (last %1)").arg(isoUtc(result.lastRecoveryTest))
                : HostCompliance::tr("no recovery test ever recorded"));
    if (result.quarterlyDrillOverdue)
        serious.append(result.lastFullDrill.isValid()
                ? HostCompliance::tr("quarterly full drill overdue (last %1)").arg(isoUtc(result.lastFullDrill))
                : HostCompliance::tr("no full recovery drill ever recorded"));

    if (crontab) {
        result.schedule = checkSchedule(*crontab);
        if (!result.schedule.dailyBackup)
            warnings.append(HostCompliance::tr("crontab: no daily backup"));
        if (!result.schedule.weeklyCleanup)
            warnings.append(HostCompliance::tr("crontab: no weekly cleanup"));
        if (!result.schedule.dailyVerify)
            warnings.append(HostCompliance::tr("crontab: no daily verify"));
    }

    result.verdict = !serious.isEmpty() ? HostCompliance::Verdict::NonCompliant
        : !warnings.isEmpty()           ? HostCompliance::Verdict::AtRisk
                                        : HostCompliance::Verdict::Compliant;
    result.reasons = serious + warnings;
    return result;
}

QJsonObject HostCompliance::toJson() const
{
    QJsonArray componentArray;
    for (const ComponentCompliance& component : components) {
        QJsonArray violations;
        for (const RpoViolation& violation : component.rpo.violations) {
            violations.append(QJsonObject {
                { QStringLiteral("start"), isoUtc(violation.start) },
                { QStringLiteral("end"), isoUtc(violation.end) },
                { QStringLiteral("worst_exposure_seconds"),
                    violation.worstExposureSeconds < 0 ? QJsonValue() : QJsonValue(violation.worstExposureSeconds) },
                { QStringLiteral("ongoing"), violation.ongoing },
            });
        }
        QJsonArray missingDays;
        for (const QDate& day : component.missingDays)
            missingDays.append(day.toString(Qt::ISODate));
        componentArray.append(QJsonObject {
            { QStringLiteral("host"), host },
            { QStringLiteral("component"), component.component },
            { QStringLiteral("scenario"), component.scenario },
            { QStringLiteral("rpo_target_seconds"), component.rpo.targetSeconds },
            { QStringLiteral("compliance"), component.rpo.compliance },
            { QStringLiteral("verified_compliance"), component.verifiedRpo.compliance },
            { QStringLiteral("current_exposure_seconds"),
                component.rpo.currentExposureSeconds < 0 ? QJsonValue()
                                                         : QJsonValue(component.rpo.currentExposureSeconds) },
            { QStringLiteral("last_backup"), isoOrNull(component.rpo.lastBackup) },
            { QStringLiteral("breach_at"), isoOrNull(component.rpo.breachAt) },
            { QStringLiteral("violations"), violations },
            { QStringLiteral("backups_in_window"), component.backupsInWindow },
            { QStringLiteral("verification_coverage"), component.verificationCoverage() },
            { QStringLiteral("failed_verifications"), component.failedVerifications },
            { QStringLiteral("failed_backups"), component.failedBackups },
            { QStringLiteral("size_anomalies"), int(component.sizeAnomalies.size()) },
            { QStringLiteral("future_backups"), component.futureBackups },
            { QStringLiteral("missed_backup"), component.missedBackup },
            { QStringLiteral("missing_days"), missingDays },
            { QStringLiteral("kept_past_retention"), component.tooOldLocal },
            { QStringLiteral("full_backups_without_remote_copy"), component.fullBackupsWithoutRemoteCopy },
            { QStringLiteral("missing_remote_days"), int(component.missingRemoteDays.size()) },
        });
    }
    QJsonArray rtoArray;
    for (const RtoFinding& finding : rto) {
        const auto newest = finding.newest();
        rtoArray.append(QJsonObject {
            { QStringLiteral("scenario"), finding.scenario },
            { QStringLiteral("rto_target_seconds"), finding.targetSeconds },
            { QStringLiteral("last_duration_seconds"), newest ? QJsonValue(newest->durationSeconds) : QJsonValue() },
            { QStringLiteral("last_time"), newest ? QJsonValue(isoUtc(newest->time)) : QJsonValue() },
            { QStringLiteral("met"), finding.met() },
            { QStringLiteral("measurements"), int(finding.measurements.size()) },
        });
    }
    return QJsonObject {
        { QStringLiteral("host"), host },
        { QStringLiteral("verdict"), verdictId(verdict) },
        { QStringLiteral("reasons"), QJsonArray::fromStringList(reasons) },
        { QStringLiteral("components"), componentArray },
        { QStringLiteral("rto"), rtoArray },
        { QStringLiteral("effective_exposure_seconds"),
            effectiveExposureSeconds < 0 || effectiveExposureSeconds >= LLONG_MAX / 2
                ? QJsonValue()
                : QJsonValue(effectiveExposureSeconds) },
        { QStringLiteral("component_skew_seconds"), componentSkewSeconds },
        { QStringLiteral("last_recovery_test"), isoOrNull(lastRecoveryTest) },
        { QStringLiteral("last_full_drill"), isoOrNull(lastFullDrill) },
        { QStringLiteral("monthly_test_overdue"), monthlyTestOverdue },
        { QStringLiteral("quarterly_drill_overdue"), quarterlyDrillOverdue },
        { QStringLiteral("schedule"),
            schedule.known ? QJsonValue(QJsonObject { { QStringLiteral("daily_backup"), schedule.dailyBackup },
                { QStringLiteral("weekly_cleanup"), schedule.weeklyCleanup },
                { QStringLiteral("daily_verify"), schedule.dailyVerify } })
                           : QJsonValue() },
    };
}

} // namespace dr
