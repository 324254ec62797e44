#include "app/VerificationPanel.h"

#include "app/BackupHistoryFilter.h"
#include "app/BackupHistoryModel.h"
#include "catalog/Catalog.h"
#include "core/Proof.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace dr {

VerificationPanel::VerificationPanel(Catalog* catalog, BackupHistoryModel* backups, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_backups(backups)
    , m_filter(new BackupHistoryFilter(this))
    , m_coverageLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
    , m_stateComboBox(new QComboBox(this))
    , m_filterLineEdit(new QLineEdit(this))
    , m_verifyLatestButton(new QPushButton(tr("Verify latest"), this))
    , m_verifySelectedButton(new QPushButton(tr("Verify selected"), this))
    , m_verifyStaleButton(new QPushButton(tr("Verify all not proven in"), this))
    , m_staleDaysSpinBox(new QSpinBox(this))
    , m_deepCheckBox(new QCheckBox(tr("Deep (restore into a throwaway database)"), this))
    , m_verifyHereButton(new QPushButton(tr("Verify selected on this workstation"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_progressBar(new QProgressBar(this))
    , m_progressLabel(new QLabel(this))
    , m_tableView(new QTableView(this))
    , m_historyTable(new QTableWidget(this))
    , m_historyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("verificationPanel"));
    m_coverageLabel->setObjectName(QStringLiteral("coverageLabel"));
    QFont big = m_coverageLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_coverageLabel->setFont(big);
    m_countsLabel->setObjectName(QStringLiteral("proofCountsLabel"));
    m_countsLabel->setWordWrap(true); // rather than widen the window past the screen
    m_stateComboBox->setObjectName(QStringLiteral("proofStateComboBox"));
    m_stateComboBox->addItem(tr("All backups"), QString());
    m_stateComboBox->addItem(BackupHistoryModel::proofIcon(ProofState::Failed), tr("Failed"), QStringLiteral("failed"));
    m_stateComboBox->addItem(
        BackupHistoryModel::proofIcon(ProofState::Unverified), tr("Never verified"), QStringLiteral("unverified"));
    m_stateComboBox->addItem(
        BackupHistoryModel::proofIcon(ProofState::Stale), tr("Could not verify"), QStringLiteral("unverifiable"));
    m_stateComboBox->addItem(
        BackupHistoryModel::proofIcon(ProofState::Stale), tr("Proof stale"), QStringLiteral("stale"));
    m_stateComboBox->addItem(tr("Not proven now"), QStringLiteral("unproven"));
    m_stateComboBox->addItem(
        BackupHistoryModel::proofIcon(ProofState::Proven), tr("Proven good"), QStringLiteral("proven"));
    m_filterLineEdit->setObjectName(QStringLiteral("verificationFilterLineEdit"));
    m_filterLineEdit->setPlaceholderText(tr("Filter by file name…"));
    m_filterLineEdit->setClearButtonEnabled(true);

    m_verifyLatestButton->setObjectName(QStringLiteral("verifyLatestButton"));
    m_verifyLatestButton->setToolTip(
        tr("Syncs, then the host tool verifies the newest backup of each component in every folder of the host, as "
           "a job on the host"));
    m_verifySelectedButton->setObjectName(QStringLiteral("verifySelectedButton"));
    m_verifySelectedButton->setToolTip(tr("The host tool verifies the selected backups, as a job on the host"));
    m_verifyStaleButton->setObjectName(QStringLiteral("verifyStaleButton"));
    m_verifyStaleButton->setToolTip(
        tr("The host tool verifies every backup never proven good, or last proven longer ago than this"));
    m_staleDaysSpinBox->setObjectName(QStringLiteral("staleDaysSpinBox"));
    m_staleDaysSpinBox->setRange(0, 366);
    m_staleDaysSpinBox->setValue(7);
    m_staleDaysSpinBox->setSuffix(tr(" days"));
    m_deepCheckBox->setObjectName(QStringLiteral("deepCheckBox"));
    m_deepCheckBox->setToolTip(
        tr("On the host: PostgreSQL dumps are restored into a throwaway database and counted, SQLite tables are "
           "counted, archives are extracted into a temporary folder. On this workstation: SQLite tables are counted "
           "and dumps are restored on the scratch PostgreSQL server named by DRCONSOLE_SCRATCH_SERVER."));
    m_verifyHereButton->setObjectName(QStringLiteral("verifyHereButton"));
    m_verifyHereButton->setIcon(QIcon(QStringLiteral(":/icons/lock.svg")));
    m_verifyHereButton->setToolTip(
        tr("Download the selected backups (SFTP, resumable) and verify them on this computer: "
           "for a host you do not trust, or to prove the copy"));
    m_cancelButton->setObjectName(QStringLiteral("verifyCancelButton"));
    m_progressBar->setObjectName(QStringLiteral("verifyProgressBar"));
    m_progressLabel->setObjectName(QStringLiteral("verifyProgressLabel"));
    m_progressLabel->setSizePolicy(
        QSizePolicy::Ignored, QSizePolicy::Preferred); // a long file name must not widen the window
    m_progressBar->setVisible(false);
    m_progressLabel->setVisible(false);
    m_cancelButton->setEnabled(false);
    m_verifyHereButton->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_cancelButton->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);

    m_filter->setSourceModel(m_backups);
    m_tableView->setObjectName(QStringLiteral("verificationTableView"));
    m_tableView->setModel(m_filter);
    m_tableView->setSortingEnabled(true);
    m_tableView->sortByColumn(BackupHistoryModel::TimeColumn, Qt::DescendingOrder);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setWordWrap(false);
    m_tableView->setItemDelegateForColumn(BackupHistoryModel::FileColumn, new FileNameDelegate(m_tableView));
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 8);
    for (const int column : { BackupHistoryModel::KindColumn, BackupHistoryModel::SizeColumn,
             BackupHistoryModel::EncryptedColumn, BackupHistoryModel::ManagedColumn })
        m_tableView->hideColumn(column);
    QHeaderView* header = m_tableView->horizontalHeader();
    header->setStretchLastSection(true);
    // Up to "Last verified" fits beside the host list at 1280 pixels; method and reason scroll into view (the
    // history below and the tooltips show them too).
    const QFontMetrics metrics = m_tableView->fontMetrics();
    const QList<QPair<int, int>> widths { { BackupHistoryModel::TimeColumn, 135 },
        { BackupHistoryModel::ComponentColumn, 85 }, { BackupHistoryModel::FileColumn, 210 },
        { BackupHistoryModel::VerifyColumn,
            BackupHistoryModel::textColumnWidth(BackupHistoryModel::VerifyColumn, metrics) },
        { BackupHistoryModel::LevelColumn,
            BackupHistoryModel::textColumnWidth(BackupHistoryModel::LevelColumn, metrics) },
        { BackupHistoryModel::ProvenAtColumn, 120 }, { BackupHistoryModel::VerifiedAtColumn, 120 },
        { BackupHistoryModel::MethodColumn, 220 }, { BackupHistoryModel::ReasonColumn, 450 } };
    for (const auto& [column, width] : widths)
        header->resizeSection(column, std::max(width, header->sectionSizeHint(column))); // translated titles

    m_historyTable->setObjectName(QStringLiteral("verificationHistoryTable"));
    m_historyTable->setColumnCount(9);
    m_historyTable->setHorizontalHeaderLabels({ tr("When"), tr("Where"), tr("Result"), tr("Level"), tr("Method"),
        tr("Duration"), tr("Entries"), tr("SHA-256"), tr("Reason / details") });
    m_historyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyTable->verticalHeader()->hide();
    m_historyTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_historyTable->verticalHeader()->setDefaultSectionSize(m_historyTable->fontMetrics().height() + 8);
    m_historyTable->setMinimumHeight(4 * (m_historyTable->fontMetrics().height() + 8));
    m_historyTable->horizontalHeader()->setStretchLastSection(true);
    m_historyTable->setWordWrap(false);
    m_historyLabel->setObjectName(QStringLiteral("historyLabel"));
    m_historyLabel->setText(tr("Select a backup to see every verification of it."));

    auto* summary = new QVBoxLayout;
    summary->setSpacing(2);
    summary->addWidget(m_coverageLabel);
    summary->addWidget(m_countsLabel);
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show"), this));
    filters->addWidget(m_stateComboBox);
    filters->addWidget(m_filterLineEdit, 1);
    auto* onHost = new QHBoxLayout;
    onHost->addWidget(new QLabel(tr("On the host:"), this));
    onHost->addWidget(m_verifyLatestButton);
    onHost->addWidget(m_verifySelectedButton);
    onHost->addWidget(m_verifyStaleButton);
    onHost->addWidget(m_staleDaysSpinBox);
    onHost->addStretch(1);
    // Deep applies to both places; on the second row it keeps the panel narrow enough for 1280 pixels in German.
    auto* here = new QHBoxLayout;
    here->addWidget(m_verifyHereButton);
    here->addWidget(m_deepCheckBox);
    here->addStretch(1);
    here->addWidget(m_cancelButton);
    // Progress on a row of its own: beside the buttons only its first words fitted (a German "Download a").
    auto* progress = new QHBoxLayout;
    progress->addWidget(m_progressBar, 1);
    progress->addWidget(m_progressLabel, 3);

    auto* historyPage = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyLabel);
    historyLayout->addWidget(m_historyTable);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tableView);
    splitter->addWidget(historyPage);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 260, 170 });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(summary);
    layout->addLayout(filters);
    layout->addLayout(onHost);
    layout->addLayout(here);
    layout->addLayout(progress);
    layout->addWidget(splitter, 1);

    connect(m_stateComboBox, &QComboBox::currentIndexChanged, this, &VerificationPanel::applyFilter);
    connect(m_filterLineEdit, &QLineEdit::textChanged, this, &VerificationPanel::applyFilter);
    connect(m_verifyLatestButton, &QPushButton::clicked, this,
        [this] { emit verifyOnHostRequested({}, m_deepCheckBox->isChecked()); });
    connect(m_verifySelectedButton, &QPushButton::clicked, this, [this] {
        QStringList files;
        for (const BackupRecord& record : selectedBackups())
            files.append(record.path);
        if (!files.isEmpty())
            emit verifyOnHostRequested(files, m_deepCheckBox->isChecked());
    });
    connect(m_verifyStaleButton, &QPushButton::clicked, this, [this] {
        QStringList files;
        for (const BackupRecord& record : notProvenWithin(m_staleDaysSpinBox->value()))
            files.append(record.path);
        if (files.isEmpty())
            say(tr("Every backup was proven good within the last %n day(s): nothing to verify.", nullptr,
                m_staleDaysSpinBox->value()));
        else
            emit verifyOnHostRequested(files, m_deepCheckBox->isChecked());
    });
    connect(m_verifyHereButton, &QPushButton::clicked, this, [this] {
        const QList<BackupRecord> chosen = selectedBackups();
        if (!chosen.isEmpty())
            emit verifyOnWorkstationRequested(chosen, m_deepCheckBox->isChecked());
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &VerificationPanel::cancelRequested);
    connect(
        m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VerificationPanel::loadHistory);
    connect(
        m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VerificationPanel::updateButtons);
    // Rows a filter hides leave the selection without a selectionChanged.
    for (const auto signal : { &QAbstractItemModel::rowsRemoved, &QAbstractItemModel::rowsInserted })
        connect(m_filter, signal, this, &VerificationPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &VerificationPanel::updateButtons);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &VerificationPanel::updateButtons);
    connect(m_backups, &QAbstractItemModel::modelReset, this, &VerificationPanel::updateSummary);
    connect(m_backups, &QAbstractItemModel::rowsInserted, this, &VerificationPanel::updateSummary);
    connect(m_backups, &QAbstractItemModel::rowsRemoved, this, &VerificationPanel::updateSummary);
    connect(m_backups, &QAbstractItemModel::dataChanged, this, [this] {
        updateSummary();
        loadHistory();
    });
    updateSummary();
    setBusy(false);
}

void VerificationPanel::setHost(const HostProfile& host)
{
    // Called after every operation on the host: the proxy follows the model's rows itself; only a new interval
    // changes which backups are stale, so only then is the filter run again and the summary recounted.
    const bool otherHost = host.id != m_host.id;
    const bool otherInterval = host.verificationIntervalDays != m_backups->verificationInterval();
    m_host = host;
    m_backups->setVerificationInterval(host.verificationIntervalDays);
    if (otherHost) {
        m_historyTable->setRowCount(0);
        m_historyLabel->setText(tr("Select a backup to see every verification of it."));
    }
    if (otherInterval) {
        applyFilter();
        m_staleDaysSpinBox->setValue(host.verificationIntervalDays); // "not proven in N days" follows the host
    }
    if (otherHost || otherInterval)
        updateSummary();
    updateButtons();
}

void VerificationPanel::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
    m_cancelButton->setEnabled(busy);
    if (!busy) {
        m_progressBar->setVisible(false);
        m_progressLabel->setVisible(false);
    }
}

void VerificationPanel::updateButtons()
{
    const bool ready = m_host.id != 0 && !m_busy;
    const bool selected = m_tableView->selectionModel()->hasSelection();
    m_verifyLatestButton->setEnabled(ready);
    m_verifyStaleButton->setEnabled(ready);
    m_verifySelectedButton->setEnabled(ready && selected);
    m_verifyHereButton->setEnabled(ready && selected);
}

void VerificationPanel::say(const QString& text)
{
    m_progressBar->setVisible(false);
    m_progressLabel->setText(text);
    m_progressLabel->setToolTip(text);
    m_progressLabel->setVisible(true);
}

void VerificationPanel::showProgress(const QString& file, int fileNumber, int fileCount, const QString& stage,
    qint64 done, qint64 total, double bytesPerSecond)
{
    m_progressBar->setVisible(true);
    m_progressLabel->setVisible(true);
    // Per mille, so files over 2 GiB fit the bar's int range.
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(total > 0 ? int(done * 1000 / total) : 0);
    const QString what = stage == QLatin1String("download") ? tr("downloading") : tr("verifying");
    const QString text = tr("%1 %2 (%3 of %4): %5 of %6 at %7/s")
                             .arg(what, file)
                             .arg(fileNumber)
                             .arg(fileCount)
                             .arg(BackupHistoryModel::sizeText(done), BackupHistoryModel::sizeText(total),
                                 BackupHistoryModel::sizeText(qint64(bytesPerSecond)));
    m_progressLabel->setText(text);
    m_progressLabel->setToolTip(text); // the label may be cut short
}

QList<BackupRecord> VerificationPanel::selectedBackups() const
{
    QList<BackupRecord> result;
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows) {
        if (const BackupRecord* record = m_backups->record(m_filter->mapToSource(row).row()))
            result.append(*record);
    }
    return result;
}

QList<BackupRecord> VerificationPanel::notProvenWithin(int days) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<BackupRecord> result;
    for (int row = 0; row < m_backups->rowCount(); ++row) {
        const BackupRecord* record = m_backups->record(row);
        if (record->present && !Proof::of(*record, now, days).counts())
            result.append(*record);
    }
    return result;
}

QString VerificationPanel::coverageText() const
{
    return m_coverageLabel->text();
}

void VerificationPanel::applyFilter()
{
    m_filter->setProofState(m_stateComboBox->currentData().toString());
    m_filter->setText(m_filterLineEdit->text());
    if (!m_tableView->selectionModel()->currentIndex().isValid())
        loadHistory(); // the shown backup was filtered out
}

void VerificationPanel::updateSummary()
{
    int counts[4] = {};
    int couldNotVerify = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int interval = m_backups->verificationInterval();
    ProofCoverage coverage;
    for (int row = 0; row < m_backups->rowCount(); ++row) {
        const BackupRecord* record = m_backups->record(row);
        const Proof proof = Proof::of(*record, now, interval);
        ++counts[int(proof.state)];
        couldNotVerify += BackupHistoryModel::couldNotVerify(*record, proof);
        coverage.add(*record, now, interval);
    }
    QString headline = coverage.text(); // "no backups in ..." reads as a headline here
    if (!headline.isEmpty())
        headline[0] = headline[0].toUpper();
    m_coverageLabel->setText(headline);
    // The headline counts the last 30 days; these count every backup, and say so.
    if (m_backups->rowCount() == 0) {
        m_countsLabel->setText(tr("No backups in the catalog yet: Sync lists them."));
    } else {
        m_countsLabel->setText(
            tr("All %n backup(s): %1 proven · %2 with a stale proof (older than %3) · %4 failed · %5 never verified",
                nullptr, m_backups->rowCount())
                .arg(counts[int(ProofState::Proven)])
                .arg(counts[int(ProofState::Stale)])
                .arg(tr("%n day(s)", nullptr, interval))
                .arg(counts[int(ProofState::Failed)])
                .arg(counts[int(ProofState::Unverified)]));
        // Of those never proven, the ones whose newest attempt could not run (a key that does not open them).
        if (couldNotVerify > 0)
            m_countsLabel->setText(m_countsLabel->text() + QStringLiteral(" · ")
                + tr("%n could not be verified", nullptr, couldNotVerify));
    }
    QPalette palette = m_coverageLabel->palette();
    palette.setColor(QPalette::WindowText,
        coverage.failed > 0            ? QColor(0xb0, 0x1c, 0x1c)
            : coverage.percent() >= 90 ? QColor(0x1b, 0x7f, 0x3b)
                                       : QColor(0xa0, 0x5a, 0x00));
    m_coverageLabel->setPalette(palette);
}

void VerificationPanel::loadHistory()
{
    const QModelIndex current = m_tableView->selectionModel()->currentIndex();
    const BackupRecord* record = current.isValid() ? m_backups->record(m_filter->mapToSource(current).row()) : nullptr;
    if (!record) {
        // The filter hid the backup whose history was shown: show none rather than a backup not listed.
        ++m_historyRequest;
        m_historyTable->setRowCount(0);
        m_historyLabel->setText(tr("Select a backup to see every verification of it."));
        return;
    }
    const qint64 hostId = record->hostId;
    const QString path = record->path;
    const quint64 request = ++m_historyRequest;
    m_historyLabel->setText(tr("Verifications of %1").arg(path));
    Catalog* catalog = m_catalog;
    auto* watcher = new QFutureWatcher<QList<VerificationEntry>>(this);
    connect(watcher, &QFutureWatcher<QList<VerificationEntry>>::finished, this, [this, watcher, request, path] {
        watcher->deleteLater();
        if (request != m_historyRequest)
            return; // the user picked another backup meanwhile
        const QList<VerificationEntry> entries = watcher->result();
        m_historyLabel->setText(entries.isEmpty()
                ? tr("%1 was never verified.").arg(path)
                : tr("Verifications of %1 (%2), newest first").arg(path).arg(entries.size()));
        m_historyTable->setRowCount(int(entries.size()));
        for (int row = 0; row < entries.size(); ++row) {
            const VerificationEntry& entry = entries[row];
            const ProofState shown = entry.state == VerifyState::Passed ? ProofState::Proven
                : entry.state == VerifyState::Failed                    ? ProofState::Failed
                                                                        : ProofState::Unverified;
            auto* result = new QTableWidgetItem(
                BackupHistoryModel::proofIcon(shown), BackupHistoryModel::verifyText(entry.state));
            const QString detail = entry.reason.isEmpty() ? entry.details
                : entry.details.isEmpty()                 ? entry.reason
                                                          : entry.reason + QStringLiteral("; ") + entry.details;
            const QStringList cells { QLocale().toString(
                                          entry.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                entry.place == QLatin1String("workstation") ? tr("workstation") : tr("host"), QString(),
                Proof::levelText(entry.level), entry.method,
                entry.durationMs < 0          ? tr("—")
                    : entry.durationMs < 1000 ? tr("%1 ms").arg(entry.durationMs)
                                              : tr("%1 s").arg(QLocale().toString(entry.durationMs / 1000.0, 'f', 1)),
                entry.entries > 0 || (entry.entries == 0 && entry.state == VerifyState::Passed)
                    ? QString::number(entry.entries)
                    : tr("—"),
                entry.sha256.isEmpty() ? tr("—") : entry.sha256.left(16) + QStringLiteral("…"), detail };
            for (int column = 0; column < cells.size(); ++column) {
                auto* item = column == 2 ? result : new QTableWidgetItem(cells[column]);
                if (column == 7 && !entry.sha256.isEmpty())
                    item->setToolTip(entry.sha256);
                if (column == 8)
                    item->setToolTip(detail);
                m_historyTable->setItem(row, column, item);
            }
        }
        if (!entries.isEmpty())
            m_historyTable->resizeColumnsToContents(); // an empty table would squeeze the titles together
    });
    watcher->setFuture(QtConcurrent::run([catalog, hostId, path] {
        auto entries = catalog->verificationHistory(hostId, path);
        return entries ? *entries : QList<VerificationEntry>();
    }));
}

} // namespace dr
