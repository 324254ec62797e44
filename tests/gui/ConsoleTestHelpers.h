#pragma once

#include "app/BackupHistoryModel.h"
#include "app/CommandLogModel.h"
#include "app/ConsoleWindow.h"
#include "app/VerificationPanel.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>

// Lookups the GUI tests share: what a user sees in the console window, found by object name.
namespace dr::test {

/// Does a line of the window's log dock contain @p text?
inline bool logHas(const ConsoleWindow& window, const QString& text)
{
    const auto* log = window.findChild<QTableView*>(QStringLiteral("logTableView"))->model();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->index(row, CommandLogModel::TextColumn).data().toString().contains(text))
            return true;
    }
    return false;
}

/// The Verification tab's table of backups.
inline QTableView* verificationTable(const ConsoleWindow& window)
{
    return window.findChild<VerificationPanel*>()->findChild<QTableView*>(QStringLiteral("verificationTableView"));
}

/// The backups behind the Verification tab's table, unfiltered.
inline BackupHistoryModel* verificationModel(const ConsoleWindow& window)
{
    return qobject_cast<BackupHistoryModel*>(
        qobject_cast<QSortFilterProxyModel*>(verificationTable(window)->model())->sourceModel());
}

/// A host "h" whose backups lie under @p root on this machine, driven by the host tool under test.
inline HostProfile localTestHost(const QString& root, const QStringList& backupDirs)
{
    HostProfile host;
    host.name = QStringLiteral("h");
    host.transport = HostProfile::Transport::Local;
    host.baseDir = root;
    host.backupDirs = backupDirs;
    host.toolPath = qEnvironmentVariable("DRCONSOLE_HOST_TOOL");
    return host;
}

/// Shows @p window and syncs its first host, as a user does on opening the console; false if either stalls.
inline bool showAndSync(ConsoleWindow& window)
{
    QSignalSpy loaded(&window, &ConsoleWindow::hostsReloaded);
    window.resize(1280, 800);
    window.show();
    if (!loaded.wait(10'000))
        return false;
    QSignalSpy synced(&window, &ConsoleWindow::operationFinished);
    window.syncSelected();
    return synced.wait(30'000) && synced.last().at(1).toBool();
}

} // namespace dr::test
