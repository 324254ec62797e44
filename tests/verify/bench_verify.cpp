// Times one-pass verification of a 1 GiB .tar.gz of dump-like text against the usual shell checks, in one run.
//   bench_verify [FILE.tar.gz]    (default: generates /tmp/drconsole-bench-verify-1g.tar.gz once and reuses it)
//   bench_verify --quick [FILE]   igzip -t and drverify only (for profiling)
//   bench_verify --generate-tar   (internal: writes the uncompressed tar to stdout)

#include "VerifyTestData.h"
#include "verify/BackupVerifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

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

bool generate(const QString& target)
{
    out() << "generating " << target << " (about 4.3 GiB of text through gzip -6; a few minutes, once)\n";
    out().flush();
    const QString part = target + QStringLiteral(".part");
    QProcess producer;
    QProcess gzip;
    producer.setStandardOutputProcess(&gzip);
    gzip.setStandardOutputFile(part);
    producer.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--generate-tar") });
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

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--generate-tar") == 0)
        return dr::test::writeDumpLikeTar(stdout, fileCount, fileSize) ? 0 : 1;

    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const bool quick = args.removeAll(QStringLiteral("--quick")) > 0;
    QString path = args.size() > 1 ? args.at(1) : QStringLiteral("/tmp/drconsole-bench-verify-1g.tar.gz");
    if (!QFileInfo::exists(path) && !generate(path)) {
        out() << "could not generate " << path << "\n";
        return 2;
    }
    const qint64 size = QFileInfo(path).size();
    out() << "file: " << path << " (" << size / (1024 * 1024) << " MiB)\n";
    out().flush();

    const QString file = quoted(path);
    timeCommand(QStringLiteral("cat %1 > /dev/null").arg(file)); // page cache warm for every contender

    struct Row
    {
        QString name;
        double seconds;
    };
    QList<Row> rows;
    auto measure = [&](const QString& name, const QString& command) {
        rows.append({ name, timeCommand(command) });
        out() << QStringLiteral("  %1 %2 s\n").arg(name, -40).arg(rows.last().seconds, 0, 'f', 2);
        out().flush();
        return rows.last().seconds;
    };
    double gzipTest = 0;
    double shellPair = 0;
    if (!quick)
        gzipTest = measure(QStringLiteral("gzip -t"), QStringLiteral("gzip -t %1").arg(file));
    measure(QStringLiteral("igzip -t"), QStringLiteral("igzip -t %1").arg(file));
    if (!quick) {
        measure(QStringLiteral("sha256sum"), QStringLiteral("sha256sum %1").arg(file));
        shellPair
            = measure(QStringLiteral("sha256sum && tar -tzf"), QStringLiteral("sha256sum %1 && tar -tzf %1").arg(file));
    }

    const qint64 rssBefore = dr::test::peakRssKiB();
    dr::VerifyRequest request;
    request.path = path;
    QElapsedTimer clock;
    clock.start();
    const dr::VerifyReport report = dr::BackupVerifier::verify(request);
    const double ours = double(clock.nsecsElapsed()) / 1e9;
    rows.append({ QStringLiteral("drverify (one pass)"), ours });
    out() << QStringLiteral("  %1 %2 s\n").arg(QStringLiteral("drverify (one pass)"), -40).arg(ours, 0, 'f', 2);

    out() << "\ndrverify: state " << dr::verifyStateId(report.state) << ", level " << report.levelId() << ", method "
          << report.method << ", " << report.entries << " entries, " << report.uncompressedBytes / (1024 * 1024)
          << " MiB inflated, sha256 " << report.sha256 << "\n";
    if (!report.reason.isEmpty())
        out() << "  reason: " << report.reason << "\n";
    out() << "  peak RSS growth: " << (dr::test::peakRssKiB() - rssBefore) / 1024 << " MiB\n";
    if (quick)
        return report.state == dr::VerifyState::Passed ? 0 : 1;
    out() << QStringLiteral("\nratio drverify / gzip -t                 = %1 (goal <= 0.20)\n")
                 .arg(ours / gzipTest, 0, 'f', 3);
    out() << QStringLiteral("ratio drverify / (sha256sum && tar -tzf) = %1 (goal <= 0.10)\n")
                 .arg(ours / shellPair, 0, 'f', 3);
    return report.state == dr::VerifyState::Passed ? 0 : 1;
}
