// Memory stays flat whatever the backup's size: a ~200 MB .tar.gz verified grows the peak resident set by far
// less than the file, as one gzip stream (one core) and as backup-system.sh writes it (4 MiB members, decoded
// on every core).

#include "TestEnvironment.h"
#include "VerifyTestData.h"
#include "verify/BackupVerifier.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace dr;

class tst_BackupVerifierMemory : public QObject
{
    Q_OBJECT

private slots:
    void largeArchiveKeepsMemoryFlat_data();
    void largeArchiveKeepsMemoryFlat();
};

void tst_BackupVerifierMemory::largeArchiveKeepsMemoryFlat_data()
{
    QTest::addColumn<QString>("compress");
    QTest::addColumn<bool>("zeros");
    QTest::newRow("one gzip stream") << QStringLiteral("gzip -1") << false;
    QTest::newRow("4 MiB members") << QStringLiteral("split -b 4M --filter='gzip -1'") << false;
    // Members that inflate 1000-fold: a segment of 512 KiB would be 500 MiB of output, so it is handed out a member
    // at a time.
    QTest::newRow("compressible 4 MiB members") << QStringLiteral("split -b 4M --filter='gzip -1'") << true;
    // Members larger than backup-system.sh writes (other tools): each inflates past what a worker holds.
    QTest::newRow("compressible 16 MiB members") << QStringLiteral("split -b 16M --filter='gzip -1'") << true;
}

void tst_BackupVerifierMemory::largeArchiveKeepsMemoryFlat()
{
    QFETCH(QString, compress);
    QFETCH(bool, zeros);
    const QString shell = test::findProgram(QStringLiteral("sh"));
    QVERIFY(
        !test::findProgram(QStringLiteral("tar")).isEmpty() && !test::findProgram(QStringLiteral("gzip")).isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Made by child processes, so their memory is not ours: 170 MiB of noise (or 1 GiB of zeros) and 40 MiB of
    // base64 text.
    QProcess make;
    make.setWorkingDirectory(dir.path());
    make.start(shell,
        { QStringLiteral("-c"),
            QStringLiteral("mkdir data && head -c %1 > data/noise.bin && "
                           "head -c 30M /dev/urandom | base64 > data/text.b64 && tar -cf - data | ")
                    .arg(zeros ? QStringLiteral("1G /dev/zero") : QStringLiteral("170M /dev/urandom"))
                + compress + QStringLiteral(" > app-data-20240909-020000.tar.gz && rm -r data") });
    QVERIFY(make.waitForFinished(240000));
    QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());
    const QString archive = dir.filePath(QStringLiteral("app-data-20240909-020000.tar.gz"));
    QVERIFY(QFileInfo(archive).size() > (zeros ? 25 : 190) * 1024 * 1024);

    // Measured in a fresh process of this test: memory freed by an earlier row would hide growth in a later one.
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DRCONSOLE_VERIFY_AND_MEASURE"), archive);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(240000));
    QVERIFY2(child.exitCode() == 0, child.readAllStandardError().constData());
    const QJsonObject measured = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
    QVERIFY2(measured.value(QStringLiteral("state")).toString() == QLatin1String("passed"),
        qPrintable(measured.value(QStringLiteral("reason")).toString()));
    QCOMPARE(measured.value(QStringLiteral("entries")).toInteger(), 3);
    QVERIFY(measured.value(QStringLiteral("uncompressed")).toInteger() > (zeros ? 1024 : 200) * 1024 * 1024);
    QCOMPARE(measured.value(QStringLiteral("read")).toInteger(), QFileInfo(archive).size());
    const qint64 growthKiB = measured.value(QStringLiteral("growth_kib")).toInteger(-1);
    QVERIFY(growthKiB >= 0);
    qInfo("peak RSS growth while verifying %lld MiB: %lld KiB", QFileInfo(archive).size() >> 20, growthKiB);
    QVERIFY2(growthKiB < 64 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(growthKiB)));
}

// The child's side: verifies one file and prints what it measured as JSON.
static int verifyAndMeasure(const QString& archive)
{
    const qint64 before = dr::test::peakRssKiB();
    VerifyRequest request;
    request.path = archive;
    const VerifyReport report = BackupVerifier::verify(request);
    const qint64 growthKiB = before > 0 ? dr::test::peakRssKiB() - before : -1;
    const QJsonObject measured { { QStringLiteral("state"), verifyStateId(report.state) },
        { QStringLiteral("reason"), report.reason }, { QStringLiteral("entries"), report.entries },
        { QStringLiteral("uncompressed"), report.uncompressedBytes }, { QStringLiteral("read"), report.bytesRead },
        { QStringLiteral("growth_kib"), growthKiB } };
    std::fputs(QJsonDocument(measured).toJson(QJsonDocument::Compact).constData(), stdout);
    return 0;
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (const QString archive = qEnvironmentVariable("DRCONSOLE_VERIFY_AND_MEASURE"); !archive.isEmpty())
        return verifyAndMeasure(archive);
    tst_BackupVerifierMemory test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_BackupVerifierMemory.moc"
