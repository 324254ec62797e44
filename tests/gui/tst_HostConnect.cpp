#include "TestSshd.h"
#include "app/BackupHistoryModel.h"
#include "app/CommandLogModel.h"
#include "app/ConsoleWindow.h"
#include "app/HostKeyDialog.h"
#include "app/HostListModel.h"
#include "core/BackupRecord.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace dr;
using dr::test::TestSshd;

// Connecting from the console to a real sshd on 127.0.0.1, every dialog answered as a user would:
// an unknown host key (refused, then accepted and remembered), a changed key (refused, no way through),
// a key passphrase and a password (asked, kept in memory only, a wrong one asked again), a refused
// connection and a host that accepts the connection but never speaks (bounded, the GUI stays live).
class tst_HostConnect : public QObject
{
    Q_OBJECT

private:
    TestSshd m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Catalog> m_catalog;
    /// Owns the dialog answerers of the running test function, so none outlives it.
    std::unique_ptr<QObject> m_pollers;

    QString knownHosts() const { return m_dir.filePath(QStringLiteral("known_hosts")); }

    /// A window on the shared catalog whose connections use the test's known_hosts and a short timeout.
    std::unique_ptr<ConsoleWindow> makeWindow(const QString& appKnownHosts, int connectTimeoutMs = 5'000)
    {
        auto window = std::make_unique<ConsoleWindow>(m_catalog.get());
        QSignalSpy loaded(window.get(), &ConsoleWindow::hostsReloaded);
        window->sessions()->baseOptions.appKnownHostsFile = appKnownHosts;
        window->sessions()->baseOptions.userKnownHostsFile = m_dir.filePath(QStringLiteral("no-user-known-hosts"));
        window->sessions()->baseOptions.connectTimeoutMs = connectTimeoutMs;
        window->resize(1100, 700);
        window->show();
        QTest::qVerify(loaded.wait(10'000), "loaded.wait(10'000)", "the host list loads", __FILE__, __LINE__);
        return window;
    }

    void addHost(const HostProfile& host)
    {
        const auto added = m_catalog->addHost(host);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().fullText()));
    }

    /// Runs @p handler on the next modal dialog once it shows (exec() has started by then).
    void answerNextDialog(std::function<void(QWidget*)> handler)
    {
        auto* poll = new QTimer(m_pollers.get());
        poll->setInterval(20);
        connect(poll, &QTimer::timeout, poll, [poll, handler] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal || !modal->isVisible())
                return;
            poll->stop();
            poll->deleteLater();
            handler(modal);
        });
        poll->start();
    }

    /// Accepts the next dialog, which must be the host-key dialog; sets @p asked when it showed.
    void acceptNextHostKey(bool* asked = nullptr)
    {
        answerNextDialog([asked](QWidget* modal) {
            auto* dialog = qobject_cast<HostKeyDialog*>(modal);
            QVERIFY(dialog);
            if (asked)
                *asked = true;
            dialog->findChild<QPushButton*>(QStringLiteral("acceptPushButton"))->click();
        });
    }

    static QString hostRowText(ConsoleWindow& window, const QString& host)
    {
        auto* list = window.findChild<QListView*>(QStringLiteral("hostListView"));
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            const QModelIndex index = list->model()->index(row, 0);
            if (index.data(HostListModel::NameRole).toString() == host)
                return index.data().toString();
        }
        return {};
    }

    static QString allLogText(ConsoleWindow& window)
    {
        auto* log = window.findChild<QTableView*>(QStringLiteral("logTableView"));
        QStringList lines;
        for (int row = 0; row < log->model()->rowCount(); ++row)
            lines.append(log->model()->index(row, CommandLogModel::TextColumn).data().toString());
        return lines.join(u'\n');
    }

    QByteArray catalogBytes() const
    {
        QFile file(m_catalog->path());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    bool auditHas(const QString& action, const QString& host, const QString& outcome)
    {
        const auto entries = m_catalog->auditLog();
        for (const AuditEntry& entry : *entries) {
            if (entry.action == action && entry.host == host && entry.outcome == outcome)
                return true;
        }
        return false;
    }

    /// Waits for the window's next operation to end; returns whether it succeeded, -1 if none ended.
    static int waitForOutcome(ConsoleWindow& window, QSignalSpy& spy, int timeoutMs = 30'000)
    {
        Q_UNUSED(window)
        if (spy.isEmpty() && !spy.wait(timeoutMs))
            return -1;
        const bool ok = spy.takeFirst().at(1).toBool();
        return ok ? 1 : 0;
    }

    /// Types @p secret into the password prompt @p modal (which must echo nothing) and accepts it;
    /// its label goes to @p prompts.
    static void typeSecret(QWidget* modal, const QString& secret, QStringList* prompts)
    {
        auto* input = qobject_cast<QInputDialog*>(modal);
        QVERIFY(input);
        QCOMPARE(input->textEchoMode(), QLineEdit::Password);
        prompts->append(input->labelText());
        auto* edit = input->findChild<QLineEdit*>();
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(edit, secret);
        input->accept();
    }

    /// A profile of the test sshd named @p name whose only backup folder, backups/@p folder, holds one complete
    /// gzip'd dump at @p path (made by the host's user).
    HostProfile hostWithOneDump(const QString& name, const QString& folder, const QString& path)
    {
        const int made = m_server.runAsUser(
            QStringLiteral("mkdir -p backups/%1 && printf -- '-- PostgreSQL database dump\\nSELECT 1;\\n-- "
                           "PostgreSQL database dump complete\\n' | gzip > %2")
                .arg(folder, path));
        if (made != 0)
            qWarning("could not make %s on the test host", qPrintable(path));
        HostProfile host = m_server.profile(name);
        host.backupDirs = { QStringLiteral("backups/") + folder };
        return host;
    }

    /// A window on @p host (added to the catalog), whose key is known from the start.
    std::unique_ptr<ConsoleWindow> windowOnKnownHost(const HostProfile& host)
    {
        addHost(host);
        auto window = makeWindow(m_server.writeKnownHosts(QStringLiteral("kh-") + host.name));
        window->selectHost(host.name);
        return window;
    }

    /// Runs @p operation on the window's selected host: true if it succeeded and no dialog showed.
    bool succeedsWithoutAsking(ConsoleWindow& window, void (ConsoleWindow::*operation)())
    {
        QSignalSpy finished(&window, &ConsoleWindow::operationFinished);
        bool asked = false;
        answerNextDialog([&asked](QWidget* modal) {
            asked = true;
            modal->close();
        });
        (window.*operation)();
        const int outcome = waitForOutcome(window, finished);
        m_pollers = std::make_unique<QObject>(); // stop watching: the captured flag goes out of scope
        return outcome == 1 && !asked;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        // Two backups on the "host", made by real gzip, in the seed's layout.
        QCOMPARE(m_server.runAsUser(QStringLiteral("mkdir -p backups/database && "
                                                   "printf -- '-- PostgreSQL database dump\\n' | gzip > "
                                                   "backups/database/postgres-20250101-020000.sql.gz && "
                                                   "printf -- '-- PostgreSQL database dump\\n' | gzip > "
                                                   "backups/database/postgres-20250102-020000.sql.gz")),
            0);
        m_catalog = std::make_unique<Catalog>(m_dir.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(m_catalog->open().ok());
    }

    void init() { m_pollers = std::make_unique<QObject>(); }
    void cleanup() { m_pollers.reset(); }

    void unknownKeyIsAskedRefusedThenAcceptedAndRemembered()
    {
        HostProfile host = m_server.profile(QStringLiteral("ssh-web"));
        host.backupDirs = { QStringLiteral("backups/database") };
        addHost(host);
        const QString fingerprint = m_server.hostKeyFingerprint();
        QVERIFY(fingerprint.startsWith(QLatin1String("SHA256:")));

        auto window = makeWindow(knownHosts());
        window->selectHost(host.name);
        QSignalSpy finished(window.get(), &ConsoleWindow::operationFinished);

        // Refused: the default button is Refuse, and nothing is remembered.
        bool asked = false;
        answerNextDialog([&](QWidget* modal) {
            auto* dialog = qobject_cast<HostKeyDialog*>(modal);
            QVERIFY(dialog);
            asked = true;
            QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("fingerprintLineEdit"))->text(), fingerprint);
            const QString explanation = dialog->findChild<QLabel*>(QStringLiteral("explanationLabel"))->text();
            QVERIFY2(explanation.contains(QLatin1String("ssh-web")), qPrintable(explanation));
            QVERIFY2(explanation.contains(QLatin1String("ssh-ed25519")), qPrintable(explanation));
            QVERIFY2(explanation.contains(fingerprint), qPrintable(explanation));
            auto* refuse = dialog->findChild<QPushButton*>(QStringLiteral("refusePushButton"));
            auto* accept = dialog->findChild<QPushButton*>(QStringLiteral("acceptPushButton"));
            QVERIFY(refuse->isDefault());
            QVERIFY(!accept->isDefault());
            QTest::keyClick(dialog, Qt::Key_Return); // Enter refuses
        });
        window->connectSelected();
        QCOMPARE(waitForOutcome(*window, finished), 0);
        QVERIFY(asked);
        QVERIFY(!QFile::exists(knownHosts()));
        QVERIFY(auditHas(QStringLiteral("host-key"), host.name, QStringLiteral("refused")));
        QVERIFY2(hostRowText(*window, host.name).contains(QLatin1String("error")),
            qPrintable(hostRowText(*window, host.name)));

        // Accepted: the sync goes through and the key lands in the console's known_hosts.
        acceptNextHostKey();
        window->syncSelected();
        QCOMPARE(waitForOutcome(*window, finished), 1);
        QFile file(knownHosts());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("ssh-ed25519"));
        QVERIFY(auditHas(QStringLiteral("host-key"), host.name, QStringLiteral("accepted")));
        auto* table = window->findChild<QTableView*>(QStringLiteral("backupTableView"));
        QTRY_COMPARE(table->model()->rowCount(), 2);
        QVERIFY(hostRowText(*window, host.name).contains(QLatin1String("connected")));
        QTRY_VERIFY(allLogText(*window).contains(QLatin1String("Accepted and remembered")));

        // Remembered: a new console session connects without asking.
        auto second = makeWindow(knownHosts());
        second->selectHost(host.name);
        QVERIFY(succeedsWithoutAsking(*second, &ConsoleWindow::connectSelected));
        QVERIFY(auditHas(QStringLiteral("connect"), host.name, QStringLiteral("ok")));
    }

    void verificationOnThisWorkstationWaitsForTheHostKey()
    {
        // A complete dump in a folder of its own, verified from the Verification tab before any sync: the host
        // key is asked first, and once accepted the verification itself runs (download over SFTP, then checks).
        const HostProfile host = hostWithOneDump(QStringLiteral("ssh-verify"), QStringLiteral("verify"),
            QStringLiteral("backups/verify/postgres-20250103-020000.sql.gz"));
        addHost(host);
        auto window = makeWindow(m_dir.filePath(QStringLiteral("known_hosts_verify")));
        window->selectHost(host.name);
        QTRY_COMPARE(window->selectedHost(), host.name);
        QSignalSpy finished(window.get(), &ConsoleWindow::operationFinished);
        bool asked = false;
        acceptNextHostKey(&asked);
        BackupRecord backup;
        backup.path = QStringLiteral("backups/verify/postgres-20250103-020000.sql.gz");
        window->verifyOnWorkstation({ backup });
        // Refused for the unknown key, asked, then run again once accepted: one outcome, a success.
        QCOMPARE(waitForOutcome(*window, finished), 1);
        QVERIFY(asked);
        QTRY_VERIFY2(
            allLogText(*window).contains(QLatin1String("Passed: backups/verify/postgres-20250103-020000.sql.gz")),
            qPrintable(allLogText(*window)));
        QVERIFY(allLogText(*window).contains(QLatin1String("Downloading")));
    }

    void hostVerifyResultsArriveAfterACutConnection()
    {
        // The console's kept connection is cut while idle (as when following a job lost the host). The sync that
        // brings a host verification's results over reconnects instead of losing them.
        const HostProfile host = hostWithOneDump(QStringLiteral("ssh-cut"), QStringLiteral("cut"),
            QStringLiteral("backups/cut/postgres-20250104-020000.sql.gz"));
        auto window = windowOnKnownHost(host);
        QTRY_COMPARE(window->selectedHost(), host.name);
        QSignalSpy finished(window.get(), &ConsoleWindow::operationFinished);
        window->sessions()->installTool(host);
        QCOMPARE(waitForOutcome(*window, finished), 1);
        QVERIFY(succeedsWithoutAsking(*window, &ConsoleWindow::syncSelected));
        QVERIFY(m_server.killSessions() > 0);

        finished.clear(); // the sync's outcome
        window->verifyOnHost({ QStringLiteral("backups/cut/postgres-20250104-020000.sql.gz") }, false);
        QCOMPARE(waitForOutcome(*window, finished, 60'000), 1);
        const auto backups = m_catalog->backups(m_catalog->host(host.name)->id);
        QVERIFY(backups.ok());
        QCOMPARE(backups->size(), 1);
        QVERIFY2(backups->first().verifyState == VerifyState::Passed, qPrintable(allLogText(*window)));
    }

    void passphraseIsAskedAgainWhenWrongAndKeptInMemoryOnly()
    {
        HostProfile host = m_server.profile(QStringLiteral("ssh-secret-key"));
        host.keyFile = m_server.passphraseKey();
        host.backupDirs = { QStringLiteral("backups/database") };
        auto window = windowOnKnownHost(host);
        QSignalSpy finished(window.get(), &ConsoleWindow::operationFinished);

        const QString wrong = QStringLiteral("not-the-passphrase-1234");
        QStringList prompts;
        answerNextDialog([&](QWidget* modal) {
            typeSecret(modal, wrong, &prompts);
            answerNextDialog([&](QWidget* again) { typeSecret(again, TestSshd::passphrase(), &prompts); });
        });
        window->syncSelected();
        QCOMPARE(waitForOutcome(*window, finished), 1);
        QCOMPARE(prompts.size(), 2);
        QVERIFY2(prompts[0].contains(host.keyFile), qPrintable(prompts[0]));
        QVERIFY2(prompts[1].contains(QLatin1String("does not open")), qPrintable(prompts[1]));
        QTRY_COMPARE(window->findChild<QTableView*>(QStringLiteral("backupTableView"))->model()->rowCount(), 2);

        // Neither secret is written anywhere the console writes.
        const QByteArray stored = catalogBytes();
        QVERIFY(!stored.contains(TestSshd::passphrase().toUtf8()));
        QVERIFY(!stored.contains(wrong.toUtf8()));
        QVERIFY(!allLogText(*window).contains(TestSshd::passphrase()));
        QVERIFY(!allLogText(*window).contains(wrong));

        // The session remembers it: the next sync asks nothing.
        QVERIFY(succeedsWithoutAsking(*window, &ConsoleWindow::syncSelected));
    }

    void refusedPasswordIsExplained()
    {
        // The fixture's sshd has password authentication off: any password is a real refusal.
        HostProfile host = m_server.profile(QStringLiteral("ssh-password"));
        host.auth = HostProfile::Auth::Password;
        host.keyFile.clear();
        auto window = windowOnKnownHost(host);
        QSignalSpy finished(window.get(), &ConsoleWindow::operationFinished);
        const QString password = QStringLiteral("s3cret-never-stored");
        QStringList prompts;
        QString secondPrompt;
        answerNextDialog([&](QWidget* modal) {
            typeSecret(modal, password, &prompts);
            answerNextDialog([&](QWidget* again) {
                auto* retry = qobject_cast<QInputDialog*>(again);
                QVERIFY(retry);
                secondPrompt = retry->labelText();
                retry->reject(); // the user gives up
            });
        });
        QElapsedTimer timer;
        timer.start();
        window->connectSelected();
        QCOMPARE(waitForOutcome(*window, finished), 0);
        QVERIFY2(secondPrompt.contains(QLatin1String("refused that password")), qPrintable(secondPrompt));
        const QString row = hostRowText(*window, host.name);
        QVERIFY2(row.contains(QLatin1String("refused the password")), qPrintable(row));
        QVERIFY(!catalogBytes().contains(password.toUtf8()));
        QVERIFY(!allLogText(*window).contains(password));
        QVERIFY(auditHas(QStringLiteral("connect"), host.name, QStringLiteral("failed")));
        qInfo("refused password: explained after %lld ms", timer.elapsed());
    }

    void refusedConnectionIsExplainedQuickly()
    {
        // A port on 127.0.0.1 that nothing listens on any more.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        HostProfile host = m_server.profile(QStringLiteral("nobody-home"));
        host.port = closedPort;
        addHost(host);
        auto window = makeWindow(knownHosts());
        window->selectHost(host.name);
        QSignalSpy finished(window.get(), &ConsoleWindow::operationFinished);
        QElapsedTimer timer;
        timer.start();
        window->syncSelected();
        QCOMPARE(waitForOutcome(*window, finished, 10'000), 0);
        const qint64 elapsed = timer.elapsed();
        qInfo("refused connection: explained after %lld ms", elapsed);
        QVERIFY(elapsed < 5'000);
        const QString row = hostRowText(*window, host.name);
        QVERIFY2(row.contains(QLatin1String("error")), qPrintable(row));
        QTRY_VERIFY2(allLogText(*window).contains(QString::number(closedPort)), qPrintable(allLogText(*window)));
    }

    void silentHostTimesOutWhileTheWindowStaysLive()
    {
        // Accepts TCP connections and never says a word: what a hung host looks like.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* socket = silent.nextPendingConnection())
                held.append(socket);
        });
        HostProfile host = m_server.profile(QStringLiteral("hung-host"));
        host.port = silent.serverPort();
        addHost(host);
        const int timeoutMs = 2'000;
        auto window = makeWindow(knownHosts(), timeoutMs);
        window->selectHost(host.name);
        QSignalSpy finished(window.get(), &ConsoleWindow::operationFinished);

        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
        QElapsedTimer timer;
        timer.start();
        sinceTick.start();
        ticker.start();
        window->syncSelected();
        QCOMPARE(waitForOutcome(*window, finished, 20'000), 0);
        ticker.stop();
        const qint64 elapsed = timer.elapsed();
        qInfo("silent host: gave up after %lld ms (timeout %d ms), longest event-loop gap %lld ms", elapsed, timeoutMs,
            longestGap);
        QVERIFY(elapsed >= timeoutMs - 200);
        QVERIFY(elapsed < timeoutMs + 3'000);
        QVERIFY(longestGap < 150); // CI runs two tests at once on two cores; quiet runs show 25-85 ms
        const QString row = hostRowText(*window, host.name);
        QVERIFY2(row.contains(QLatin1String("error")), qPrintable(row));

        // Cancel ends the attempt at once, long before the timeout.
        window->syncSelected();
        QTest::qWait(300);
        QElapsedTimer cancelling;
        cancelling.start();
        window->sessions()->cancel(host.name);
        QCOMPARE(waitForOutcome(*window, finished, 20'000), 0);
        qInfo("silent host: cancel took %lld ms", cancelling.elapsed());
        QVERIFY(cancelling.elapsed() < 500);
        qDeleteAll(held);
    }

    // Last: it gives the server a new host key.
    void changedKeyIsRefusedWithNoWayThrough()
    {
        QFile before(knownHosts());
        QVERIFY(before.open(QIODevice::ReadOnly)); // written by the first test
        const QByteArray remembered = before.readAll();
        before.close();
        QString error;
        QVERIFY2(m_server.restartWithNewHostKey(&error), qPrintable(error));

        auto window = makeWindow(knownHosts());
        window->selectHost(QStringLiteral("ssh-web"));
        QSignalSpy finished(window.get(), &ConsoleWindow::operationFinished);
        QString headline;
        QString explanation;
        QList<QMessageBox::ButtonRole> roles;
        bool wasHostKeyDialog = false;
        answerNextDialog([&](QWidget* modal) {
            wasHostKeyDialog = qobject_cast<HostKeyDialog*>(modal) != nullptr;
            auto* box = qobject_cast<QMessageBox*>(modal);
            if (!box) {
                modal->close();
                return;
            }
            QCOMPARE(box->objectName(), QStringLiteral("hostKeyChangedMessageBox"));
            headline = box->text();
            explanation = box->informativeText();
            for (QAbstractButton* button : box->buttons())
                roles.append(box->buttonRole(button));
            QTest::keyClick(box, Qt::Key_Return);
        });
        window->syncSelected();
        QCOMPARE(waitForOutcome(*window, finished), 0);
        QVERIFY(!wasHostKeyDialog);
        QVERIFY2(headline.contains(QLatin1String("ssh-web")), qPrintable(headline));
        QVERIFY2(explanation.contains(QLatin1String("host key changed")), qPrintable(explanation));
        QVERIFY2(explanation.contains(knownHosts()), qPrintable(explanation));
        QCOMPARE(roles, QList<QMessageBox::ButtonRole> { QMessageBox::RejectRole }); // Close, nothing else
        QFile after(knownHosts());
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), remembered);
        QVERIFY(auditHas(QStringLiteral("host-key"), QStringLiteral("ssh-web"), QStringLiteral("changed, refused")));
    }
};

QTEST_MAIN(tst_HostConnect)
#include "tst_HostConnect.moc"
