#include "ConsoleTestHelpers.h"
#include "app/BackupKeyStore.h"
#include "app/HostSessions.h"
#include "app/VerificationPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDirIterator>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace dr;

// The backup key in the system keychain through QtKeychain, against a real Secret Service: gnome-keyring in a
// private D-Bus session with a throwaway HOME (tests/support/with-secret-service.sh starts both). The key a user
// asks to keep is stored there and only there, the next verification takes it from there without asking, and
// a stored key that no longer opens the backups is forgotten for the session and asked for again.
class tst_BackupKeychain : public QObject
{
    Q_OBJECT

private:
    const QString m_fileName = QStringLiteral("postgres-20261123-020000.sql.gz.enc");
    // Quotes, a command substitution and spaces: nothing of it may reach a shell or a file.
    const QByteArray m_key = QByteArrayLiteral("k3y 'with' $(quotes) and spaces");
    QTemporaryDir m_dir;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<ConsoleWindow> m_window;
    QTimer m_answerer;
    int m_asked = 0;
    QByteArray m_answer;
    bool m_rememberAnswer = false;

    static QString writeKey(BackupKeyStore& store, const QString& host, const QByteArray& key)
    {
        QString error = QStringLiteral("no answer");
        bool done = false;
        store.write(host, key, [&](const QString& problem) {
            error = problem;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20'000))
            return QStringLiteral("the keychain did not answer");
        return error;
    }
    static QByteArray readKey(BackupKeyStore& store, const QString& host, QString* error)
    {
        QByteArray key;
        bool done = false;
        store.read(host, [&](const QByteArray& stored, const QString& problem) {
            key = stored;
            *error = problem;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20'000))
            *error = QStringLiteral("the keychain did not answer");
        return key;
    }
    /// The entries `secret-tool` (libsecret, independent of QtKeychain) finds in the Secret Service.
    static QString secretServiceEntries()
    {
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
            { QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                QStringLiteral("DR Console") });
        tool.waitForFinished(20'000);
        return QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
    }
    /// Files under @p root that hold @p secret as it was typed, or in base64 (as QtKeychain hands binary data on).
    static QStringList filesContaining(const QString& root, const QByteArray& secret)
    {
        QStringList found;
        QDirIterator files(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            if (content.contains(secret) || content.contains(secret.toBase64()))
                found.append(file.fileName());
        }
        return found;
    }
    bool logHas(const QString& text) const { return test::logHas(*m_window, text); }
    const BackupRecord* encryptedBackup() const
    {
        const BackupHistoryModel* model = test::verificationModel(*m_window);
        return model->rowCount() == 1 ? model->record(0) : nullptr;
    }
    /// Verifies the host's one backup on this workstation, as a user clicks it, with the session's key forgotten.
    bool verifyHere()
    {
        m_window->sessions()->setBackupKey(QStringLiteral("h"), {});
        auto* panel = m_window->findChild<VerificationPanel*>();
        test::verificationTable(*m_window)->selectAll();
        QSignalSpy finished(m_window.get(), &ConsoleWindow::operationFinished);
        panel->findChild<QPushButton*>(QStringLiteral("verifyHereButton"))->click();
        return finished.wait(60'000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(BackupKeyStore::available(), "this build has no QtKeychain (qtkeychain-qt6-dev)");
        QVERIFY2(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QDir::tempPath()),
            "run under tests/support/with-secret-service.sh: a private bus, never the user's keyring");
        QVERIFY(m_dir.isValid());
        const QString root = m_dir.filePath(QStringLiteral("host"));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/backups/database")));
        QProcess make;
        make.setWorkingDirectory(root + QStringLiteral("/backups/database"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("KEY"), QString::fromUtf8(m_key));
        make.setProcessEnvironment(environment);
        make.start(QStringLiteral("sh"),
            { QStringLiteral("-ec"),
                QStringLiteral("printf -- '-- PostgreSQL database dump\\nCREATE TABLE t (id int);\\n-- PostgreSQL "
                               "database dump complete\\n' | gzip | openssl enc -aes-256-cbc -pbkdf2 -salt -pass "
                               "env:KEY > \"$1\""),
                QStringLiteral("sh"), m_fileName });
        QVERIFY(make.waitForFinished(30'000) && make.exitCode() == 0);

        m_catalog = std::make_unique<Catalog>(m_dir.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(m_catalog->open().ok());
        QVERIFY(m_catalog->addHost(test::localTestHost(root, { QStringLiteral("backups/database") })).ok());
        m_window = std::make_unique<ConsoleWindow>(m_catalog.get());
        QVERIFY(test::showAndSync(*m_window));
        QTRY_VERIFY(encryptedBackup());

        // Answers the key dialog like a user whenever it comes up, and counts how often it did.
        connect(&m_answerer, &QTimer::timeout, this, [this] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog || dialog->objectName() != QLatin1String("backupKeyDialog"))
                return;
            ++m_asked;
            dialog->findChild<QLineEdit*>(QStringLiteral("backupKeyLineEdit"))->setText(QString::fromUtf8(m_answer));
            auto* remember = dialog->findChild<QCheckBox*>(QStringLiteral("rememberKeyCheckBox"));
            QVERIFY(!remember->isHidden());
            remember->setChecked(m_rememberAnswer);
            dialog->accept();
        });
        m_answerer.start(20);
    }

    void keyRoundTripsThroughTheSecretService()
    {
        BackupKeyStore store;
        QString error;
        // No key kept for a host: the keychain works, so that is no problem with it (the box is offered).
        QVERIFY(readKey(store, QStringLiteral("nobody"), &error).isEmpty());
        QCOMPARE(error, QString());

        QCOMPARE(writeKey(store, QStringLiteral("round-trip"), m_key), QString());
        QCOMPARE(readKey(store, QStringLiteral("round-trip"), &error), m_key);
        QCOMPARE(error, QString());
        // It is in the Secret Service (found by libsecret's own tool), not in a file of its own.
        QVERIFY2(secretServiceEntries().contains(QLatin1String("backup-encryption-key/round-trip")),
            qPrintable(secretServiceEntries()));
        QCOMPARE(filesContaining(QDir::homePath(), m_key), QStringList());
    }

    void keyKeptOnRequestIsTakenFromTheKeychainNextTime()
    {
        // The first verification asks; the user ticks "Also keep it in the system keychain".
        m_asked = 0;
        m_answer = m_key;
        m_rememberAnswer = true;
        QVERIFY(verifyHere());
        QCOMPARE(m_asked, 1);
        QCOMPARE(encryptedBackup()->verifyState, VerifyState::Passed);
        QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("Backup key of h kept in the system keychain")), 20'000);
        QVERIFY2(secretServiceEntries().contains(QLatin1String("backup-encryption-key/h")),
            qPrintable(secretServiceEntries()));

        // The session's copy forgotten (as after a restart): the key comes from the keychain, nobody is asked.
        QVERIFY(verifyHere());
        QCOMPARE(m_asked, 1);
        QCOMPARE(encryptedBackup()->verifyState, VerifyState::Passed);
        QCOMPARE(m_window->sessions()->backupKey(QStringLiteral("h")), m_key);

        // Never in a file: not in the console's settings under HOME, not next to the catalog.
        QCOMPARE(filesContaining(QDir::homePath(), m_key), QStringList());
        QCOMPARE(filesContaining(m_dir.path(), m_key), QStringList());
    }

    void staleKeyInTheKeychainIsForgottenAndAskedFor()
    {
        BackupKeyStore store;
        QCOMPARE(writeKey(store, QStringLiteral("h"), QByteArrayLiteral("an old key")), QString());
        m_asked = 0;
        // The keychain's key does not open the backup: no verdict on the backup, the key is dropped, nobody asked.
        QVERIFY(verifyHere());
        QCOMPARE(m_asked, 0);
        QCOMPARE(encryptedBackup()->verifyState, VerifyState::Error);
        QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("does not open its encrypted backups")), 20'000);

        // The next run does not take the rejected key again: it asks, and the answer replaces it in the keychain.
        m_answer = m_key;
        m_rememberAnswer = true;
        QVERIFY(verifyHere());
        QCOMPARE(m_asked, 1);
        QCOMPARE(encryptedBackup()->verifyState, VerifyState::Passed);
        QString error;
        QTRY_COMPARE_WITH_TIMEOUT(readKey(store, QStringLiteral("h"), &error), m_key, 20'000);
    }
};

QTEST_MAIN(tst_BackupKeychain)
#include "tst_BackupKeychain.moc"
