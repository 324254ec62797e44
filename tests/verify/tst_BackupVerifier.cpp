// The verifier against real backups made at test time by tar, gzip, sqlite3 and openssl: the good set passes,
// every kind of bad input fails with a message naming the file and the fault, nothing is ever extracted.

#include "TestEnvironment.h"
#include "verify/BackupVerifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <utility>

using namespace dr;

namespace {

const QByteArray encryptionKey("correct horse battery staple");

QString pgDumpText(bool complete)
{
    // The layout pg_dump 15 writes for a plain-format dump.
    QString text
        = QStringLiteral("--\n-- PostgreSQL database dump\n--\n\n"
                         "-- Dumped from database version 15.8 (Debian 15.8-0+deb12u1)\n"
                         "-- Dumped by pg_dump version 15.8 (Debian 15.8-0+deb12u1)\n\n"
                         "SET statement_timeout = 0;\nSET lock_timeout = 0;\nSET client_encoding = 'UTF8';\n"
                         "SET standard_conforming_strings = on;\n"
                         "SELECT pg_catalog.set_config('search_path', '', false);\n\n"
                         "CREATE TABLE public.reminders (\n    id integer NOT NULL,\n    message text NOT NULL\n);\n\n"
                         "COPY public.reminders (id, message) FROM stdin;\n");
    for (int row = 1; row <= 20000; ++row)
        text += QStringLiteral("%1\tremind me about item %2 at %3:00\n").arg(row).arg(row * 7).arg(row % 24);
    text += QStringLiteral(
        "\\.\n\n\nALTER TABLE ONLY public.reminders\n    ADD CONSTRAINT reminders_pkey PRIMARY KEY (id);\n\n");
    if (complete)
        text += QStringLiteral("\n--\n-- PostgreSQL database dump complete\n--\n\n");
    return text;
}

} // namespace

class tst_BackupVerifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void goodSetPasses_data();
    void goodSetPasses();
    void encryptedWithTheRightKeyPasses();
    void encryptedWithoutKeyIsAnErrorNotAPass();
    void multiMemberGzipPasses();
    void unknownNameIsSniffed();
    void contentOfNoKnownKindIsNoVerdict();
    void lowerLevelsStopEarly();
    void progressIsReported();

    void truncatedGzip();
    void flippedByteInCompressedData();
    void gzipTrailerAndTrailingData();
    void truncatedEncryptedFile();
    void zeroLengthFile();
    void wrongKey();
    void encNameButNotEncrypted();
    void tarWithParentAndAbsolutePaths();
    void tarThroughSymbolicLink();
    void sqliteWithDamagedPage();
    void postgresDumpWithoutFooter();
    void checksumDoesNotMatchSidecar();
    void checksumDoesNotMatchCaller();
    void fileVanishedAfterListing();
    void sizeChangedSinceListing();
    void emptyTarArchive();
    void tarCutBetweenMembers();
    void otherArchiveFormatsAreNotTar();
    void zeroedHeaderBlockEndsTheArchiveEarly();
    void dumpWithOnlyTheFooterHasNoHeader();
    void encryptedContentOfNoKnownKind();
    void sidecarThatIsNotARegularFile();
    void fileGrowingWhileReadIsNoVerdict();
    void sqliteWithBytesAppendedIsNamed();
    void walModeSqliteLeavesNothingBehind();
    void temporaryCopyStopsBeforeTheDiskIsFull();
    void sidecarWithAnEscapedName();
    void sidecarWithTwoDifferentChecksums();
    void cancelStopsWithError();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    void run(const QString& program, const QStringList& arguments, const QString& workDir = {});
    void writeFile(const QString& name, const QByteArray& content);
    void writeSidecar(const QString& name);
    VerifyReport verify(const QString& name, const QByteArray& key = {});
    void expectFailure(const VerifyReport& report, const QString& name, const QString& fault);

    QTemporaryDir m_dir;
    QString m_tar, m_gzip, m_sqlite3, m_openssl, m_sha256sum;
};

/// Bytes gzip cannot shrink, the same for the same seed.
static QByteArray incompressibleBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& byte : bytes) {
        seed = seed * 1664525u + 1013904223u;
        byte = char(seed >> 24);
    }
    return bytes;
}

void tst_BackupVerifier::run(const QString& program, const QStringList& arguments, const QString& workDir)
{
    QProcess process;
    process.setWorkingDirectory(workDir.isEmpty() ? m_dir.path() : workDir);
    process.start(program, arguments);
    QVERIFY2(process.waitForFinished(60000), qPrintable(program + QStringLiteral(" did not finish")));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(program + u' ' + arguments.join(u' ') + QStringLiteral(": ")
            + QString::fromLocal8Bit(process.readAllStandardError())));
}

void tst_BackupVerifier::writeFile(const QString& name, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path(name)).path());
    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

void tst_BackupVerifier::writeSidecar(const QString& name)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setStandardOutputFile(path(name + QStringLiteral(".sha256")));
    process.start(m_sha256sum, { name });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
}

VerifyReport tst_BackupVerifier::verify(const QString& name, const QByteArray& key)
{
    VerifyRequest request;
    request.path = path(name);
    request.key = key;
    request.tempDir = m_dir.path();
    return BackupVerifier::verify(request);
}

void tst_BackupVerifier::expectFailure(const VerifyReport& report, const QString& name, const QString& fault)
{
    qInfo("%s", qPrintable(report.reason));
    QVERIFY2(report.state == VerifyState::Failed,
        qPrintable(QStringLiteral("%1: state %2, reason: %3").arg(name, verifyStateId(report.state), report.reason)));
    QVERIFY2(report.reason.contains(name), qPrintable(report.reason));
    QVERIFY2(report.reason.contains(fault, Qt::CaseInsensitive),
        qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(fault, report.reason)));
}

void tst_BackupVerifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tar = test::findProgram(QStringLiteral("tar"));
    m_gzip = test::findProgram(QStringLiteral("gzip"));
    m_sqlite3 = test::findProgram(QStringLiteral("sqlite3"));
    m_openssl = test::findProgram(QStringLiteral("openssl"));
    m_sha256sum = test::findProgram(QStringLiteral("sha256sum"));
    for (const QString& program : { m_tar, m_gzip, m_sqlite3, m_openssl, m_sha256sum })
        QVERIFY2(!program.isEmpty(), "tar, gzip, sqlite3, openssl and sha256sum must be installed");

    // The application tree of the seed: data, logs, uploads (one incompressible file of 3 MiB).
    QByteArray text;
    for (int line = 0; line < 30000; ++line)
        text += "2024-09-09T02:00:" + QByteArray::number(line % 60) + " reminder " + QByteArray::number(line * 31)
            + " sent\n";
    writeFile(QStringLiteral("tree/data/bot.log"), text);
    writeFile(QStringLiteral("tree/logs/app.log"), text.left(100000));
    writeFile(QStringLiteral("tree/uploads/image.bin"), incompressibleBytes(3 * 1024 * 1024, 12345));
    const QString tree = path(QStringLiteral("tree"));

    run(m_tar,
        { QStringLiteral("-czf"), path(QStringLiteral("app-data-20240909-020000.tar.gz")), QStringLiteral("-C"), tree,
            QStringLiteral("data"), QStringLiteral("logs"), QStringLiteral("uploads") });
    writeSidecar(QStringLiteral("app-data-20240909-020000.tar.gz"));

    // SQLite: enough rows and an index for many pages.
    const QString db = path(QStringLiteral("bot.db"));
    run(m_sqlite3,
        { db,
            QStringLiteral("CREATE TABLE reminders(id INTEGER PRIMARY KEY, user TEXT, message TEXT);"
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                           "INSERT INTO reminders SELECT i, 'user' || (i % 97), 'remind me of ' || i FROM n;"
                           "CREATE INDEX reminders_user ON reminders(user);") });
    run(m_sqlite3, { db, QStringLiteral(".backup ") + path(QStringLiteral("sqlite-20240909-020000.db")) });
    run(m_gzip, { QStringLiteral("-k"), path(QStringLiteral("sqlite-20240909-020000.db")) });
    writeSidecar(QStringLiteral("sqlite-20240909-020000.db.gz"));

    writeFile(QStringLiteral("postgres-20240909-020000.sql"), pgDumpText(true).toUtf8());
    run(m_gzip, { QStringLiteral("-k"), path(QStringLiteral("postgres-20240909-020000.sql")) });
    writeSidecar(QStringLiteral("postgres-20240909-020000.sql.gz"));
}

void tst_BackupVerifier::goodSetPasses_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<VerifyLevel>("level");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("checksumSource");
    QTest::newRow("tar.gz") << QStringLiteral("app-data-20240909-020000.tar.gz") << VerifyLevel::ReadThrough
                            << QStringLiteral("gzip+tar+sha256") << QStringLiteral("sidecar");
    QTest::newRow("db.gz") << QStringLiteral("sqlite-20240909-020000.db.gz") << VerifyLevel::Integrity
                           << QStringLiteral("gzip+sqlite-integrity+sha256") << QStringLiteral("sidecar");
    QTest::newRow("db") << QStringLiteral("sqlite-20240909-020000.db") << VerifyLevel::Integrity
                        << QStringLiteral("sqlite-integrity") << QString();
    QTest::newRow("sql.gz") << QStringLiteral("postgres-20240909-020000.sql.gz") << VerifyLevel::Integrity
                            << QStringLiteral("gzip+pg-dump+sha256") << QStringLiteral("sidecar");
    QTest::newRow("sql") << QStringLiteral("postgres-20240909-020000.sql") << VerifyLevel::Integrity
                         << QStringLiteral("pg-dump") << QString();
}

void tst_BackupVerifier::goodSetPasses()
{
    QFETCH(QString, name);
    QFETCH(VerifyLevel, level);
    QFETCH(QString, method);
    QFETCH(QString, checksumSource);
    const VerifyReport report = verify(name);
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.level, level);
    QCOMPARE(report.method, method);
    QCOMPARE(report.checksumSource, checksumSource);
    QCOMPARE(report.bytesRead, QFileInfo(path(name)).size());

    QFile file(path(name));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(report.sha256,
        QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
    if (name.endsWith(QLatin1String(".tar.gz"))) {
        QCOMPARE(report.entries, 6); // data/, data/bot.log, logs/, logs/app.log, uploads/, uploads/image.bin
        QVERIFY(report.uncompressedBytes > report.bytesRead);
    }
    if (checksumSource.isEmpty())
        QVERIFY2(report.reason.contains(QLatin1String("no checksum")), qPrintable(report.reason));
    // The SQLite copy is gone.
    QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("drverify-*") }, QDir::Files), QStringList());
}

void tst_BackupVerifier::encryptedWithTheRightKeyPasses()
{
    for (const QString& plain : { QStringLiteral("app-data-20240909-020000.tar.gz"),
             QStringLiteral("sqlite-20240909-020000.db.gz"), QStringLiteral("postgres-20240909-020000.sql") }) {
        const QString name = plain + QStringLiteral(".enc");
        run(m_openssl,
            { QStringLiteral("enc"), QStringLiteral("-aes-256-cbc"), QStringLiteral("-pbkdf2"), QStringLiteral("-salt"),
                QStringLiteral("-in"), path(plain), QStringLiteral("-out"), path(name), QStringLiteral("-pass"),
                QStringLiteral("pass:") + QString::fromLatin1(encryptionKey) });
        writeSidecar(name);
        const VerifyReport report = verify(name, encryptionKey);
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
        QVERIFY2(report.method.startsWith(QLatin1String("aes-256-cbc+")), qPrintable(report.method));
        QCOMPARE(report.checksumSource, QStringLiteral("sidecar"));
    }
    const VerifyReport tar = verify(QStringLiteral("app-data-20240909-020000.tar.gz.enc"), encryptionKey);
    QCOMPARE(tar.method, QStringLiteral("aes-256-cbc+gzip+tar+sha256"));
    QCOMPARE(tar.entries, 6);
    const VerifyReport db = verify(QStringLiteral("sqlite-20240909-020000.db.gz.enc"), encryptionKey);
    QCOMPARE(db.level, VerifyLevel::Integrity);
}

void tst_BackupVerifier::encryptedWithoutKeyIsAnErrorNotAPass()
{
    const QString name = QStringLiteral("app-data-20240909-020000.tar.gz.enc");
    if (!QFileInfo::exists(path(name)))
        encryptedWithTheRightKeyPasses();
    const VerifyReport report = verify(name);
    QCOMPARE(report.state, VerifyState::Error);
    QCOMPARE(report.level, VerifyLevel::Checksum); // the sidecar still matched
    QVERIFY2(report.reason.contains(name) && report.reason.contains(QLatin1String("key")), qPrintable(report.reason));
}

void tst_BackupVerifier::multiMemberGzipPasses()
{
    // A tar split in two, each half gzipped on its own and the members concatenated (what `cat a.gz b.gz` makes).
    run(m_tar,
        { QStringLiteral("-cf"), path(QStringLiteral("multi.tar")), QStringLiteral("-C"), path(QStringLiteral("tree")),
            QStringLiteral(".") });
    QFile tar(path(QStringLiteral("multi.tar")));
    QVERIFY(tar.open(QIODevice::ReadOnly));
    const QByteArray whole = tar.readAll();
    writeFile(QStringLiteral("part1"), whole.left(whole.size() / 2));
    writeFile(QStringLiteral("part2"), whole.mid(whole.size() / 2));
    run(m_gzip, { path(QStringLiteral("part1")), path(QStringLiteral("part2")) });
    QFile one(path(QStringLiteral("part1.gz")));
    QFile two(path(QStringLiteral("part2.gz")));
    QVERIFY(one.open(QIODevice::ReadOnly) && two.open(QIODevice::ReadOnly));
    const QString name = QStringLiteral("config-20240909-020000.tar.gz");
    writeFile(name, one.readAll() + two.readAll());

    const VerifyReport report = verify(name);
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.entries, 7); // ./ and the six of the tree
    QCOMPARE(report.uncompressedBytes, qint64(whole.size()));
    QCOMPARE(report.gzipMembers, qint64(2));
    QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(u';'))); // many members are normal
}

void tst_BackupVerifier::unknownNameIsSniffed()
{
    QVERIFY(QFile::copy(path(QStringLiteral("app-data-20240909-020000.tar.gz")), path(QStringLiteral("nightly.bin"))));
    const VerifyReport report = verify(QStringLiteral("nightly.bin"));
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.method, QStringLiteral("gzip+tar"));
    QCOMPARE(report.entries, 6);
}

void tst_BackupVerifier::contentOfNoKnownKindIsNoVerdict()
{
    // Not named like a backup, and gzip'd text: the gzip layer is whole, but nothing says it is a backup.
    writeFile(QStringLiteral("notes.txt"), "just some notes\n");
    run(m_gzip, { QStringLiteral("-f"), path(QStringLiteral("notes.txt")) });
    const VerifyReport notes = verify(QStringLiteral("notes.txt.gz"));
    QVERIFY2(notes.state == VerifyState::Error, qPrintable(notes.reason));
    QVERIFY2(notes.reason.contains(QLatin1String("cannot tell what it holds")), qPrintable(notes.reason));
    // Named .sql: it must be a pg_dump.
    writeFile(QStringLiteral("hand made.sql"), "SELECT 1;\n");
    expectFailure(verify(QStringLiteral("hand made.sql")), QStringLiteral("hand made.sql"), QStringLiteral("header"));
    // Uppercase extensions count the same.
    QVERIFY(QFile::copy(path(QStringLiteral("app-data-20240909-020000.tar.gz")), path(QStringLiteral("COPY.TAR.GZ"))));
    const VerifyReport upper = verify(QStringLiteral("COPY.TAR.GZ"));
    QVERIFY2(upper.state == VerifyState::Passed, qPrintable(upper.reason));
    QCOMPARE(upper.method, QStringLiteral("gzip+tar"));
    // A plain-format dump saved as .dump (pg_dump -f x.dump) is a good dump, as on the host.
    QVERIFY(QFile::copy(path(QStringLiteral("postgres-20240909-020000.sql")), path(QStringLiteral("plain.dump"))));
    const VerifyReport plainDump = verify(QStringLiteral("plain.dump"));
    QVERIFY2(plainDump.state == VerifyState::Passed, qPrintable(plainDump.reason));
    QCOMPARE(plainDump.level, VerifyLevel::Integrity);
}

void tst_BackupVerifier::lowerLevelsStopEarly()
{
    VerifyRequest request;
    request.path = path(QStringLiteral("app-data-20240909-020000.tar.gz"));
    request.level = VerifyLevel::Exists;
    VerifyReport report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Passed);
    QCOMPARE(report.level, VerifyLevel::Exists);
    QCOMPARE(report.bytesRead, 0);

    request.level = VerifyLevel::Checksum;
    report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Passed);
    QCOMPARE(report.level, VerifyLevel::Checksum);
    QCOMPARE(report.method, QStringLiteral("sha256"));
    QCOMPARE(report.entries, 0);

    // No sidecar and no expected checksum: a checksum-only check cannot run, and says so.
    request.path = path(QStringLiteral("sqlite-20240909-020000.db"));
    report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Error);
    QCOMPARE(report.level, VerifyLevel::Exists);
    QVERIFY2(report.reason.contains(QLatin1String("no checksum")), qPrintable(report.reason));

    // Plain bytes of no known kind prove no more than their checksum: without one, no pass.
    writeFile(QStringLiteral("notes.txt"), "nothing to see\n");
    report = verify(QStringLiteral("notes.txt"));
    QCOMPARE(report.state, VerifyState::Error);
    QCOMPARE(report.method, QStringLiteral("raw"));
}

void tst_BackupVerifier::progressIsReported()
{
    VerifyRequest request;
    request.path = path(QStringLiteral("app-data-20240909-020000.tar.gz"));
    qint64 last = -1;
    qint64 total = -1;
    int calls = 0;
    request.progress = [&](qint64 done, qint64 all) {
        QVERIFY(done >= last);
        last = done;
        total = all;
        ++calls;
    };
    const VerifyReport report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Passed);
    QVERIFY(calls >= 2);
    QCOMPARE(total, QFileInfo(request.path).size());
    QCOMPARE(last, total);
}

void tst_BackupVerifier::truncatedGzip()
{
    QFile good(path(QStringLiteral("app-data-20240909-020000.tar.gz")));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QString name = QStringLiteral("app-data-20240910-020000.tar.gz");
    writeFile(name, good.read(good.size() * 2 / 3));
    expectFailure(verify(name), name, QStringLiteral("truncated"));
}

void tst_BackupVerifier::flippedByteInCompressedData()
{
    QFile good(path(QStringLiteral("app-data-20240909-020000.tar.gz")));
    QVERIFY(good.open(QIODevice::ReadOnly));
    for (const double where : { 0.01, 0.5, 0.97 }) {
        QByteArray bytes = good.readAll();
        good.seek(0);
        const qsizetype offset = qsizetype(double(bytes.size()) * where);
        bytes[offset] = char(bytes.at(offset) ^ 0x10);
        const QString name = QStringLiteral("app-data-20240911-020000.tar.gz");
        writeFile(name, bytes);
        expectFailure(verify(name), name, QStringLiteral("corrupt"));
    }
    // All text: the flip breaks a Huffman code or a distance before the CRC is reached, or the CRC after.
    QFile dump(path(QStringLiteral("postgres-20240909-020000.sql.gz")));
    QVERIFY(dump.open(QIODevice::ReadOnly));
    QByteArray bytes = dump.readAll();
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x01);
    const QString name = QStringLiteral("postgres-20240911-020000.sql.gz");
    writeFile(name, bytes);
    expectFailure(verify(name), name, QStringLiteral("corrupt"));
}

void tst_BackupVerifier::gzipTrailerAndTrailingData()
{
    QFile good(path(QStringLiteral("postgres-20240909-020000.sql.gz")));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray bytes = good.readAll();
    const QString name = QStringLiteral("postgres-20240922-020000.sql.gz");
    QByteArray wrongSize = bytes;
    wrongSize[wrongSize.size() - 1] = char(wrongSize.at(wrongSize.size() - 1) ^ 0x01); // ISIZE
    writeFile(name, wrongSize);
    expectFailure(verify(name), name, QStringLiteral("CRC32/length check failed"));
    writeFile(name, bytes + "garbage");
    expectFailure(verify(name), name, QStringLiteral("unexpected data after the end of the gzip stream"));
    writeFile(name, bytes + QByteArray(512, '\0')); // zero padding, as from a tape or a block device: fine
    const VerifyReport padded = verify(name);
    QVERIFY2(padded.state == VerifyState::Passed, qPrintable(padded.reason));
}

void tst_BackupVerifier::truncatedEncryptedFile()
{
    const QString source = QStringLiteral("app-data-20240909-020000.tar.gz.enc");
    if (!QFileInfo::exists(path(source)))
        encryptedWithTheRightKeyPasses();
    QFile encrypted(path(source));
    QVERIFY(encrypted.open(QIODevice::ReadOnly));
    const QString name = QStringLiteral("app-data-20240923-020000.tar.gz.enc");
    writeFile(name, encrypted.read(encrypted.size() - 5));
    expectFailure(verify(name, encryptionKey), name, QStringLiteral("truncated"));

    // Whole blocks missing (or the last one damaged), with a sidecar made after the damage: the right key opened
    // the rest, so it is the file that is bad, not the key (exit 1, not "wrong key ... intact").
    encrypted.seek(0);
    const QByteArray whole = encrypted.readAll();
    for (const QByteArray& damaged : { whole.left(whole.size() - 16), whole.left(whole.size() / 2 / 16 * 16),
             QByteArray(whole).replace(whole.size() - 1, 1, QByteArray(1, char(whole.back() ^ 0x55))) }) {
        writeFile(name, damaged);
        writeSidecar(name);
        const VerifyReport report = verify(name, encryptionKey);
        expectFailure(report, name, QStringLiteral("last encrypted block does not decrypt"));
        QVERIFY(!report.keyRejected);
    }
    QFile::remove(path(name + QStringLiteral(".sha256")));
}

void tst_BackupVerifier::zeroLengthFile()
{
    const QString name = QStringLiteral("postgres-20240912-020000.sql.gz");
    writeFile(name, {});
    expectFailure(verify(name), name, QStringLiteral("empty (0 bytes)"));
}

void tst_BackupVerifier::wrongKey()
{
    const QString name = QStringLiteral("app-data-20240909-020000.tar.gz.enc");
    if (!QFileInfo::exists(path(name)))
        encryptedWithTheRightKeyPasses();
    // A wrong key says nothing about the backup: it could not be verified (not "bad"), and the key is flagged.
    auto expectKeyRejected = [&](const VerifyReport& report, const QString& file) {
        QVERIFY2(report.state == VerifyState::Error, qPrintable(verifyStateId(report.state) + u' ' + report.reason));
        QVERIFY(report.keyRejected);
        QVERIFY2(report.reason.contains(file), qPrintable(report.reason));
        QVERIFY2(report.reason.contains(QLatin1String("wrong key")), qPrintable(report.reason));
    };
    expectKeyRejected(verify(name, "not the key"), name);
    // Without gzip inside the first magic number is a plain SQL header; a wrong key makes noise of it.
    const QString sql = QStringLiteral("postgres-20240909-020000.sql.enc");
    expectKeyRejected(verify(sql, "not the key"), sql);
    // With the sidecar matching, the reason says the file itself is intact.
    QProcess sidecar;
    sidecar.setWorkingDirectory(m_dir.path());
    sidecar.setStandardOutputFile(path(name + QStringLiteral(".sha256")));
    sidecar.start(m_sha256sum, { name });
    QVERIFY(sidecar.waitForFinished(30'000));
    const VerifyReport intact = verify(name, "not the key");
    expectKeyRejected(intact, name);
    QVERIFY2(intact.reason.contains(QLatin1String("intact")), qPrintable(intact.reason));
    QCOMPARE(intact.level, VerifyLevel::Checksum);
    QFile::remove(path(name + QStringLiteral(".sha256")));
}

void tst_BackupVerifier::encNameButNotEncrypted()
{
    const QString name = QStringLiteral("app-data-20240913-020000.tar.gz.enc");
    QVERIFY(QFile::copy(path(QStringLiteral("app-data-20240909-020000.tar.gz")), path(name)));
    expectFailure(verify(name, encryptionKey), name, QStringLiteral("not an openssl-encrypted file"));
}

void tst_BackupVerifier::tarWithParentAndAbsolutePaths()
{
    // GNU tar keeps "../" and leading "/" only with -P: the hostile archive an attacker would hand over.
    writeFile(QStringLiteral("secret.txt"), "outside\n");
    writeFile(QStringLiteral("evil/inside.txt"), "inside\n");
    writeFile(QStringLiteral("evil/safe.txt"), "safe\n");
    const QString absolute = path(QStringLiteral("evil/inside.txt"));
    const QString name = QStringLiteral("app-data-20240914-020000.tar.gz");
    run(m_tar,
        { QStringLiteral("-czPf"), path(name), QStringLiteral("../secret.txt"), absolute, QStringLiteral("inside.txt"),
            QStringLiteral("safe.txt") },
        path(QStringLiteral("evil")));
    const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    const VerifyReport report = verify(name);
    expectFailure(report, name, QStringLiteral("unsafe"));
    QCOMPARE(report.entries, 4);
    // inside.txt is the same file as the absolute one: tar stores it as a hard link to that absolute name.
    QCOMPARE(
        report.unsafePaths, QStringList({ QStringLiteral("../secret.txt"), absolute, QStringLiteral("inside.txt") }));
    // Nothing was extracted anywhere.
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    QCOMPARE(QDir(path(QStringLiteral("evil"))).entryList(QDir::Files),
        QStringList({ QStringLiteral("inside.txt"), QStringLiteral("safe.txt") }));
}

void tst_BackupVerifier::tarThroughSymbolicLink()
{
    // "link" -> /etc first, then "link/passwd": extracting would write through the link.
    const QString work = path(QStringLiteral("linkwork"));
    QVERIFY(QDir().mkpath(work));
    QVERIFY(QFile::link(QStringLiteral("/etc"), work + QStringLiteral("/link")));
    const QString tarPath = path(QStringLiteral("link.tar"));
    run(m_tar, { QStringLiteral("-cf"), tarPath, QStringLiteral("link") }, work);
    QVERIFY(QFile::remove(work + QStringLiteral("/link")));
    writeFile(QStringLiteral("linkwork/link/passwd"), "root::0:0::/root:/bin/sh\n");
    run(m_tar, { QStringLiteral("-rf"), tarPath, QStringLiteral("link/passwd") }, work);
    const QString name = QStringLiteral("config-20240915-020000.tar");
    QVERIFY(QFile::rename(tarPath, path(name)));

    const VerifyReport report = verify(name);
    expectFailure(report, name, QStringLiteral("unsafe"));
    QCOMPARE(report.unsafePaths, QStringList({ QStringLiteral("link/passwd") }));

    // A link inside a folder, "a/l" -> /etc, and the member spelt "a//l/passwd" or "a/./l/passwd" (GNU tar itself
    // writes the short form, other tools need not): tar resolves it to the same place. Made with GNU tar as
    // "a/l/passwd"; the header's name and checksum are rewritten here.
    const QString nested = path(QStringLiteral("nestedwork"));
    QVERIFY(QDir().mkpath(nested + QStringLiteral("/a")));
    QVERIFY(QFile::link(QStringLiteral("/etc"), nested + QStringLiteral("/a/l")));
    const QString nestedTar = path(QStringLiteral("nested.tar"));
    run(m_tar, { QStringLiteral("-cf"), nestedTar, QStringLiteral("a") }, nested);
    QVERIFY(QFile::remove(nested + QStringLiteral("/a/l")));
    writeFile(QStringLiteral("nestedwork/a/l/passwd"), "root::0:0::/root:/bin/sh\n");
    run(m_tar, { QStringLiteral("-rf"), nestedTar, QStringLiteral("a/l/passwd") }, nested);
    QFile original(nestedTar);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray archive = original.readAll();
    const qsizetype header = archive.indexOf(QByteArray("a/l/passwd\0", 11));
    QVERIFY(header > 0 && header % 512 == 0);
    for (const QByteArray& spelling : { QByteArray("a//l/passwd"), QByteArray("a/./l/passwd") }) {
        QByteArray variant = archive;
        variant.replace(header, 100, QByteArray(spelling + QByteArray(100 - spelling.size(), '\0')));
        variant.replace(header + 148, 8, QByteArray(8, ' '));
        unsigned sum = 0;
        for (qsizetype i = header; i < header + 512; ++i)
            sum += static_cast<unsigned char>(variant.at(i));
        variant.replace(
            header + 148, 8, QByteArray(QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2)));
        const QString variantName = QStringLiteral("config-20240916-020000.tar");
        writeFile(variantName, variant);
        run(m_tar, { QStringLiteral("-tf"), path(variantName) }); // still a valid tar for GNU tar
        expectFailure(verify(variantName), variantName, QStringLiteral("unsafe"));
    }
}

void tst_BackupVerifier::sqliteWithDamagedPage()
{
    QFile good(path(QStringLiteral("sqlite-20240909-020000.db")));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QByteArray bytes = good.readAll();
    const int pageSize = (quint8(bytes.at(16)) << 8) | quint8(bytes.at(17));
    QVERIFY(bytes.size() > 8 * pageSize);
    // Page 4's header and cell pointers become noise.
    for (int i = 0; i < 64; ++i)
        bytes[3 * pageSize + i] = char(0xa5 ^ i);
    writeFile(QStringLiteral("sqlite-20240916-020000.db"), bytes);
    run(m_gzip, { path(QStringLiteral("sqlite-20240916-020000.db")) });
    const QString name = QStringLiteral("sqlite-20240916-020000.db.gz");
    const VerifyReport report = verify(name);
    expectFailure(report, name, QStringLiteral("SQLite"));
    QCOMPARE(report.level, VerifyLevel::Exists); // no sidecar, and the integrity check failed
    QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("drverify-*") }, QDir::Files), QStringList());
}

void tst_BackupVerifier::postgresDumpWithoutFooter()
{
    const QString plain = QStringLiteral("postgres-20240917-020000.sql");
    writeFile(plain, pgDumpText(false).toUtf8());
    run(m_gzip, { path(plain) });
    const QString name = plain + QStringLiteral(".gz");
    expectFailure(verify(name), name, QStringLiteral("-- PostgreSQL database dump complete"));
    // And one with no pg_dump header at all.
    const QString headless = QStringLiteral("postgres-20240918-020000.sql");
    writeFile(headless, "SELECT 1;\n");
    expectFailure(verify(headless), headless, QStringLiteral("header"));
}

void tst_BackupVerifier::checksumDoesNotMatchSidecar()
{
    const QString name = QStringLiteral("app-data-20240919-020000.tar.gz");
    QVERIFY(QFile::copy(path(QStringLiteral("app-data-20240909-020000.tar.gz")), path(name)));
    writeFile(name + QStringLiteral(".sha256"), QByteArray(64, 'a') + "  " + name.toUtf8() + '\n');
    const VerifyReport report = verify(name);
    expectFailure(report, name, QStringLiteral("checksum does not match the sidecar"));
    QCOMPARE(report.checksumSource, QStringLiteral("sidecar"));
    QVERIFY(report.reason.contains(report.sha256));
}

void tst_BackupVerifier::checksumDoesNotMatchCaller()
{
    VerifyRequest request;
    const QString name = QStringLiteral("app-data-20240909-020000.tar.gz");
    request.path = path(name);
    request.expectedSha256 = QString(64, u'0');
    const VerifyReport report = BackupVerifier::verify(request);
    expectFailure(report, name, QStringLiteral("checksum does not match the expected checksum"));
    QCOMPARE(report.checksumSource, QStringLiteral("caller"));
}

void tst_BackupVerifier::fileVanishedAfterListing()
{
    const QString name = QStringLiteral("app-data-20240920-020000.tar.gz");
    QVERIFY(QFile::copy(path(QStringLiteral("app-data-20240909-020000.tar.gz")), path(name)));
    const qint64 listedSize = QFileInfo(path(name)).size();
    QVERIFY(QFile::remove(path(name)));
    VerifyRequest request;
    request.path = path(name);
    request.expectedSize = listedSize;
    const VerifyReport report = BackupVerifier::verify(request);
    expectFailure(report, name, QStringLiteral("vanished"));
    QCOMPARE(report.level, VerifyLevel::None);
}

void tst_BackupVerifier::sizeChangedSinceListing()
{
    VerifyRequest request;
    const QString name = QStringLiteral("app-data-20240909-020000.tar.gz");
    request.path = path(name);
    request.expectedSize = QFileInfo(request.path).size() + 1;
    const VerifyReport report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Error);
    QVERIFY2(report.reason.contains(name) && report.reason.contains(QLatin1String("size changed")),
        qPrintable(report.reason));
}

void tst_BackupVerifier::emptyTarArchive()
{
    const QString name = QStringLiteral("config-20240921-020000.tar.gz");
    run(m_tar, { QStringLiteral("-czf"), path(name), QStringLiteral("--files-from"), QStringLiteral("/dev/null") });
    const VerifyReport report = verify(name);
    expectFailure(report, name, QStringLiteral("holds no entries"));
    QCOMPARE(report.entries, 0);
}

void tst_BackupVerifier::tarCutBetweenMembers()
{
    // An interrupted tar whose output was still closed properly by gzip: every member whole, the end mark gone.
    run(m_tar,
        { QStringLiteral("-cf"), path(QStringLiteral("cut.tar")), QStringLiteral("-C"), path(QStringLiteral("tree")),
            QStringLiteral("data"), QStringLiteral("logs") });
    QFile tar(path(QStringLiteral("cut.tar")));
    QVERIFY(tar.open(QIODevice::ReadOnly));
    const QByteArray whole = tar.readAll();
    qsizetype offset = 0;
    while (offset + 512 <= whole.size() && whole.mid(offset, 512) != QByteArray(512, '\0')) {
        const qint64 size = whole.mid(offset + 124, 12).trimmed().toLongLong(nullptr, 8);
        offset += 512 + (size + 511) / 512 * 512;
    }
    QVERIFY(offset > 0 && offset < whole.size());
    writeFile(QStringLiteral("cut.tar"), whole.left(offset));
    run(m_gzip, { QStringLiteral("-f"), path(QStringLiteral("cut.tar")) });
    const QString name = QStringLiteral("app-data-20240924-020000.tar.gz");
    QVERIFY(QFile::rename(path(QStringLiteral("cut.tar.gz")), path(name)));
    const VerifyReport report = verify(name);
    expectFailure(report, name, QStringLiteral("no end-of-archive mark"));
}

void tst_BackupVerifier::otherArchiveFormatsAreNotTar()
{
    // libarchive reads these, tar does not: a restore with tar would fail on them.
    const QString ar = test::findProgram(QStringLiteral("ar"));
    QVERIFY2(!ar.isEmpty(), "ar (binutils) must be installed");
    run(ar, { QStringLiteral("rc"), path(QStringLiteral("members.a")), path(QStringLiteral("tree/data/bot.log")) });
    run(m_gzip, { QStringLiteral("-f"), path(QStringLiteral("members.a")) });
    const QString archive = QStringLiteral("app-data-20240925-020000.tar.gz");
    QVERIFY(QFile::rename(path(QStringLiteral("members.a.gz")), path(archive)));
    expectFailure(verify(archive), archive, QStringLiteral("not a tar archive"));

    writeFile(QStringLiteral("spec.mtree"), "#mtree\n./data type=dir\n./data/bot.log type=file size=5\n");
    run(m_gzip, { QStringLiteral("-f"), path(QStringLiteral("spec.mtree")) });
    const QString spec = QStringLiteral("app-data-20240926-020000.tar.gz");
    QVERIFY(QFile::rename(path(QStringLiteral("spec.mtree.gz")), path(spec)));
    expectFailure(verify(spec), spec, QStringLiteral("not a tar archive"));

    // Not named like a backup: the extension still says it must be a tar.
    const QString handMade = QStringLiteral("hand-made copy.tar.gz");
    QVERIFY(QFile::copy(path(archive), path(handMade)));
    expectFailure(verify(handMade), handMade, QStringLiteral("not a tar archive"));
}

void tst_BackupVerifier::zeroedHeaderBlockEndsTheArchiveEarly()
{
    // One header block zeroed in the middle reads like the end mark: tar stops there and would restore
    // nothing after it, so what follows the mark must be zeros.
    run(m_tar,
        { QStringLiteral("-cf"), path(QStringLiteral("zeroed.tar")), QStringLiteral("-C"), path(QStringLiteral("tree")),
            QStringLiteral("data"), QStringLiteral("logs"), QStringLiteral("uploads") });
    QFile tar(path(QStringLiteral("zeroed.tar")));
    QVERIFY(tar.open(QIODevice::ReadOnly));
    QByteArray whole = tar.readAll();
    tar.close();
    // The header of the third member.
    qsizetype offset = 0;
    for (int member = 0; member < 2; ++member) {
        const qint64 size = whole.mid(offset + 124, 12).trimmed().toLongLong(nullptr, 8);
        offset += 512 + (size + 511) / 512 * 512;
    }
    QVERIFY(offset > 0 && offset + 512 < whole.size());
    whole.replace(offset, 512, QByteArray(512, '\0'));
    writeFile(QStringLiteral("zeroed.tar"), whole);
    run(m_gzip, { QStringLiteral("-f"), path(QStringLiteral("zeroed.tar")) });
    const QString name = QStringLiteral("app-data-20240927-020000.tar.gz");
    QVERIFY(QFile::rename(path(QStringLiteral("zeroed.tar.gz")), path(name)));
    const VerifyReport report = verify(name);
    expectFailure(report, name, QStringLiteral("end mark"));
    QVERIFY2(report.reason.contains(QLatin1String("restore would lose")), qPrintable(report.reason));

    // Garbage after a whole archive: the same fault, not "cut short".
    run(m_tar,
        { QStringLiteral("-cf"), path(QStringLiteral("garbage.tar")), QStringLiteral("-C"),
            path(QStringLiteral("tree")), QStringLiteral("data") });
    QFile garbage(path(QStringLiteral("garbage.tar")));
    QVERIFY(garbage.open(QIODevice::Append));
    garbage.write("GARBAGE");
    garbage.close();
    const QString garbageName = QStringLiteral("app-data-20240927-030000.tar");
    QVERIFY(QFile::rename(garbage.fileName(), path(garbageName)));
    expectFailure(verify(garbageName), garbageName, QStringLiteral("end mark"));

    // Zeros after the end mark are record padding, not a fault.
    run(m_tar,
        { QStringLiteral("-cf"), path(QStringLiteral("padded.tar")), QStringLiteral("-C"), path(QStringLiteral("tree")),
            QStringLiteral("data") });
    QFile padded(path(QStringLiteral("padded.tar")));
    QVERIFY(padded.open(QIODevice::Append));
    padded.write(QByteArray(1024 * 1024, '\0'));
    padded.close();
    const QString paddedName = QStringLiteral("app-data-20240928-020000.tar");
    QVERIFY(QFile::rename(padded.fileName(), path(paddedName)));
    const VerifyReport paddedReport = verify(paddedName);
    QVERIFY2(paddedReport.state == VerifyState::Passed, qPrintable(paddedReport.reason));
}

void tst_BackupVerifier::dumpWithOnlyTheFooterHasNoHeader()
{
    // The header line is a prefix of the completion footer: a file with only the footer has no header.
    const QString name = QStringLiteral("postgres-20240929-020000.sql");
    writeFile(name, "DROP TABLE reminders;\n--\n-- PostgreSQL database dump complete\n--\n");
    expectFailure(verify(name), name, QStringLiteral("header"));
}

void tst_BackupVerifier::encryptedContentOfNoKnownKind()
{
    // A hand-made copy, encrypted by openssl: nothing inside tells a right key from a wrong one (a wrong key's
    // noise has a right padding once in 256 keys), so the proof is the checksum's and a wrong key is no verdict.
    auto encryptWithSidecar = [&](const QString& plain, const QString& encrypted) {
        run(m_openssl,
            { QStringLiteral("enc"), QStringLiteral("-aes-256-cbc"), QStringLiteral("-pbkdf2"), QStringLiteral("-salt"),
                QStringLiteral("-in"), path(plain), QStringLiteral("-out"), path(encrypted), QStringLiteral("-pass"),
                QStringLiteral("pass:") + QString::fromUtf8(encryptionKey) });
        writeSidecar(encrypted);
    };
    const QString name = QStringLiteral("manual-copy.enc");
    encryptWithSidecar(QStringLiteral("tree/uploads/image.bin"), name);
    const VerifyReport right = verify(name, encryptionKey);
    QVERIFY2(right.state == VerifyState::Passed, qPrintable(right.reason));
    QCOMPARE(right.level, VerifyLevel::Checksum);
    QVERIFY2(right.warnings.join(u' ').contains(QLatin1String("could not be confirmed")),
        qPrintable(right.warnings.join(u' ')));
    // Small enough to be decrypted whole in the first read: a wrong key is still no verdict on the file.
    writeFile(QStringLiteral("small.bin"), incompressibleBytes(1000, 99));
    const QString small = QStringLiteral("small.bin.enc");
    encryptWithSidecar(QStringLiteral("small.bin"), small);
    const VerifyReport smallWrong = verify(small, "not the key");
    QVERIFY2(smallWrong.state == VerifyState::Error && smallWrong.keyRejected, qPrintable(smallWrong.reason));
    QVERIFY2(smallWrong.reason.contains(QLatin1String("intact")), qPrintable(smallWrong.reason));
    for (const QByteArray& wrong : { QByteArray("not the key"), QByteArray("another wrong key") }) {
        const VerifyReport report = verify(name, wrong);
        // Either its padding fails (no verdict: the key), or, once in 256 keys, it passes at the checksum only.
        QVERIFY2(report.state != VerifyState::Failed, qPrintable(report.reason));
        QVERIFY(report.level <= VerifyLevel::Checksum);
        if (report.state == VerifyState::Error)
            QVERIFY2(report.keyRejected && report.reason.contains(QLatin1String("intact")), qPrintable(report.reason));
    }
}

void tst_BackupVerifier::sidecarThatIsNotARegularFile()
{
    // A FIFO would block the open forever: it is not read (this test would hang without that).
    const QString name = QStringLiteral("app-data-20240930-020000.tar.gz");
    QVERIFY(QFile::copy(path(QStringLiteral("app-data-20240909-020000.tar.gz")), path(name)));
    run(QStringLiteral("mkfifo"), { path(name + QStringLiteral(".sha256")) });
    const VerifyReport report = verify(name);
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QVERIFY2(report.warnings.join(u' ').contains(QLatin1String("not a regular file")),
        qPrintable(report.warnings.join(u' ')));
    QFile::remove(path(name + QStringLiteral(".sha256")));
}

void tst_BackupVerifier::fileGrowingWhileReadIsNoVerdict()
{
    // Still being written (or replaced): verify it again later; it is not proven bad.
    // Large enough that the reader is still behind the end when the first progress is reported.
    writeFile(QStringLiteral("growing/blob.bin"), incompressibleBytes(48 * 1024 * 1024, 777));
    const QString name = QStringLiteral("app-data-20241001-020000.tar");
    run(m_tar,
        { QStringLiteral("-cf"), path(name), QStringLiteral("-C"), path(QStringLiteral("growing")),
            QStringLiteral("blob.bin") });
    VerifyRequest request;
    request.path = path(name);
    bool appended = false;
    request.progress = [&](qint64, qint64) {
        if (std::exchange(appended, true))
            return;
        QFile file(path(name));
        if (file.open(QIODevice::Append))
            file.write(QByteArray(8 * 1024 * 1024, 'x'));
    };
    const VerifyReport report = BackupVerifier::verify(request);
    QVERIFY(appended);
    QVERIFY2(report.state == VerifyState::Error, qPrintable(verifyStateId(report.state) + u' ' + report.reason));
    QVERIFY2(report.reason.contains(QLatin1String("grew")), qPrintable(report.reason));
}

void tst_BackupVerifier::sqliteWithBytesAppendedIsNamed()
{
    // integrity_check and SQLite ignore what lies after the pages the header counts: the report names it.
    QFile database(path(QStringLiteral("sqlite-20240909-020000.db")));
    QVERIFY(database.open(QIODevice::ReadOnly));
    const QByteArray pages = database.readAll();
    QCOMPARE(pages.size() % 4096, 0);
    VerifyRequest request;
    for (const auto& [name, appended] :
        { std::pair { QStringLiteral("sqlite-20241003-020000.db"), QByteArray(1000, 'x') },
            std::pair { QStringLiteral("sqlite-20241004-020000.db"), QByteArray() } }) {
        writeFile(name, pages + appended);
        run(m_gzip, { path(name) });
        request.path = path(name + QStringLiteral(".gz"));
        const VerifyReport report = BackupVerifier::verify(request);
        QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
        QCOMPARE(report.level, VerifyLevel::Integrity);
        if (appended.isEmpty()) {
            QCOMPARE(report.warnings, QStringList());
        } else {
            QCOMPARE(report.warnings.size(), 1);
            QVERIFY2(report.warnings.first().startsWith(QStringLiteral("the file holds 1000 bytes after the %1 pages "
                                                                       "of 4096 bytes its header counts")
                                                            .arg(pages.size() / 4096)),
                qPrintable(report.warnings.first()));
        }
    }
}

void tst_BackupVerifier::walModeSqliteLeavesNothingBehind()
{
    // sqlite3 .backup of a WAL database is a WAL-mode file: opening its copy makes -wal and -shm beside it.
    const QString wal = path(QStringLiteral("wal.db"));
    run(m_sqlite3, { wal, QStringLiteral("PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);") });
    run(m_sqlite3, { wal, QStringLiteral(".backup ") + path(QStringLiteral("sqlite-20241002-020000.db")) });
    run(m_gzip, { path(QStringLiteral("sqlite-20241002-020000.db")) });
    const QString temp = path(QStringLiteral("walcheck"));
    QVERIFY(QDir().mkpath(temp));
    VerifyRequest request;
    request.path = path(QStringLiteral("sqlite-20241002-020000.db.gz"));
    request.tempDir = temp;
    const VerifyReport report = BackupVerifier::verify(request);
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.level, VerifyLevel::Integrity);
    QCOMPARE(QDir(temp).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void tst_BackupVerifier::temporaryCopyStopsBeforeTheDiskIsFull()
{
    // The copy keeps DRCONSOLE_KEEP_FREE_MB (default 256) free in its folder: asked to keep more than the disk
    // has, it stops at once, with no verdict on the backup, and leaves nothing behind.
    const QString temp = path(QStringLiteral("fullcheck"));
    QVERIFY(QDir().mkpath(temp));
    qputenv("DRCONSOLE_KEEP_FREE_MB", QByteArray::number(std::numeric_limits<int>::max()));
    VerifyRequest request;
    request.path = path(QStringLiteral("sqlite-20240909-020000.db.gz"));
    request.tempDir = temp;
    const VerifyReport report = BackupVerifier::verify(request);
    qunsetenv("DRCONSOLE_KEEP_FREE_MB");
    QVERIFY2(report.state == VerifyState::Error, qPrintable(verifyStateId(report.state) + u' ' + report.reason));
    QVERIFY2(report.reason.contains(QLatin1String("not enough free space")), qPrintable(report.reason));
    QVERIFY2(report.reason.contains(temp), qPrintable(report.reason));
    QCOMPARE(QDir(temp).entryList(QDir::Files | QDir::Hidden), QStringList());
    // With the default reserve the same backup passes.
    QCOMPARE(BackupVerifier::verify(request).state, VerifyState::Passed);
}

void tst_BackupVerifier::sidecarWithAnEscapedName()
{
    // sha256sum writes "\\<hex>  <name>" with \\ and \n escapes for a name with a backslash or a newline.
    const QString name = QStringLiteral("back\\slash\nline.tar.gz");
    QVERIFY(QFile::copy(path(QStringLiteral("app-data-20240909-020000.tar.gz")), path(name)));
    writeSidecar(name);
    QFile sidecar(path(name + QStringLiteral(".sha256")));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    QVERIFY2(sidecar.peek(1) == "\\", "sha256sum did not escape the name");
    const VerifyReport report = verify(name);
    QVERIFY2(report.state == VerifyState::Passed, qPrintable(report.reason));
    QCOMPARE(report.checksumSource, QStringLiteral("sidecar"));
    QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.join(u' '))); // its own line, not "the only one"
}

void tst_BackupVerifier::sidecarWithTwoDifferentChecksums()
{
    // Two lines for the file that disagree: sha256sum -c fails on one of them, so the backup is not proven.
    const QString name = QStringLiteral("app-data-20241001-020000.tar.gz");
    QVERIFY(QFile::copy(path(QStringLiteral("app-data-20240909-020000.tar.gz")), path(name)));
    writeSidecar(name);
    QFile sidecar(path(name + QStringLiteral(".sha256")));
    QVERIFY(sidecar.open(QIODevice::Append));
    sidecar.write(QByteArray(64, '0') + "  " + name.toUtf8() + '\n');
    sidecar.close();
    expectFailure(verify(name), name, QStringLiteral("two different checksums"));
    // The same line twice is no conflict.
    writeSidecar(name);
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QByteArray once = sidecar.readAll();
    sidecar.close();
    writeFile(name + QStringLiteral(".sha256"), once + once);
    const VerifyReport twice = verify(name);
    QVERIFY2(twice.state == VerifyState::Passed, qPrintable(twice.reason));
}

void tst_BackupVerifier::cancelStopsWithError()
{
    std::atomic_bool cancel = false;
    VerifyRequest request;
    const QString name = QStringLiteral("app-data-20240909-020000.tar.gz");
    request.path = path(name);
    request.cancel = &cancel;
    request.progress = [&cancel](qint64, qint64) { cancel = true; }; // after the first chunk
    const VerifyReport report = BackupVerifier::verify(request);
    QCOMPARE(report.state, VerifyState::Error);
    QVERIFY(report.cancelled);
    QVERIFY2(
        report.reason.contains(name) && report.reason.contains(QLatin1String("cancelled")), qPrintable(report.reason));
    QVERIFY(report.bytesRead < QFileInfo(request.path).size());
    QVERIFY(report.sha256.isEmpty());
}

QTEST_GUILESS_MAIN(tst_BackupVerifier)
#include "tst_BackupVerifier.moc"
