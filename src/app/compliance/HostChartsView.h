#pragma once

#include "catalog/FleetCompliance.h"

#include <QFutureWatcher>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTabWidget;

namespace dr {

class Catalog;

/// The history behind one host's verdict, as charts: RPO exposure as a sawtooth against its target with
/// the violations shaded, backup size with anomalies marked, backup duration, outcomes per day, and
/// restore/drill durations against the RTO target. Zoom with the mouse (drag a range, wheel), pan with
/// the arrow keys, hover a point for the backup behind it, export as PNG or SVG.
class HostChartsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostChartsView)

public:
    explicit HostChartsView(Catalog* catalog, QWidget* parent = nullptr);
    ~HostChartsView() override;

    void showHost(const QString& hostName);
    QString hostName() const { return m_hostName; }
    /// The chart on the current tab.
    QChart* currentChart() const;
    /// Writes the current chart to @p path: .svg as vector, anything else as PNG.
    bool exportCurrentChart(const QString& path);

signals:
    void loaded();

private:
    void reload();
    void rebuild();
    QChart* buildRpoChart(const QString& component);
    QChart* buildSizeChart(const QString& component);
    QChart* buildDurationChart(const QString& component);
    QChart* buildOutcomesChart();
    QChart* buildRtoChart();
    void setChart(int tab, QChart* chart);
    QString describeBackupNear(const QString& component, qint64 msecs) const;

    Catalog* m_catalog;
    QString m_hostName;
    HostHistory m_history;
    QDateTime m_windowStart;
    QDateTime m_windowEnd;
    QFutureWatcher<Result<HostHistory>> m_watcher;
    QComboBox* m_rangeComboBox;
    QComboBox* m_componentComboBox;
    QLabel* m_titleLabel;
    QTabWidget* m_tabs;
    QList<QChartView*> m_views;
};

} // namespace dr
