// The gzip stage of the one-pass verifier on files of many members, which it decodes on several cores: the
// output must be exactly the data that real gzip compressed, member by member, and every fault must be caught
// and named as the serial decoder names it (member number, byte offset), wherever the segments were cut.

#include "TestEnvironment.h"
#include "verify/VerifyStreams.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <isa-l/crc.h>

#include <algorithm>
#include <atomic>

using namespace dr;
using namespace dr::verify;

class tst_GunzipStream : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void manyMembersDecodeToTheOriginal();
    void headerLookalikesInsideMembersAreNotCuts();
    void highlyCompressibleMembers();
    void encryptedManyMembers();
    void faultInOneMemberIsNamed();
    void truncatedInsideAMember();
    void trailingGarbageAndPadding();
    void zerosBetweenMembersAreNotPadding();
    void emptyMembersThenGarbage();
    void reservedHeaderFlagsAreRefused();
    void longHeaderFieldsAcrossReadBlocks();
    void damagedFilesAgreeWithGzip();
    void cancelStopsWithError();

private:
    struct Members
    {
        QByteArray plain;
        QByteArray compressed;
        QList<qsizetype> starts; // of each member in `compressed`, and its size last
    };
    QByteArray gzip(const QByteArray& data);
    Members compressEach(const QList<QByteArray>& pieces);
    Members hexMembers(int count, quint32 seed); // of 1 MiB each
    QString write(const QString& name, const QByteArray& bytes);
    struct Decoded
    {
        std::optional<Error> error;
        QByteArray output;
        qint64 members = 0;
        qint64 segmentsDecodedAlone = 0;
    };
    Decoded decode(const QString& file, const std::atomic_bool* cancel = nullptr, const QByteArray& key = {});

    static bool decodedToOriginal(const Decoded& decoded, const Members& members);
    static QString describe(const Decoded& decoded, const Members& members);

    QTemporaryDir m_dir;
    QString m_gzip;
    QString m_openssl;
};

// Text that compresses about 2:1, different for each seed, so that a member is about 0.5 MB.
static QByteArray hexText(qsizetype size, quint32 seed)
{
    static const char digits[] = "0123456789abcdef";
    QByteArray text(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        seed = seed * 1664525u + 1013904223u;
        text[i] = (i % 64 == 63) ? '\n' : digits[seed >> 28];
    }
    return text;
}

void tst_GunzipStream::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_gzip = test::findProgram(QStringLiteral("gzip"));
    m_openssl = test::findProgram(QStringLiteral("openssl"));
    QVERIFY2(!m_gzip.isEmpty() && !m_openssl.isEmpty(), "gzip and openssl must be installed");
}

QByteArray tst_GunzipStream::gzip(const QByteArray& data)
{
    QProcess process;
    process.start(m_gzip, { QStringLiteral("-6"), QStringLiteral("-c") });
    process.write(data);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

tst_GunzipStream::Members tst_GunzipStream::compressEach(const QList<QByteArray>& pieces)
{
    Members members;
    for (const QByteArray& piece : pieces) {
        members.starts.append(members.compressed.size());
        members.plain += piece;
        members.compressed += gzip(piece);
    }
    members.starts.append(members.compressed.size());
    return members;
}

tst_GunzipStream::Members tst_GunzipStream::hexMembers(int count, quint32 seed)
{
    QList<QByteArray> pieces;
    for (int i = 0; i < count; ++i)
        pieces.append(hexText(1024 * 1024, seed + quint32(i)));
    return compressEach(pieces);
}

QString tst_GunzipStream::write(const QString& name, const QByteArray& bytes)
{
    const QString file = m_dir.filePath(name);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
        return {};
    return file;
}

tst_GunzipStream::Decoded tst_GunzipStream::decode(
    const QString& file, const std::atomic_bool* cancel, const QByteArray& key)
{
    Decoded decoded;
    RawFileSource source(file, QFileInfo(file).size(), cancel, {});
    if (auto opened = source.open(); !opened) {
        decoded.error = opened.error();
        return decoded;
    }
    std::optional<DecryptStream> decrypt;
    if (!key.isEmpty())
        decrypt.emplace(source, key);
    GunzipStream gunzip(decrypt ? static_cast<ByteStream&>(*decrypt) : source);
    auto all = consumeAll(gunzip, [&](const Block& block) {
        decoded.output.append(reinterpret_cast<const char*>(block.data), qsizetype(block.size));
        return Result<void>();
    });
    if (!all)
        decoded.error = all.error();
    decoded.members = gunzip.members();
    decoded.segmentsDecodedAlone = gunzip.segmentsDecodedAlone();
    return decoded;
}

bool tst_GunzipStream::decodedToOriginal(const Decoded& decoded, const Members& members)
{
    return !decoded.error && decoded.output == members.plain && decoded.members == members.starts.size() - 1;
}

QString tst_GunzipStream::describe(const Decoded& decoded, const Members& members)
{
    return QStringLiteral("error \"%1\", %2 of %3 bytes out, %4 of %5 members")
        .arg(decoded.error ? decoded.error->message : QString())
        .arg(decoded.output.size())
        .arg(members.plain.size())
        .arg(decoded.members)
        .arg(members.starts.size() - 1);
}

void tst_GunzipStream::manyMembersDecodeToTheOriginal()
{
    QList<QByteArray> pieces;
    for (quint32 i = 0; i < 24; ++i)
        pieces.append(hexText(1024 * 1024 + i * 977, i + 1)); // uneven sizes: cuts land anywhere
    const Members members = compressEach(pieces);
    QVERIFY(members.compressed.size() > 8 * 1024 * 1024); // many segments of 512 KiB and more
    const Decoded decoded = decode(write(QStringLiteral("many.gz"), members.compressed));
    QVERIFY2(decodedToOriginal(decoded, members), qPrintable(describe(decoded, members)));
    // Decoded in parallel: every member after the first is a segment of its own or shares one.
    QVERIFY2(decoded.segmentsDecodedAlone >= 10, qPrintable(QString::number(decoded.segmentsDecodedAlone)));
}

void tst_GunzipStream::headerLookalikesInsideMembersAreNotCuts()
{
    // Random bytes that gzip stores verbatim, with a valid-looking member header every 4 KiB: every one is a
    // place where a segment may be cut; none is a member start.
    static const char lookalike[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
    QList<QByteArray> pieces;
    for (quint32 i = 0; i < 6; ++i) {
        QByteArray piece = QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256);
        while (piece.size() < 2 * 1024 * 1024)
            piece += QCryptographicHash::hash(piece.right(64), QCryptographicHash::Sha512);
        for (qsizetype at = 100; at + 10 < piece.size(); at += 4096)
            piece.replace(at, 10, lookalike, 10);
        pieces.append(piece);
    }
    const Members members = compressEach(pieces);
    QVERIFY(members.compressed.indexOf(QByteArray(lookalike, 10), members.starts[1] + 16) > 0);
    const Decoded decoded = decode(write(QStringLiteral("lookalikes.gz"), members.compressed));
    QVERIFY2(decodedToOriginal(decoded, members), qPrintable(describe(decoded, members)));
}

void tst_GunzipStream::highlyCompressibleMembers()
{
    // Each member is 24 MiB of one byte: a segment of them inflates past what a worker may hold, so it is
    // streamed by the serial decoder instead.
    QList<QByteArray> pieces;
    for (char fill : { 'a', 'b', 'c', 'd' })
        pieces.append(QByteArray(24 * 1024 * 1024, fill));
    pieces.append(hexText(3 * 1024 * 1024, 7));
    const Members members = compressEach(pieces);
    const Decoded decoded = decode(write(QStringLiteral("zeros.gz"), members.compressed));
    QVERIFY2(decodedToOriginal(decoded, members), qPrintable(describe(decoded, members)));
}

void tst_GunzipStream::encryptedManyMembers()
{
    const Members members = hexMembers(10, 100);
    const QString plainFile = write(QStringLiteral("enc-source.gz"), members.compressed);
    const QString encrypted = m_dir.filePath(QStringLiteral("many.gz.enc"));
    QProcess openssl;
    openssl.start(m_openssl,
        { QStringLiteral("enc"), QStringLiteral("-aes-256-cbc"), QStringLiteral("-pbkdf2"), QStringLiteral("-salt"),
            QStringLiteral("-pass"), QStringLiteral("pass:s3cret"), QStringLiteral("-in"), plainFile,
            QStringLiteral("-out"), encrypted });
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    const Decoded decoded = decode(encrypted, nullptr, QByteArrayLiteral("s3cret"));
    QVERIFY2(decodedToOriginal(decoded, members), qPrintable(describe(decoded, members)));
}

void tst_GunzipStream::faultInOneMemberIsNamed()
{
    const Members members = hexMembers(16, 200);

    // A flipped CRC32 byte in the trailer of member 11 (the 8 bytes before the next member are CRC32, ISIZE).
    QByteArray badCrc = members.compressed;
    badCrc[members.starts[11] - 8] = char(badCrc.at(members.starts[11] - 8) ^ 0x40);
    Decoded decoded = decode(write(QStringLiteral("crc.gz"), badCrc));
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->code, Error::Code::Corrupt);
    QVERIFY2(decoded.error->message.contains(QLatin1String("CRC32/length check failed (member 11)")),
        qPrintable(decoded.error->message));
    // Everything before the damaged member came out, nothing of it or after it was passed off as good.
    QVERIFY(members.plain.startsWith(decoded.output));
    QVERIFY(decoded.output.size() <= qsizetype(11) * 1024 * 1024);

    // A flipped byte inside the compressed data of member 9: a broken code, or the CRC after it.
    QByteArray badData = members.compressed;
    const qsizetype at = (members.starts[8] + members.starts[9]) / 2;
    badData[at] = char(badData.at(at) ^ 0x10);
    decoded = decode(write(QStringLiteral("data.gz"), badData));
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->code, Error::Code::Corrupt);
    const QString message = decoded.error->message;
    qInfo("%s", qPrintable(message));
    static const QRegularExpression nearByte(QStringLiteral("near byte (\\d+)"));
    const auto match = nearByte.match(message);
    if (match.hasMatch()) {
        const qsizetype reported = match.captured(1).toLongLong();
        QVERIFY2(reported >= at - 8 && reported <= members.starts[9], qPrintable(message));
    } else {
        QVERIFY2(message.contains(QLatin1String("(member 9)")), qPrintable(message));
    }
}

void tst_GunzipStream::truncatedInsideAMember()
{
    const Members members = hexMembers(12, 300);
    const qsizetype cut = (members.starts[7] + members.starts[8]) / 2;
    const Decoded decoded = decode(write(QStringLiteral("cut.gz"), members.compressed.left(cut)));
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->code, Error::Code::Corrupt);
    QVERIFY2(decoded.error->message.contains(QStringLiteral("truncated")), qPrintable(decoded.error->message));
    QVERIFY2(decoded.error->message.contains(QStringLiteral("after %1 compressed bytes").arg(cut)),
        qPrintable(decoded.error->message));
}

void tst_GunzipStream::trailingGarbageAndPadding()
{
    const Members members = hexMembers(8, 400);
    Decoded decoded = decode(write(QStringLiteral("garbage.gz"), members.compressed + "garbage"));
    QVERIFY(decoded.error);
    QVERIFY2(
        decoded.error->message.contains(QStringLiteral("unexpected data after the end of the gzip stream (at byte %1)")
                                            .arg(members.compressed.size())),
        qPrintable(decoded.error->message));

    // Zero padding, more than a segment of it: harmless, as after one member.
    decoded = decode(write(QStringLiteral("padded.gz"), members.compressed + QByteArray(9 * 1024 * 1024, '\0')));
    QVERIFY2(decodedToOriginal(decoded, members), qPrintable(describe(decoded, members)));

    // Garbage after a stretch of zeros is still garbage.
    decoded = decode(
        write(QStringLiteral("padded-garbage.gz"), members.compressed + QByteArray(7 * 1024 * 1024, '\0') + "x"));
    QVERIFY(decoded.error);
    QVERIFY2(decoded.error->message.contains(
                 QStringLiteral("unexpected data at byte %1 of the gzip stream, after zero padding from byte %2")
                     .arg(members.compressed.size() + 7 * 1024 * 1024)
                     .arg(members.compressed.size())),
        qPrintable(decoded.error->message));
}

void tst_GunzipStream::zerosBetweenMembersAreNotPadding()
{
    // gzip -d stops at zero padding: the members after it would never be restored, so they are no padding.
    Members members = hexMembers(6, 600);
    const QByteArray tail = gzip(hexText(1024 * 1024, 700));
    for (const qsizetype zeros : { qsizetype(4096), qsizetype(7) * 1024 * 1024 }) {
        const qsizetype at = members.compressed.size() + zeros;
        const Decoded decoded
            = decode(write(QStringLiteral("zeros-between.gz"), members.compressed + QByteArray(zeros, '\0') + tail));
        QVERIFY2(decoded.error, qPrintable(describe(decoded, members)));
        QCOMPARE(decoded.error->code, Error::Code::Corrupt);
        QVERIFY2(decoded.error->message.contains(
                     QStringLiteral("unexpected data at byte %1 of the gzip stream, after zero padding from byte %2")
                         .arg(at)
                         .arg(members.compressed.size())),
            qPrintable(decoded.error->message));
    }
}

void tst_GunzipStream::emptyMembersThenGarbage()
{
    // 40,000 empty members (20 bytes each) decode to nothing: nothing must read as the end of the stream.
    const Members members = hexMembers(3, 800);
    const QByteArray empty = gzip({});
    QCOMPARE(empty.size(), 20);
    const QByteArray body = members.compressed + empty.repeated(40000);
    Decoded decoded = decode(write(QStringLiteral("empty-members.gz"), body));
    QVERIFY2(!decoded.error, qPrintable(decoded.error->message));
    QVERIFY(decoded.output == members.plain);
    QCOMPARE(decoded.members, qint64(3 + 40000));

    decoded = decode(write(QStringLiteral("empty-members-garbage.gz"), body + "garbage"));
    QVERIFY(decoded.error);
    QVERIFY2(decoded.error->message.contains(
                 QStringLiteral("unexpected data after the end of the gzip stream (at byte %1)").arg(body.size())),
        qPrintable(decoded.error->message));
}

void tst_GunzipStream::reservedHeaderFlagsAreRefused()
{
    // gzip -d refuses a member with reserved flag bits ("has flags 0x40 -- not supported"); ISA-L takes it.
    const QByteArray small = gzip("hello\n") + gzip("world\n");
    QByteArray flagged = small;
    flagged[gzip("hello\n").size() + 3] = char(0x40);
    Decoded decoded = decode(write(QStringLiteral("flags-small.gz"), flagged));
    QVERIFY(decoded.error);
    QVERIFY2(decoded.error->message.contains(QLatin1String("invalid gzip header (member 2)")),
        qPrintable(decoded.error->message));

    // In a member the segments reach: decoded alone it would pass.
    const Members members = hexMembers(8, 900);
    for (const int member : { 2, 6 }) {
        flagged = members.compressed;
        flagged[members.starts[member - 1] + 3] = char(0x20);
        decoded = decode(write(QStringLiteral("flags.gz"), flagged));
        QVERIFY2(decoded.error, qPrintable(describe(decoded, members)));
        QVERIFY2(decoded.error->message.contains(QStringLiteral("invalid gzip header (member %1)").arg(member)),
            qPrintable(decoded.error->message));
    }
}

void tst_GunzipStream::longHeaderFieldsAcrossReadBlocks()
{
    // Optional header fields (FEXTRA, FNAME, FCOMMENT, FHCRC: `cat a.gz b.gz` of files gzip named) of up to
    // 70 KB, in members of every size, so that headers lie across the 1 MiB blocks the file is read in and across
    // the cuts between segments. gzip -dc restores each file: so must this, byte for byte.
    quint32 seed = 4242;
    auto random = [&seed](quint32 below) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % below;
    };
    int headersAcrossBlocks = 0;
    for (int file = 0; file < 4; ++file) {
        Members members;
        QByteArray compressed;
        for (int member = 0; member < 24; ++member) {
            const QByteArray piece = hexText(random(2) ? random(3000) : 200'000 + random(1'500'000), seed);
            QByteArray gzipped = gzip(piece);
            // gzip -c from a pipe writes a bare 10-byte header (no name): add the fields after it.
            const quint8 fields = quint8(random(16)) << 1; // FHCRC, FEXTRA, FNAME, FCOMMENT
            gzipped[3] = char(fields);
            QByteArray header = gzipped.left(10);
            if (fields & 0x04) {
                const quint32 extraSize = random(65536);
                header += char(extraSize & 0xff);
                header += char(extraSize >> 8);
                header += QByteArray(qsizetype(extraSize), 'e');
            }
            if (fields & 0x08)
                header += QByteArray(qsizetype(1 + random(70'000)), 'n') + '\0';
            if (fields & 0x10)
                header += QByteArray(qsizetype(random(70'000)), 'c') + '\0';
            if (fields & 0x02) {
                const quint32 crc = quint32(crc32_gzip_refl(
                    0, reinterpret_cast<const unsigned char*>(header.constData()), std::uint64_t(header.size())));
                header += char(crc & 0xff);
                header += char((crc >> 8) & 0xff);
            }
            constexpr qsizetype readBlock = 1024 * 1024;
            if (compressed.size() / readBlock != (compressed.size() + header.size()) / readBlock)
                ++headersAcrossBlocks;
            members.plain += piece;
            compressed += header + gzipped.mid(10);
        }
        const QString path = write(QStringLiteral("header-fields-%1.gz").arg(file), compressed);
        QProcess gunzip;
        gunzip.start(m_gzip, { QStringLiteral("-dc"), path });
        QVERIFY(gunzip.waitForFinished(60'000));
        QCOMPARE(gunzip.exitCode(), 0);
        QVERIFY(gunzip.readAllStandardOutput() == members.plain);
        const Decoded decoded = decode(path);
        QVERIFY2(!decoded.error, qPrintable(decoded.error ? decoded.error->message : QString()));
        QCOMPARE(decoded.members, qint64(24));
        QVERIFY(decoded.output == members.plain);
        QVERIFY(decoded.segmentsDecodedAlone > 0); // the workers' path, not only the serial decoder's
    }
    QVERIFY2(headersAcrossBlocks >= 3, qPrintable(QString::number(headersAcrossBlocks)));
}

void tst_GunzipStream::damagedFilesAgreeWithGzip()
{
    // Real gzip is the judge: for each damaged copy, gzip -dc either restores it (exit 0), and then the same bytes
    // must come out here, or it does not (1, or 2 for trailing data it ignores), and then this must fail too.
    // Most damage is put where members meet: headers, trailers and the cuts between segments.
    const Members members = hexMembers(8, 1100);
    quint32 seed = 20261130;
    auto random = [&seed](quint32 below) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % below;
    };
    auto nearAMemberStart = [&] {
        const qsizetype start = members.starts[random(quint32(members.starts.size()))];
        return std::clamp<qsizetype>(start + qsizetype(random(48)) - 24, 0, members.compressed.size() - 1);
    };
    int agreedPasses = 0;
    int agreedFailures = 0;
    for (int round = 0; round < 120; ++round) {
        QByteArray damaged = members.compressed;
        QString what;
        switch (round % 6) {
        case 0:
        case 1: {
            const qsizetype at = nearAMemberStart();
            damaged[at] = char(damaged.at(at) ^ (1 << random(8)));
            what = QStringLiteral("bit flipped at %1").arg(at);
            break;
        }
        case 2: {
            const qsizetype at = qsizetype(random(quint32(damaged.size())));
            damaged[at] = char(damaged.at(at) ^ (1 << random(8)));
            what = QStringLiteral("bit flipped at %1").arg(at);
            break;
        }
        case 3: {
            const qsizetype at = round % 12 == 3 ? nearAMemberStart() : qsizetype(random(quint32(damaged.size())));
            damaged.truncate(at);
            what = QStringLiteral("cut at %1").arg(at);
            break;
        }
        case 4: {
            const qsizetype at = members.starts[random(quint32(members.starts.size()))];
            const QByteArray inserted = round % 12 == 4 ? QByteArray(qsizetype(1 + random(16)), '\0')
                                                        : QByteArray::number(random(1u << 30), 36);
            damaged.insert(at, inserted);
            what = QStringLiteral("%1 bytes inserted at %2").arg(inserted.size()).arg(at);
            break;
        }
        default: {
            const qsizetype at = nearAMemberStart();
            const qsizetype count = qsizetype(1 + random(8));
            damaged.remove(at, count);
            what = QStringLiteral("%1 bytes removed at %2").arg(count).arg(at);
            break;
        }
        }
        const QString file = write(QStringLiteral("damaged.gz"), damaged);
        QProcess gunzip;
        gunzip.start(m_gzip, { QStringLiteral("-dc"), file });
        QVERIFY(gunzip.waitForFinished(60000));
        const QByteArray restored = gunzip.readAllStandardOutput();
        const bool gzipRestores = gunzip.exitStatus() == QProcess::NormalExit && gunzip.exitCode() == 0;
        const Decoded decoded = decode(file);
        if (gzipRestores) {
            QVERIFY2(!decoded.error && decoded.output == restored,
                qPrintable(what + QStringLiteral(": gzip restores it, here: ") + describe(decoded, members)));
            ++agreedPasses;
        } else {
            QVERIFY2(decoded.error,
                qPrintable(what
                    + QStringLiteral(": gzip -dc exit %1 (%2), here it passed")
                          .arg(gunzip.exitCode())
                          .arg(QString::fromLocal8Bit(gunzip.readAllStandardError().trimmed()))));
            ++agreedFailures;
        }
    }
    qInfo("agreed with gzip on %d restorable and %d broken copies", agreedPasses, agreedFailures);
    QVERIFY(agreedFailures > 60); // the damage is real
}

void tst_GunzipStream::cancelStopsWithError()
{
    const Members members = hexMembers(16, 500);
    const QString file = write(QStringLiteral("cancel.gz"), members.compressed);
    std::atomic_bool cancel = false;
    RawFileSource source(file, QFileInfo(file).size(), &cancel, {});
    QVERIFY(source.open());
    GunzipStream gunzip(source);
    qsizetype out = 0;
    auto all = consumeAll(gunzip, [&](const Block& block) {
        out += qsizetype(block.size);
        cancel = true;
        return Result<void>();
    });
    QVERIFY(!all);
    QCOMPARE(all.error().code, Error::Code::Cancelled);
    QVERIFY(out < members.plain.size());
}

QTEST_GUILESS_MAIN(tst_GunzipStream)
#include "tst_GunzipStream.moc"
