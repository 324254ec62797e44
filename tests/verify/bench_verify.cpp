// Times one-pass verification of a 1 GiB .tar.gz of dump-like text against the usual shell checks.
//
//   bench_verify [FILE|- [ROUNDS]]  FILE, or (without one, or "-") two files generated once from the same text:
//                                   /tmp/drconsole-bench-verify-1g-members.tar.gz as backup-system.sh writes it (a
//                                   gzip member per 4 MiB) and /tmp/drconsole-bench-verify-1g.tar.gz (one stream)
//   bench_verify --quick [FILE]     igzip -t and drverify only (for profiling)
//   bench_verify --generate-tar   internal: writes the uncompressed tar to stdout

#include "VerifyTestData.h"
#include "verify/BackupVerifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

#include <cstdio>

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

// 17 members of 256 MiB of text: about 1 GiB after gzip -6.
constexpr int fileCount = 17;
constexpr std::uint64_t fileSize = std::uint64_t(256) << 20;

// The same 4.3 GiB of text as one gzip stream (what `tar -czf` writes), or as backup-system.sh writes it: a gzip
// member per 4 MiB of input (split --filter).
bool generate(const QString& target, bool members)
{
    out() << "generating " << target << " (about 4.3 GiB of text through gzip -6"
          << (members ? ", a member per 4 MiB" : "") << "; a few minutes, once)\n";
    out().flush();
    const QString part = target + QStringLiteral(".part");
    QProcess producer;
    QProcess gzip;
    producer.setStandardOutputProcess(&gzip);
    gzip.setStandardOutputFile(part);
    producer.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--generate-tar") });
    if (members)
        gzip.start(QStringLiteral("split"),
            { QStringLiteral("-b"), QStringLiteral("4M"), QStringLiteral("--filter=gzip -c -6"), QStringLiteral("-") });
    else
        gzip.start(QStringLiteral("gzip"), { QStringLiteral("-6") });
    producer.waitForFinished(-1);
    gzip.waitForFinished(-1);
    if (producer.exitCode() != 0 || gzip.exitCode() != 0) {
        QFile::remove(part);
        return false;
    }
    QFile::remove(target);
    return QFile::rename(part, target);
}

double timeCommand(const QString& shellCommand)
{
    QElapsedTimer clock;
    clock.start();
    QProcess shell;
    shell.setStandardOutputFile(QProcess::nullDevice());
    shell.start(QStringLiteral("sh"), { QStringLiteral("-c"), shellCommand });
    shell.waitForFinished(-1);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (shell.exitStatus() != QProcess::NormalExit || shell.exitCode() != 0)
        out() << "  (failed: " << shellCommand << ": " << shell.readAllStandardError() << ")\n";
    return seconds;
}

QString quoted(const QString& path)
{
    QString escaped = path;
    escaped.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + escaped + u'\'';
}

int benchFile(const QString& path, int rounds, bool quick);

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--generate-tar") == 0)
        return dr::test::writeDumpLikeTar(stdout, fileCount, fileSize) ? 0 : 1;

    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const bool quick = args.removeAll(QStringLiteral("--quick")) > 0;
    const int rounds = std::max(1, int(args.size() > 2 ? args.at(2).toInt() : 1));
    if (args.size() > 1 && args.at(1) != QLatin1String("-"))
        return benchFile(args.at(1), rounds, quick);
    // Both forms a backup takes: as backup-system.sh writes it, and one gzip stream (the guide's `tar -czf`).
    bool passed = true;
    for (const bool members : { true, false }) {
        const QString path = members ? QStringLiteral("/tmp/drconsole-bench-verify-1g-members.tar.gz")
                                     : QStringLiteral("/tmp/drconsole-bench-verify-1g.tar.gz");
        if (!QFileInfo::exists(path) && !generate(path, members)) {
            out() << "could not generate " << path << "\n";
            return 2;
        }
        out() << (members ? "\n== as backup-system.sh writes it: a gzip member per 4 MiB of input\n"
                          : "\n== one gzip stream, as `tar -czf` writes it\n");
        passed = benchFile(path, rounds, quick) == 0 && passed;
    }
    return passed ? 0 : 1;
}

namespace {

int benchFile(const QString& path, int rounds, bool quick)
{
    const qint64 size = QFileInfo(path).size();
    out() << "file: " << path << " (" << size / (1024 * 1024) << " MiB)\n";
    out().flush();

    const QString file = quoted(path);
    timeCommand(QStringLiteral("cat %1 > /dev/null").arg(file)); // page cache warm for every contender

    // Every contender once per round, rounds interleaved, medians compared: the machine's load drifts.
    struct Contender
    {
        QString name;
        QString command; // empty = our verifier, in process
        QList<double> seconds;
        QList<double> cpu;
    };
    QList<Contender> contenders;
    if (!quick)
        contenders.append({ QStringLiteral("gzip -t"), QStringLiteral("gzip -t %1").arg(file), {}, {} });
    contenders.append({ QStringLiteral("igzip -t"), QStringLiteral("igzip -t %1").arg(file), {}, {} });
    if (!quick) {
        contenders.append({ QStringLiteral("sha256sum"), QStringLiteral("sha256sum %1").arg(file), {}, {} });
        contenders.append({ QStringLiteral("sha256sum && tar -tzf"),
            QStringLiteral("sha256sum %1 && tar -tzf %1").arg(file), {}, {} });
    }
    contenders.append({ QStringLiteral("drverify (one pass)"), QString(), {}, {} });

    dr::VerifyReport report;
    qint64 rssGrowthKiB = 0;
    for (int round = 0; round < rounds; ++round) {
        for (Contender& contender : contenders) {
            double seconds = 0;
            const bool ourOwn = contender.command.isEmpty();
            const double cpuBefore = dr::test::cpuSeconds(ourOwn ? RUSAGE_SELF : RUSAGE_CHILDREN);
            if (ourOwn) {
                dr::test::resetPeakRss();
                const qint64 rssBefore = dr::test::peakRssKiB();
                dr::VerifyRequest request;
                request.path = path;
                QElapsedTimer clock;
                clock.start();
                report = dr::BackupVerifier::verify(request);
                seconds = double(clock.nsecsElapsed()) / 1e9;
                rssGrowthKiB = std::max(rssGrowthKiB, dr::test::peakRssKiB() - rssBefore);
            } else {
                seconds = timeCommand(contender.command);
            }
            contender.seconds.append(seconds);
            contender.cpu.append(dr::test::cpuSeconds(ourOwn ? RUSAGE_SELF : RUSAGE_CHILDREN) - cpuBefore);
            out() << QStringLiteral("  round %1  %2 %3 s wall  %4 s cpu\n")
                         .arg(round + 1)
                         .arg(contender.name, -24)
                         .arg(seconds, 6, 'f', 2)
                         .arg(contender.cpu.last(), 6, 'f', 2);
            out().flush();
        }
    }
    auto median = [](QList<double> values) {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };
    out() << "\nmedians of " << rounds << " round(s):\n";
    QHash<QString, double> medians;
    QHash<QString, double> cpuMedians;
    for (const Contender& contender : contenders) {
        medians.insert(contender.name, median(contender.seconds));
        cpuMedians.insert(contender.name, median(contender.cpu));
        out() << QStringLiteral("  %1 %2 s wall  %3 s cpu\n")
                     .arg(contender.name, -24)
                     .arg(medians.value(contender.name), 6, 'f', 2)
                     .arg(cpuMedians.value(contender.name), 6, 'f', 2);
    }
    const double ours = medians.value(QStringLiteral("drverify (one pass)"));
    const double gzipTest = medians.value(QStringLiteral("gzip -t"));
    const double shellPair = medians.value(QStringLiteral("sha256sum && tar -tzf"));

    out() << "\ndrverify: state " << dr::verifyStateId(report.state) << ", level " << report.levelId() << ", method "
          << report.method << ", " << report.entries << " entries, " << report.uncompressedBytes / (1024 * 1024)
          << " MiB inflated, sha256 " << report.sha256 << "\n";
    if (!report.reason.isEmpty())
        out() << "  reason: " << report.reason << "\n";
    out() << "  peak RSS growth: " << rssGrowthKiB / 1024 << " MiB\n";
    if (quick)
        return report.state == dr::VerifyState::Passed ? 0 : 1;
    const double ourCpu = cpuMedians.value(QStringLiteral("drverify (one pass)"));
    out() << QStringLiteral("\nratio drverify / gzip -t                 = %1 wall (goal <= 0.20), %2 cpu\n")
                 .arg(ours / gzipTest, 0, 'f', 3)
                 .arg(ourCpu / cpuMedians.value(QStringLiteral("gzip -t")), 0, 'f', 3);
    out() << QStringLiteral("ratio drverify / (sha256sum && tar -tzf) = %1 wall (goal <= 0.10), %2 cpu\n")
                 .arg(ours / shellPair, 0, 'f', 3)
                 .arg(ourCpu / cpuMedians.value(QStringLiteral("sha256sum && tar -tzf")), 0, 'f', 3);
    return report.state == dr::VerifyState::Passed ? 0 : 1;
}

} // namespace
