#include "app/compliance/HostChartsView.h"

#include "app/compliance/FleetComplianceModel.h"
#include "app/compliance/Icons.h"
#include "core/Proof.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>

#include <QPushButton>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace dr {

namespace {

// A chart view that zooms on a dragged time range or the wheel and pans with the arrow keys.
class ZoomableChartView final : public QChartView
{
public:
    explicit ZoomableChartView(QWidget* parent)
        : QChartView(parent)
    {
        setRubberBand(QChartView::HorizontalRubberBand);
        setRenderHint(QPainter::Antialiasing);
        setFocusPolicy(Qt::StrongFocus);
    }

protected:
    void wheelEvent(QWheelEvent* event) override
    {
        if (chart())
            chart()->zoom(event->angleDelta().y() > 0 ? 1.25 : 0.8);
        event->accept();
    }
    void keyPressEvent(QKeyEvent* event) override
    {
        if (!chart())
            return QChartView::keyPressEvent(event);
        switch (event->key()) {
        case Qt::Key_Left:
            chart()->scroll(-chart()->plotArea().width() / 10, 0);
            break;
        case Qt::Key_Right:
            chart()->scroll(chart()->plotArea().width() / 10, 0);
            break;
        case Qt::Key_Plus:
            chart()->zoomIn();
            break;
        case Qt::Key_Minus:
            chart()->zoomOut();
            break;
        case Qt::Key_0:
        case Qt::Key_Home:
            chart()->zoomReset();
            break;
        default:
            QChartView::keyPressEvent(event);
        }
    }
};

QDateTimeAxis* timeAxis(QChart* chart, const QDateTime& from, const QDateTime& to)
{
    auto* axis = new QDateTimeAxis(chart);
    axis->setFormat(from.daysTo(to) > 3 ? QStringLiteral("dd MMM") : QStringLiteral("dd MMM HH:mm"));
    axis->setRange(from.toLocalTime(), to.toLocalTime());
    axis->setTickCount(8);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis* valueAxis(QChart* chart, const QString& title, double max)
{
    auto* axis = new QValueAxis(chart);
    axis->setTitleText(title);
    axis->setRange(0, max > 0 ? max * 1.1 : 1.0);
    // Round ticks (0, 10, 20 rather than 13.2, 26.4), with as many decimals as the step needs and no more.
    axis->applyNiceNumbers();
    const double step = (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    // Axis numbers and dates in the user's language ("52,8", "Okt.").
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    return chart;
}

} // namespace

HostChartsView::HostChartsView(Catalog* catalog, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_rangeComboBox(new QComboBox(this))
    , m_componentComboBox(new QComboBox(this))
    , m_titleLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
{
    ensureIconsLoaded();
    setObjectName(QStringLiteral("hostChartsView"));
    m_rangeComboBox->setObjectName(QStringLiteral("chartRangeComboBox"));
    m_componentComboBox->setObjectName(QStringLiteral("chartComponentComboBox"));
    m_tabs->setObjectName(QStringLiteral("chartTabWidget"));
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    m_rangeComboBox->addItem(tr("Last 7 days"), 7);
    m_rangeComboBox->addItem(tr("Last 30 days"), 30);
    m_rangeComboBox->addItem(tr("Last 90 days"), 90);
    m_rangeComboBox->addItem(tr("Last year"), 365);
    m_rangeComboBox->setCurrentIndex(1);
    auto* resetButton = new QPushButton(tr("Reset zoom"), this);
    auto* exportButton = new QPushButton(tr("Export chart…"), this);
    exportButton->setObjectName(QStringLiteral("exportPushButton"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_titleLabel, 1);
    bar->addWidget(new QLabel(tr("Range:"), this));
    bar->addWidget(m_rangeComboBox);
    bar->addWidget(new QLabel(tr("Component:"), this));
    bar->addWidget(m_componentComboBox);
    bar->addWidget(resetButton);
    bar->addWidget(exportButton);

    for (const QString& title : { tr("RPO exposure"), tr("Backup size"), tr("Backup duration"), tr("Outcomes per day"),
             tr("Restores and drills") }) {
        auto* view = new ZoomableChartView(m_tabs);
        m_views.append(view);
        m_tabs->addTab(view, title);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_rangeComboBox, &QComboBox::currentIndexChanged, this, &HostChartsView::reload);
    connect(m_componentComboBox, &QComboBox::currentIndexChanged, this, &HostChartsView::rebuild);
    connect(resetButton, &QPushButton::clicked, this, [this] {
        if (QChart* chart = currentChart())
            chart->zoomReset();
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"),
            QStringLiteral("%1-%2.png").arg(m_hostName, m_tabs->tabText(m_tabs->currentIndex()).replace(u' ', u'-')),
            tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (!path.isEmpty() && !exportCurrentChart(path))
            QToolTip::showText(mapToGlobal(rect().center()), tr("Could not write %1").arg(path), this);
    });
    connect(&m_watcher, &QFutureWatcher<Result<HostHistory>>::finished, this, [this] {
        const Result<HostHistory> result = m_watcher.result();
        if (!result) {
            m_titleLabel->setText(result.error().message);
            return;
        }
        m_history = *result;
        const QString previous = m_componentComboBox->currentText();
        QSignalBlocker blocker(m_componentComboBox);
        m_componentComboBox->clear();
        for (const ComponentCompliance& component : m_history.verdict.components)
            m_componentComboBox->addItem(component.component);
        const int keep = m_componentComboBox->findText(previous);
        m_componentComboBox->setCurrentIndex(keep >= 0 ? keep : 0);
        m_titleLabel->setText(
            tr("<b>%1</b> — %2")
                .arg(m_hostName.toHtmlEscaped(), FleetComplianceModel::verdictText(m_history.verdict.verdict)));
        rebuild();
        emit loaded();
    });
}

HostChartsView::~HostChartsView()
{
    m_watcher.waitForFinished();
}

void HostChartsView::showHost(const QString& hostName)
{
    m_hostName = hostName;
    reload();
}

void HostChartsView::reload()
{
    if (m_hostName.isEmpty())
        return;
    m_windowEnd = QDateTime::currentDateTimeUtc();
    m_windowStart = m_windowEnd.addDays(-m_rangeComboBox->currentData().toInt());
    const ComplianceSettings settings
        = ComplianceSettings::lastDays(m_windowEnd, m_rangeComboBox->currentData().toInt());
    Catalog* catalog = m_catalog;
    const QString name = m_hostName;
    m_titleLabel->setText(tr("Loading %1…").arg(name));
    m_watcher.setFuture(
        QtConcurrent::run([catalog, name, settings] { return loadHostHistory(*catalog, name, settings); }));
}

QChart* HostChartsView::currentChart() const
{
    const int index = m_tabs->currentIndex();
    return index >= 0 && index < m_views.size() ? m_views[index]->chart() : nullptr;
}

bool HostChartsView::exportCurrentChart(const QString& path)
{
    QChartView* view = m_views.value(m_tabs->currentIndex());
    if (!view)
        return false;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(view->size());
        generator.setViewBox(view->rect());
        generator.setTitle(m_tabs->tabText(m_tabs->currentIndex()));
        QPainter painter;
        if (!painter.begin(&generator))
            return false;
        view->render(&painter);
        return painter.end();
    }
    return view->grab().save(path, "PNG");
}

void HostChartsView::setChart(int tab, QChart* chart)
{
    QChartView* view = m_views[tab];
    QChart* old = view->chart();
    view->setChart(chart);
    if (old && old != chart)
        delete old;
}

void HostChartsView::rebuild()
{
    const QString component = m_componentComboBox->currentText();
    setChart(0, buildRpoChart(component));
    setChart(1, buildSizeChart(component));
    setChart(2, buildDurationChart(component));
    setChart(3, buildOutcomesChart());
    setChart(4, buildRtoChart());
}

QString HostChartsView::describeBackupNear(const QString& component, qint64 msecs) const
{
    const BackupRecord* nearest = nullptr;
    qint64 best = std::numeric_limits<qint64>::max();
    for (const BackupRecord& backup : m_history.backups) {
        if (backup.component != component || !backup.time.isValid())
            continue;
        const qint64 distance = qAbs(backup.time.toMSecsSinceEpoch() - msecs);
        if (distance < best) {
            best = distance;
            nearest = &backup;
        }
    }
    if (!nearest)
        return {};
    return tr("%1\n%2, %3 bytes, %4, verification: %5")
        .arg(nearest->path, QLocale().toString(nearest->time.toLocalTime(), QLocale::ShortFormat))
        .arg(nearest->size)
        .arg(nearest->kind.isEmpty() ? tr("kind unknown") : nearest->kind,
            Proof::stateText(
                Proof::of(*nearest, QDateTime::currentDateTimeUtc(), m_history.host.verificationIntervalDays).state));
}

QChart* HostChartsView::buildRpoChart(const QString& component)
{
    QChart* chart = newChart(tr("RPO exposure of %1 (hours)").arg(component));
    const ComponentCompliance* found = nullptr;
    for (const ComponentCompliance& candidate : m_history.verdict.components) {
        if (candidate.component == component)
            found = &candidate;
    }
    if (!found)
        return chart;
    QList<QDateTime> times;
    for (const BackupRecord& backup : m_history.backups) {
        if (backup.component == component && backup.time.isValid() && backup.time <= m_windowEnd)
            times.append(backup.time);
    }
    std::sort(times.begin(), times.end());

    // The sawtooth: exposure climbs from 0 at each backup until the next one.
    auto* exposure = new QLineSeries;
    exposure->setName(tr("Exposure"));
    double maxHours = found->rpo.targetSeconds / 3600.0;
    const qint64 start = m_windowStart.toMSecsSinceEpoch();
    const qint64 end = m_windowEnd.toMSecsSinceEpoch();
    const auto first = std::upper_bound(times.cbegin(), times.cend(), m_windowStart);
    qint64 last = first == times.cbegin() ? -1 : (first - 1)->toMSecsSinceEpoch();
    auto hoursSince = [&](qint64 at) { return last < 0 ? 0.0 : double(at - last) / 3'600'000.0; };
    exposure->append(double(start), hoursSince(start));
    for (auto it = first; it != times.cend(); ++it) {
        const qint64 at = it->toMSecsSinceEpoch();
        exposure->append(double(at), hoursSince(at));
        maxHours = std::max(maxHours, hoursSince(at));
        exposure->append(double(at), 0.0);
        last = at;
    }
    exposure->append(double(end), hoursSince(end));
    maxHours = std::max(maxHours, hoursSince(end));

    // Violations as one step-shaped area, so a year of them stays one series.
    auto* upper = new QLineSeries;
    upper->append(double(start), 0);
    for (const RpoViolation& violation : found->rpo.violations) {
        upper->append(double(violation.start.toMSecsSinceEpoch()), 0);
        upper->append(double(violation.start.toMSecsSinceEpoch()), maxHours * 1.1);
        upper->append(double(violation.end.toMSecsSinceEpoch()), maxHours * 1.1);
        upper->append(double(violation.end.toMSecsSinceEpoch()), 0);
    }
    upper->append(double(end), 0);
    auto* shaded = new QAreaSeries(upper);
    shaded->setName(tr("Violation (exposure above target)"));
    shaded->setColor(QColor(220, 50, 50, 60));
    shaded->setBorderColor(QColor(220, 50, 50, 90));
    shaded->setBrush(QColor(220, 50, 50, 70)); // solid: a hatched brush left the legend's swatch blank

    auto* target = new QLineSeries;
    target->setName(tr("Target %1").arg(FleetComplianceModel::durationText(found->rpo.targetSeconds)));
    target->append(double(start), found->rpo.targetSeconds / 3600.0);
    target->append(double(end), found->rpo.targetSeconds / 3600.0);
    QPen dashed(QColor(200, 120, 0));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidth(2);
    target->setPen(dashed);

    QDateTimeAxis* x = timeAxis(chart, m_windowStart, m_windowEnd);
    QValueAxis* y = valueAxis(chart, tr("hours since the last backup"), maxHours);
    attach(chart, shaded, x, y);
    attach(chart, exposure, x, y);
    attach(chart, target, x, y);
    connect(exposure, &QLineSeries::hovered, this, [this, component](const QPointF& point, bool state) {
        if (state)
            QToolTip::showText(QCursor::pos(), describeBackupNear(component, qint64(point.x())));
    });
    return chart;
}

QChart* HostChartsView::buildSizeChart(const QString& component)
{
    QChart* chart = newChart(tr("Size of %1 backups").arg(component));
    auto* sizes = new QLineSeries;
    sizes->setName(tr("Size"));
    sizes->setPointsVisible(true);
    auto* anomalies = new QScatterSeries;
    anomalies->setName(tr("Far smaller than usual"));
    anomalies->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    anomalies->setMarkerSize(12);
    anomalies->setColor(QColor(220, 50, 50));
    QList<const BackupRecord*> records;
    for (const BackupRecord& backup : m_history.backups) {
        if (backup.component == component && backup.time >= m_windowStart && backup.time <= m_windowEnd
            && backup.size >= 0)
            records.append(&backup);
    }
    std::sort(
        records.begin(), records.end(), [](const BackupRecord* a, const BackupRecord* b) { return a->time < b->time; });
    qint64 maxBytes = 0;
    for (const BackupRecord* record : records)
        maxBytes = std::max(maxBytes, record->size);
    // The unit that keeps the axis in readable numbers (kilobyte backups read 0.002, 0.001 ... in MB).
    const auto [unit, unitName] = maxBytes < 1'000'000 ? std::pair { 1e3, tr("kB") }
        : maxBytes < 1'000'000'000                     ? std::pair { 1e6, tr("MB") }
                                                       : std::pair { 1e9, tr("GB") };
    for (const BackupRecord* record : records)
        sizes->append(double(record->time.toMSecsSinceEpoch()), double(record->size) / unit);
    for (const ComponentCompliance& candidate : m_history.verdict.components) {
        if (candidate.component != component)
            continue;
        for (const SizeAnomaly& anomaly : candidate.sizeAnomalies)
            anomalies->append(double(anomaly.time.toMSecsSinceEpoch()), double(anomaly.size) / unit);
    }
    QDateTimeAxis* x = timeAxis(chart, m_windowStart, m_windowEnd);
    QValueAxis* y = valueAxis(chart, unitName, double(maxBytes) / unit);
    attach(chart, sizes, x, y);
    attach(chart, anomalies, x, y);
    for (QXYSeries* series : { static_cast<QXYSeries*>(sizes), static_cast<QXYSeries*>(anomalies) }) {
        connect(series, &QXYSeries::hovered, this, [this, component](const QPointF& point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), describeBackupNear(component, qint64(point.x())));
        });
    }
    return chart;
}

QChart* HostChartsView::buildDurationChart(const QString& component)
{
    QChart* chart = newChart(tr("Duration of %1 backups (seconds)").arg(component));
    auto* durations = new QLineSeries;
    durations->setName(tr("Duration"));
    durations->setPointsVisible(true);
    QList<const BackupRecord*> records;
    for (const BackupRecord& backup : m_history.backups) {
        if (backup.component == component && backup.time >= m_windowStart && backup.time <= m_windowEnd
            && backup.durationMs >= 0)
            records.append(&backup);
    }
    std::sort(
        records.begin(), records.end(), [](const BackupRecord* a, const BackupRecord* b) { return a->time < b->time; });
    double maxSeconds = 0;
    for (const BackupRecord* record : records) {
        durations->append(double(record->time.toMSecsSinceEpoch()), double(record->durationMs) / 1000.0);
        maxSeconds = std::max(maxSeconds, double(record->durationMs) / 1000.0);
    }
    if (records.isEmpty())
        chart->setTitle(
            tr("Duration of %1 backups: none recorded (unmanaged backups carry no duration)").arg(component));
    QDateTimeAxis* x = timeAxis(chart, m_windowStart, m_windowEnd);
    QValueAxis* y = valueAxis(chart, tr("seconds"), maxSeconds);
    attach(chart, durations, x, y);
    connect(durations, &QLineSeries::hovered, this, [this, component](const QPointF& point, bool state) {
        if (state)
            QToolTip::showText(QCursor::pos(), describeBackupNear(component, qint64(point.x())));
    });
    return chart;
}

QChart* HostChartsView::buildOutcomesChart()
{
    const QDate firstDay = m_windowStart.toLocalTime().date();
    const int windowDays = int(firstDay.daysTo(m_windowEnd.toLocalTime().date())) + 1;
    // A bar a day up to a month; longer windows get a bar a week, so each bar keeps room for its date.
    const int daysPerBar = windowDays <= 31 ? 1 : 7;
    const int days = (windowDays + daysPerBar - 1) / daysPerBar; // bars
    QChart* chart = newChart(daysPerBar == 1 ? tr("Outcomes per day") : tr("Outcomes per week"));
    auto* succeeded = new QBarSet(tr("Succeeded"));
    auto* failed = new QBarSet(tr("Failed"));
    auto* verified = new QBarSet(tr("Verified"));
    auto* verifyFailed = new QBarSet(tr("Verification failed"));
    succeeded->setColor(QColor(70, 150, 70));
    failed->setColor(QColor(200, 50, 50));
    verified->setColor(QColor(60, 110, 190));
    verifyFailed->setColor(QColor(230, 150, 30));
    QList<QList<int>> counts(4, QList<int>(days, 0));
    auto bucket = [&](const QDateTime& time) {
        const qint64 day = firstDay.daysTo(time.toLocalTime().date());
        return day >= 0 && day < windowDays ? int(day / daysPerBar) : -1;
    };
    for (const CatalogEvent& event : m_history.events) {
        const int day = bucket(event.time);
        if (day < 0)
            continue;
        if (event.event == QLatin1String("backup_finished"))
            ++counts[0][day];
        else if (event.event == QLatin1String("backup_failed"))
            ++counts[1][day];
        else if (event.event == QLatin1String("verify"))
            ++counts[event.result == QLatin1String("passed") ? 2 : 3][day];
    }
    // Hosts without the host tool have no events: count what the listing saw.
    bool anyEvent = false;
    for (const int count : counts[0])
        anyEvent |= count > 0;
    if (!anyEvent) {
        for (const BackupRecord& backup : m_history.backups) {
            if (const int day = bucket(backup.time); day >= 0)
                ++counts[0][day];
        }
    }
    QStringList categories;
    int maxStack = 0;
    for (int day = 0; day < days; ++day) {
        categories.append(QLocale().toString(firstDay.addDays(qint64(day) * daysPerBar),
            daysPerBar == 1 ? QStringLiteral("d MMM") : QStringLiteral("d MMM yy")));
        *succeeded << counts[0][day];
        *failed << counts[1][day];
        *verified << counts[2][day];
        *verifyFailed << counts[3][day];
        maxStack = std::max(maxStack, counts[0][day] + counts[1][day] + counts[2][day] + counts[3][day]);
    }
    auto* series = new QStackedBarSeries;
    series->append({ succeeded, failed, verified, verifyFailed });
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis(chart);
    x->append(categories);
    x->setLabelsAngle(-90); // upright labels need only their height per bar; slanted ones were cut to "…"
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis* y = valueAxis(chart, tr("count"), std::max(4, maxStack));
    if (y->max() / std::max(1, y->tickCount() - 1) < 1) { // counts come in whole steps
        y->setTickCount(int(y->max()) + 1);
        y->setLabelFormat(QStringLiteral("%.0f"));
    }
    series->attachAxis(y);
    connect(series, &QStackedBarSeries::hovered, this, [categories](bool status, int index, QBarSet* set) {
        if (status)
            QToolTip::showText(QCursor::pos(),
                QStringLiteral("%1: %2 %3").arg(categories.value(index)).arg(set->at(index)).arg(set->label()));
    });
    return chart;
}

QChart* HostChartsView::buildRtoChart()
{
    QChart* chart = newChart(tr("Restore and drill durations against the RTO target (minutes)"));
    QDateTime from = m_windowStart;
    for (const RtoFinding& finding : m_history.verdict.rto) {
        for (const RtoMeasurement& measurement : finding.measurements)
            from = std::min(from, measurement.time);
    }
    QDateTimeAxis* x = timeAxis(chart, from, m_windowEnd);
    double maxMinutes = 1;
    QList<QAbstractSeries*> series;
    for (const RtoFinding& finding : m_history.verdict.rto) {
        auto* points = new QScatterSeries;
        points->setName(HostProfile::scenarioTitle(finding.scenario));
        points->setMarkerSize(11);
        for (const RtoMeasurement& measurement : finding.measurements) {
            points->append(double(measurement.time.toMSecsSinceEpoch()), measurement.durationSeconds / 60.0);
            maxMinutes = std::max(maxMinutes, measurement.durationSeconds / 60.0);
        }
        auto* target = new QLineSeries;
        target->setName(tr("%1 target").arg(HostProfile::scenarioTitle(finding.scenario)));
        target->append(double(from.toMSecsSinceEpoch()), finding.targetSeconds / 60.0);
        target->append(double(m_windowEnd.toMSecsSinceEpoch()), finding.targetSeconds / 60.0);
        QPen dashed = target->pen();
        dashed.setStyle(Qt::DashLine);
        target->setPen(dashed);
        maxMinutes = std::max(maxMinutes, finding.targetSeconds / 60.0);
        series << points << target;
        const QString scenario = finding.scenario;
        connect(points, &QScatterSeries::hovered, this, [scenario](const QPointF& point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(),
                    tr("%1: %2 min on %3")
                        .arg(HostProfile::scenarioTitle(scenario))
                        .arg(point.y(), 0, 'f', 1)
                        .arg(QLocale().toString(
                            QDateTime::fromMSecsSinceEpoch(qint64(point.x())), QLocale::ShortFormat)));
        });
    }
    if (m_history.verdict.rto.isEmpty())
        chart->setTitle(tr("No restore or drill recorded yet: RTO unmeasured"));
    QValueAxis* y = valueAxis(chart, tr("minutes"), maxMinutes);
    for (QAbstractSeries* one : series)
        attach(chart, one, x, y);
    return chart;
}

} // namespace dr
