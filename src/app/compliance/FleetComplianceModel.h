#pragma once

#include "core/Compliance.h"

#include <QAbstractTableModel>
#include <QList>

namespace dr {

/// One row per host: the verdict and what is behind it. Text and icon always carry the verdict, never
/// colour alone.
class FleetComplianceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetComplianceModel)

public:
    enum Column {
        HostColumn,
        VerdictColumn,
        ExposureColumn,
        ComplianceColumn,
        LastVerifiedColumn,
        LastDrillColumn,
        RetentionColumn,
        RemoteCopyColumn,
        ScheduleColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, VerdictRole };

    explicit FleetComplianceModel(QObject* parent = nullptr);

    /// Replaces the rows by host name, keeping rows (and so selection) of hosts that stay.
    void setVerdicts(const QList<HostCompliance>& verdicts);
    const HostCompliance* verdict(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString durationText(qint64 seconds);
    static QString verdictText(HostCompliance::Verdict verdict);

private:
    QList<HostCompliance> m_rows;
};

} // namespace dr
