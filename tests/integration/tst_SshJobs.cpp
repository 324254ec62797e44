#include "TestSshd.h"
#include "app/HostSessions.h"
#include "catalog/Catalog.h"
#include "catalog/HostSync.h"
#include "core/HostTool.h"
#include "remote/JobRunner.h"
#include "remote/SshTransport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace dr;
using dr::test::TestSshd;

// The host tool over real SSH: installed by the console, then a backup run as a detached job whose log
// is followed; the SSH connection is cut mid-job, the job goes on, and the follower reattaches from its
// byte offset with no line lost or shown twice. Then a verification on the host, cancelled as the console's
// worker does it.
class tst_SshJobs : public QObject
{
    Q_OBJECT

private:
    TestSshd m_server;
    QTemporaryDir m_dir;
    HostProfile m_host;

    ConnectOptions options() const
    {
        ConnectOptions result;
        result.appKnownHostsFile = m_dir.filePath(QStringLiteral("known_hosts"));
        result.acceptNewHostKey = true;
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        const QString project = m_server.workDir() + QStringLiteral("/bot");
        QDir().mkpath(project + QStringLiteral("/data"));
        // Incompressible data keeps gzip busy for a few seconds: time to cut the connection mid-job.
        QProcess random;
        random.setStandardOutputFile(project + QStringLiteral("/data/blob.bin"));
        random.start(QStringLiteral("head"),
            { QStringLiteral("-c"), QStringLiteral("60000000"), QStringLiteral("/dev/urandom") });
        QVERIFY(random.waitForFinished(60'000));
        QFile config(project + QStringLiteral("/backup.env"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            "APP_DATA_PATHS=data\nBACKUP_ENCRYPTION=false\nSERVICE_STOP_COMMAND=true\nSERVICE_START_COMMAND=true\n");
        config.close();
        QVERIFY(m_server.chownWorkDir());
        m_host = m_server.profile(QStringLiteral("jobs"));
        m_host.baseDir = project;
        m_host.backupDirs = { QStringLiteral("backups/database"), QStringLiteral("backups/application"),
            QStringLiteral("backups/system") };
    }

    void installToolOverSsh()
    {
        SshTransport transport(m_host, options());
        const auto installed = HostTool::install(m_host, transport);
        QVERIFY2(installed.ok(), qPrintable(installed.ok() ? QString() : installed.error().fullText()));
        QVERIFY2(installed->startsWith(QLatin1String("backup-system.sh ")), qPrintable(*installed));
        QByteArray listing;
        m_server.runAsUser(QStringLiteral("ls -l ~/drconsole/bin"), &listing);
        QVERIFY2(listing.contains("backup-system.sh") && listing.contains("health-check.sh"), listing.constData());
    }

    void jobSurvivesACutConnectionAndItsLogIsComplete()
    {
        const HostProfile host = m_host;
        const ConnectOptions connect = options();
        JobRunner runner(host, [host, connect] { return std::make_unique<SshTransport>(host, connect); });
        runner.reconnectDelayMs = 300;
        const auto id = runner.start({ QStringLiteral("backup"), QStringLiteral("full") });
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().fullText()));

        QByteArray followed;
        QMutex lock;
        auto following = QtConcurrent::run([&] {
            return runner.follow(*id, 0, [&](QByteArrayView chunk) {
                QMutexLocker locker(&lock);
                followed.append(chunk);
            });
        });
        // Cut the connection while the job runs (its first lines are in by then).
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20'000) {
            {
                QMutexLocker locker(&lock);
                if (followed.contains("##step"))
                    break;
            }
            QTest::qWait(50);
        }
        QVERIFY(m_server.killSessions() > 0);
        following.waitForFinished();
        const auto status = following.result();
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().fullText()));
        QCOMPARE(status->state, QStringLiteral("succeeded"));
        QVERIFY2(status->reconnects >= 1, "the cut was not noticed");

        // Byte for byte what the job wrote on the host: nothing lost, nothing twice.
        QFile log(host.baseDir + QStringLiteral("/backups/jobs/") + *id + QStringLiteral(".log"));
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        const QByteArray onHost = log.readAll();
        QCOMPARE(followed.size(), onHost.size());
        QCOMPARE(followed, onHost);
        QCOMPARE(status->logBytes, onHost.size());
        QVERIFY(onHost.contains("succeeded"));

        // The backup the job made arrives with the next sync, managed by the host tool.
        Catalog catalog(m_dir.filePath(QStringLiteral("jobs.sqlite")));
        QVERIFY(catalog.open().ok());
        HostProfile stored = host;
        stored.id = *catalog.addHost(stored);
        SshTransport transport(stored, connect);
        const auto synced = syncHost(catalog, stored, transport);
        QVERIFY2(synced.ok(), qPrintable(synced.ok() ? QString() : synced.error().fullText()));
        const auto records = catalog.backups(stored.id);
        bool managedAppData = false;
        for (const BackupRecord& record : *records)
            managedAppData |= record.component == QLatin1String("app-data") && record.managed;
        QVERIFY(managedAppData);
        QVERIFY(catalog.hostState(stored.id)->toolVersion.startsWith(QLatin1String("backup-system.sh ")));
    }

    void cancelOfAHostVerificationStopsTheJobThenSyncs()
    {
        // The console's worker over SSH, with no connection of its own yet: the user cancels as soon as the verify
        // job runs. The job is stopped on the host, and the sync after it (a new connection) still runs.
        Catalog catalog(m_dir.filePath(QStringLiteral("cancel.sqlite")));
        QVERIFY(catalog.open().ok());
        HostProfile stored = m_host;
        stored.id = *catalog.addHost(stored);
        HostWorker worker(&catalog, stored.name);
        QStringList log;
        connect(&worker, &HostWorker::logLine, this, [&](const QString&, LogKind, const QString& text) {
            log.append(text);
            if (text.startsWith(QLatin1String("Verification job ")) && text.contains(QLatin1String(" started on ")))
                worker.cancelRequested = true;
        });
        HostOutcome outcome;
        connect(
            &worker, &HostWorker::finished, this, [&](const HostOutcome& result, const QString&) { outcome = result; });
        worker.verifyOnHost(stored, options(), {}, false);

        const QString said = log.join(u'\n');
        QCOMPARE(outcome.host, stored.name);
        QVERIFY2(!outcome.ok && outcome.error.message.contains(QLatin1String("in the catalog")), qPrintable(said));
        for (const QString& line : log) // a raised Cancel flag refuses every new connection
            QVERIFY2(
                !(line.startsWith(QLatin1String("Connecting to ")) && line.endsWith(QLatin1String("was cancelled"))),
                qPrintable(said));
        const auto records = catalog.backups(stored.id);
        QVERIFY2(records.ok() && !records->isEmpty(), qPrintable(said));
        QVERIFY(catalog.hostState(stored.id)->toolVersion.startsWith(QLatin1String("backup-system.sh ")));
    }
};

QTEST_GUILESS_MAIN(tst_SshJobs)
#include "tst_SshJobs.moc"
