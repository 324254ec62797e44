// Remote copies by rsync over a real SSH connection (the test's own sshd on 127.0.0.1), strict host key.
#include "HostProject.h"
#include "TestSshd.h"

#include <QTest>

using namespace dr::test;

class tst_HostRemote : public QObject
{
    Q_OBJECT

private:
    TestSshd m_sshd;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
    }

    void rsyncOverSsh()
    {
        HostProject project;
        QVERIFY(project.isValid());
        QDir().mkpath(project.file(QStringLiteral("data")));
        project.sqlite(project.file(QStringLiteral("data/discord_bot.db")),
            QStringLiteral("CREATE TABLE t(a); INSERT INTO t VALUES (42);"));
        const QString knownHosts = m_sshd.writeKnownHosts(QStringLiteral("known_hosts_rsync"));
        const QString destination = QStringLiteral("%1@127.0.0.1:%2/offsite").arg(TestSshd::user(), m_sshd.workDir());
        project.env.insert(QStringLiteral("BACKUP_REMOTE_ENABLED"), QStringLiteral("true"));
        project.env.insert(QStringLiteral("BACKUP_RSYNC_DESTINATION"), destination);
        project.env.insert(QStringLiteral("BACKUP_RSYNC_SSH"),
            QStringLiteral("ssh -p %1 -i %2 -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=%3")
                .arg(m_sshd.port())
                .arg(m_sshd.clientKey(), knownHosts));
        ToolResult result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QString backup = project.lastBackup(QStringLiteral("sqlite"));
        const QJsonObject copy = project.events(QStringLiteral("remote_copy")).last();
        QCOMPARE(copy.value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(copy.value(QStringLiteral("destination")).toString(), QStringLiteral("rsync:") + destination);
        QByteArray remoteSum;
        const QString relative = backup.mid(QStringLiteral("backups/").size());
        QCOMPARE(m_sshd.runAsUser(QStringLiteral("cd %1/offsite/%2 && sha256sum -c %3.sha256")
                                      .arg(m_sshd.workDir(), relative.section(u'/', 0, -2), relative.section(u'/', -1)),
                     &remoteSum),
            0);

        // A host key that does not match: the copy fails and says so; nothing is trusted blindly.
        QVERIFY(project.writeFile(QStringLiteral("wrong_known_hosts"),
            "[127.0.0.1]:1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB4Qm9J0V6GgmMKp7Y0HhN6F0q8mE4cJbP9oC2u7xYzW\n"));
        project.env.insert(QStringLiteral("BACKUP_RSYNC_SSH"),
            QStringLiteral("ssh -p %1 -i %2 -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=%3")
                .arg(m_sshd.port())
                .arg(m_sshd.clientKey(), project.file(QStringLiteral("wrong_known_hosts"))));
        project.env.insert(QStringLiteral("BACKUP_NOW"), QString::number(QDateTime::currentSecsSinceEpoch() + 30));
        result = project.run({ QStringLiteral("backup"), QStringLiteral("critical") });
        QCOMPARE(result.exitCode, 1);
        const QJsonObject failed = project.events(QStringLiteral("remote_copy")).last();
        QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QVERIFY2(
            failed.value(QStringLiteral("error")).toString().contains(QStringLiteral("Host key verification failed")),
            qPrintable(failed.value(QStringLiteral("error")).toString()));
    }
};

QTEST_GUILESS_MAIN(tst_HostRemote)
#include "tst_HostRemote.moc"
