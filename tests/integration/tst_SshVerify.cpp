#include "TestSshd.h"
#include "remote/ConnectOptions.h"
#include "remote/SshTransport.h"
#include "verify/WorkstationVerifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace dr;
using dr::test::TestSshd;

// Verification on the workstation of an SSH host's backups: downloaded over SFTP from a real sshd, then
// verified; real tar, gzip, sha256sum and openssl on the "host".
class tst_SshVerify : public QObject
{
    Q_OBJECT

private:
    TestSshd m_server;
    QTemporaryDir m_dir;
    HostProfile m_host;
    ConnectOptions m_options;

    WorkstationVerifyRequest request(const QString& path, const QByteArray& key = {})
    {
        WorkstationVerifyRequest result;
        result.host = m_host;
        result.backup.path = path;
        result.key = key;
        result.downloadDir = m_dir.filePath(QStringLiteral("downloads"));
        return result;
    }
    static QString text(const VerificationEntry& entry)
    {
        return verifyStateId(entry.state) + QStringLiteral(" ") + entry.level + QStringLiteral(": ") + entry.reason;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_options.appKnownHostsFile = m_server.writeKnownHosts(QStringLiteral("known-hosts"));
        m_host = m_server.profile();
        m_host.baseDir = m_server.workDir();
        // Real backups made on the host: an app-data archive with its sidecar, an encrypted dump, a damaged copy.
        const int made = m_server.runAsUser(QStringLiteral(
            "cd '%1' && mkdir -p backups/application backups/database data && "
            "for i in $(seq 1 200); do head -c 20000 /dev/urandom | base64 > data/file$i.txt; done && "
            "tar -czf backups/application/app-data-20261120-020000.tar.gz data && "
            "(cd backups/application && sha256sum app-data-20261120-020000.tar.gz > "
            "app-data-20261120-020000.tar.gz.sha256) && "
            "cp backups/application/app-data-20261120-020000.tar.gz "
            "backups/application/app-data-20261121-020000.tar.gz && "
            "cp backups/application/app-data-20261120-020000.tar.gz.sha256 "
            "backups/application/app-data-20261121-020000.tar.gz.sha256 && "
            "printf 'X' | dd of=backups/application/app-data-20261121-020000.tar.gz bs=1 seek=5000 conv=notrunc "
            "2>/dev/null && "
            "printf -- '-- PostgreSQL database dump\\n\\nCREATE TABLE t (id int);\\n\\n-- PostgreSQL database dump "
            "complete\\n\\n' | gzip | openssl enc -aes-256-cbc -pbkdf2 -salt -pass pass:'s3cret key' > "
            "backups/database/postgres-20261120-020000.sql.gz.enc")
                                                .arg(m_server.workDir()));
        QCOMPARE(made, 0);
    }

    void goodArchiveIsDownloadedAndProven()
    {
        SshTransport transport(m_host, m_options);
        QList<QString> stages;
        WorkstationVerifyRequest good = request(QStringLiteral("backups/application/app-data-20261120-020000.tar.gz"));
        good.progress = [&](const QString& stage, qint64, qint64) {
            if (stages.isEmpty() || stages.last() != stage)
                stages.append(stage);
        };
        const VerificationEntry entry = WorkstationVerifier::verify(transport, good);
        QVERIFY2(entry.state == VerifyState::Passed, qPrintable(text(entry)));
        QCOMPARE(entry.level, QStringLiteral("read-through"));
        QCOMPARE(entry.place, QStringLiteral("workstation"));
        QCOMPARE(entry.entries, 201); // the folder and its 200 files
        QVERIFY2(entry.method.contains(QLatin1String("sha256")), qPrintable(entry.method));
        QVERIFY2(entry.details.contains(QLatin1String("SFTP")), qPrintable(entry.details));
        QCOMPARE(stages, (QList<QString> { QStringLiteral("download"), QStringLiteral("verify") }));
        // Nothing of the backup is left on the workstation, not even an empty folder for the host.
        QVERIFY(!QDir(m_dir.filePath(QStringLiteral("downloads/") + m_host.name)).exists());
    }

    void damagedCopyFailsAgainstTheHostsSidecar()
    {
        SshTransport transport(m_host, m_options);
        const VerificationEntry entry = WorkstationVerifier::verify(
            transport, request(QStringLiteral("backups/application/app-data-20261121-020000.tar.gz")));
        QVERIFY2(entry.state == VerifyState::Failed, qPrintable(text(entry)));
        QVERIFY2(entry.reason.contains(QLatin1String("app-data-20261121-020000.tar.gz")), qPrintable(entry.reason));
        QVERIFY2(!entry.reason.contains(m_dir.path()), qPrintable(entry.reason)); // names the host's file, not the copy
    }

    void catalogChecksumIsTheReference()
    {
        SshTransport transport(m_host, m_options);
        WorkstationVerifyRequest wrong = request(QStringLiteral("backups/application/app-data-20261120-020000.tar.gz"));
        wrong.backup.sha256 = QString(64, u'0');
        const VerificationEntry entry = WorkstationVerifier::verify(transport, wrong);
        QVERIFY2(entry.state == VerifyState::Failed, qPrintable(text(entry)));
    }

    void encryptedDumpNeedsTheRightKey()
    {
        SshTransport transport(m_host, m_options);
        const QString path = QStringLiteral("backups/database/postgres-20261120-020000.sql.gz.enc");
        const VerificationEntry right = WorkstationVerifier::verify(transport, request(path, "s3cret key"));
        QVERIFY2(right.state == VerifyState::Passed, qPrintable(text(right)));
        QCOMPARE(right.level, QStringLiteral("integrity"));
        const VerificationEntry wrong = WorkstationVerifier::verify(transport, request(path, "wrong key"));
        QVERIFY2(wrong.state == VerifyState::Error, qPrintable(text(wrong))); // the key's fault, not the file's
        QVERIFY(wrong.keyRejected);
        QVERIFY2(wrong.reason.contains(QLatin1String("postgres-20261120-020000.sql.gz.enc")), qPrintable(wrong.reason));
        const VerificationEntry none = WorkstationVerifier::verify(transport, request(path));
        QVERIFY2(none.state == VerifyState::Error, qPrintable(text(none))); // no key: could not verify, not a pass
    }

    void vanishedBackupIsNamed()
    {
        SshTransport transport(m_host, m_options);
        WorkstationVerifyRequest listed = request(QStringLiteral("backups/database/postgres-20261122-020000.sql.gz"));
        listed.backup.id = 7; // in the catalog: it was there when the host was listed
        const VerificationEntry entry = WorkstationVerifier::verify(transport, listed);
        QCOMPARE(entry.state, VerifyState::Failed);
        QVERIFY2(entry.reason.contains(QLatin1String("postgres-20261122-020000.sql.gz")), qPrintable(entry.reason));
        QVERIFY2(entry.reason.contains(QLatin1String("vanished")), qPrintable(entry.reason));
        QVERIFY2(entry.reason.contains(m_host.name), qPrintable(entry.reason));

        // A name typed by hand that neither the host nor the catalog knows is no backup: could not verify.
        const VerificationEntry unknown = WorkstationVerifier::verify(
            transport, request(QStringLiteral("backups/database/postgres-20261122-020000.sql.gz")));
        QVERIFY2(unknown.state == VerifyState::Error, qPrintable(text(unknown)));
        QVERIFY2(unknown.reason.contains(QLatin1String("postgres-20261122-020000.sql.gz")), qPrintable(unknown.reason));
        QVERIFY2(unknown.reason.contains(m_host.name), qPrintable(unknown.reason));
    }

    void cliVerifiesAnSshHostOnThisWorkstation()
    {
        // drconsole-cli as an admin runs it: the real binary, a catalog of its own, the test sshd.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DRCONSOLE_CATALOG"), m_dir.filePath(QStringLiteral("cli.sqlite")));
        environment.insert(QStringLiteral("DRCONSOLE_KNOWN_HOSTS"), m_options.appKnownHostsFile);
        auto cli = [&](const QStringList& arguments, QByteArray* out = nullptr) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(DRCONSOLE_CLI_PATH), arguments);
            process.closeWriteChannel();
            process.waitForFinished(60'000);
            if (out)
                *out = process.readAllStandardOutput();
            return process.exitCode();
        };
        QCOMPARE(cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("web1"),
                     QStringLiteral("--address"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                     QString::number(m_server.port()), QStringLiteral("--user"), TestSshd::user(),
                     QStringLiteral("--key"), m_server.clientKey(), QStringLiteral("--base-dir"), m_server.workDir(),
                     QStringLiteral("--backup-dir"), QStringLiteral("backups/application") }),
            0);
        QCOMPARE(cli({ QStringLiteral("sync"), QStringLiteral("web1") }), 0);
        QByteArray out;
        QCOMPARE(cli({ QStringLiteral("verify"), QStringLiteral("web1"),
                         QStringLiteral("backups/application/app-data-20261120-020000.tar.gz"),
                         QStringLiteral("--local"), QStringLiteral("--json") },
                     &out),
            0);
        const QJsonObject passed = QJsonDocument::fromJson(out).array().first().toObject();
        QCOMPARE(passed.value(QStringLiteral("state")).toString(), QStringLiteral("passed"));
        QCOMPARE(passed.value(QStringLiteral("where")).toString(), QStringLiteral("workstation"));
        QCOMPARE(passed.value(QStringLiteral("level")).toString(), QStringLiteral("read-through"));
        QVERIFY(passed.value(QStringLiteral("details")).toString().contains(QLatin1String("SFTP")));
        QCOMPARE(
            cli({ QStringLiteral("verify"), QStringLiteral("web1"),
                QStringLiteral("backups/application/app-data-20261121-020000.tar.gz"), QStringLiteral("--local") }),
            1);
        // The verdicts are in the catalog.
        QCOMPARE(cli({ QStringLiteral("list"), QStringLiteral("web1"), QStringLiteral("--json") }, &out), 0);
        QSet<QString> states;
        for (const auto& value : QJsonDocument::fromJson(out).array())
            states.insert(value.toObject().value(QStringLiteral("verify_state")).toString());
        QCOMPARE(states, (QSet<QString> { QStringLiteral("passed"), QStringLiteral("failed") }));
    }

    void cliAsksThePassphraseOnceAndVerifiesOnce()
    {
        // A key with a passphrase, typed at the prompt: the CLI connects, asks, and runs the work again. That
        // second run once doubled the host's arguments ("verify -- FILE -- FILE", exit 2).
        const QString protectedKey = m_dir.filePath(QStringLiteral("protected-key"));
        QVERIFY(QFile::copy(m_server.clientKey(), protectedKey));
        QFile::setPermissions(protectedKey, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
            { QStringLiteral("-q"), QStringLiteral("-p"), QStringLiteral("-f"), protectedKey, QStringLiteral("-P"),
                QString(), QStringLiteral("-N"), QStringLiteral("typed secret") });
        QVERIFY(keygen.waitForFinished(10'000) && keygen.exitCode() == 0);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DRCONSOLE_KEY_PASSPHRASE"));
        environment.insert(QStringLiteral("DRCONSOLE_CATALOG"), m_dir.filePath(QStringLiteral("cli-typed.sqlite")));
        environment.insert(QStringLiteral("DRCONSOLE_KNOWN_HOSTS"), m_options.appKnownHostsFile);
        // At a terminal (script(1) gives it one), as an admin types it.
        auto typed = [&](const QStringList& arguments, QByteArray* out) {
            QStringList quoted;
            for (const QString& argument : arguments)
                quoted.append(QLatin1Char('\'') + argument + QLatin1Char('\''));
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral("script"),
                { QStringLiteral("-qfec"), QStringLiteral(DRCONSOLE_CLI_PATH " ") + quoted.join(u' '),
                    QStringLiteral("/dev/null") });
            process.write("typed secret\n");
            process.waitForFinished(60'000);
            *out = process.readAllStandardOutput();
            return process.exitCode();
        };
        QByteArray out;
        QCOMPARE(typed({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("typed"),
                           QStringLiteral("--address"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                           QString::number(m_server.port()), QStringLiteral("--user"), TestSshd::user(),
                           QStringLiteral("--key"), protectedKey, QStringLiteral("--base-dir"), m_server.workDir(),
                           QStringLiteral("--backup-dir"), QStringLiteral("backups/application") },
                     &out),
            0);
        QVERIFY2(typed({ QStringLiteral("host"), QStringLiteral("install-tool"), QStringLiteral("typed") }, &out) == 0,
            out.constData());
        for (const QStringList& where : { QStringList {}, QStringList { QStringLiteral("--local") } }) {
            const int exitCode = typed(
                QStringList { QStringLiteral("verify"), QStringLiteral("typed"),
                    QStringLiteral("backups/application/app-data-20261120-020000.tar.gz"), QStringLiteral("--json") }
                    + where,
                &out);
            QVERIFY2(out.contains("Passphrase for"), out.constData());
            QVERIFY2(exitCode == 0, out.constData());
            const QJsonArray results
                = QJsonDocument::fromJson(out.mid(out.indexOf('['), out.lastIndexOf(']') - out.indexOf('[') + 1))
                      .array();
            QCOMPARE(results.size(), 1);
            QCOMPARE(results.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("passed"));
        }
    }

    void downloadCutThenResumedStillProves()
    {
        SshTransport transport(m_host, m_options);
        WorkstationVerifyRequest cut = request(QStringLiteral("backups/application/app-data-20261120-020000.tar.gz"));
        bool killed = false;
        cut.progress = [&](const QString& stage, qint64 done, qint64 total) {
            if (stage == QLatin1String("download") && !killed && done > total / 4 && done < total) {
                killed = true;
                m_server.killSessions();
            }
        };
        const VerificationEntry entry = WorkstationVerifier::verify(transport, cut);
        QVERIFY(killed);
        QVERIFY2(entry.state == VerifyState::Passed, qPrintable(text(entry)));
    }

    void resumedCopyOfOlderBytesIsFetchedAgain()
    {
        // A download cancelled halfway keeps its .part. The backup then rots in place: same size, same time, so
        // the .part is continued, but its bytes are no longer the file's. The verdict must be on the file now.
        const QString path = QStringLiteral("backups/application/app-data-20261125-020000.tar.gz");
        QCOMPARE(
            m_server.runAsUser(QStringLiteral("cd '%1/backups/application' && "
                                              "cp app-data-20261120-020000.tar.gz app-data-20261125-020000.tar.gz && "
                                              "sha256sum app-data-20261125-020000.tar.gz > "
                                              "app-data-20261125-020000.tar.gz.sha256")
                                   .arg(m_server.workDir())),
            0);
        SshTransport transport(m_host, m_options);
        std::atomic_bool cancel = false;
        WorkstationVerifyRequest first = request(path);
        first.cancel = &cancel;
        first.progress = [&](const QString& stage, qint64 done, qint64 total) {
            if (stage == QLatin1String("download") && done > total / 2 && done < total)
                cancel = true;
        };
        const VerificationEntry cancelled = WorkstationVerifier::verify(transport, first);
        QVERIFY2(cancelled.state == VerifyState::Error && cancel, qPrintable(text(cancelled)));
        QCOMPARE(
            m_server.runAsUser(QStringLiteral("cd '%1/backups/application' && f=app-data-20261125-020000.tar.gz && "
                                              "touch -r $f ref && printf 'XXXX' | dd of=$f bs=1 seek=3000 "
                                              "conv=notrunc 2>/dev/null && touch -r ref $f && rm ref")
                                   .arg(m_server.workDir())),
            0);
        const VerificationEntry rotten = WorkstationVerifier::verify(transport, request(path));
        QVERIFY2(rotten.state == VerifyState::Failed, qPrintable(text(rotten)));
        QVERIFY2(rotten.details.contains(QLatin1String("downloaded again whole")), qPrintable(rotten.details));
    }

    void oneBackupIsVerifiedOnceAtATime()
    {
        // A second verification of the same backup would write and remove the first one's copy.
        const QString path = QStringLiteral("backups/application/app-data-20261120-020000.tar.gz");
        const WorkstationVerifyRequest second = request(path);
        QVERIFY(QDir().mkpath(second.downloadDir + u'/' + m_host.name));
        QLockFile running(second.downloadDir + u'/' + m_host.name + u'/'
            + QString::fromLatin1(QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(16))
            + QStringLiteral(".lock"));
        QVERIFY(running.tryLock(0));
        SshTransport transport(m_host, m_options);
        const VerificationEntry refused = WorkstationVerifier::verify(transport, second);
        QVERIFY2(refused.state == VerifyState::Error, qPrintable(text(refused)));
        QVERIFY2(refused.reason.contains(QLatin1String("being verified on this workstation already")),
            qPrintable(refused.reason));
        running.unlock();
        const VerificationEntry after = WorkstationVerifier::verify(transport, second);
        QVERIFY2(after.state == VerifyState::Passed, qPrintable(text(after)));
    }
};

QTEST_GUILESS_MAIN(tst_SshVerify)
#include "tst_SshVerify.moc"
