#include "app/ConsoleWindow.h"

#include "app/BackupHistoryFilter.h"
#include "app/BackupHistoryModel.h"
#include "app/BackupKeyStore.h"
#include "app/CommandLogModel.h"
#include "app/DemoHost.h"
#include "app/HostEditDialog.h"
#include "app/HostKeyDialog.h"
#include "app/HostListModel.h"
#include "app/VerificationPanel.h"
#include "app/compliance/ComplianceDashboard.h"
#include "app/compliance/HostChartsView.h"
#include "core/BackupFileName.h"

#include "app/compliance/Icons.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace dr {

ConsoleWindow::ConsoleWindow(Catalog* catalog, QWidget* parent)
    : QMainWindow(parent)
    , m_catalog(catalog)
    , m_sessions(new HostSessions(catalog, this))
    , m_hosts(new HostListModel(this))
    , m_backups(new BackupHistoryModel(this))
    , m_filter(new BackupHistoryFilter(this))
    , m_log(new CommandLogModel(this))
    , m_logFilter(new QSortFilterProxyModel(this))
{
    ensureIconsLoaded();
    setObjectName(QStringLiteral("consoleWindow"));
    setWindowTitle(tr("DR Console"));
    buildUi();
    connect(m_sessions, &HostSessions::logLine, m_log, &CommandLogModel::append);
    connect(m_sessions, &HostSessions::started, this, [this](const QString& host, const QString& operation) {
        const QString what = operation == QLatin1String("sync") ? tr("syncing…")
            : operation == QLatin1String("connect")             ? tr("connecting…")
            : operation == QLatin1String("verify")              ? tr("verifying…")
                                                                : tr("installing the host tool…");
        m_hosts->setStatus(host, HostListModel::Status::Working, what);
        statusBar()->showMessage(tr("%1: %2").arg(host, what)); // not the last operation's outcome any more
        updateActions();
    });
    connect(m_sessions, &HostSessions::finished, this, &ConsoleWindow::onFinished);
    connect(m_sessions, &HostSessions::backupKeyRejected, this, [this](const QString& host) {
        // A key from the keychain that fails is not read from there again this session: the user types one.
        m_keyRejected.insert(host);
        m_log->append(host, LogKind::Error,
            tr("The backup key for %1 does not open its encrypted backups; it was forgotten and will be asked for "
               "again")
                .arg(host));
    });
    connect(m_sessions, &HostSessions::verifyProgress, this,
        [this](const QString& host, const QString& file, int number, int count, const QString& stage, qint64 done,
            qint64 total, double speed) {
            if (host == selectedHost())
                m_verification->showProgress(file, number, count, stage, done, total, speed);
        });
    connect(m_sessions, &HostSessions::backupsLoaded, this, &ConsoleWindow::onBackupsLoaded);
    connect(m_sessions, &HostSessions::hostsLoaded, this, &ConsoleWindow::onHostsLoaded);
    reloadHosts();
}

ConsoleWindow::~ConsoleWindow() = default;

void ConsoleWindow::buildUi()
{
    auto icon = [](const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); };
    auto* addAction = new QAction(icon("add"), tr("&Add host…"), this);
    addAction->setObjectName(QStringLiteral("addHostAction"));
    addAction->setShortcut(QKeySequence::New);
    auto* editAction = new QAction(icon("edit"), tr("&Edit host…"), this);
    editAction->setObjectName(QStringLiteral("editHostAction"));
    auto* removeAction = new QAction(icon("remove"), tr("&Remove host"), this);
    removeAction->setObjectName(QStringLiteral("removeHostAction"));
    auto* connectAction = new QAction(icon("host-connected"), tr("C&onnect"), this);
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setToolTip(tr("Connect to the host: check its key and the credentials, run nothing"));
    auto* syncAction = new QAction(icon("refresh"), tr("&Sync"), this);
    syncAction->setObjectName(QStringLiteral("syncAction"));
    syncAction->setShortcut(QKeySequence::Refresh);
    auto* syncAllAction = new QAction(icon("refresh"), tr("Sync a&ll"), this);
    syncAllAction->setObjectName(QStringLiteral("syncAllAction"));
    auto* cancelAction = new QAction(icon("remove"), tr("&Cancel"), this);
    cancelAction->setObjectName(QStringLiteral("cancelAction"));
    cancelAction->setToolTip(tr("Cancel the selected host's running sync"));
    m_cancelAction = cancelAction;
    auto* installAction = new QAction(icon("install"), tr("&Install host tool"), this);
    installAction->setObjectName(QStringLiteral("installToolAction"));
    auto* demoAction = new QAction(icon("drconsole"), tr("Open the &demo host"), this);
    demoAction->setObjectName(QStringLiteral("demoAction"));
    demoAction->setToolTip(tr("A console of its own on a demo host built on this computer; needs no server"));
    auto* quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    m_hostActions = { editAction, removeAction, connectAction, syncAction, installAction };

    connect(addAction, &QAction::triggered, this, &ConsoleWindow::addHost);
    connect(editAction, &QAction::triggered, this, &ConsoleWindow::editHost);
    connect(removeAction, &QAction::triggered, this, &ConsoleWindow::removeHost);
    connect(connectAction, &QAction::triggered, this, &ConsoleWindow::connectSelected);
    connect(syncAction, &QAction::triggered, this, &ConsoleWindow::syncSelected);
    // The demo keeps a catalog of its own, so it opens as a console of its own.
    connect(demoAction, &QAction::triggered, this, [this] {
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), { QStringLiteral("--demo") }))
            QMessageBox::warning(
                this, tr("Demo host"), tr("Cannot start %1 --demo").arg(QCoreApplication::applicationFilePath()));
    });
    connect(syncAllAction, &QAction::triggered, this, &ConsoleWindow::syncAll);
    connect(cancelAction, &QAction::triggered, this, [this] { m_sessions->cancel(selectedHost()); });
    connect(installAction, &QAction::triggered, this, &ConsoleWindow::installTool);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu* hostMenu = menuBar()->addMenu(tr("&Host"));
    hostMenu->addActions({ addAction, editAction, removeAction });
    hostMenu->addSeparator();
    hostMenu->addActions({ connectAction, syncAction, syncAllAction, cancelAction, installAction });
    hostMenu->addSeparator();
    hostMenu->addAction(demoAction);
    hostMenu->addSeparator();
    hostMenu->addAction(quitAction);
    QToolBar* toolBar = addToolBar(tr("Hosts"));
    toolBar->setObjectName(QStringLiteral("hostToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({ addAction, editAction, removeAction });
    toolBar->addSeparator();
    toolBar->addActions({ connectAction, syncAction, syncAllAction, cancelAction, installAction });

    // Hosts.
    m_hostListView = new QListView(this);
    m_hostListView->setObjectName(QStringLiteral("hostListView"));
    m_hostListView->setModel(m_hosts);
    m_hostListView->setIconSize(QSize(22, 22));
    m_hostListView->setSpacing(2);
    m_hostListView->setWordWrap(true);
    m_hostListView->setResizeMode(QListView::Adjust); // wrapped lines follow the splitter
    // A long unbreakable word (a key fingerprint in an error) is cut at the edge, not scrolled to: the tooltip and
    // the log have it whole.
    m_hostListView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(
        m_hostListView->selectionModel(), &QItemSelectionModel::currentChanged, this, &ConsoleWindow::showSelectedHost);
    connect(m_hostListView, &QListView::doubleClicked, this, &ConsoleWindow::syncSelected);

    // Backup history with its filters.
    auto* historyPage = new QWidget(this);
    m_hostHeaderLabel = new QLabel(historyPage);
    m_hostHeaderLabel->setObjectName(QStringLiteral("hostHeaderLabel"));
    m_componentComboBox = new QComboBox(historyPage);
    m_componentComboBox->setObjectName(QStringLiteral("componentComboBox"));
    m_componentComboBox->addItem(tr("All components"), QString());
    for (const QString& component : BackupFileName::knownComponents())
        m_componentComboBox->addItem(component, component);
    m_kindComboBox = new QComboBox(historyPage);
    m_kindComboBox->setObjectName(QStringLiteral("kindComboBox"));
    m_kindComboBox->addItem(tr("All kinds"), QString());
    for (const char* kind : { "full", "incremental", "critical", "config" })
        m_kindComboBox->addItem(BackupHistoryModel::kindText(QLatin1String(kind)), QLatin1String(kind));
    m_kindComboBox->addItem(tr("unknown (unmanaged)"), QStringLiteral("-"));
    m_dateCheckBox = new QCheckBox(tr("From"), historyPage);
    m_dateCheckBox->setObjectName(QStringLiteral("dateFilterCheckBox"));
    m_fromDateEdit = new QDateEdit(QDate::currentDate().addDays(-30), historyPage);
    m_fromDateEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_toDateEdit = new QDateEdit(QDate::currentDate(), historyPage);
    m_toDateEdit->setObjectName(QStringLiteral("toDateEdit"));
    for (QDateEdit* edit : { m_fromDateEdit, m_toDateEdit }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
    }
    m_filterLineEdit = new QLineEdit(historyPage);
    m_filterLineEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_filterLineEdit->setPlaceholderText(tr("Filter by file name…"));
    m_filterLineEdit->setClearButtonEnabled(true);
    m_countLabel = new QLabel(historyPage);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    auto* filterBar = new QHBoxLayout;
    filterBar->addWidget(m_componentComboBox);
    filterBar->addWidget(m_kindComboBox);
    filterBar->addWidget(m_dateCheckBox);
    filterBar->addWidget(m_fromDateEdit);
    filterBar->addWidget(new QLabel(tr("to"), historyPage));
    filterBar->addWidget(m_toDateEdit);
    filterBar->addWidget(m_filterLineEdit, 1);
    filterBar->addWidget(m_countLabel);

    m_filter->setSourceModel(m_backups);
    m_backupTableView = new QTableView(historyPage);
    m_backupTableView->setObjectName(QStringLiteral("backupTableView"));
    m_backupTableView->setModel(m_filter);
    m_backupTableView->setSortingEnabled(true);
    m_backupTableView->sortByColumn(BackupHistoryModel::TimeColumn, Qt::DescendingOrder);
    m_backupTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_backupTableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_backupTableView->setAlternatingRowColors(true);
    m_backupTableView->setWordWrap(false);
    m_backupTableView->setItemDelegateForColumn(
        BackupHistoryModel::FileColumn, new FileNameDelegate(m_backupTableView)); // the stamp at the end matters
    m_backupTableView->verticalHeader()->hide();
    // Fixed row heights: the view never measures 100,000 rows.
    m_backupTableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_backupTableView->verticalHeader()->setDefaultSectionSize(m_backupTableView->fontMetrics().height() + 8);
    QHeaderView* header = m_backupTableView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(BackupHistoryModel::FileColumn, QHeaderView::Stretch);
    const QList<QPair<int, int>> widths { { BackupHistoryModel::TimeColumn, 145 },
        { BackupHistoryModel::ComponentColumn, 105 }, { BackupHistoryModel::KindColumn, 80 },
        { BackupHistoryModel::SizeColumn, 80 }, { BackupHistoryModel::EncryptedColumn, 95 },
        { BackupHistoryModel::ManagedColumn, 95 },
        { BackupHistoryModel::VerifyColumn,
            BackupHistoryModel::textColumnWidth(BackupHistoryModel::VerifyColumn, m_backupTableView->fontMetrics()) } };
    for (const auto& [column, width] : widths)
        header->resizeSection(column, std::max(width, header->sectionSizeHint(column))); // translated titles
    for (int column = BackupHistoryModel::LevelColumn; column < BackupHistoryModel::ColumnCount; ++column)
        m_backupTableView->hideColumn(column); // the Verification tab shows them

    auto* historyLayout = new QVBoxLayout(historyPage);
    historyLayout->addWidget(m_hostHeaderLabel);
    historyLayout->addLayout(filterBar);
    historyLayout->addWidget(m_backupTableView, 1);

    connect(m_componentComboBox, &QComboBox::currentIndexChanged, this, &ConsoleWindow::applyFilter);
    connect(m_kindComboBox, &QComboBox::currentIndexChanged, this, &ConsoleWindow::applyFilter);
    connect(m_dateCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_fromDateEdit->setEnabled(on);
        m_toDateEdit->setEnabled(on);
        applyFilter();
    });
    connect(m_fromDateEdit, &QDateEdit::dateChanged, this, &ConsoleWindow::applyFilter);
    connect(m_toDateEdit, &QDateEdit::dateChanged, this, &ConsoleWindow::applyFilter);
    connect(m_filterLineEdit, &QLineEdit::textChanged, this, &ConsoleWindow::applyFilter);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ConsoleWindow::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ConsoleWindow::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ConsoleWindow::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ConsoleWindow::updateCount);

    m_dashboard = new ComplianceDashboard(m_catalog, this);
    m_charts = new HostChartsView(m_catalog, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabWidget"));
    m_tabs->addTab(historyPage, tr("Backups"));
    m_verification = new VerificationPanel(m_catalog, m_backups, this);
    m_keyStore = new BackupKeyStore(this);
    m_tabs->addTab(m_verification, tr("Verification"));
    m_tabs->addTab(m_dashboard, tr("Compliance"));
    connect(m_verification, &VerificationPanel::verifyOnHostRequested, this, &ConsoleWindow::verifyOnHost);
    connect(
        m_verification, &VerificationPanel::verifyOnWorkstationRequested, this, &ConsoleWindow::verifyOnWorkstation);
    connect(m_verification, &VerificationPanel::cancelRequested, this, [this] { m_sessions->cancel(selectedHost()); });
    m_tabs->addTab(m_charts, tr("Charts"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_dashboard)
            m_dashboard->refresh();
        else if (m_tabs->widget(index) == m_charts && !selectedHost().isEmpty()
            && m_charts->hostName() != selectedHost())
            m_charts->showHost(selectedHost());
    });
    connect(m_dashboard, &ComplianceDashboard::hostActivated, this, [this](const QString& host) {
        selectHost(host);
        m_tabs->setCurrentWidget(m_charts);
        m_charts->showHost(host);
    });

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_hostListView);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 260, 1000 });
    setCentralWidget(splitter);

    // The live log.
    auto* logPage = new QWidget(this);
    auto* logSearch = new QLineEdit(logPage);
    logSearch->setObjectName(QStringLiteral("logFilterLineEdit"));
    logSearch->setPlaceholderText(tr("Search the log…"));
    logSearch->setClearButtonEnabled(true);
    m_logFilter->setSourceModel(m_log);
    m_logFilter->setFilterKeyColumn(-1);
    m_logFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto* logView = new QTableView(logPage);
    logView->setObjectName(QStringLiteral("logTableView"));
    logView->setModel(m_logFilter);
    logView->verticalHeader()->hide();
    logView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    logView->verticalHeader()->setDefaultSectionSize(logView->fontMetrics().height() + 4);
    logView->horizontalHeader()->setStretchLastSection(true);
    logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    logView->setWordWrap(false);
    logView->horizontalHeader()->resizeSection(CommandLogModel::TimeColumn, 100);
    logView->horizontalHeader()->resizeSection(CommandLogModel::HostColumn, 90);
    logView->horizontalHeader()->resizeSection(CommandLogModel::KindColumn, 70);
    connect(logSearch, &QLineEdit::textChanged, m_logFilter, &QSortFilterProxyModel::setFilterFixedString);
    // Follow the end of the log unless the user scrolled up to read.
    connect(m_log, &QAbstractItemModel::rowsInserted, logView, [logView] {
        if (logView->verticalScrollBar()->value() >= logView->verticalScrollBar()->maximum() - 2)
            QMetaObject::invokeMethod(logView, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });
    auto* logLayout = new QVBoxLayout(logPage);
    logLayout->setContentsMargins(4, 4, 4, 4);
    logLayout->addWidget(logSearch);
    logLayout->addWidget(logView);
    auto* logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(logPage);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({ logDock }, { 200 }, Qt::Vertical);
    menuBar()->addMenu(tr("&View"))->addAction(logDock->toggleViewAction());

    statusBar()->showMessage(tr("Ready"));
    updateActions();
}

QString ConsoleWindow::selectedHost() const
{
    const QModelIndex current = m_hostListView->currentIndex();
    return current.isValid() ? current.data(HostListModel::NameRole).toString() : QString();
}

void ConsoleWindow::selectHost(const QString& name)
{
    const int row = m_hosts->rowOf(name);
    if (row >= 0)
        m_hostListView->setCurrentIndex(m_hosts->index(row));
    else
        m_pendingSelection = name;
}

void ConsoleWindow::reloadHosts(const QString& select)
{
    if (!select.isEmpty())
        m_pendingSelection = select;
    m_sessions->loadHosts();
}

void ConsoleWindow::onHostsLoaded(const HostList& list)
{
    if (!list.error.isEmpty()) {
        statusBar()->showMessage(list.error);
        emit hostsReloaded();
        return;
    }
    const QString wanted = m_pendingSelection.isEmpty() ? selectedHost() : m_pendingSelection;
    m_pendingSelection.clear();
    m_hosts->setHosts(list.hosts, list.states);
    if (!wanted.isEmpty())
        selectHost(wanted);
    m_pendingSelection.clear(); // a host that is gone stays unselected
    if (!m_hostListView->currentIndex().isValid() && m_hosts->rowCount() > 0)
        m_hostListView->setCurrentIndex(m_hosts->index(0));
    updateActions();
    m_hostsLoaded = true;
    if (m_syncAllWhenLoaded) {
        m_syncAllWhenLoaded = false;
        syncAll();
    }
    emit hostsReloaded();
}

void ConsoleWindow::showSelectedHost()
{
    const HostListModel::Entry* entry = m_hosts->entry(selectedHost());
    updateActions();
    if (!entry) {
        m_shownHostId = 0;
        m_backups->setRecords({});
        m_hostHeaderLabel->setText(tr("No host selected. Add one with Host > Add host."));
        return;
    }
    m_verification->setHost(entry->profile);
    m_verification->setBusy(m_sessions->isBusy(entry->profile.name));
    if (entry->profile.id != m_shownHostId) {
        m_shownHostId = entry->profile.id;
        m_backups->setRecords({});
        m_sessions->loadBackups(m_shownHostId);
    }
    m_hostHeaderLabel->setText(
        tr("<b>%1</b> — %2%3")
            .arg(entry->profile.name.toHtmlEscaped(), entry->profile.displayAddress().toHtmlEscaped(),
                entry->state.toolVersion.isEmpty()
                    ? tr(" — host tool not installed")
                    : tr(" — host tool %1").arg(entry->state.toolVersion.toHtmlEscaped())));
    if (m_tabs->currentWidget() == m_charts)
        m_charts->showHost(entry->profile.name);
}

void ConsoleWindow::onBackupsLoaded(qint64 hostId, const QList<BackupRecord>& records)
{
    if (hostId != m_shownHostId)
        return; // the user moved on to another host meanwhile
    m_backups->setRecords(records);
    updateCount();
}

void ConsoleWindow::applyFilter()
{
    m_filter->setComponent(m_componentComboBox->currentData().toString());
    m_filter->setKind(m_kindComboBox->currentData().toString());
    if (m_dateCheckBox->isChecked())
        m_filter->setRange(m_fromDateEdit->date().startOfDay(), m_toDateEdit->date().endOfDay());
    else
        m_filter->setRange({}, {});
    m_filter->setText(m_filterLineEdit->text());
    updateCount();
}

void ConsoleWindow::updateCount()
{
    m_countLabel->setText(tr("%1 of %2 backups").arg(m_filter->rowCount()).arg(m_backups->rowCount()));
}

void ConsoleWindow::updateActions()
{
    const bool haveHost = !selectedHost().isEmpty();
    for (QAction* action : std::as_const(m_hostActions))
        action->setEnabled(haveHost);
    m_cancelAction->setEnabled(haveHost && m_sessions->isBusy(selectedHost()));
    if (m_verification)
        m_verification->setBusy(m_sessions->isBusy(selectedHost()));
}

void ConsoleWindow::addHost()
{
    HostEditDialog dialog(HostProfile {}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const HostProfile host = dialog.profile();
    const auto added = m_catalog->addHost(host);
    (void)m_catalog->audit(QStringLiteral("host-add"), host.name, host.displayAddress(),
        added ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!added) {
        QMessageBox::warning(this, tr("Add host"), added.error().fullText());
        return;
    }
    reloadHosts(host.name);
    statusBar()->showMessage(tr("Added host %1").arg(host.name), 5000);
}

void ConsoleWindow::editHost()
{
    const HostListModel::Entry* entry = m_hosts->entry(selectedHost());
    if (!entry)
        return;
    HostEditDialog dialog(entry->profile, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const HostProfile host = dialog.profile();
    const auto saved = m_catalog->updateHost(host);
    (void)m_catalog->audit(QStringLiteral("host-edit"), host.name, host.displayAddress(),
        saved ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!saved) {
        QMessageBox::warning(this, tr("Edit host"), saved.error().fullText());
        return;
    }
    reloadHosts(host.name);
}

void ConsoleWindow::removeHost()
{
    const QString name = selectedHost();
    if (name.isEmpty())
        return;
    // The button says what it does; Cancel stays the default.
    QMessageBox confirm(QMessageBox::Question, tr("Remove host"),
        tr("Remove host %1 and the history the console keeps of it? Nothing on the host itself is touched.").arg(name),
        QMessageBox::Cancel, this);
    QPushButton* remove = confirm.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != remove)
        return;
    const auto removed = m_catalog->removeHost(name);
    (void)m_catalog->audit(
        QStringLiteral("host-remove"), name, {}, removed ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!removed)
        QMessageBox::warning(this, tr("Remove host"), removed.error().fullText());
    m_sessions->forgetHost(name);
    reloadHosts();
}

void ConsoleWindow::connectSelected()
{
    if (const HostListModel::Entry* entry = m_hosts->entry(selectedHost()))
        m_sessions->connectHost(entry->profile);
}

void ConsoleWindow::syncSelected()
{
    if (const HostListModel::Entry* entry = m_hosts->entry(selectedHost()))
        m_sessions->sync(entry->profile);
}

void ConsoleWindow::syncAll()
{
    if (!m_hostsLoaded) {
        m_syncAllWhenLoaded = true;
        return;
    }
    for (int row = 0; row < m_hosts->rowCount(); ++row)
        m_sessions->sync(m_hosts->entry(row)->profile);
}

void ConsoleWindow::installTool()
{
    const HostListModel::Entry* entry = m_hosts->entry(selectedHost());
    if (!entry)
        return;
    const auto answer = QMessageBox::question(this, tr("Install host tool"),
        tr("Copy backup-system.sh and health-check.sh to %1 on host %2 (replacing what is there)?")
            .arg(entry->profile.toolPath, entry->profile.name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_sessions->installTool(entry->profile);
}

void ConsoleWindow::verifyOnHost(const QStringList& files, bool deep)
{
    const HostListModel::Entry* entry = m_hosts->entry(selectedHost());
    if (!entry)
        return;
    if (deep) {
        const auto answer = QMessageBox::question(this, tr("Deep verification"),
            tr("Verify %1 deeply on host %2? Each is checked by what it holds: a PostgreSQL dump is restored into a "
               "throwaway database there (dropped afterwards), a SQLite database has its rows counted, an archive is "
               "extracted into a temporary folder. Your databases are not touched, but the host does the work of a "
               "restore.")
                .arg(files.isEmpty() ? tr("the newest backups") : tr("%n backup(s)", nullptr, int(files.size())),
                    entry->profile.name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    const HostProfile host = entry->profile;
    m_pendingVerify[host.name] = [this, host, files, deep] { m_sessions->verifyOnHost(host, files, deep); };
    m_pendingVerify[host.name]();
}

void ConsoleWindow::verifyOnWorkstation(const QList<BackupRecord>& backups, bool deep)
{
    const HostListModel::Entry* entry = m_hosts->entry(selectedHost());
    if (!entry || backups.isEmpty())
        return;
    const HostProfile host = entry->profile;
    const bool needsKey
        = std::any_of(backups.cbegin(), backups.cend(), [](const BackupRecord& record) { return record.needsKey(); });
    // Kept so that a verification refused for a host key or a passphrase runs again once that is answered.
    m_pendingVerify[host.name] = [this, host, backups, deep] { m_sessions->verifyOnWorkstation(host, backups, deep); };
    if (!needsKey || !m_sessions->backupKey(host.name).isEmpty()) {
        m_sessions->verifyOnWorkstation(host, backups, deep);
        return;
    }
    // The keychain first (unless its key was rejected); then ask, and keep the answer in memory (and in the
    // keychain if the user wants).
    const bool skipKeychain = m_keyRejected.contains(host.name);
    m_keyStore->read(
        host.name, [this, host, backups, deep, skipKeychain](const QByteArray& stored, const QString& problem) {
            QByteArray key = skipKeychain ? QByteArray() : stored;
            if (key.isEmpty()) {
                bool remember = false;
                key = askBackupKey(host, problem, &remember);
                if (key.isEmpty())
                    return;
                if (remember) {
                    m_keyStore->write(host.name, key, [this, host](const QString& error) {
                        m_log->append(host.name, error.isEmpty() ? LogKind::Info : LogKind::Error,
                            error.isEmpty() ? tr("Backup key of %1 kept in the system keychain").arg(host.name)
                                            : tr("Could not keep the backup key of %1 in the system keychain (%2); it "
                                                 "stays in memory for this session")
                                                  .arg(host.name, error));
                    });
                }
            }
            m_keyRejected.remove(host.name);
            m_sessions->setBackupKey(host.name, key);
            m_sessions->verifyOnWorkstation(host, backups, deep);
        });
}

QByteArray ConsoleWindow::askBackupKey(const HostProfile& host, const QString& keychainProblem, bool* remember)
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("backupKeyDialog"));
    dialog.setWindowTitle(tr("Backup key for %1").arg(host.name));
    dialog.setMinimumWidth(440);
    // Only offer the keychain where it answered: a box that cannot keep the key would only fail later.
    const bool keychainUsable = BackupKeyStore::available() && keychainProblem.isEmpty();
    const QString intro = tr("Some of these backups are encrypted (openssl enc -aes-256-cbc -pbkdf2). Enter the "
                             "backup encryption key of host %1.")
                              .arg(host.name);
    const QString keeping = keychainUsable
        ? tr("It is kept in memory for this session, and in the system keychain if you tick the box below; it is "
             "never written to a file.")
        : tr("It is kept in memory for this session only, never written to a file: the system keychain cannot "
             "keep it here (%1).")
              .arg(BackupKeyStore::available() ? keychainProblem
                                               : tr("this build has no keychain support, or "
                                                    "DRCONSOLE_NO_KEYCHAIN is set"));
    auto* label = new QLabel(intro + u' ' + keeping, &dialog);
    label->setObjectName(QStringLiteral("backupKeyLabel"));
    label->setWordWrap(true);
    auto* keyEdit = new QLineEdit(&dialog);
    keyEdit->setObjectName(QStringLiteral("backupKeyLineEdit"));
    keyEdit->setEchoMode(QLineEdit::Password);
    auto* rememberCheckBox = new QCheckBox(tr("Also keep it in the system keychain"), &dialog);
    rememberCheckBox->setObjectName(QStringLiteral("rememberKeyCheckBox"));
    rememberCheckBox->setVisible(keychainUsable);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addWidget(keyEdit);
    layout->addWidget(rememberCheckBox);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    *remember = rememberCheckBox->isChecked();
    return keyEdit->text().toUtf8();
}

void ConsoleWindow::onFinished(const HostOutcome& outcome, const QString& operation)
{
    updateActions();
    const HostListModel::Entry* entry = m_hosts->entry(outcome.host);
    if (outcome.state)
        m_hosts->setState(outcome.host, *outcome.state);
    if (outcome.ok) {
        m_hosts->setStatus(outcome.host, HostListModel::Status::Synced, {});
        statusBar()->showMessage(tr("%1: %2").arg(outcome.host, outcome.summary), 8000);
        if (operation == QLatin1String("install-tool") && entry)
            m_sessions->sync(entry->profile); // shows the version it now runs
        showSelectedHost();
        emit operationFinished(outcome.host, true);
        return;
    }
    const Error& error = outcome.error;
    // A cancel is the user's choice, not a fault of the host.
    m_hosts->setStatus(outcome.host,
        error.code == Error::Code::Cancelled ? HostListModel::Status::Idle : HostListModel::Status::Failed,
        error.message);
    statusBar()->showMessage(tr("%1: %2").arg(outcome.host, error.message), 15000);
    if (!entry) {
        emit operationFinished(outcome.host, false);
        return;
    }
    const HostProfile host = entry->profile;
    auto retry = [this, host, operation] {
        if (operation == QLatin1String("install-tool"))
            m_sessions->installTool(host);
        else if (operation == QLatin1String("connect"))
            m_sessions->connectHost(host);
        else if (operation == QLatin1String("verify") && m_pendingVerify.contains(host.name))
            m_pendingVerify.value(host.name)();
        else
            m_sessions->sync(host);
    };
    switch (error.code) {
    case Error::Code::HostKeyUnknown: {
        HostKeyDialog dialog(host.name, error.message, error.detail, this);
        const bool accepted = dialog.exec() == QDialog::Accepted;
        (void)m_catalog->audit(QStringLiteral("host-key"), host.name, error.detail,
            accepted ? QStringLiteral("accepted") : QStringLiteral("refused"));
        if (accepted) {
            m_sessions->acceptHostKey(host.name, error.detail);
            retry();
            return;
        }
        break;
    }
    case Error::Code::HostKeyChanged: {
        // Explained, and nothing to click that would connect anyway: the fix is on the known_hosts file.
        QMessageBox refusal(QMessageBox::Critical, tr("Host key changed: %1").arg(host.name),
            tr("The console refused to connect to host %1 because its host key changed.").arg(host.name),
            QMessageBox::Close, this);
        refusal.setObjectName(QStringLiteral("hostKeyChangedMessageBox"));
        refusal.setInformativeText(error.message);
        refusal.setDefaultButton(QMessageBox::Close);
        refusal.exec();
        (void)m_catalog->audit(QStringLiteral("host-key"), host.name, error.detail, QStringLiteral("changed, refused"));
        break;
    }
    case Error::Code::PassphraseNeeded:
        if (askSecret(host, false)) {
            retry();
            return;
        }
        break;
    case Error::Code::AuthFailed: {
        // A wrong secret is not kept; one the user typed is asked again, saying it was refused.
        const bool typed = m_sessions->hasSecret(host.name);
        m_sessions->setPassword(host.name, {});
        m_sessions->setPassphrase(host.name, {});
        if (typed && askSecret(host, true)) {
            retry();
            return;
        }
        break;
    }
    default:
        break;
    }
    emit operationFinished(outcome.host, false);
}

bool ConsoleWindow::askSecret(const HostProfile& host, bool refusedBefore)
{
    const bool password = host.auth == HostProfile::Auth::Password;
    QString prompt = password
        ? tr("Password of %1 (kept in memory for this session only):").arg(host.displayAddress())
        : tr("Passphrase of the key %1 (kept in memory for this session only):").arg(host.keyFile);
    if (refusedBefore)
        prompt = (password ? tr("Host %1 refused that password.").arg(host.name)
                           : tr("That passphrase does not open the key %1.").arg(host.keyFile))
            + u'\n' + prompt;
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("secretInputDialog"));
    dialog.setWindowTitle(password ? tr("Password for %1").arg(host.name) : tr("Key passphrase for %1").arg(host.name));
    dialog.setLabelText(prompt);
    dialog.setTextEchoMode(QLineEdit::Password);
    dialog.setInputMode(QInputDialog::TextInput);
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().isEmpty())
        return false;
    if (password)
        m_sessions->setPassword(host.name, dialog.textValue());
    else
        m_sessions->setPassphrase(host.name, dialog.textValue());
    return true;
}

void ConsoleWindow::openDemo(const QString& folder)
{
    if (!m_demo) {
        m_demo = new DemoHost(m_catalog, this);
        connect(m_demo, &DemoHost::progress, this, [this](const QString& line) {
            statusBar()->showMessage(line);
            if (m_demoProgress)
                m_demoProgress->setLabelText(line);
        });
        connect(m_demo, &DemoHost::progressValue, this, [this](int done, int total) {
            if (m_demoProgress) {
                m_demoProgress->setMaximum(total);
                m_demoProgress->setValue(done);
            }
        });
        connect(m_demo, &DemoHost::logLine, m_log,
            [this](const QString& line) { m_log->append(QStringLiteral("demo"), LogKind::Stdout, line); });
        connect(m_demo, &DemoHost::ready, this, [this](const HostProfile& host) {
            closeDemoProgress();
            reloadHosts(host.name);
            m_sessions->sync(host);
        });
        connect(m_demo, &DemoHost::failed, this, [this](const QString& message) {
            closeDemoProgress();
            statusBar()->showMessage(message);
            QMessageBox::warning(this, tr("Demo host"), message);
        });
    }
    if (m_demo->isRunning())
        return;
    // Shown (not exec'd): the build runs as a process and the window stays live; Cancel stops the builder.
    m_demoProgress = new QProgressDialog(tr("Building the demo host in %1…").arg(folder), tr("Cancel"), 0, 0, this);
    m_demoProgress->setObjectName(QStringLiteral("demoProgressDialog"));
    m_demoProgress->setWindowTitle(tr("Demo host"));
    m_demoProgress->setWindowModality(Qt::WindowModal);
    m_demoProgress->setMinimumDuration(300);
    m_demoProgress->setAutoClose(false);
    m_demoProgress->setAutoReset(false);
    connect(m_demoProgress, &QProgressDialog::canceled, m_demo, &DemoHost::cancel);
    m_demo->open(folder);
}

void ConsoleWindow::closeDemoProgress()
{
    if (!m_demoProgress)
        return;
    m_demoProgress->disconnect(m_demo);
    m_demoProgress->deleteLater();
    m_demoProgress = nullptr;
}

} // namespace dr
