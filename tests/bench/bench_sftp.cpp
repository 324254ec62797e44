// SFTP download of a 1 GiB backup from a real sshd on loopback: the console's SshTransport::download
// (pipelined SFTP reads) against OpenSSH `sftp` fetching the same file with the same cipher, key exchange and
// keys, both writing to the same local folder, in the same run. Prints MB/s of each and the ratio.
//   bench_sftp [RUNS] [MiB]
#include "BenchSupport.h"
#include "TestSshd.h"
#include "remote/SshTransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace dr;
using dr::bench::median;

namespace {

// This VM's hypervisor takes back memory the guest has freed, and the first write to such a page is slow: dd of
// 1 GiB into the page cache runs at 300-380 MB/s when its pages come back from the host, 1-4.9 GB/s into pages
// the guest has just used. Both contenders write a whole file, so each starts after the same amount of memory
// was touched and freed: the page cache then gets the pages that were just freed, and the comparison measures
// the SFTP clients, not which of them happened to get reclaimed pages.
void touchAndFreeMemory(qint64 bytes)
{
    std::vector<char> memory(std::size_t(std::max<qint64>(bytes, 1)), 1);
    volatile char keep = memory[memory.size() / 2]; // the filling must not be optimised away
    (void)keep;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 5;
    const qint64 mebibytes = argc > 2 ? QByteArray(argv[2]).toLongLong() : 1024;
    QTextStream out(stdout);
    dr::test::TestSshd server;
    if (!dr::bench::startServer(server, out))
        return 2;
    const QString remote = server.workDir() + QStringLiteral("/app-data-20260101-020000.tar.gz");
    // Random bytes: a compressed backup does not compress further, and neither side compresses.
    if (server.runAsUser(QStringLiteral("head -c %1M /dev/urandom > '%2'").arg(mebibytes).arg(remote)) != 0) {
        out << "cannot create " << remote << '\n';
        return 2;
    }
    const double megabytes = double(mebibytes) * 1024 * 1024 / 1e6;
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench-sftp-XXXXXX"));
    const QString knownHosts = server.writeKnownHosts(QStringLiteral("bench-known-hosts"));
    ConnectOptions options;
    options.appKnownHostsFile = knownHosts;
    const HostProfile host = server.profile(QStringLiteral("bench"));

    QString cipher;
    {
        SshTransport probe(host, options);
        if (auto opened = probe.open(); !opened) {
            out << "cannot connect: " << opened.error().fullText() << '\n';
            return 2;
        }
        cipher = probe.incomingCipher();
    }
    const QStringList sftpArguments { QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("-"),
        QStringLiteral("-P"), QString::number(server.port()), QStringLiteral("-i"), server.clientKey(),
        QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + knownHosts, QStringLiteral("-o"),
        QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
        QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-o"),
        QStringLiteral("Ciphers=") + cipher, QStringLiteral("-o"), QStringLiteral("KexAlgorithms=curve25519-sha256"),
        QStringLiteral("-o"), QStringLiteral("HostKeyAlgorithms=ssh-ed25519"), QStringLiteral("-F"),
        QStringLiteral("/dev/null"), dr::test::TestSshd::user() + QStringLiteral("@127.0.0.1") };

    QList<double> ours, theirs;
    const qint64 fileBytes = mebibytes * 1024 * 1024;
    auto downloadOurs = [&](int run) {
        const QString ourCopy = dir.filePath(QStringLiteral("ours-%1").arg(run));
        touchAndFreeMemory(fileBytes + (64 << 20));
        QElapsedTimer timer;
        timer.start();
        {
            SshTransport transport(host, options);
            const auto result = transport.download(remote, ourCopy, {});
            if (!result) {
                out << "download failed: " << result.error().fullText() << '\n';
                return false;
            }
        }
        ours.append(double(timer.nsecsElapsed()) / 1e9);
        QFile::remove(ourCopy);
        return true;
    };
    auto downloadTheirs = [&](int run) {
        const QString theirCopy = dir.filePath(QStringLiteral("theirs-%1").arg(run));
        QProcess sftp;
        touchAndFreeMemory(fileBytes + (64 << 20));
        QElapsedTimer timer;
        timer.start();
        sftp.start(QStringLiteral("sftp"), sftpArguments);
        sftp.write(QStringLiteral("get \"%1\" \"%2\"\n").arg(remote, theirCopy).toUtf8());
        sftp.closeWriteChannel();
        sftp.waitForFinished(600'000);
        theirs.append(double(timer.nsecsElapsed()) / 1e9);
        const bool complete = sftp.exitCode() == 0 && QFileInfo(theirCopy).size() == fileBytes;
        if (!complete)
            out << "sftp failed: " << sftp.readAllStandardError() << '\n';
        QFile::remove(theirCopy);
        return complete;
    };
    for (int run = 0; run < runs; ++run) {
        // Who goes first alternates, so that neither always follows the other's freshly freed file.
        const bool oursFirst = run % 2 == 0;
        if (!(oursFirst ? downloadOurs(run) && downloadTheirs(run) : downloadTheirs(run) && downloadOurs(run)))
            return 1;
        out << QStringLiteral("run %1: ours %2 MB/s, sftp %3 MB/s%4\n")
                   .arg(run + 1)
                   .arg(megabytes / ours.last(), 0, 'f', 0)
                   .arg(megabytes / theirs.last(), 0, 'f', 0)
                   .arg(oursFirst ? QString() : QStringLiteral(" (sftp first)"));
        out.flush();
    }
    const double oursRate = megabytes / median(ours);
    const double theirRate = megabytes / median(theirs);
    out << QStringLiteral("SFTP download of %1 MiB, cipher %2, medians of %3 runs (connect included):\n")
               .arg(mebibytes)
               .arg(cipher)
               .arg(runs);
    out << QStringLiteral("  SshTransport::download %1 MB/s (%2 s)\n")
               .arg(oursRate, 0, 'f', 0)
               .arg(median(ours), 0, 'f', 2);
    out << QStringLiteral("  OpenSSH sftp get       %1 MB/s (%2 s)\n")
               .arg(theirRate, 0, 'f', 0)
               .arg(median(theirs), 0, 'f', 2);
    out << QStringLiteral("  throughput ratio ours/sftp %1 (goal >= 1.2)\n").arg(oursRate / theirRate, 0, 'f', 2);
    return 0;
}
