#pragma once

#include "app/HostSessions.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QListView;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace dr {

class BackupHistoryFilter;
class BackupKeyStore;
class VerificationPanel;
class BackupHistoryModel;
class CommandLogModel;
class ComplianceDashboard;
class DemoHost;
class HostChartsView;
class HostListModel;

/// The console's main window: hosts on the left, the selected host's backup history, the fleet's
/// compliance and a host's charts in the middle, the live command log at the bottom.
class ConsoleWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleWindow)

public:
    explicit ConsoleWindow(Catalog* catalog, QWidget* parent = nullptr);
    ~ConsoleWindow() override;

    HostSessions* sessions() const { return m_sessions; }
    QString selectedHost() const;
    /// Selects the host, or remembers to once the host list (being loaded) has it.
    void selectHost(const QString& name);
    /// Reloads the host list off the GUI thread; then selects @p select (default: the current host).
    void reloadHosts(const QString& select = {});

    /// Builds the demo host with the real host tool if it is not there yet, then adds and syncs it.
    void openDemo(const QString& folder);

public slots:
    void addHost();
    void editHost();
    void removeHost();
    void connectSelected();
    void syncSelected();
    void syncAll();
    void installTool();
    /// Verifies on this workstation; asks for (or reads from the keychain) the key when a backup is encrypted.
    void verifyOnWorkstation(const QList<dr::BackupRecord>& backups, bool deep = false);
    void verifyOnHost(const QStringList& files, bool deep);

signals:
    /// A sync or other host operation ended (after any dialog it raised was answered).
    void operationFinished(const QString& host, bool ok);
    /// The host list was (re)loaded from the catalog.
    void hostsReloaded();

private:
    void buildUi();
    void onFinished(const HostOutcome& outcome, const QString& operation);
    /// Asks for the host's password or key passphrase (kept in memory only); false when the user cancels.
    bool askSecret(const HostProfile& host, bool refusedBefore);
    /// Asks for a host's backup encryption key; empty when the user cancels. @p remember: keep it in the keychain.
    QByteArray askBackupKey(const HostProfile& host, const QString& keychainProblem, bool* remember);
    void closeDemoProgress();
    void onHostsLoaded(const HostList& list);
    void onBackupsLoaded(qint64 hostId, const QList<BackupRecord>& records);
    void showSelectedHost();
    void applyFilter();
    void updateCount();
    void updateActions();

    Catalog* m_catalog;
    HostSessions* m_sessions;
    HostListModel* m_hosts;
    BackupHistoryModel* m_backups;
    BackupHistoryFilter* m_filter;
    CommandLogModel* m_log;
    QSortFilterProxyModel* m_logFilter;
    qint64 m_shownHostId = 0;
    QString m_pendingSelection;
    bool m_hostsLoaded = false;
    bool m_syncAllWhenLoaded = false;

    QListView* m_hostListView = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_backupTableView = nullptr;
    QComboBox* m_componentComboBox = nullptr;
    QComboBox* m_kindComboBox = nullptr;
    QCheckBox* m_dateCheckBox = nullptr;
    QDateEdit* m_fromDateEdit = nullptr;
    QDateEdit* m_toDateEdit = nullptr;
    QLineEdit* m_filterLineEdit = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_hostHeaderLabel = nullptr;
    ComplianceDashboard* m_dashboard = nullptr;
    HostChartsView* m_charts = nullptr;
    VerificationPanel* m_verification = nullptr;
    BackupKeyStore* m_keyStore = nullptr;
    QHash<QString, std::function<void()>> m_pendingVerify; ///< per host: the last verification asked for
    QSet<QString> m_keyRejected; ///< hosts whose backup key did not open a backup: ask, do not read the keychain
    DemoHost* m_demo = nullptr;
    QProgressDialog* m_demoProgress = nullptr;
    QList<QAction*> m_hostActions;
    QAction* m_cancelAction = nullptr;
};

} // namespace dr
