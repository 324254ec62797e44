#include "app/compliance/ComplianceDashboard.h"

#include <algorithm>

#include "app/compliance/FleetComplianceModel.h"
#include "catalog/FleetCompliance.h"

#include "app/compliance/Icons.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace dr {

ComplianceDashboard::ComplianceDashboard(Catalog* catalog, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_model(new FleetComplianceModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_windowComboBox(new QComboBox(this))
    , m_summaryLabel(new QLabel(this))
{
    ensureIconsLoaded();
    setObjectName(QStringLiteral("complianceDashboard"));
    m_windowComboBox->setObjectName(QStringLiteral("windowComboBox"));
    m_windowComboBox->addItem(tr("Last 7 days"), 7);
    m_windowComboBox->addItem(tr("Last 30 days"), 30);
    m_windowComboBox->addItem(tr("Last 90 days"), 90);
    m_windowComboBox->setCurrentIndex(1);
    auto* refreshButton = new QPushButton(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshPushButton"));
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Window:"), this));
    bar->addWidget(m_windowComboBox);
    bar->addWidget(refreshButton);
    bar->addSpacing(16);
    bar->addWidget(m_summaryLabel, 1);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FleetComplianceModel::SortRole);
    m_table->setObjectName(QStringLiteral("fleetTableView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetComplianceModel::VerdictColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_windowComboBox, &QComboBox::currentIndexChanged, this, &ComplianceDashboard::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &ComplianceDashboard::refresh);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const HostCompliance* verdict = m_model->verdict(m_proxy->mapToSource(index).row()))
            emit hostActivated(verdict->host);
    });
    connect(&m_watcher, &QFutureWatcher<QList<HostCompliance>>::finished, this, [this] {
        const QList<HostCompliance> verdicts = m_watcher.result();
        m_model->setVerdicts(verdicts);
        int compliant = 0;
        int atRisk = 0;
        for (const HostCompliance& verdict : verdicts) {
            compliant += verdict.verdict == HostCompliance::Verdict::Compliant;
            atRisk += verdict.verdict == HostCompliance::Verdict::AtRisk;
        }
        m_summaryLabel->setText(
            tr("%n host(s): %1 compliant, %2 at risk, %3 not compliant", nullptr, int(verdicts.size()))
                .arg(compliant)
                .arg(atRisk)
                .arg(verdicts.size() - compliant - atRisk));
        m_table->resizeColumnsToContents();
        // A host with many components lists them all in one cell: cut such columns short (the tooltip has all),
        // so that the verdict's other columns stay on screen.
        const int widest = std::max(220, m_table->viewport()->width() / 4);
        for (int column = 0; column < m_model->columnCount(); ++column)
            m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), widest));
        emit refreshed(int(verdicts.size()));
    });
}

ComplianceDashboard::~ComplianceDashboard()
{
    m_watcher.waitForFinished();
}

int ComplianceDashboard::windowDays() const
{
    return m_windowComboBox->currentData().toInt();
}

void ComplianceDashboard::refresh()
{
    m_summaryLabel->setText(tr("Judging every host…"));
    const int days = windowDays();
    Catalog* catalog = m_catalog;
    m_watcher.setFuture(QtConcurrent::run([catalog, days] {
        QList<HostCompliance> verdicts;
        const ComplianceSettings settings = ComplianceSettings::lastDays(QDateTime::currentDateTimeUtc(), days);
        const auto hosts = catalog->hosts();
        if (!hosts)
            return verdicts;
        for (const HostProfile& host : *hosts) {
            if (auto verdict = judgeHost(*catalog, host, settings))
                verdicts.append(std::move(*verdict));
        }
        return verdicts;
    }));
}

} // namespace dr
