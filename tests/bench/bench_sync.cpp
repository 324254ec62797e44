// First sync of a host with 10,000 backups against OpenSSH `ssh HOST 'find ...'`, and a re-sync with
// nothing new against `ssh HOST true`, against a real sshd on loopback, in the same run. OpenSSH is held to what
// libssh negotiates (curve25519-sha256, chacha20-poly1305, an Ed25519 host key and the same Ed25519 user key).
//   bench_sync [RUNS]
#include "BenchSupport.h"
#include "TestSshd.h"
#include "catalog/Catalog.h"
#include "catalog/HostSync.h"
#include "core/ShellQuote.h"
#include "core/SyncProtocol.h"
#include "remote/SshTransport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>

using namespace dr;
using dr::bench::median;

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 9;
    QTextStream out(stdout);
    dr::test::TestSshd server;
    if (!dr::bench::startServer(server, out))
        return 2;
    const QString base = server.workDir() + QStringLiteral("/bot");
    const QStringList folders { QStringLiteral("backups/database"), QStringLiteral("backups/application"),
        QStringLiteral("system-backup") };
    const QStringList prefixes { QStringLiteral("postgres"), QStringLiteral("app-data"), QStringLiteral("config") };
    const QStringList suffixes { QStringLiteral(".sql.gz"), QStringLiteral(".tar.gz"), QStringLiteral(".tar.gz") };
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    for (const QString& folder : folders)
        QDir().mkpath(base + u'/' + folder);
    for (int i = 0; i < 10'000; ++i) {
        const int kind = i % 3;
        QFile file(
            QStringLiteral("%1/%2/%3-%4%5")
                .arg(base, folders[kind], prefixes[kind],
                    start.addSecs(qint64(i) * 3600).toString(QStringLiteral("yyyyMMdd-HHmmss")), suffixes[kind]));
        file.open(QIODevice::WriteOnly);
        file.write("x");
        file.flush();
        file.setFileTime(start.addSecs(qint64(i) * 3600), QFileDevice::FileModificationTime);
    }
    server.chownWorkDir();

    QTemporaryDir dir;
    const QString knownHosts = server.writeKnownHosts(QStringLiteral("bench-known-hosts"));
    ConnectOptions options;
    options.appKnownHostsFile = knownHosts;
    HostProfile host = server.profile(QStringLiteral("bench"));
    host.baseDir = base;
    host.backupDirs = folders;

    const QStringList sshBase { QStringLiteral("-p"), QString::number(server.port()), QStringLiteral("-i"),
        server.clientKey(), QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + knownHosts,
        QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"),
        QStringLiteral("BatchMode=yes"), QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
        QStringLiteral("-o"), QStringLiteral("Ciphers=chacha20-poly1305@openssh.com"), QStringLiteral("-o"),
        QStringLiteral("KexAlgorithms=curve25519-sha256"), QStringLiteral("-o"),
        QStringLiteral("HostKeyAlgorithms=ssh-ed25519"), QStringLiteral("-F"), QStringLiteral("/dev/null"),
        dr::test::TestSshd::user() + QStringLiteral("@127.0.0.1") };
    // OpenSSH as an admin runs it: its own defaults (post-quantum sntrup761 key exchange, slower to set up).
    QStringList sshDefaults = sshBase;
    for (const QString& option :
        { QStringLiteral("Ciphers="), QStringLiteral("KexAlgorithms="), QStringLiteral("HostKeyAlgorithms=") }) {
        const qsizetype at = sshDefaults.indexOf(QRegularExpression(QStringLiteral("^") + option));
        if (at > 0)
            sshDefaults.remove(at - 1, 2);
    }
    auto timeSshWith = [&](const QStringList& arguments, const QString& command, qint64* bytes) {
        QProcess ssh;
        QElapsedTimer timer;
        timer.start();
        ssh.start(QStringLiteral("ssh"), arguments + QStringList { command });
        ssh.waitForFinished(60'000);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        *bytes = ssh.readAllStandardOutput().size();
        if (ssh.exitCode() != 0)
            out << "ssh failed: " << ssh.readAllStandardError() << '\n';
        return ms;
    };
    auto timeSsh = [&](const QString& command, qint64* bytes) { return timeSshWith(sshBase, command, bytes); };
    const QString findCommand = QStringLiteral("cd %1 && find %2 -type f").arg(base, folders.join(u' '));

    // The exact command line of a first sync, for OpenSSH and for the host alone (no SSH at all).
    const QStringList firstSyncArgv = SyncProtocol::command(host, SyncCursor {});
    const QString firstSyncLine = QString::fromUtf8(*ShellQuote::command(firstSyncArgv));
    auto timeOnHost = [&](const QStringList& command) {
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral("runuser"),
            QStringList { QStringLiteral("-u"), server.user(), QStringLiteral("--") } + command);
        process.waitForFinished(60'000);
        return double(timer.nsecsElapsed()) / 1e6;
    };

    QList<double> ours, theirs, resync, sshTrue, connectOnly, connectTrue, execOnly, oursFind, sshSyncCommand,
        hostSyncCommand, hostFind, theirsDefault, sshTrueDefault;
    qint64 findBytes = 0;
    int added = 0;
    for (int run = 0; run < runs; ++run) {
        Catalog catalog(dir.filePath(QStringLiteral("first-%1.sqlite").arg(run)));
        (void)catalog.open();
        HostProfile fresh = host;
        fresh.id = *catalog.addHost(fresh);
        QElapsedTimer timer;
        timer.start();
        {
            SshTransport transport(fresh, options);
            const auto outcome = syncHost(catalog, fresh, transport);
            added = outcome ? outcome->added : -1;
        }
        ours.append(double(timer.nsecsElapsed()) / 1e6);
        theirs.append(timeSsh(findCommand, &findBytes));
        qint64 defaultBytes = 0;
        theirsDefault.append(timeSshWith(sshDefaults, findCommand, &defaultBytes));

        timer.restart();
        {
            SshTransport transport(fresh, options);
            (void)syncHost(catalog, fresh, transport);
        }
        resync.append(double(timer.nsecsElapsed()) / 1e6);
        qint64 ignored = 0;
        sshTrue.append(timeSsh(QStringLiteral("true"), &ignored));
        sshTrueDefault.append(timeSshWith(sshDefaults, QStringLiteral("true"), &ignored));

        timer.restart();
        {
            SshTransport transport(fresh, options);
            (void)transport.open();
        }
        connectOnly.append(double(timer.nsecsElapsed()) / 1e6);

        timer.restart();
        {
            SshTransport transport(fresh, options);
            (void)transport.run({ QStringLiteral("true") }, RunOptions {});
        }
        connectTrue.append(double(timer.nsecsElapsed()) / 1e6);

        timer.restart();
        {
            SshTransport transport(fresh, options);
            RunOptions quiet;
            quiet.logOutput = false;
            (void)transport.run({ QStringLiteral("sh"), QStringLiteral("-c"), findCommand }, quiet);
        }
        oursFind.append(double(timer.nsecsElapsed()) / 1e6);
        sshSyncCommand.append(timeSsh(firstSyncLine, &ignored));
        hostSyncCommand.append(timeOnHost(firstSyncArgv));
        hostFind.append(timeOnHost({ QStringLiteral("sh"), QStringLiteral("-c"), findCommand }));

        SshTransport warm(fresh, options);
        (void)warm.open();
        // The first channel of a connection waits for sshd's post-authentication set-up; time the next.
        (void)warm.run({ QStringLiteral("true") }, RunOptions {});
        timer.restart();
        (void)warm.run({ QStringLiteral("true") }, RunOptions {});
        execOnly.append(double(timer.nsecsElapsed()) / 1e6);
    }
    {
        // Where a first sync's time goes, stage by stage, on an open connection.
        Catalog catalog(dir.filePath(QStringLiteral("stages.sqlite")));
        (void)catalog.open();
        HostProfile fresh = host;
        fresh.id = *catalog.addHost(fresh);
        SshTransport transport(fresh, options);
        (void)transport.open();
        QElapsedTimer timer;
        timer.start();
        RunOptions quiet;
        quiet.logOutput = false;
        const auto run = transport.run(SyncProtocol::command(fresh, SyncCursor {}), quiet);
        const qint64 execMs = timer.restart();
        const auto snapshot = SyncProtocol::parse(run->out, fresh.name);
        const qint64 parseMs = timer.restart();
        (void)catalog.applySync(fresh, *snapshot);
        const qint64 storeMs = timer.restart();
        out << QStringLiteral(
            "first sync stages on an open connection: command %1 ms (%2 bytes), parse %3 ms, store %4 ms\n")
                   .arg(execMs)
                   .arg(run->out.size())
                   .arg(parseMs)
                   .arg(storeMs);
        timer.restart();
        (void)transport.run(SyncProtocol::command(fresh, catalog.hostState(fresh.id)->cursor), quiet);
        const qint64 resyncCommandMs = timer.elapsed();
        const double resyncOnHostMs = timeOnHost(SyncProtocol::command(fresh, catalog.hostState(fresh.id)->cursor));
        out << QStringLiteral("re-sync command on an open connection: %1 ms; the same command on the host without SSH: "
                              "%2 ms\n")
                   .arg(resyncCommandMs)
                   .arg(resyncOnHostMs, 0, 'f', 1);
    }
    out << QStringLiteral("runs: %1, backups added by each first sync: %2, OpenSSH find output: %3 bytes\n")
               .arg(runs)
               .arg(added)
               .arg(findBytes);
    out << QStringLiteral("%1 %2\n").arg(QStringLiteral("what"), -58).arg(QStringLiteral("median ms"));
    auto row = [&](const QString& what, const QList<double>& values) {
        out << QStringLiteral("%1 %2\n").arg(what, -58).arg(median(values), 9, 'f', 1);
    };
    row(QStringLiteral("drconsole first sync (connect, list, parse, store 10,000)"), ours);
    row(QStringLiteral("OpenSSH ssh HOST 'find ...'"), theirs);
    row(QStringLiteral("drconsole re-sync, nothing new"), resync);
    row(QStringLiteral("OpenSSH ssh HOST true"), sshTrue);
    row(QStringLiteral("drconsole connect + authenticate only"), connectOnly);
    row(QStringLiteral("drconsole connect + run true"), connectTrue);
    row(QStringLiteral("drconsole run true on an open connection (2nd command)"), execOnly);
    row(QStringLiteral("drconsole transport: connect + the same 'find ...'"), oursFind);
    row(QStringLiteral("OpenSSH ssh HOST <the first-sync command>"), sshSyncCommand);
    row(QStringLiteral("on the host, no SSH: the first-sync command"), hostSyncCommand);
    row(QStringLiteral("on the host, no SSH: 'find ...'"), hostFind);
    row(QStringLiteral("OpenSSH defaults: ssh HOST 'find ...'"), theirsDefault);
    row(QStringLiteral("OpenSSH defaults: ssh HOST true"), sshTrueDefault);
    out << QStringLiteral("against OpenSSH's defaults: first sync / ssh find %1, re-sync / ssh true %2\n")
               .arg(median(ours) / median(theirsDefault), 0, 'f', 2)
               .arg(median(resync) / median(sshTrueDefault), 0, 'f', 2);
    out << QStringLiteral("against OpenSSH held to libssh's key exchange and cipher (curve25519, chacha20):\n");
    out << QStringLiteral("ratio first sync / ssh find: %1 (goal <= 1.3)\n")
               .arg(median(ours) / median(theirs), 0, 'f', 2);
    out << QStringLiteral("ratio re-sync / ssh true:    %1 (goal <= 1.1)\n")
               .arg(median(resync) / median(sshTrue), 0, 'f', 2);
    out << QStringLiteral("same work, transport only: drconsole find / ssh find %1; drconsole first sync / ssh "
                          "<first-sync command> %2\n")
               .arg(median(oursFind) / median(theirs), 0, 'f', 2)
               .arg(median(ours) / median(sshSyncCommand), 0, 'f', 2);
    return 0;
}
