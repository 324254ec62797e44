#include "ConsoleTestHelpers.h"
#include "TestEnvironment.h"
#include "app/BackupHistoryModel.h"
#include "app/CommandLogModel.h"
#include "app/ConsoleWindow.h"
#include "app/HostListModel.h"
#include "app/VerificationPanel.h"
#include "core/Proof.h"
#include "core/Translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace dr;

// The Verification tab as an admin drives it, offscreen, on a local host of real backups (tar, gzip,
// sqlite3, openssl, sha256sum): verify on this workstation, verify on the host as a host-tool job, the
// key prompt for encrypted backups, the filters, the per-backup history, and the host's status.
class tst_VerificationPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<ConsoleWindow> m_window;
    QString m_root;

    static int sh(const QString& script, const QString& folder)
    {
        QProcess process;
        process.setWorkingDirectory(folder);
        process.start(QStringLiteral("sh"), { QStringLiteral("-ec"), script });
        process.waitForFinished(60'000);
        if (process.exitCode() != 0)
            qWarning() << process.readAllStandardError();
        return process.exitCode();
    }
    VerificationPanel* panel() const { return m_window->findChild<VerificationPanel*>(); }
    QTableView* table() const { return test::verificationTable(*m_window); }
    BackupHistoryModel* model() const { return test::verificationModel(*m_window); }
    const BackupRecord* record(const QString& fileName) const
    {
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->record(row)->fileName() == fileName)
                return model()->record(row);
        }
        return nullptr;
    }
    void selectFiles(const QStringList& fileNames)
    {
        table()->clearSelection();
        auto* proxy = table()->model();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QString path = proxy->index(row, BackupHistoryModel::FileColumn).data(Qt::ToolTipRole).toString();
            if (fileNames.contains(path.mid(path.lastIndexOf(u'/') + 1)))
                table()->selectionModel()->select(
                    proxy->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }
    bool logHas(const QString& text) const { return test::logHas(*m_window, text); }
    bool runAndWait(QPushButton* button)
    {
        QSignalSpy finished(m_window.get(), &ConsoleWindow::operationFinished);
        button->click();
        return finished.wait(60'000) && finished.last().at(1).toBool();
    }

private slots:
    void initTestCase()
    {
        qputenv("DRCONSOLE_NO_KEYCHAIN", "1");
        installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)); // as the console does
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(QStringLiteral("host"));
        QVERIFY(QDir().mkpath(m_root));
        const int made = sh(
            QStringLiteral("mkdir -p backups/database backups/application data\n"
                           "for i in 1 2 3 4 5; do echo \"bot data $i\" > data/f$i.txt; done\n"
                           "tar -czf backups/application/app-data-20261120-020000.tar.gz data\n"
                           "cd backups/application && sha256sum app-data-20261120-020000.tar.gz > "
                           "app-data-20261120-020000.tar.gz.sha256\n"
                           "cp app-data-20261120-020000.tar.gz app-data-20261121-020000.tar.gz\n"
                           "sed 's/20261120/20261121/' app-data-20261120-020000.tar.gz.sha256 > "
                           "app-data-20261121-020000.tar.gz.sha256\n"
                           "printf 'X' | dd of=app-data-20261121-020000.tar.gz bs=1 seek=40 conv=notrunc 2>/dev/null\n"
                           "cd ../database\n"
                           "sqlite3 bot.db 'CREATE TABLE reminders (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO "
                           "reminders (text) "
                           "VALUES (\"a\"), (\"b\");'\n"
                           "gzip -c bot.db > sqlite-20261122-020000.db.gz && rm bot.db\n"
                           "printf -- '-- PostgreSQL database dump\\nCREATE TABLE t (id int);\\n-- PostgreSQL database "
                           "dump complete\\n' "
                           "| gzip | openssl enc -aes-256-cbc -pbkdf2 -salt -pass pass:k3y > "
                           "postgres-20261123-020000.sql.gz.enc\n"),
            m_root);
        QCOMPARE(made, 0);
        m_catalog = std::make_unique<Catalog>(m_dir.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(m_catalog->open().ok());
        const HostProfile host = test::localTestHost(
            m_root, { QStringLiteral("backups/database"), QStringLiteral("backups/application") });
        QVERIFY(QFileInfo(host.toolPath).isExecutable());
        QVERIFY(m_catalog->addHost(host).ok());
        m_window = std::make_unique<ConsoleWindow>(m_catalog.get());
        QVERIFY(test::showAndSync(*m_window));
        QTRY_COMPARE(model()->rowCount(), 4);
        QVERIFY(panel()->coverageText().contains(QLatin1String("0 % of the last 30 days")));
    }

    void verifyOnThisWorkstation()
    {
        m_window->sessions()->setBackupKey(QStringLiteral("h"), "k3y");
        selectFiles({ QStringLiteral("app-data-20261120-020000.tar.gz"),
            QStringLiteral("app-data-20261121-020000.tar.gz"), QStringLiteral("sqlite-20261122-020000.db.gz"),
            QStringLiteral("postgres-20261123-020000.sql.gz.enc") });
        QCOMPARE(panel()->selectedBackups().size(), 4);
        QSignalSpy progress(m_window->sessions(), &HostSessions::verifyProgress);
        // The GUI thread stays free while the worker verifies.
        qint64 longestGap = 0;
        QElapsedTimer sinceTick;
        sinceTick.start();
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        ticker.start(10);
        QVERIFY(runAndWait(panel()->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))));
        ticker.stop();
        QVERIFY(!progress.isEmpty());
        QVERIFY2(longestGap < 150, qPrintable(QString::number(longestGap)));

        QTRY_COMPARE(record(QStringLiteral("app-data-20261121-020000.tar.gz"))->verifyState, VerifyState::Failed);
        const BackupRecord* good = record(QStringLiteral("app-data-20261120-020000.tar.gz"));
        QCOMPARE(good->verifyState, VerifyState::Passed);
        QCOMPARE(good->provenLevel, QStringLiteral("read-through"));
        QCOMPARE(record(QStringLiteral("sqlite-20261122-020000.db.gz"))->provenLevel, QStringLiteral("integrity"));
        QCOMPARE(record(QStringLiteral("postgres-20261123-020000.sql.gz.enc"))->verifyState, VerifyState::Passed);
        QVERIFY2(record(QStringLiteral("app-data-20261121-020000.tar.gz"))
                     ->verifyReason.contains(QLatin1String("app-data-20261121")),
            qPrintable(record(QStringLiteral("app-data-20261121-020000.tar.gz"))->verifyReason));

        // Coverage as a share, never a tick; counts beside it.
        QVERIFY2(panel()->coverageText().startsWith(QLatin1String("75 % of the last 30 days' backups proven (3 of 4)")),
            qPrintable(panel()->coverageText()));
        // The counts beside it say they cover every backup, not the 30 days of the headline.
        const QString counts = panel()->findChild<QLabel*>(QStringLiteral("proofCountsLabel"))->text();
        QVERIFY2(counts.startsWith(
                     QStringLiteral("All 4 backups: 3 proven · 0 with a stale proof (older than 7 days) · 1 failed")),
            qPrintable(counts));
        // The history tab's state column shows the proof, with its icon; the level has a column of its own,
        // a dash where no proof holds.
        const QModelIndex state = model()->index(0, BackupHistoryModel::VerifyColumn);
        QVERIFY(!state.data(Qt::DecorationRole).value<QIcon>().isNull());
        auto levelOf = [this](const QString& fileName) {
            for (int row = 0; row < model()->rowCount(); ++row)
                if (model()->record(row)->fileName() == fileName)
                    return model()->index(row, BackupHistoryModel::LevelColumn).data().toString();
            return QStringLiteral("<missing>");
        };
        QCOMPARE(levelOf(QStringLiteral("sqlite-20261122-020000.db.gz")), QStringLiteral("integrity check"));
        QCOMPARE(
            levelOf(QStringLiteral("app-data-20261120-020000.tar.gz")), QStringLiteral("archive/decrypt read-through"));
        QCOMPARE(levelOf(QStringLiteral("app-data-20261121-020000.tar.gz")), QStringLiteral("—"));
        // The failure stands out on the host's status.
        auto* hosts = m_window->findChild<QListView*>(QStringLiteral("hostListView"));
        QTRY_VERIFY2(
            hosts->model()->index(0, 0).data().toString().contains(QLatin1String("1 backup failed verification")),
            qPrintable(hosts->model()->index(0, 0).data().toString()));
        // On a line of its own, so the sync time after it is never cut off (it was, in German).
        const QStringList lines = hosts->model()->index(0, 0).data().toString().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[1], QStringLiteral("1 backup failed verification"));
        QVERIFY2(lines[2].startsWith(QLatin1String("connected, synced ")), qPrintable(lines[2]));
    }

    void filtersAndHistory()
    {
        auto* state = panel()->findChild<QComboBox*>(QStringLiteral("proofStateComboBox"));
        state->setCurrentIndex(state->findData(QStringLiteral("failed")));
        QCOMPARE(table()->model()->rowCount(), 1);
        state->setCurrentIndex(state->findData(QStringLiteral("proven")));
        QCOMPARE(table()->model()->rowCount(), 3);
        state->setCurrentIndex(state->findData(QStringLiteral("unverified")));
        QCOMPARE(table()->model()->rowCount(), 0);
        state->setCurrentIndex(0);
        QCOMPARE(table()->model()->rowCount(), 4);

        // "Verify selected" does nothing without a selection: it is off until a backup is selected.
        table()->clearSelection();
        QVERIFY(!panel()->findChild<QPushButton*>(QStringLiteral("verifySelectedButton"))->isEnabled());
        QVERIFY(!panel()->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))->isEnabled());
        selectFiles({ QStringLiteral("app-data-20261121-020000.tar.gz") });
        QVERIFY(panel()->findChild<QPushButton*>(QStringLiteral("verifySelectedButton"))->isEnabled());
        QVERIFY(panel()->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))->isEnabled());
        auto* proxy = table()->model();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            if (proxy->index(row, BackupHistoryModel::FileColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("app-data-20261121")))
                table()->setCurrentIndex(proxy->index(row, 0));
        }
        auto* history = panel()->findChild<QTableWidget*>(QStringLiteral("verificationHistoryTable"));
        QTRY_COMPARE(history->rowCount(), 1);
        QCOMPARE(history->item(0, 1)->text(), QStringLiteral("workstation"));
        QCOMPARE(history->item(0, 2)->text(), QStringLiteral("Failed"));
        // Under a second in milliseconds (every duration read "0.0 s"), else in seconds.
        const QString duration = history->item(0, 5)->text();
        QVERIFY2(QRegularExpression(QStringLiteral("^([1-9][0-9]*|0) ms$|^[1-9][0-9]*[.,][0-9] s$"))
                     .match(duration)
                     .hasMatch(),
            qPrintable(duration));
        // A filter that hides that backup hides its history too.
        auto* filter = panel()->findChild<QLineEdit*>(QStringLiteral("verificationFilterLineEdit"));
        filter->setText(QStringLiteral("no-such-backup"));
        QCOMPARE(table()->model()->rowCount(), 0);
        QTRY_COMPARE(history->rowCount(), 0);
        QCOMPARE(panel()->findChild<QLabel*>(QStringLiteral("historyLabel"))->text(),
            QStringLiteral("Select a backup to see every verification of it."));
        filter->clear();
        QCOMPARE(table()->model()->rowCount(), 4);

        // A stale proof's tooltip names the interval it is past.
        BackupRecord old;
        old.verifyState = VerifyState::Passed;
        old.provenAt = QDateTime::currentDateTimeUtc().addDays(-10);
        old.provenLevel = QStringLiteral("checksum");
        const QString tip
            = BackupHistoryModel::verifyToolTip(old, Proof::of(old, QDateTime::currentDateTimeUtc(), 7), 7);
        QVERIFY2(
            tip.startsWith(QLatin1String("Stale: not proved good within the host's verification interval (7 days)")),
            qPrintable(tip));
    }

    void verifyWhatIsNotProvenInNDays()
    {
        // Only the damaged backup lacks a fresh proof: it alone goes to the host tool.
        const QList<BackupRecord> stale = panel()->notProvenWithin(7);
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.first().fileName(), QStringLiteral("app-data-20261121-020000.tar.gz"));
        const QString path = QStringLiteral("backups/application/app-data-20261121-020000.tar.gz");
        const qint64 hostId = m_catalog->host(QStringLiteral("h"))->id;
        const qsizetype before = m_catalog->verificationHistory(hostId, path)->size();
        QVERIFY(runAndWait(panel()->findChild<QPushButton*>(QStringLiteral("verifyStaleButton"))));
        const auto history = m_catalog->verificationHistory(hostId, path);
        QCOMPARE(history->size(), before + 1);
        QCOMPARE(history->first().place, QStringLiteral("host"));
        QCOMPARE(history->first().state, VerifyState::Failed);
        // The good ones were not verified again.
        QCOMPARE(
            m_catalog
                ->verificationHistory(hostId, QStringLiteral("backups/application/app-data-20261120-020000.tar.gz"))
                ->size(),
            1);
    }

    void verifyLatestOnTheHostAsAJob()
    {
        // A backup in a folder of the profile that is not the host tool's BACKUP_DIR (the guide's system-backup/),
        // made after the last sync: "latest" must sync first and find it there.
        QCOMPARE(
            sh(QStringLiteral("mkdir -p system-backup && tar -czf system-backup/config-20261124-020000.tar.gz data"),
                m_root),
            0);
        auto host = m_catalog->host(QStringLiteral("h"));
        QVERIFY(host.ok());
        host->backupDirs.append(QStringLiteral("system-backup"));
        QVERIFY(m_catalog->updateHost(*host).ok());
        m_window->reloadHosts(QStringLiteral("h"));
        auto* hosts
            = qobject_cast<HostListModel*>(m_window->findChild<QListView*>(QStringLiteral("hostListView"))->model());
        QVERIFY(hosts);
        QTRY_VERIFY(hosts->entry(0)->profile.backupDirs.contains(QLatin1String("system-backup")));

        auto* log = m_window->findChild<QTableView*>(QStringLiteral("logTableView"))->model();
        const int logBefore = log->rowCount();
        QVERIFY(runAndWait(panel()->findChild<QPushButton*>(QStringLiteral("verifyLatestButton"))));
        const auto config
            = m_catalog->verificationHistory(host->id, QStringLiteral("system-backup/config-20261124-020000.tar.gz"));
        QVERIFY(config.ok());
        QCOMPARE(config->size(), 1);
        QCOMPARE(config->first().place, QStringLiteral("host"));
        QCOMPARE(config->first().state, VerifyState::Passed);
        // The job's own log lines came through the live log (which takes lines in batches).
        auto sawJob = [&] {
            for (int row = logBefore; row < log->rowCount(); ++row) {
                if (log->index(row, CommandLogModel::TextColumn).data().toString().startsWith(QLatin1String("# job ")))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(sawJob());
        // The newest app-data backup is the damaged one: the host finds it bad too, with a proof level.
        const QString path = QStringLiteral("backups/application/app-data-20261121-020000.tar.gz");
        const auto history = m_catalog->verificationHistory(m_catalog->host(QStringLiteral("h"))->id, path);
        QVERIFY(history.ok());
        // The workstation's verification before, and this one.
        QVERIFY(history->size() >= 2);
        QCOMPARE(history->first().place, QStringLiteral("host"));
        QCOMPARE(history->first().state, VerifyState::Failed);
        QVERIFY(!history->first().level.isEmpty());
    }

    void deepOnThisWorkstationCountsSqlite()
    {
        auto* deep = panel()->findChild<QCheckBox*>(QStringLiteral("deepCheckBox"));
        deep->setChecked(true);
        selectFiles({ QStringLiteral("sqlite-20261122-020000.db.gz") });
        QVERIFY(runAndWait(panel()->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))));
        deep->setChecked(false);
        QTRY_COMPARE(record(QStringLiteral("sqlite-20261122-020000.db.gz"))->provenLevel, QStringLiteral("deep"));
        const auto history = m_catalog->verificationHistory(
            m_catalog->host(QStringLiteral("h"))->id, QStringLiteral("backups/database/sqlite-20261122-020000.db.gz"));
        QVERIFY(history.ok());
        QCOMPARE(history->first().details, QStringLiteral("1 table, 2 rows"));
        // Kept as numbers too, for the CLI's JSON and reports.
        QCOMPARE(history->first().tables, 1);
        QCOMPARE(history->first().rows, 2);
    }

    void cancelStopsAWorkstationVerification()
    {
        // 3 GiB (sparse: no disk used) take seconds to hash; Cancel stops it and nothing is recorded.
        QCOMPARE(sh(QStringLiteral("truncate -s 3G backups/database/postgres-20261118-020000.sql"), m_root), 0);
        QSignalSpy synced(m_window.get(), &ConsoleWindow::operationFinished);
        m_window->syncSelected();
        QVERIFY(synced.wait(30'000));
        QTRY_VERIFY(record(QStringLiteral("postgres-20261118-020000.sql")));
        selectFiles({ QStringLiteral("postgres-20261118-020000.sql") });
        auto* cancel = panel()->findChild<QPushButton*>(QStringLiteral("verifyCancelButton"));
        QSignalSpy progress(m_window->sessions(), &HostSessions::verifyProgress);
        QSignalSpy finished(m_window.get(), &ConsoleWindow::operationFinished);
        panel()->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))->click();
        QVERIFY(progress.wait(30'000));
        QVERIFY(cancel->isEnabled());
        QVERIFY(
            panel()->findChild<QLabel*>(QStringLiteral("verifyProgressLabel"))->text().contains(QLatin1String("/s")));
        QElapsedTimer stopping;
        stopping.start();
        cancel->click();
        QVERIFY(finished.wait(30'000));
        QCOMPARE(finished.last().at(1).toBool(), false);
        QVERIFY2(stopping.elapsed() < 2'000, qPrintable(QString::number(stopping.elapsed())));
        QCOMPARE(record(QStringLiteral("postgres-20261118-020000.sql"))->verifyState, VerifyState::Unverified);
        QVERIFY(!cancel->isEnabled());
        QFile::remove(m_root + QStringLiteral("/backups/database/postgres-20261118-020000.sql"));
    }

    void cancelStopsTheJobOnTheHost()
    {
        // A gzip that first waits a minute, first on the PATH of the (local) host: the job is still running
        // when Cancel is pressed, and must be gone from the host after it.
        const QString slowGzip = m_dir.filePath(QStringLiteral("slow-bin/gzip"));
        QVERIFY(QDir().mkpath(QFileInfo(slowGzip).path()));
        QFile script(slowGzip);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/bash\nsleep 60\nexec /bin/gzip \"$@\"\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", QFileInfo(slowGzip).path().toUtf8() + ':' + path);
        auto restorePath = qScopeGuard([&] { qputenv("PATH", path); });

        selectFiles({ QStringLiteral("app-data-20261120-020000.tar.gz") });
        auto* cancel = panel()->findChild<QPushButton*>(QStringLiteral("verifyCancelButton"));
        QSignalSpy finished(m_window.get(), &ConsoleWindow::operationFinished);
        panel()->findChild<QPushButton*>(QStringLiteral("verifySelectedButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dr::test::processRunningWith(slowGzip), 20'000);
        QVERIFY(cancel->isEnabled());
        cancel->click();
        QVERIFY(finished.wait(30'000));
        QCOMPARE(finished.last().at(1).toBool(), false);
        QVERIFY(!dr::test::processRunningWith(slowGzip));
        // The job's status on the host says so, and the log dock names what happened.
        QDir jobs(m_root + QStringLiteral("/backups/jobs"));
        const QStringList statuses = jobs.entryList({ QStringLiteral("*.status") }, QDir::Files, QDir::Time);
        QVERIFY(!statuses.isEmpty());
        QFile status(jobs.filePath(statuses.first()));
        QVERIFY(status.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(status.readAll()).object().value(QStringLiteral("state")).toString(),
            QStringLiteral("cancelled"));
        QTRY_VERIFY(logHas(QStringLiteral("Cancelled verification job")));
        QVERIFY(!cancel->isEnabled());
    }

    void longFileListsGoInSeveralJobs()
    {
        // 700 names of 100 bytes are more than one shell line may hold on the host: two jobs, every file verified.
        QStringList files;
        for (int i = 0; i < 700; ++i)
            files.append(QStringLiteral("backups/database/missing-%1.sql.gz").arg(i, 80, 10, QLatin1Char('0')));
        const qint64 hostId = m_catalog->host(QStringLiteral("h"))->id;
        const qsizetype before = m_catalog->events(hostId, { QStringLiteral("verify") })->size();
        QSignalSpy finished(m_window.get(), &ConsoleWindow::operationFinished);
        m_window->verifyOnHost(files, false);
        QVERIFY(finished.wait(120'000));
        QVERIFY(finished.last().at(1).toBool());
        QCOMPARE(m_catalog->events(hostId, { QStringLiteral("verify") })->size(), before + 700);
        QTRY_VERIFY(logHas(QStringLiteral("(part 2 of 2)")));
    }

    void encryptedBackupAsksForTheKey()
    {
        m_window->sessions()->setBackupKey(QStringLiteral("h"), {});
        selectFiles({ QStringLiteral("postgres-20261123-020000.sql.gz.enc") });
        bool asked = false;
        QTimer::singleShot(0, this, [&] {
            // The key dialog is modal: answer it like a user, with a wrong key.
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QCOMPARE(dialog->objectName(), QStringLiteral("backupKeyDialog"));
            // No keychain here (DRCONSOLE_NO_KEYCHAIN): no box offers one, and the dialog says where the key stays.
            QVERIFY(dialog->findChild<QCheckBox*>(QStringLiteral("rememberKeyCheckBox"))->isHidden());
            const auto* label = dialog->findChild<QLabel*>(QStringLiteral("backupKeyLabel"));
            QVERIFY(label);
            const QString text = label->text();
            QVERIFY2(text.contains(QLatin1String("kept in memory for this session only"))
                    && text.contains(QLatin1String("DRCONSOLE_NO_KEYCHAIN")),
                qPrintable(text));
            dialog->findChild<QLineEdit*>(QStringLiteral("backupKeyLineEdit"))->setText(QStringLiteral("wrong"));
            asked = true;
            dialog->accept();
        });
        QVERIFY(runAndWait(panel()->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))));
        QVERIFY(asked);
        const BackupRecord* encrypted = record(QStringLiteral("postgres-20261123-020000.sql.gz.enc"));
        // A wrong key is no verdict on the backup: it stays proven from before, and the key is forgotten.
        QCOMPARE(encrypted->verifyState, VerifyState::Error);
        QVERIFY2(encrypted->verifyReason.contains(QLatin1String("key")), qPrintable(encrypted->verifyReason));
        QCOMPARE(Proof::of(*encrypted, QDateTime::currentDateTimeUtc(), 7).state, ProofState::Proven);
        QTRY_COMPARE(m_window->sessions()->backupKey(QStringLiteral("h")), QByteArray());

        // The next run asks again; the right key is kept in memory for the session, nowhere on disk.
        asked = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            dialog->findChild<QLineEdit*>(QStringLiteral("backupKeyLineEdit"))->setText(QStringLiteral("k3y"));
            asked = true;
            dialog->accept();
        });
        QVERIFY(runAndWait(panel()->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))));
        QVERIFY(asked);
        QCOMPARE(record(QStringLiteral("postgres-20261123-020000.sql.gz.enc"))->verifyState, VerifyState::Passed);
        QCOMPARE(m_window->sessions()->backupKey(QStringLiteral("h")), QByteArray("k3y"));
    }

    void aBackupTheKeyDoesNotOpenIsShownAsCouldNotVerify()
    {
        // A new dump encrypted with another key, never proven: verified here with the host's key, which opens
        // the other dump. The key stays (it is the host's), and the new dump reads "Could not verify", not
        // "Never verified".
        QCOMPARE(sh(QStringLiteral("printf -- '-- PostgreSQL database dump\\nCREATE TABLE t (id int);\\n-- "
                                   "PostgreSQL database dump complete\\n' | gzip | openssl enc -aes-256-cbc -pbkdf2 "
                                   "-salt -pass pass:other > backups/database/postgres-20261124-020000.sql.gz.enc"),
                     m_root),
            0);
        QSignalSpy synced(m_window.get(), &ConsoleWindow::operationFinished);
        m_window->syncSelected();
        QVERIFY(synced.wait(30'000));
        QTRY_VERIFY(record(QStringLiteral("postgres-20261124-020000.sql.gz.enc")));
        m_window->sessions()->setBackupKey(QStringLiteral("h"), QByteArray("k3y"));
        selectFiles({ QStringLiteral("postgres-20261123-020000.sql.gz.enc"),
            QStringLiteral("postgres-20261124-020000.sql.gz.enc") });
        QVERIFY(runAndWait(panel()->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))));
        QCOMPARE(record(QStringLiteral("postgres-20261123-020000.sql.gz.enc"))->verifyState, VerifyState::Passed);
        QCOMPARE(record(QStringLiteral("postgres-20261124-020000.sql.gz.enc"))->verifyState, VerifyState::Error);
        QCOMPARE(m_window->sessions()->backupKey(QStringLiteral("h")), QByteArray("k3y"));
        QTRY_VERIFY(logHas(QStringLiteral("opened other backups but not backups/database/postgres-20261124")));

        for (int row = 0; row < model()->rowCount(); ++row) {
            if (model()->record(row)->fileName() == QLatin1String("postgres-20261124-020000.sql.gz.enc"))
                QCOMPARE(model()->index(row, BackupHistoryModel::VerifyColumn).data().toString(),
                    QStringLiteral("Could not verify"));
        }
        auto* state = panel()->findChild<QComboBox*>(QStringLiteral("proofStateComboBox"));
        state->setCurrentIndex(state->findData(QStringLiteral("unverifiable")));
        QCOMPARE(table()->model()->rowCount(), 1);
        state->setCurrentIndex(0);
        const QString counts = panel()->findChild<QLabel*>(QStringLiteral("proofCountsLabel"))->text();
        QVERIFY2(counts.endsWith(QLatin1String("1 could not be verified")), qPrintable(counts));
    }
};

QTEST_MAIN(tst_VerificationPanel)
#include "tst_VerificationPanel.moc"
