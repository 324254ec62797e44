#include "app/compliance/FleetComplianceModel.h"

#include <QIcon>
#include <QLocale>

#include <climits>

namespace dr {

namespace {

QDateTime lastVerified(const HostCompliance& verdict)
{
    QDateTime newest;
    for (const ComponentCompliance& component : verdict.components) {
        if (component.verifiedRpo.lastBackup.isValid()
            && (!newest.isValid() || component.verifiedRpo.lastBackup > newest))
            newest = component.verifiedRpo.lastBackup;
    }
    return newest;
}

/// The component whose RPO was met least often (nullptr without components).
const ComponentCompliance* worstComponent(const HostCompliance& verdict)
{
    const ComponentCompliance* worst = nullptr;
    for (const ComponentCompliance& component : verdict.components) {
        if (!worst || component.rpo.compliance < worst->rpo.compliance)
            worst = &component;
    }
    return worst;
}

double worstCompliance(const HostCompliance& verdict)
{
    const ComponentCompliance* worst = worstComponent(verdict);
    return worst ? worst->rpo.compliance : 0.0;
}

QString localTime(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : FleetComplianceModel::tr("never");
}

} // namespace

FleetComplianceModel::FleetComplianceModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

QString FleetComplianceModel::durationText(qint64 seconds)
{
    // Negative, or the engine's "no backup at all" sentinel for the recovery set.
    if (seconds < 0 || seconds >= LLONG_MAX / 2)
        return tr("no backup");
    return formatDuration(seconds);
}

QString FleetComplianceModel::verdictText(HostCompliance::Verdict verdict)
{
    switch (verdict) {
    case HostCompliance::Verdict::Compliant:
        return tr("Compliant");
    case HostCompliance::Verdict::AtRisk:
        return tr("At risk");
    case HostCompliance::Verdict::NonCompliant:
        break;
    }
    return tr("Not compliant");
}

void FleetComplianceModel::setVerdicts(const QList<HostCompliance>& verdicts)
{
    // Diff by host name: update rows in place, remove the gone, append the new.
    QHash<QString, const HostCompliance*> incoming;
    for (const HostCompliance& verdict : verdicts)
        incoming.insert(verdict.host, &verdict);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_rows[row].host)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    QHash<QString, int> existing;
    for (int row = 0; row < m_rows.size(); ++row)
        existing.insert(m_rows[row].host, row);
    QList<HostCompliance> added;
    for (const HostCompliance& verdict : verdicts) {
        const auto found = existing.constFind(verdict.host);
        if (found == existing.cend()) {
            added.append(verdict);
            continue;
        }
        m_rows[*found] = verdict;
        emit dataChanged(index(*found, 0), index(*found, ColumnCount - 1));
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows += added;
        endInsertRows();
    }
}

const HostCompliance* FleetComplianceModel::verdict(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int FleetComplianceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetComplianceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetComplianceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case VerdictColumn:
        return tr("Verdict");
    case ExposureColumn:
        return tr("RPO exposure now (target)");
    case ComplianceColumn:
        return tr("RPO met");
    case LastVerifiedColumn:
        return tr("Newest verified backup (made at)");
    case LastDrillColumn:
        return tr("Last restore or drill (RTO)");
    case RetentionColumn:
        return tr("Retention");
    case RemoteCopyColumn:
        return tr("3-2-1");
    case ScheduleColumn:
        return tr("Schedule");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

QVariant FleetComplianceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HostCompliance& row = m_rows[index.row()];
    if (role == VerdictRole)
        return int(row.verdict);

    switch (index.column()) {
    case HostColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return row.host;
        break;
    case VerdictColumn:
        if (role == Qt::DisplayRole)
            return verdictText(row.verdict);
        if (role == SortRole)
            return int(row.verdict);
        if (role == Qt::DecorationRole) {
            return QIcon(row.verdict == HostCompliance::Verdict::Compliant ? QStringLiteral(":/icons/verdict-ok.svg")
                    : row.verdict == HostCompliance::Verdict::AtRisk ? QStringLiteral(":/icons/verdict-warning.svg")
                                                                     : QStringLiteral(":/icons/verdict-failed.svg"));
        }
        break;
    case ExposureColumn: {
        if (role == SortRole)
            return row.effectiveExposureSeconds;
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            QStringList parts;
            for (const ComponentCompliance& component : row.components) {
                parts.append(tr("%1 %2 (%3)%4")
                                 .arg(component.component, durationText(component.rpo.currentExposureSeconds),
                                     durationText(component.rpo.targetSeconds),
                                     component.rpo.inBreach() ? tr(" ✗") : QString()));
            }
            if (role == Qt::DisplayRole)
                return parts.join(QStringLiteral(", "));
            // The tooltip adds the forecast and how far apart the components' last backups are.
            QStringList lines;
            for (const ComponentCompliance& component : row.components) {
                const RpoAnalysis& rpo = component.rpo;
                const qint64 left = rpo.breachAt.isValid() ? QDateTime::currentDateTimeUtc().secsTo(rpo.breachAt) : -1;
                lines.append(rpo.currentExposureSeconds < 0 ? tr("%1: no backup").arg(component.component)
                        : left > 0 ? tr("%1: exposed %2, breaches its %3 target in %4 unless a backup arrives")
                                         .arg(component.component, durationText(rpo.currentExposureSeconds),
                                             durationText(rpo.targetSeconds), durationText(left))
                                   : tr("%1: exposed %2, over its %3 target since %4")
                                         .arg(component.component, durationText(rpo.currentExposureSeconds),
                                             durationText(rpo.targetSeconds), localTime(rpo.breachAt)));
            }
            lines.append(
                tr("Recovery set: the host is only as recoverable as its oldest component; last backups are %1 apart.")
                    .arg(durationText(row.componentSkewSeconds)));
            return lines.join(u'\n');
        }
        break;
    }
    case ComplianceColumn:
        if (role == SortRole)
            return worstCompliance(row);
        // The worst component's share, named: the Why column may speak of another component.
        if (const ComponentCompliance* worst = worstComponent(row); !worst) {
            if (role == Qt::DisplayRole)
                return tr("—");
        } else if (role == Qt::DisplayRole) {
            return tr("%1 % (%2)").arg(QLocale().toString(worst->rpo.compliance * 100.0, 'f', 1), worst->component);
        } else if (role == Qt::ToolTipRole) {
            QStringList lines;
            for (const ComponentCompliance& component : row.components)
                lines.append(
                    tr("%1: RPO met %2 % of the window")
                        .arg(component.component, QLocale().toString(component.rpo.compliance * 100.0, 'f', 1)));
            return lines.join(u'\n');
        }
        break;
    case LastVerifiedColumn:
        if (role == SortRole)
            return lastVerified(row);
        if (role == Qt::DisplayRole)
            return localTime(lastVerified(row));
        break;
    case LastDrillColumn: {
        const RtoFinding* newestFinding = nullptr;
        for (const RtoFinding& finding : row.rto) {
            if (finding.newest() && (!newestFinding || finding.newest()->time > newestFinding->newest()->time))
                newestFinding = &finding;
        }
        if (role == SortRole)
            return newestFinding ? newestFinding->newest()->time : QDateTime();
        if (role == Qt::DisplayRole) {
            if (!newestFinding)
                return tr("never");
            // Which scenario and whether it was a restore or a drill: the overdue note may concern the other kind.
            const RtoMeasurement measurement = *newestFinding->newest();
            QStringList overdue;
            if (row.monthlyTestOverdue)
                overdue.append(tr("monthly test overdue"));
            if (row.quarterlyDrillOverdue)
                overdue.append(tr("quarterly drill overdue"));
            return QString(
                tr("%1 %2 of %3: %4 / %5 %6")
                    .arg(measurement.kind == QLatin1String("drill") ? tr("drill") : tr("restore"),
                        localTime(measurement.time), newestFinding->scenario, durationText(measurement.durationSeconds),
                        durationText(newestFinding->targetSeconds), newestFinding->met() ? tr("✓") : tr("✗"))
                + (overdue.isEmpty() ? QString() : QStringLiteral(" (") + overdue.join(QStringLiteral(", ")) + u')'));
        }
        break;
    }
    case RetentionColumn: {
        int tooOld = 0;
        int missing = 0;
        for (const ComponentCompliance& component : row.components) {
            tooOld += component.tooOldLocal;
            missing += int(component.missingDays.size());
        }
        if (role == SortRole)
            return tooOld + missing;
        if (role == Qt::DisplayRole)
            return tooOld + missing == 0 ? tr("OK") : tr("%1 too old, %2 days missing").arg(tooOld).arg(missing);
        break;
    }
    case RemoteCopyColumn: {
        int withoutCopy = 0;
        for (const ComponentCompliance& component : row.components)
            withoutCopy += component.fullBackupsWithoutRemoteCopy;
        if (role == SortRole)
            return withoutCopy;
        if (role == Qt::DisplayRole)
            return withoutCopy == 0 ? tr("OK") : tr("%n without remote copy", nullptr, withoutCopy);
        break;
    }
    case ScheduleColumn:
        if (role == Qt::DisplayRole || role == SortRole) {
            if (!row.schedule.known)
                return tr("unknown");
            return row.schedule.ok() ? tr("OK") : tr("incomplete");
        }
        break;
    case ReasonColumn:
        if (role == SortRole)
            return row.reasons.value(0);
        if (role == Qt::DisplayRole)
            return row.reasons.size() > 1
                ? tr("%1 (+%n more)", nullptr, int(row.reasons.size() - 1)).arg(row.reasons[0])
                : row.reasons.value(0, tr("—"));
        if (role == Qt::ToolTipRole)
            return row.reasons.join(u'\n');
        break;
    default:
        break;
    }
    return {};
}

} // namespace dr
