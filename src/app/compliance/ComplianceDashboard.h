#pragma once

#include "core/Compliance.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace dr {

class Catalog;
class FleetComplianceModel;

/// The IT manager's screen: a row per host with its verdict over a chosen window and what is behind it.
/// Verdicts are computed off the GUI thread.
class ComplianceDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComplianceDashboard)

public:
    explicit ComplianceDashboard(Catalog* catalog, QWidget* parent = nullptr);
    ~ComplianceDashboard() override;

    /// Window length in days (7, 30 or 90 by the selector).
    int windowDays() const;
    FleetComplianceModel* model() const { return m_model; }

public slots:
    void refresh();

signals:
    void hostActivated(const QString& hostName);
    void refreshed(int hostCount);

private:
    Catalog* m_catalog;
    FleetComplianceModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QComboBox* m_windowComboBox;
    QLabel* m_summaryLabel;
    /// Watches only the newest request: a refresh replaces the future, so a stale result never lands.
    QFutureWatcher<QList<HostCompliance>> m_watcher;
};

} // namespace dr
