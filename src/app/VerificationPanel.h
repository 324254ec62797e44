#pragma once

#include "core/BackupRecord.h"
#include "core/HostProfile.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace dr {

class BackupHistoryFilter;
class BackupHistoryModel;
class Catalog;

/// The Verification tab: for the selected host, whether each backup is proven good now (state, level, when,
/// method, reason), the coverage of the last 30 days, the history of one backup's verifications, and the
/// actions that verify on the host (a host-tool job) or on this workstation (download, then verify).
class VerificationPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerificationPanel)

public:
    VerificationPanel(Catalog* catalog, BackupHistoryModel* backups, QWidget* parent = nullptr);

    void setHost(const HostProfile& host);
    /// While the host runs an operation the verify buttons wait and Cancel is offered.
    void setBusy(bool busy);
    void showProgress(const QString& file, int fileNumber, int fileCount, const QString& stage, qint64 done,
        qint64 total, double bytesPerSecond);
    /// The selected rows' backups, in the table's order.
    QList<BackupRecord> selectedBackups() const;
    /// Present backups never proven, or last proven more than @p days ago.
    QList<BackupRecord> notProvenWithin(int days) const;
    QString coverageText() const;

signals:
    void verifyOnHostRequested(const QStringList& files, bool deep);
    void verifyOnWorkstationRequested(const QList<dr::BackupRecord>& backups, bool deep);
    void cancelRequested();

private:
    void applyFilter();
    void updateSummary();
    /// Enabled when there is a host, nothing runs and, for the "selected" ones, a backup is selected.
    void updateButtons();
    /// A line where the progress shows, for an action that had nothing to do.
    void say(const QString& text);
    void loadHistory();

    Catalog* m_catalog;
    BackupHistoryModel* m_backups;
    BackupHistoryFilter* m_filter;
    HostProfile m_host;
    quint64 m_historyRequest = 0;
    bool m_busy = false;

    QLabel* m_coverageLabel;
    QLabel* m_countsLabel;
    QComboBox* m_stateComboBox;
    QLineEdit* m_filterLineEdit;
    QPushButton* m_verifyLatestButton;
    QPushButton* m_verifySelectedButton;
    QPushButton* m_verifyStaleButton;
    QSpinBox* m_staleDaysSpinBox;
    QCheckBox* m_deepCheckBox;
    QPushButton* m_verifyHereButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progressBar;
    QLabel* m_progressLabel;
    QTableView* m_tableView;
    QTableWidget* m_historyTable;
    QLabel* m_historyLabel;
};

} // namespace dr
