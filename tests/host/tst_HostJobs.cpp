// Detached host-tool jobs: a job goes on when the process group that started it is killed, its log is
// complete with its step markers, and `job tail --from OFFSET [--follow]` gives exactly the log's bytes.
#include "HostProject.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace dr::test;

namespace {

QJsonObject jobStatus(const HostProject& project, const QString& id)
{
    return QJsonDocument::fromJson(
        project.run({ QStringLiteral("job"), QStringLiteral("status"), id, QStringLiteral("--json") }).out)
        .object();
}

/// A slow pg_dump stand-in: prints a valid plain dump over a few seconds, so the job outlives its starter.
const char* const slowDump = R"SH(#!/bin/bash
echo '--'
echo '-- PostgreSQL database dump'
echo '--'
for i in 1 2 3 4 5 6; do echo "-- row batch $i"; sleep 0.5; done
echo '--'
echo '-- PostgreSQL database dump complete'
echo '--'
)SH";

} // namespace

class tst_HostJobs : public QObject
{
    Q_OBJECT

private:
    void makeProject(HostProject& project)
    {
        QVERIFY(project.isValid());
        QVERIFY(project.writeFile(QStringLiteral("slow-pg-dump"), slowDump));
        QVERIFY(QFile::setPermissions(
            project.file(QStringLiteral("slow-pg-dump")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        project.env.insert(QStringLiteral("PG_DUMP"), project.file(QStringLiteral("slow-pg-dump")));
        project.env.insert(QStringLiteral("PGDATABASE"), QStringLiteral("bot"));
    }

private slots:
    void jobSurvivesItsKilledStarter()
    {
        HostProject project;
        makeProject(project);
        // The starter: a shell in a process group of its own that starts the job and then lingers, as an SSH
        // session would. The whole group is killed once the job runs.
        QProcess starter;
        starter.setWorkingDirectory(project.path());
        starter.setProcessEnvironment(project.env);
        starter.setChildProcessModifier([] { ::setpgid(0, 0); });
        starter.start(QStringLiteral("bash"),
            { QStringLiteral("-c"),
                QStringLiteral("\"$0\" job start --id survivor -- backup critical --component postgres; sleep 60"),
                hostToolPath() });
        QVERIFY(starter.waitForStarted());
        const qint64 group = starter.processId();
        QTRY_VERIFY_WITH_TIMEOUT(
            project.readFile(QStringLiteral("backups/jobs/survivor.log")).contains("##step backup-postgres"), 20'000);
        QCOMPARE(jobStatus(project, QStringLiteral("survivor")).value(QStringLiteral("state")).toString(),
            QStringLiteral("running"));
        QCOMPARE(::kill(-static_cast<pid_t>(group), SIGKILL), 0);
        QVERIFY(starter.waitForFinished(10'000));

        QTRY_COMPARE_WITH_TIMEOUT(
            jobStatus(project, QStringLiteral("survivor")).value(QStringLiteral("state")).toString(),
            QStringLiteral("succeeded"), 60'000);
        const QJsonObject status = jobStatus(project, QStringLiteral("survivor"));
        QCOMPARE(status.value(QStringLiteral("exit_code")).toInt(-1), 0);
        QVERIFY(status.value(QStringLiteral("finished")).toString().endsWith(u'Z'));
        QCOMPARE(status.value(QStringLiteral("command")).toArray().first().toString(), QStringLiteral("backup"));
        const QByteArray log = project.readFile(QStringLiteral("backups/jobs/survivor.log"));
        QVERIFY2(log.startsWith("# job survivor started"), log.constData());
        QVERIFY(log.contains("##step backup-postgres\n"));
        QVERIFY(log.contains("##result status=succeeded\n"));
        const QByteArray lastLine = QByteArray("# job survivor succeeded ")
            + status.value(QStringLiteral("finished")).toString().toUtf8() + QByteArray(": exit code 0\n");
        QVERIFY2(log.endsWith(lastLine), log.constData());
        // The work itself is complete, and the catalog names the job.
        const QString backup = project.lastBackup(QStringLiteral("postgres"));
        QVERIFY(!backup.isEmpty());
        QCOMPARE(project.run({ QStringLiteral("verify"), backup }).exitCode, 0);
        QCOMPARE(project.events(QStringLiteral("backup_finished")).last().value(QStringLiteral("job")).toString(),
            QStringLiteral("survivor"));
    }

    void tailFromAnOffsetAndFollow()
    {
        HostProject project;
        makeProject(project);
        ToolResult started = project.run({ QStringLiteral("job"), QStringLiteral("start"), QStringLiteral("--"),
            QStringLiteral("backup"), QStringLiteral("critical") });
        QVERIFY2(started.exitCode == 0, qPrintable(started.describe()));
        const QString id = QString::fromUtf8(started.out.trimmed());
        QVERIFY2(
            QRegularExpression(QStringLiteral("^\\d{8}-\\d{6}-[a-z0-9]{6}$")).match(id).hasMatch(), qPrintable(id));
        QCOMPARE(project
                     .run({ QStringLiteral("job"), QStringLiteral("start"), QStringLiteral("--id"), id,
                         QStringLiteral("--"), QStringLiteral("list") })
                     .exitCode,
            2);

        // Follow from byte 0 while the job runs: returns when the job has ended, with the whole log.
        ToolResult followed = project.run({ QStringLiteral("job"), QStringLiteral("tail"), id, QStringLiteral("--from"),
                                              QStringLiteral("0"), QStringLiteral("--follow") },
            60'000);
        QCOMPARE(followed.exitCode, 0);
        QCOMPARE(jobStatus(project, id).value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        const QByteArray log = project.readFile(QStringLiteral("backups/jobs/") + id + QStringLiteral(".log"));
        QCOMPARE(followed.out, log);
        // A reattach from any offset gets exactly the rest.
        for (const qsizetype offset : { qsizetype(0), qsizetype(1), log.size() / 2, log.size() - 1, log.size() }) {
            const ToolResult rest = project.run({ QStringLiteral("job"), QStringLiteral("tail"), id,
                QStringLiteral("--from"), QString::number(offset) });
            QCOMPARE(rest.exitCode, 0);
            QCOMPARE(rest.out, log.mid(offset));
        }
        QCOMPARE(project
                     .run({ QStringLiteral("job"), QStringLiteral("tail"), id, QStringLiteral("--from"),
                         QStringLiteral("-5") })
                     .exitCode,
            2);
        QCOMPARE(project
                     .run({ QStringLiteral("job"), QStringLiteral("tail"), QStringLiteral("nosuchjob"),
                         QStringLiteral("--from"), QStringLiteral("0") })
                     .exitCode,
            2);

        // A failing job: state failed with the command's exit code.
        project.env.insert(QStringLiteral("PG_DUMP"), QStringLiteral("/bin/false"));
        started = project.run({ QStringLiteral("job"), QStringLiteral("start"), QStringLiteral("--id"),
            QStringLiteral("failing"), QStringLiteral("--"), QStringLiteral("backup"), QStringLiteral("critical") });
        QCOMPARE(started.out, QByteArray("failing\n"));
        QTRY_COMPARE_WITH_TIMEOUT(
            jobStatus(project, QStringLiteral("failing")).value(QStringLiteral("state")).toString(),
            QStringLiteral("failed"), 30'000);
        QCOMPARE(jobStatus(project, QStringLiteral("failing")).value(QStringLiteral("exit_code")).toInt(), 1);

        const ToolResult list
            = project.run({ QStringLiteral("job"), QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 2);
    }

    void cancelStopsAVerifyJobNotABackup()
    {
        HostProject project;
        makeProject(project);
        QCOMPARE(project.run({ QStringLiteral("backup"), QStringLiteral("critical") }, 60'000).exitCode, 0);
        const QString dump = project.lastBackup(QStringLiteral("postgres"));
        QVERIFY(!dump.isEmpty());
        // A gzip that first waits a minute: the verify job is certainly still running when it is cancelled.
        const QString slowGzip = project.file(QStringLiteral("slow-bin/gzip"));
        QVERIFY(project.writeFile(QStringLiteral("slow-bin/gzip"), "#!/bin/bash\nsleep 60\nexec /bin/gzip \"$@\"\n"));
        QVERIFY(QFile::setPermissions(slowGzip, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        project.env.insert(
            QStringLiteral("PATH"), QFileInfo(slowGzip).path() + u':' + project.env.value(QStringLiteral("PATH")));
        QCOMPARE(project
                     .run({ QStringLiteral("job"), QStringLiteral("start"), QStringLiteral("--id"),
                         QStringLiteral("slow-verify"), QStringLiteral("--"), QStringLiteral("verify"),
                         QStringLiteral("--json"), dump })
                     .exitCode,
            0);
        QTRY_VERIFY_WITH_TIMEOUT(dr::test::processRunningWith(slowGzip), 20'000);

        QElapsedTimer clock;
        clock.start();
        const ToolResult cancelled
            = project.run({ QStringLiteral("job"), QStringLiteral("cancel"), QStringLiteral("slow-verify") });
        QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.describe()));
        QCOMPARE(cancelled.out, QByteArray("slow-verify: cancelled\n"));
        QVERIFY2(clock.elapsed() < 10'000, qPrintable(QString::number(clock.elapsed())));
        const QJsonObject status = jobStatus(project, QStringLiteral("slow-verify"));
        QCOMPARE(status.value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
        QVERIFY(status.value(QStringLiteral("exit_code")).toInt(0) != 0);
        const QByteArray log = project.readFile(QStringLiteral("backups/jobs/slow-verify.log"));
        QVERIFY2(log.contains("# job slow-verify cancelled "), log.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!dr::test::processRunningWith(slowGzip), 5'000);
        // Asked again: it says so and succeeds; an unknown id is a usage error.
        const ToolResult again
            = project.run({ QStringLiteral("job"), QStringLiteral("cancel"), QStringLiteral("slow-verify") });
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, QByteArray("slow-verify: already ended (cancelled)\n"));
        QCOMPARE(
            project.run({ QStringLiteral("job"), QStringLiteral("cancel"), QStringLiteral("nosuchjob") }).exitCode, 2);

        // A backup is never stopped halfway: refused, and it runs to its end (the slow pg_dump stand-in keeps it
        // running for 3 s, so the refusal is not "already ended").
        project.env.insert(QStringLiteral("PATH"), project.env.value(QStringLiteral("PATH")).section(u':', 1));
        QCOMPARE(project
                     .run({ QStringLiteral("job"), QStringLiteral("start"), QStringLiteral("--id"),
                         QStringLiteral("slow-backup"), QStringLiteral("--"), QStringLiteral("backup"),
                         QStringLiteral("critical") })
                     .exitCode,
            0);
        const ToolResult refused
            = project.run({ QStringLiteral("job"), QStringLiteral("cancel"), QStringLiteral("slow-backup") });
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("not stopped halfway"), refused.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(
            jobStatus(project, QStringLiteral("slow-backup")).value(QStringLiteral("state")).toString(),
            QStringLiteral("succeeded"), 60'000);
    }
};

QTEST_GUILESS_MAIN(tst_HostJobs)
#include "tst_HostJobs.moc"
