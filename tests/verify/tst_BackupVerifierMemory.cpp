// Memory stays flat whatever the backup's size: a ~200 MB .tar.gz verified in a fresh process grows the peak
// resident set by far less than the file.

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
    void largeArchiveKeepsMemoryFlat();
};

void tst_BackupVerifierMemory::largeArchiveKeepsMemoryFlat()
{
    const QString shell = test::findProgram(QStringLiteral("sh"));
    QVERIFY(
        !test::findProgram(QStringLiteral("tar")).isEmpty() && !test::findProgram(QStringLiteral("gzip")).isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Made by child processes, so their memory is not ours: 170 MiB of noise and 40 MiB of base64 text.
    QProcess make;
    make.setWorkingDirectory(dir.path());
    make.start(shell,
        { QStringLiteral("-c"),
            QStringLiteral("mkdir data && head -c 170M /dev/urandom > data/noise.bin && "
                           "head -c 30M /dev/urandom | base64 > data/text.b64 && "
                           "tar -cf - data | gzip -1 > app-data-20240909-020000.tar.gz && rm -r data") });
    QVERIFY(make.waitForFinished(240000));
    QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());
    const QString archive = dir.filePath(QStringLiteral("app-data-20240909-020000.tar.gz"));
    QVERIFY(QFileInfo(archive).size() > 190 * 1024 * 1024);

    const qint64 before = dr::test::peakRssKiB();
    QVERIFY(before > 0);
    VerifyRequest request;
    request.path = archive;
    const VerifyReport report = BackupVerifier::verify(request);
    const qint64 growthKiB = dr::test::peakRssKiB() - before;
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.entries, 3);
    QCOMPARE(report.bytesRead, QFileInfo(archive).size());
    qInfo("peak RSS growth while verifying %lld MiB: %lld KiB", QFileInfo(archive).size() >> 20, growthKiB);
    QVERIFY2(growthKiB < 64 * 1024, qPrintable(QStringLiteral("peak RSS grew by %1 KiB").arg(growthKiB)));
}

QTEST_GUILESS_MAIN(tst_BackupVerifierMemory)
#include "tst_BackupVerifierMemory.moc"
