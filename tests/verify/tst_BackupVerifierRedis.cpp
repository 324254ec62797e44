// The Redis check on this computer against real snapshots: a Redis server started by the test on 127.0.0.1,
// its RDB taken with redis-cli --rdb as the host tool takes it, compressed by gzip and encrypted by openssl; the
// verifier decodes it into a private copy and runs Redis's own redis-check-rdb on it.
#include "TestEnvironment.h"
#include "TestRedis.h"
#include "verify/BackupVerifier.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace dr;

class tst_BackupVerifierRedis : public QObject
{
    Q_OBJECT

private:
    test::TestRedis m_server;
    QTemporaryDir m_dir;
    QByteArray m_snapshot; ///< the RDB as redis-cli --rdb wrote it

    QString path(const QString& name) const { return m_dir.filePath(name); }
    bool run(const QString& program, const QStringList& arguments, const QString& outputFile = {})
    {
        QProcess process;
        if (!outputFile.isEmpty())
            process.setStandardOutputFile(outputFile);
        process.start(program, arguments);
        return process.waitForFinished(60'000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
    }
    /// @p rdb written as NAME.rdb and gzip'd to NAME.rdb.gz; returns the .gz path.
    QString gzipped(const QString& name, const QByteArray& rdb)
    {
        QFile raw(path(name + QStringLiteral(".rdb")));
        if (!raw.open(QIODevice::WriteOnly) || raw.write(rdb) != rdb.size())
            return {};
        raw.close();
        const QString gz = raw.fileName() + QStringLiteral(".gz");
        return run(QStringLiteral("gzip"), { QStringLiteral("-c"), raw.fileName() }, gz) ? gz : QString();
    }
    VerifyReport verify(const QString& file, const QByteArray& key = {})
    {
        VerifyRequest request;
        request.path = file;
        request.key = key;
        request.tempDir = path(QStringLiteral("tmp"));
        return BackupVerifier::verify(request);
    }
    static QString text(const VerifyReport& report)
    {
        return verifyStateId(report.state) + QStringLiteral(" ") + report.method + QStringLiteral(": ") + report.reason;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(QStringLiteral("tmp"))));
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY2(m_server.fill(1000, &error), qPrintable(error));
        QVERIFY2(m_server.cli({ QStringLiteral("--rdb"), path(QStringLiteral("dump.rdb")) }, {}, nullptr, &error),
            qPrintable(error));
        QFile dump(path(QStringLiteral("dump.rdb")));
        QVERIFY(dump.open(QIODevice::ReadOnly));
        m_snapshot = dump.readAll();
        QVERIFY(m_snapshot.startsWith("REDIS"));
    }

    void soundSnapshotReachesIntegrity()
    {
        const QString file = gzipped(QStringLiteral("redis-20261120-020000"), m_snapshot);
        QVERIFY(!file.isEmpty());
        const VerifyReport report = verify(file);
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(text(report)));
        QCOMPARE(report.level, VerifyLevel::Integrity);
        QCOMPARE(report.method, QStringLiteral("gzip+rdb+redis-check-rdb"));
        QCOMPARE(report.uncompressedBytes, qint64(m_snapshot.size()));
        QVERIFY(QDir(path(QStringLiteral("tmp"))).isEmpty()); // the decoded copy is gone
    }

    void damagedSnapshotsFail_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("finding");
        QTest::newRow("one value changed") << QStringLiteral("value") << QStringLiteral("RDB CRC error");
        QTest::newRow("cut short") << QStringLiteral("cut") << QStringLiteral("Unexpected EOF");
    }
    void damagedSnapshotsFail()
    {
        QFETCH(QString, damage);
        QFETCH(QString, finding);
        QByteArray rdb = m_snapshot;
        if (damage == QLatin1String("value")) {
            const qsizetype at = rdb.indexOf("remind me of 500");
            QVERIFY(at > 0);
            rdb[at] = 'R'; // every key still parses: only the RDB's checksum can tell
        } else {
            rdb.chop(rdb.size() / 3);
        }
        // The gzip layer is sound: only a check of the RDB itself finds the fault.
        const QString name = QStringLiteral("redis-20261121-020000-%1").arg(damage);
        const QString file = gzipped(name, rdb);
        QVERIFY(!file.isEmpty());
        const VerifyReport report = verify(file);
        QVERIFY2(report.state == VerifyState::Failed, qPrintable(text(report)));
        QVERIFY2(report.reason.contains(finding), qPrintable(report.reason));
        QVERIFY2(report.reason.contains(QFileInfo(file).fileName()), qPrintable(report.reason));
        QVERIFY2(!report.reason.contains(path(QStringLiteral("tmp"))), qPrintable(report.reason));
        QVERIFY(QDir(path(QStringLiteral("tmp"))).isEmpty());
    }

    void newerFormatIsNoVerdict()
    {
        // RDB format 99: written by a Redis newer than this checker knows. Nothing is said about the snapshot.
        QByteArray rdb = m_snapshot;
        rdb.replace(5, 4, "0099");
        const VerifyReport report = verify(gzipped(QStringLiteral("redis-20261124-020000"), rdb));
        QVERIFY2(report.state == VerifyState::Error, qPrintable(text(report)));
        QVERIFY2(report.reason.contains(QLatin1String("older than the Redis")), qPrintable(report.reason));
    }

    void snapshotWithoutChecksumIsOnlyReadThrough()
    {
        // "rdbchecksum no" writes a zero checksum, which redis-check-rdb skips: a changed value goes unseen, so
        // the proof must not claim integrity.
        QByteArray rdb = m_snapshot;
        rdb[rdb.indexOf("remind me of 600")] = 'R';
        rdb.replace(rdb.size() - 8, 8, QByteArray(8, '\0'));
        const VerifyReport report = verify(gzipped(QStringLiteral("redis-20261125-020000"), rdb));
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(text(report)));
        QCOMPARE(report.level, VerifyLevel::ReadThrough);
        QVERIFY2(
            report.warnings.join(u' ').contains(QLatin1String("no checksum")), qPrintable(report.warnings.join(u' ')));
    }

    void encryptedSnapshotIsCheckedAfterDecryption()
    {
        const QString gz = gzipped(QStringLiteral("redis-20261122-020000"), m_snapshot);
        const QString file = gz + QStringLiteral(".enc");
        QVERIFY(run(QStringLiteral("openssl"),
            { QStringLiteral("enc"), QStringLiteral("-aes-256-cbc"), QStringLiteral("-pbkdf2"), QStringLiteral("-salt"),
                QStringLiteral("-in"), gz, QStringLiteral("-out"), file, QStringLiteral("-pass"),
                QStringLiteral("pass:redis key") }));
        const VerifyReport report = verify(file, "redis key");
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(text(report)));
        QCOMPARE(report.level, VerifyLevel::Integrity);
    }

    void withoutTheCheckerTheProofIsReadThrough()
    {
        const QString file = gzipped(QStringLiteral("redis-20261123-020000"), m_snapshot);
        const QByteArray searchPath = qgetenv("PATH");
        qputenv("PATH", path(QStringLiteral("tmp")).toUtf8()); // no redis-check-rdb on this computer
        const VerifyReport report = verify(file);
        qputenv("PATH", searchPath);
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(text(report)));
        QCOMPARE(report.level, VerifyLevel::ReadThrough);
        QCOMPARE(report.method, QStringLiteral("gzip+rdb"));
        QVERIFY2(report.warnings.join(u' ').contains(QLatin1String("redis-check-rdb is not installed")),
            qPrintable(report.warnings.join(u' ')));
    }
};

QTEST_GUILESS_MAIN(tst_BackupVerifierRedis)
#include "tst_BackupVerifierRedis.moc"
