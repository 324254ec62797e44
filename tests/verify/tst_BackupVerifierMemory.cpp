// Memory stays flat whatever the backup's size: a ~200 MB .tar.gz verified grows the peak resident set by far
// less than the file, as one gzip stream (one core) and as backup-system.sh writes it (4 MiB members, decoded
// on every core).

#include "TestEnvironment.h"
#include "VerifyTestData.h"
#include "verify/BackupVerifier.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

    QVERIFY(dr::test::resetPeakRss()); // the row before may have set the peak
    const qint64 before = dr::test::peakRssKiB();
    QVERIFY(before > 0);
    VerifyRequest request;
    request.path = archive;
    const VerifyReport report = BackupVerifier::verify(request);
    const qint64 growthKiB = dr::test::peakRssKiB() - before;
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.entries, 3);
    QVERIFY(report.uncompressedBytes > (zeros ? 1024 : 200) * 1024 * 1024);
    QCOMPARE(report.bytesRead, QFileInfo(archive).size());
    qInfo("peak RSS growth while verifying %lld MiB: %lld KiB", QFileInfo(archive).size() >> 20, growthKiB);
    QVERIFY2(growthKiB < 64 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(growthKiB)));
}

QTEST_GUILESS_MAIN(tst_BackupVerifierMemory)
#include "tst_BackupVerifierMemory.moc"
