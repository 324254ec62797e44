#include "app/BackupHistoryModel.h"
#include "app/ConsoleWindow.h"
#include "app/DemoHost.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <unistd.h>

using namespace dr;

// The embedded demo: built by the real make-demo-host.sh (a short history, to keep the test quick),
// added as a local host and synced; a build cancelled half way leaves no host; a missing builder is
// explained in a message, not a crash.
class tst_DemoHost : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<Catalog> openCatalog(const QString& name)
    {
        auto catalog = std::make_unique<Catalog>(m_dir.filePath(name));
        const auto opened = catalog->open();
        if (!opened)
            qWarning("%s", qPrintable(opened.error().fullText()));
        return catalog;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void buildsAShortHistoryAndShowsIt()
    {
        auto catalog = openCatalog(QStringLiteral("built.sqlite"));
        const QString folder = m_dir.filePath(QStringLiteral("demo-host"));
        DemoHost demo(catalog.get());
        demo.setDays(3);
        QSignalSpy ready(&demo, &DemoHost::ready);
        QSignalSpy failed(&demo, &DemoHost::failed);
        QSignalSpy progress(&demo, &DemoHost::progressValue);
        demo.open(folder);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 120'000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][0].toString()));
        QVERIFY(progress.size() >= 3);
        QCOMPARE(progress.last()[0].toInt(), 3); // "demo: day 3/3"
        QCOMPARE(progress.last()[1].toInt(), 3);

        const auto host = catalog->host(QStringLiteral("demo"));
        QVERIFY(host.ok());
        QCOMPARE(host->transport, HostProfile::Transport::Local);
        QCOMPARE(host->baseDir, folder);
        QVERIFY2(QFile::exists(host->toolPath), qPrintable(host->toolPath));
        QVERIFY(catalog->auditLog()->first().action == QLatin1String("demo"));

        // Built once: opening it again adds nothing and builds nothing.
        progress.clear();
        demo.open(folder);
        QCOMPARE(ready.size(), 2);
        QCOMPARE(progress.size(), 0);
        QCOMPARE(catalog->hosts()->size(), 1);

        // The console syncs it and shows what the real host tool made.
        ConsoleWindow window(catalog.get());
        window.show();
        window.selectHost(QStringLiteral("demo"));
        QTRY_COMPARE(window.selectedHost(), QStringLiteral("demo"));
        QSignalSpy finished(&window, &ConsoleWindow::operationFinished);
        window.syncSelected();
        QVERIFY(finished.wait(60'000));
        QVERIFY(finished[0][1].toBool());
        auto* table = window.findChild<QTableView*>(QStringLiteral("backupTableView"));
        QTRY_VERIFY(table->model()->rowCount() > 10);
        QSet<QString> components;
        bool encrypted = false;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            components.insert(table->model()->index(row, BackupHistoryModel::ComponentColumn).data().toString());
            encrypted = encrypted
                || table->model()
                       ->index(row, BackupHistoryModel::EncryptedColumn)
                       .data(BackupHistoryModel::SortRole)
                       .toBool();
        }
        for (const char* component : { "postgres", "sqlite", "app-data", "config" })
            QVERIFY2(components.contains(QLatin1String(component)), component);
        QVERIFY(encrypted);
    }

    void cancelledBuildAddsNoHost()
    {
        auto catalog = openCatalog(QStringLiteral("cancelled.sqlite"));
        const QString folder = m_dir.filePath(QStringLiteral("cancelled-host"));
        DemoHost demo(catalog.get());
        QSignalSpy ready(&demo, &DemoHost::ready);
        QSignalSpy failed(&demo, &DemoHost::failed);
        QSignalSpy progress(&demo, &DemoHost::progressValue);
        demo.open(folder); // 90 days: long enough to cancel in the middle
        QVERIFY(demo.isRunning());
        QVERIFY(progress.wait(60'000));
        const qint64 group = demo.builderProcessId();
        QVERIFY(group > 0);
        QCOMPARE(::getpgid(pid_t(group)), pid_t(group)); // a group of its own
        demo.cancel();
        QVERIFY(failed.wait(10'000));
        // Nothing of the build is left running: not the script, not the lanes it put in the background.
        QTRY_VERIFY_WITH_TIMEOUT(::kill(-pid_t(group), 0) == -1 && errno == ESRCH, 5'000);
        QVERIFY2(failed[0][0].toString().contains(QLatin1String("cancelled")), qPrintable(failed[0][0].toString()));
        QVERIFY(!demo.isRunning());
        QCOMPARE(ready.size(), 0);
        QCOMPARE(catalog->hosts()->size(), 0);
        QVERIFY(!QFile::exists(folder + QStringLiteral("/.drconsole-demo-complete")));
    }

    void missingBuilderIsExplained()
    {
        QTemporaryDir emptyToolDir;
        qputenv("DRCONSOLE_HOST_TOOL_DIR", emptyToolDir.path().toLocal8Bit());
        auto catalog = openCatalog(QStringLiteral("missing.sqlite"));
        ConsoleWindow window(catalog.get());
        window.show();
        QString shown;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            shown = box->text();
            box->accept();
        });
        poll.start();
        window.openDemo(m_dir.filePath(QStringLiteral("never-built")));
        QTRY_VERIFY(!shown.isEmpty());
        qunsetenv("DRCONSOLE_HOST_TOOL_DIR");
        QVERIFY2(shown.contains(emptyToolDir.path() + QStringLiteral("/make-demo-host.sh")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("missing")), qPrintable(shown));
        QCOMPARE(catalog->hosts()->size(), 0);
    }
};

QTEST_MAIN(tst_DemoHost)
#include "tst_DemoHost.moc"
