#include "TestSshd.h"
#include "remote/ConnectOptions.h"
#include "remote/SshTransport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace dr;
using dr::test::TestSshd;

// libssh against a real sshd on loopback: host keys, authentication, commands, and what goes wrong.
class tst_SshTransport : public QObject
{
    Q_OBJECT

private:
    TestSshd m_server;
    QTemporaryDir m_dir;

    ConnectOptions options(const QString& knownHosts) const
    {
        ConnectOptions result;
        result.appKnownHostsFile = m_dir.filePath(knownHosts);
        result.userKnownHostsFile = m_dir.filePath(QStringLiteral("user-known-hosts-") + knownHosts);
        result.connectTimeoutMs = 5'000;
        return result;
    }
    ConnectOptions trusting(const QString& knownHosts) const
    {
        ConnectOptions result = options(knownHosts);
        result.acceptNewHostKey = true;
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void unknownKeyIsShownThenRemembered()
    {
        SshTransport first(m_server.profile(), options(QStringLiteral("kh-unknown")));
        const auto refused = first.open();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::HostKeyUnknown);
        const QString fingerprint = m_server.hostKeyFingerprint();
        QVERIFY(fingerprint.startsWith(QLatin1String("SHA256:")));
        QCOMPARE(refused.error().detail, fingerprint);
        QVERIFY(refused.error().message.contains(fingerprint));
        QVERIFY2(refused.error().message.contains(QLatin1String("ssh-ed25519")), qPrintable(refused.error().message));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("kh-unknown"))));

        // Accepting another fingerprint than the one presented accepts nothing.
        ConnectOptions wrongAnswer = options(QStringLiteral("kh-unknown"));
        wrongAnswer.acceptHostKeyFingerprint = QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        SshTransport mismatched(m_server.profile(), wrongAnswer);
        QCOMPARE(mismatched.open().error().code, Error::Code::HostKeyUnknown);

        ConnectOptions accept = options(QStringLiteral("kh-unknown"));
        accept.acceptHostKeyFingerprint = fingerprint;
        SshTransport second(m_server.profile(), accept);
        QVERIFY2(second.open().ok(), qPrintable(second.open().error().fullText()));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("kh-unknown"))));

        SshTransport third(m_server.profile(), options(QStringLiteral("kh-unknown")));
        const auto remembered = third.open();
        QVERIFY2(remembered.ok(), qPrintable(remembered.ok() ? QString() : remembered.error().fullText()));
    }

    void userKnownHostsIsHonoured()
    {
        QFile userFile(m_dir.filePath(QStringLiteral("user-known-hosts-kh-user")));
        QVERIFY(userFile.open(QIODevice::WriteOnly));
        userFile.write(m_server.knownHostsLine());
        userFile.close();
        SshTransport transport(m_server.profile(), options(QStringLiteral("kh-user")));
        const auto opened = transport.open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().fullText()));
        // Nothing was added to the console's own file: the user's file already vouched for the key.
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("kh-user"))));

        // A host known only by its RSA key is asked for that key, not for its (preferred) Ed25519 one,
        // which would look like a changed key.
        ConnectOptions rsaOnly = options(QStringLiteral("kh-user-rsa"));
        rsaOnly.userKnownHostsFile = m_server.writeKnownHosts(QStringLiteral("user-rsa"), TestSshd::HostKey::Rsa);
        QVERIFY(!rsaOnly.userKnownHostsFile.isEmpty());
        SshTransport rsa(m_server.profile(), rsaOnly);
        const auto openedWithRsa = rsa.open();
        QVERIFY2(openedWithRsa.ok(), qPrintable(openedWithRsa.ok() ? QString() : openedWithRsa.error().fullText()));
        QCOMPARE(rsa.hostKeyFingerprint(), m_server.hostKeyFingerprint(TestSshd::HostKey::Rsa));
        QVERIFY(rsa.run({ QStringLiteral("true") }, RunOptions {}).ok());
    }

    void commandsRunWithExactArgumentsStatusAndInput()
    {
        SshTransport transport(m_server.profile(), trusting(QStringLiteral("kh-run")));
        QStringList logged;
        transport.setLogSink([&](LogKind kind, const QString& text) {
            if (kind == LogKind::Command || kind == LogKind::Stdout)
                logged.append(text);
        });
        const QStringList hostile { QStringLiteral("$(touch pwned)"), QStringLiteral("a'b\"c"),
            QStringLiteral("x;y\nz"), QStringLiteral("`id`"), QStringLiteral("é 日本"), QString() };
        auto printed
            = transport.run(QStringList { QStringLiteral("printf"), QStringLiteral("%s\\0") } + hostile, RunOptions {});
        QVERIFY2(printed.ok(), qPrintable(printed.ok() ? QString() : printed.error().fullText()));
        QCOMPARE(printed->exitStatus, 0);
        QByteArray expected;
        for (const QString& argument : hostile)
            expected += argument.toUtf8() + '\0';
        QCOMPARE(printed->out, expected);
        QVERIFY(!logged.isEmpty() && logged.first().startsWith(QLatin1String("printf")));

        auto status = transport.run(
            { QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo oops >&2; exit 3") }, RunOptions {});
        QVERIFY(status.ok());
        QCOMPARE(status->exitStatus, 3);
        QCOMPARE(status->err, QByteArray("oops\n"));

        RunOptions withInput;
        withInput.stdinData = QByteArray(300'000, 'q') + "end";
        auto echoed = transport.run({ QStringLiteral("cat") }, withInput);
        QVERIFY(echoed.ok());
        QCOMPARE(echoed->out, withInput.stdinData);

        QByteArray listing;
        m_server.runAsUser(QStringLiteral("ls -a ~ ."), &listing);
        QVERIFY2(!listing.contains("pwned"), listing.constData());
    }

    void changedKeyIsRefusedEvenWhenNewKeysAreAccepted()
    {
        {
            SshTransport before(m_server.profile(), trusting(QStringLiteral("kh-changed")));
            QVERIFY(before.open().ok());
        }
        // The user's file as OpenSSH keeps it: hashed names, other hosts and comments around our line (3).
        const QString staleUserFile = m_server.writeKnownHosts(QStringLiteral("user-stale"));
        {
            QFile file(staleUserFile);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const QByteArray line = file.readAll();
            file.resize(0);
            file.write("# a comment\nother.example " + line.mid(line.indexOf(' ') + 1) + line);
        }
        QProcess hash;
        hash.start(QStringLiteral("ssh-keygen"), { QStringLiteral("-H"), QStringLiteral("-f"), staleUserFile });
        QVERIFY(hash.waitForFinished(10'000));
        QCOMPARE(hash.exitCode(), 0);
        QString error;
        QVERIFY2(m_server.restartWithNewHostKey(&error), qPrintable(error));
        SshTransport after(m_server.profile(), trusting(QStringLiteral("kh-changed")));
        const auto refused = after.open();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::HostKeyChanged);
        const QString message = refused.error().message;
        QVERIFY2(message.contains(QLatin1String("host key changed")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("man-in-the-middle")), qPrintable(message));
        QVERIFY2(message.contains(m_dir.filePath(QStringLiteral("kh-changed")) + QStringLiteral(", line 1")),
            qPrintable(message));
        QVERIFY(message.contains(m_server.hostKeyFingerprint()));
        QCOMPARE(refused.error().detail, m_server.hostKeyFingerprint());
        ConnectOptions exact = options(QStringLiteral("kh-changed"));
        exact.acceptHostKeyFingerprint = m_server.hostKeyFingerprint();
        SshTransport stillRefused(m_server.profile(), exact);
        QCOMPARE(stillRefused.open().error().code, Error::Code::HostKeyChanged);

        // The same from the user's ~/.ssh/known_hosts, with nothing in the console's own file.
        ConnectOptions fromUserFile = trusting(QStringLiteral("kh-changed-user"));
        fromUserFile.userKnownHostsFile = staleUserFile;
        SshTransport viaUser(m_server.profile(), fromUserFile);
        const auto refusedByUser = viaUser.open();
        QCOMPARE(refusedByUser.error().code, Error::Code::HostKeyChanged);
        QVERIFY2(refusedByUser.error().message.contains(staleUserFile + QStringLiteral(", line 3")),
            qPrintable(refusedByUser.error().message));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("kh-changed-user"))));
    }

    void wrongUserKeyIsRefused()
    {
        HostProfile host = m_server.profile();
        host.keyFile = m_server.unauthorizedKey();
        SshTransport transport(host, trusting(QStringLiteral("kh-auth")));
        const auto refused = transport.open();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::AuthFailed);
        QVERIFY(refused.error().message.contains(QLatin1String("drtest@sshtest")));

        host.keyFile = m_dir.filePath(QStringLiteral("no-such-key"));
        SshTransport missing(host, trusting(QStringLiteral("kh-auth")));
        const auto notFound = missing.open();
        QCOMPARE(notFound.error().code, Error::Code::NotFound);
        QVERIFY(notFound.error().message.contains(host.keyFile));
    }

    void passwordIsRefusedAndNeverLogged()
    {
        // The fixture's sshd has PasswordAuthentication off: a real refusal.
        HostProfile host = m_server.profile();
        host.auth = HostProfile::Auth::Password;
        ConnectOptions withPassword = trusting(QStringLiteral("kh-password"));
        withPassword.password = QStringLiteral("s3cret-do-not-log");
        SshTransport transport(host, withPassword);
        QStringList logged;
        transport.setLogSink([&](LogKind, const QString& text) { logged.append(text); });
        const auto refused = transport.open();
        QCOMPARE(refused.error().code, Error::Code::AuthFailed);
        QVERIFY2(
            refused.error().message.contains(QLatin1String("drtest@sshtest")), qPrintable(refused.error().message));
        QVERIFY(!logged.isEmpty());
        QVERIFY(!logged.join(u'\n').contains(withPassword.password));
        QVERIFY(!refused.error().fullText().contains(withPassword.password));
    }

    void agentKeysAreUsed()
    {
        // A real ssh-agent of our own, holding the client key.
        const QString socket = m_dir.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"), { QStringLiteral("-D"), QStringLiteral("-a"), socket });
        QVERIFY2(agent.waitForStarted(5'000), qPrintable(agent.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket), 5'000);
        QProcess add;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SSH_AUTH_SOCK"), socket);
        add.setProcessEnvironment(environment);
        add.start(QStringLiteral("ssh-add"), { m_server.clientKey() });
        QVERIFY(add.waitForFinished(10'000));
        QCOMPARE(add.exitCode(), 0);

        const QByteArray previousSocket = qgetenv("SSH_AUTH_SOCK");
        qputenv("SSH_AUTH_SOCK", QFile::encodeName(socket));
        HostProfile host = m_server.profile();
        host.auth = HostProfile::Auth::Agent;
        host.keyFile.clear();
        SshTransport transport(host, trusting(QStringLiteral("kh-agent")));
        const auto ran = transport.run({ QStringLiteral("id"), QStringLiteral("-un") }, RunOptions {});
        if (previousSocket.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", previousSocket);
        agent.terminate();
        agent.waitForFinished(5'000);
        QVERIFY2(ran.ok(), qPrintable(ran.ok() ? QString() : ran.error().fullText()));
        QCOMPARE(ran->out, QByteArray("drtest\n"));
    }

    void passphraseProtectedKey()
    {
        HostProfile host = m_server.profile();
        host.keyFile = m_server.passphraseKey();
        SshTransport without(host, trusting(QStringLiteral("kh-pass")));
        QCOMPARE(without.open().error().code, Error::Code::PassphraseNeeded);
        ConnectOptions wrong = trusting(QStringLiteral("kh-pass"));
        wrong.passphrase = QStringLiteral("wrong");
        SshTransport badPassphrase(host, wrong);
        const auto refused = badPassphrase.open();
        QCOMPARE(refused.error().code, Error::Code::AuthFailed);
        QVERIFY(refused.error().message.contains(QLatin1String("passphrase")));
        ConnectOptions right = trusting(QStringLiteral("kh-pass"));
        right.passphrase = TestSshd::passphrase();
        SshTransport good(host, right);
        QVERIFY(good.open().ok());
    }

    void silentServerTimesOutInBoundedTime()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        HostProfile host = m_server.profile();
        host.port = silent.serverPort();
        ConnectOptions quick = trusting(QStringLiteral("kh-silent"));
        quick.connectTimeoutMs = 2'000;
        // Connect from another thread: this one keeps accepting (and then ignoring) the connection.
        QElapsedTimer timer;
        timer.start();
        auto future = QtConcurrent::run([host, quick] {
            SshTransport transport(host, quick);
            return transport.open();
        });
        while (!future.isFinished() && timer.elapsed() < 20'000)
            QTest::qWait(20);
        QVERIFY(future.isFinished());
        const auto result = future.result();
        QVERIFY(!result.ok());
        QVERIFY2(result.error().code == Error::Code::Timeout, qPrintable(result.error().fullText()));
        QVERIFY(silent.hasPendingConnections()); // the TCP connection was made: it is the SSH banner that never came
        QVERIFY(result.error().message.contains(QLatin1String("sshtest")));
        qInfo("silent server: gave up after %lld ms: %s", timer.elapsed(), qPrintable(result.error().fullText()));
        QVERIFY2(result.error().message.contains(QLatin1String("127.0.0.1")), qPrintable(result.error().message));
        QVERIFY(timer.elapsed() >= quick.connectTimeoutMs - 100);
        QVERIFY(timer.elapsed() < quick.connectTimeoutMs + 2'000);
    }

    void refusedPortIsNamed()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        HostProfile host = m_server.profile();
        host.port = closedPort;
        SshTransport transport(host, trusting(QStringLiteral("kh-refused")));
        const auto result = transport.open();
        QCOMPARE(result.error().code, Error::Code::Network);
        QVERIFY2(result.error().message.contains(QLatin1String("refused")), qPrintable(result.error().message));
    }

    void cancelAndIdleTimeoutStopACommand()
    {
        SshTransport transport(m_server.profile(), trusting(QStringLiteral("kh-cancel")));
        std::atomic_bool cancel { false };
        RunOptions cancellable;
        cancellable.cancel = &cancel;
        QElapsedTimer timer;
        timer.start();
        auto future = QtConcurrent::run([&] {
            return transport.run({ QStringLiteral("sleep"), QStringLiteral("30") }, cancellable);
        });
        QTest::qWait(500);
        cancel = true;
        future.waitForFinished();
        QCOMPARE(future.result().error().code, Error::Code::Cancelled);
        QVERIFY(timer.elapsed() < 5'000);

        RunOptions impatient;
        impatient.idleTimeoutMs = 700;
        timer.restart();
        const auto timedOut = transport.run({ QStringLiteral("sleep"), QStringLiteral("30") }, impatient);
        QCOMPARE(timedOut.error().code, Error::Code::Timeout);
        QVERIFY(timer.elapsed() < 5'000);
        // The session is still usable afterwards.
        QVERIFY(transport.run({ QStringLiteral("true") }, RunOptions {}).ok());
    }

    void connectionCutMidCommandIsReported()
    {
        SshTransport transport(m_server.profile(), trusting(QStringLiteral("kh-cut")));
        QVERIFY(transport.open().ok());
        QElapsedTimer timer;
        timer.start();
        auto future = QtConcurrent::run([&] {
            RunOptions options;
            options.idleTimeoutMs = 20'000;
            return transport.run(
                { QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo started; sleep 30") }, options);
        });
        QTest::qWait(700);
        QVERIFY(m_server.killSessions() > 0);
        future.waitForFinished();
        const auto result = future.result();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Network);
        QVERIFY(result.error().message.contains(QLatin1String("sshtest")));
        QVERIFY(timer.elapsed() < 10'000);
        // A new command reconnects.
        const auto again = transport.run({ QStringLiteral("echo"), QStringLiteral("back") }, RunOptions {});
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().fullText()));
        QCOMPARE(again->out, QByteArray("back\n"));
    }
};

QTEST_GUILESS_MAIN(tst_SshTransport)
#include "tst_SshTransport.moc"
