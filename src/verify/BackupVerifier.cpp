#include "verify/BackupVerifier.h"

#include "verify/DeepRestore.h"

#include "core/BackupFileName.h"
#include "verify/VerifyChecks.h"
#include "verify/VerifyStreams.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStorageInfo>
#include <QTemporaryFile>

#include <memory>
#include <optional>

namespace dr {

using verify::Block;
using verify::ByteStream;
using verify::PeekStream;

QString verifyLevelId(VerifyLevel level)
{
    switch (level) {
    case VerifyLevel::None:
        return QStringLiteral("none");
    case VerifyLevel::Exists:
        return QStringLiteral("exists");
    case VerifyLevel::Checksum:
        return QStringLiteral("checksum");
    case VerifyLevel::ReadThrough:
        return QStringLiteral("read-through");
    case VerifyLevel::Integrity:
        return QStringLiteral("integrity");
    case VerifyLevel::Deep:
        return QStringLiteral("deep");
    }
    return QStringLiteral("none");
}

namespace {

enum class Content { Unknown, Tar, Sqlite, SqlDump, PgCustom, Redis };

struct Kind
{
    bool encrypted = false;
    bool compressed = false;
    Content content = Content::Unknown;
    bool fromName = false;
    bool postgresComponent = false;
};

constexpr qsizetype sniffSize = 512;
constexpr qsizetype dumpEdgeSize = 4096;
const QByteArray gzipMagic("\x1f\x8b", 2);
const QByteArray sqliteMagic("SQLite format 3\0", 16);
const QByteArray pgDumpHeader("-- PostgreSQL database dump");
const QByteArray pgDumpAllHeader("-- PostgreSQL database cluster dump");

/// True when one of the lines of @p head is exactly @p marker: pg_dump's header line is a prefix of its own
/// completion footer, so a file holding only the footer must not count as having the header.
bool hasLine(const QByteArray& head, const QByteArray& marker)
{
    for (qsizetype at = head.indexOf(marker); at >= 0; at = head.indexOf(marker, at + 1)) {
        const qsizetype end = at + marker.size();
        const bool startsLine = at == 0 || head.at(at - 1) == '\n';
        const bool endsLine = end == head.size() || head.at(end) == '\n' || head.at(end) == '\r';
        if (startsLine && endsLine)
            return true;
    }
    return false;
}

bool isTarHeader(const QByteArray& head)
{
    return head.size() >= 262 && head.mid(257, 5) == "ustar";
}

Content sniffContent(const QByteArray& head)
{
    if (isTarHeader(head))
        return Content::Tar;
    if (head.startsWith(sqliteMagic))
        return Content::Sqlite;
    if (head.startsWith("PGDMP"))
        return Content::PgCustom;
    if (head.startsWith("REDIS"))
        return Content::Redis;
    if (hasLine(head, pgDumpHeader) || hasLine(head, pgDumpAllHeader))
        return Content::SqlDump;
    return Content::Unknown;
}

Kind kindFromName(const QString& fileName)
{
    Kind kind;
    const auto parsed = BackupFileName::parse(fileName);
    QString format;
    if (parsed) {
        kind.fromName = true;
        kind.encrypted = parsed->encrypted;
        kind.compressed = parsed->compressed;
        kind.postgresComponent = parsed->component.endsWith(QLatin1String("postgres"));
        format = parsed->format;
    } else {
        // Not named like a backup: encryption and compression are read from the file, but its extension still
        // says what it must hold (a .tar.gz that is no tar is no good backup, whatever its name).
        QString base = fileName.toLower();
        for (const QLatin1String suffix : { QLatin1String(".enc"), QLatin1String(".gz") }) {
            if (base.endsWith(suffix))
                base.chop(suffix.size());
        }
        format = base.contains(u'.') ? base.mid(base.lastIndexOf(u'.') + 1) : QString();
        // A .sql file must be a pg_dump: its header and footer are required, as for a postgres backup.
        kind.postgresComponent = format == QLatin1String("sql");
    }
    if (format == QLatin1String("tar") || format == QLatin1String("tgz"))
        kind.content = Content::Tar;
    else if (format == QLatin1String("db"))
        kind.content = Content::Sqlite;
    else if (format == QLatin1String("sql"))
        kind.content = Content::SqlDump;
    else if (format == QLatin1String("dump"))
        kind.content = Content::PgCustom;
    else if (format == QLatin1String("rdb"))
        kind.content = Content::Redis;
    return kind;
}

bool isFailure(const Error& error)
{
    switch (error.code) {
    case Error::Code::Corrupt:
    case Error::Code::InvalidInput:
    case Error::Code::NotFound:
        return true;
    default:
        return false;
    }
}

/// Runs one backup's verification; the public function wraps it with timing and the final verdict.
class Verification
{
    Q_DECLARE_TR_FUNCTIONS(BackupVerifier)

public:
    Verification(const VerifyRequest& request, VerifyReport& report)
        : m_request(request)
        , m_report(report)
        , m_fileName(QFileInfo(request.path).fileName())
    { }

    void run();

private:
    void fail(const QString& fault) { finish(VerifyState::Failed, fault); }
    void error(const QString& fault) { finish(VerifyState::Error, fault); }
    void finish(VerifyState state, const QString& fault)
    {
        m_report.state = state;
        m_report.reason = tr("%1: %2").arg(m_fileName, fault);
    }
    void finishWith(const Error& fault)
    {
        if (fault.code == Error::Code::Cancelled) {
            m_report.cancelled = true;
            error(tr("the verification was cancelled"));
        } else {
            finish(isFailure(fault) ? VerifyState::Failed : VerifyState::Error, fault.fullText());
        }
    }

    /// The reference checksum: the caller's, else the sidecar's. Empty without one; Error when unusable.
    Result<QString> referenceChecksum();
    /// Decodes and checks the content; returns the highest level it proved.
    Result<VerifyLevel> checkContent(verify::RawFileSource& raw, Kind kind);
    Result<VerifyLevel> checkSqlDump(PeekStream& stream, const QByteArray& head, bool requireMarkers);
    Result<VerifyLevel> checkSqlite(PeekStream& stream);
    Result<VerifyLevel> checkRedis(PeekStream& stream);
    Result<VerifyLevel> checkPgCustom(PeekStream& stream, const Kind& kind);
    /// The rest of @p stream in an owner-only temporary file (in the request's tempDir), removed with it.
    Result<std::unique_ptr<QTemporaryFile>> temporaryCopy(PeekStream& stream, const QString& suffix);

    bool wants(VerifyLevel level) const { return m_request.level >= level; }
    /// The deep level of a PostgreSQL dump: a second pass into a throwaway database.
    void restoreDump();

    Kind m_kind; ///< what checkContent found the file to be
    /// A custom-format dump pg_restore read back whole, decoded (a compressed or encrypted one's temporary copy;
    /// none for a plain file): the deep level restores that.
    std::unique_ptr<QTemporaryFile> m_decodedPgCustom;

    const VerifyRequest& m_request;
    VerifyReport& m_report;
    const QString m_fileName;
    QStringList m_method;
};

Result<QString> Verification::referenceChecksum()
{
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!m_request.expectedSha256.isEmpty()) {
        if (!hex64.match(m_request.expectedSha256).hasMatch())
            return makeError(Error::Code::Internal,
                tr("the expected checksum \"%1\" is not a SHA-256 in hex").arg(m_request.expectedSha256));
        m_report.checksumSource = QStringLiteral("caller");
        return m_request.expectedSha256.toLower();
    }
    const QString sidecarPath = m_request.path + QStringLiteral(".sha256");
    const QFileInfo sidecarInfo(sidecarPath);
    if (!sidecarInfo.exists())
        return QString();
    const QString sidecarName = sidecarInfo.fileName();
    if (!sidecarInfo.isFile()) {
        // A FIFO would block the open forever; a folder holds no checksum.
        m_report.warnings.append(tr("the sidecar %1 is not a regular file; it was not read").arg(sidecarName));
        return QString();
    }
    QFile sidecar(sidecarPath);
    if (!sidecar.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, tr("cannot read the sidecar %1: %2").arg(sidecarName, sidecar.errorString()));
    constexpr qint64 sidecarLimit = 64 * 1024;
    const QByteArray text = sidecar.read(sidecarLimit);
    // sha256sum format: "<hex>  <name>" or "<hex> *<name>", one line per file; a line starting with a backslash
    // has \\ and \n escapes in its name (sha256sum writes names with a backslash or a newline so).
    static const QRegularExpression line(QStringLiteral("^(\\\\?)([0-9a-fA-F]{64}) [ *](.+)$"));
    QString onlyOne;
    QString named; // the checksum of the line naming this file
    int valid = 0;
    for (const QByteArray& rawLine : text.split('\n')) {
        const QString entry = QString::fromUtf8(rawLine).trimmed();
        if (entry.isEmpty())
            continue;
        const auto match = line.match(entry);
        if (!match.hasMatch())
            continue;
        ++valid;
        onlyOne = match.captured(2).toLower();
        QString name = match.captured(3);
        if (!match.captured(1).isEmpty()) {
            QString unescaped;
            for (qsizetype i = 0; i < name.size(); ++i) {
                if (name.at(i) == u'\\' && i + 1 < name.size()) {
                    ++i;
                    unescaped.append(name.at(i) == u'n' ? QChar(u'\n') : name.at(i));
                } else {
                    unescaped.append(name.at(i));
                }
            }
            name = unescaped;
        }
        if (QFileInfo(name).fileName() == m_fileName) {
            // sha256sum -c fails on either of two lines that disagree: so does this.
            if (!named.isEmpty() && named != onlyOne)
                return makeError(Error::Code::Corrupt,
                    tr("the sidecar %1 gives two different checksums for this file").arg(sidecarName));
            named = onlyOne;
        }
    }
    if (!named.isEmpty()) {
        m_report.checksumSource = QStringLiteral("sidecar");
        return named;
    }
    if (valid == 1) {
        m_report.warnings.append(tr("the sidecar %1 names another file; its checksum was used").arg(sidecarName));
        m_report.checksumSource = QStringLiteral("sidecar");
        return onlyOne;
    }
    if (valid == 0)
        return makeError(Error::Code::InvalidInput, tr("the sidecar %1 is not in sha256sum format").arg(sidecarName));
    return makeError(Error::Code::InvalidInput, tr("the sidecar %1 has no line for this file").arg(sidecarName));
}

Result<VerifyLevel> Verification::checkSqlDump(PeekStream& stream, const QByteArray& head, bool requireMarkers)
{
    QByteArray tail;
    auto read = verify::consumeAll(stream, [&tail](const Block& block) {
        const auto* data = reinterpret_cast<const char*>(block.data);
        const qsizetype size = qsizetype(block.size);
        if (size >= dumpEdgeSize) {
            tail = QByteArray(data + size - dumpEdgeSize, dumpEdgeSize);
        } else {
            tail.append(data, size);
            if (tail.size() > 2 * dumpEdgeSize)
                tail.remove(0, tail.size() - dumpEdgeSize);
        }
        return Result<void>();
    });
    if (!read)
        return read.error();
    const bool clusterDump = hasLine(head, pgDumpAllHeader);
    if (!hasLine(head, pgDumpHeader) && !clusterDump) {
        if (requireMarkers)
            return makeError(Error::Code::Corrupt,
                tr("not a PostgreSQL dump: the header \"-- PostgreSQL database dump\" is missing"));
        return VerifyLevel::ReadThrough;
    }
    m_method.append(QStringLiteral("pg-dump"));
    if (!wants(VerifyLevel::Integrity))
        return VerifyLevel::ReadThrough;
    const QByteArray footer = clusterDump ? QByteArray("-- PostgreSQL database cluster dump complete")
                                          : QByteArray("-- PostgreSQL database dump complete");
    const qsizetype at = tail.lastIndexOf(footer);
    bool complete = at >= 0;
    if (complete) {
        // After the footer pg_dump writes only comment dashes (and, since 17.6, an \unrestrict line).
        for (const QByteArray& line : tail.mid(at + footer.size()).split('\n')) {
            const QByteArray trimmed = line.trimmed();
            if (!trimmed.isEmpty() && trimmed != "--" && !trimmed.startsWith("\\unrestrict"))
                complete = false;
        }
    }
    if (!complete)
        return makeError(Error::Code::Corrupt,
            tr("the PostgreSQL dump has no completion footer \"%1\" at its end: pg_dump did not finish")
                .arg(QString::fromLatin1(footer)));
    return VerifyLevel::Integrity;
}

Result<std::unique_ptr<QTemporaryFile>> Verification::temporaryCopy(PeekStream& stream, const QString& suffix)
{
    const QString folder = m_request.tempDir.isEmpty() ? QDir::tempPath() : m_request.tempDir;
    // Owner-only (0600) and removed with the returned object.
    auto copy = std::make_unique<QTemporaryFile>(folder + QStringLiteral("/drverify-XXXXXX") + suffix);
    if (!copy->open())
        return makeError(Error::Code::Io,
            tr("cannot create the temporary copy in %1: %2")
                .arg(QDir::toNativeSeparators(folder), copy->errorString()));
    // A small compressed file can unpack to far more than the folder holds (a gzip bomb, or just a big
    // database): stop while some space is left, rather than fill the disk of this computer.
    bool reserveSet = false;
    const qint64 reserveMb = qEnvironmentVariableIntValue("DRCONSOLE_KEEP_FREE_MB", &reserveSet);
    const qint64 keepFree = (reserveSet && reserveMb >= 0 ? reserveMb : 256) << 20;
    constexpr qint64 checkEvery = qint64(64) << 20;
    qint64 written = 0;
    qint64 nextCheck = 0;
    auto copied = verify::consumeAll(stream, [&](const Block& block) -> Result<void> {
        if (written >= nextCheck) {
            const qint64 available = QStorageInfo(folder).bytesAvailable();
            if (available >= 0 && available < keepFree + checkEvery)
                return makeError(Error::Code::Io,
                    tr("not enough free space in %1 for the temporary copy (%2 MB written, %3 MB left): set TMPDIR "
                       "to a folder with room for the unpacked backup")
                        .arg(QDir::toNativeSeparators(folder))
                        .arg(written / 1000000)
                        .arg(available / 1000000));
            nextCheck = written + checkEvery;
        }
        if (copy->write(reinterpret_cast<const char*>(block.data), qint64(block.size)) != qint64(block.size))
            return makeError(Error::Code::Io,
                tr("cannot write the temporary copy %1: %2").arg(copy->fileName(), copy->errorString()));
        written += qint64(block.size);
        return {};
    });
    if (!copied)
        return copied.error();
    if (!copy->flush())
        return makeError(
            Error::Code::Io, tr("cannot write the temporary copy %1: %2").arg(copy->fileName(), copy->errorString()));
    return copy;
}

Result<VerifyLevel> Verification::checkRedis(PeekStream& stream)
{
    m_method.append(QStringLiteral("rdb"));
    if (!wants(VerifyLevel::Integrity))
        return VerifyLevel::ReadThrough;
    const QString checker = verify::RdbCheck::checkerPath();
    if (checker.isEmpty()) {
        m_report.warnings.append(
            tr("redis-check-rdb is not installed on this computer (redis-tools): the RDB's own checksum was not "
               "checked"));
        return VerifyLevel::ReadThrough;
    }
    auto copy = temporaryCopy(stream, QStringLiteral(".rdb"));
    if (!copy)
        return copy.error();
    m_method.append(QStringLiteral("redis-check-rdb"));
    const auto problem = verify::RdbCheck::problem(checker, (*copy)->fileName(), m_request.cancel);
    if (!problem)
        return problem.error();
    if (!problem->isEmpty())
        return makeError(Error::Code::Corrupt, tr("redis-check-rdb: %1 (in the decompressed RDB)").arg(*problem));
    // An RDB written with "rdbchecksum no" ends in a zero checksum, which redis-check-rdb skips: its keys parse,
    // but damage inside a value cannot be seen.
    QFile rdb((*copy)->fileName());
    if (rdb.open(QIODevice::ReadOnly) && rdb.size() >= 8 && rdb.seek(rdb.size() - 8)
        && rdb.read(8) == QByteArray(8, '\0')) {
        m_report.warnings.append(tr("the snapshot has no checksum (Redis wrote it with rdbchecksum no): its keys "
                                    "parse, but damage inside a value cannot be seen"));
        return VerifyLevel::ReadThrough;
    }
    return VerifyLevel::Integrity;
}

Result<VerifyLevel> Verification::checkPgCustom(PeekStream& stream, const Kind& kind)
{
    m_method.append(QStringLiteral("pg-custom"));
    // Its header alone proves nothing: the dump's own structure is only checked by reading it with pg_restore.
    const bool decoded = kind.compressed || kind.encrypted;
    const VerifyLevel decodedOnly = decoded ? VerifyLevel::ReadThrough : VerifyLevel::Checksum;
    const QString restorer = wants(VerifyLevel::Integrity) ? verify::PgCustomCheck::restorerPath() : QString();
    if (restorer.isEmpty()) {
        if (wants(VerifyLevel::Integrity))
            m_report.warnings.append(tr("pg_restore is not installed on this computer (postgresql-client): the "
                                        "custom-format dump was not read beyond its header"));
        if (auto rest = stream.drain(); !rest)
            return rest.error();
        return decodedOnly;
    }
    // A plain file is read by pg_restore where it is; a compressed or encrypted one from a decoded copy.
    std::unique_ptr<QTemporaryFile> copy;
    if (decoded) {
        auto copied = temporaryCopy(stream, QStringLiteral(".dump"));
        if (!copied)
            return copied.error();
        copy = std::move(*copied);
    } else if (auto rest = stream.drain(); !rest) {
        return rest.error();
    }
    m_method.append(QStringLiteral("pg-restore"));
    const auto problem
        = verify::PgCustomCheck::problem(restorer, copy ? copy->fileName() : m_request.path, m_request.cancel);
    if (!problem)
        return problem.error();
    if (!problem->isEmpty())
        return makeError(Error::Code::Corrupt, tr("the custom-format dump does not read back: %1").arg(*problem));
    m_decodedPgCustom = std::move(copy);
    return VerifyLevel::Integrity;
}

Result<VerifyLevel> Verification::checkSqlite(PeekStream& stream)
{
    auto copied = temporaryCopy(stream, QStringLiteral(".db"));
    if (!copied)
        return copied.error();
    const QTemporaryFile& copy = **copied;
    // SQLite opens a WAL-mode database (what .backup of a WAL database makes) with -wal and -shm files beside it.
    const auto removeCompanions = qScopeGuard([name = copy.fileName()] {
        for (const char* suffix : { "-wal", "-shm", "-journal" })
            QFile::remove(name + QLatin1String(suffix));
    });
    if (!wants(VerifyLevel::Integrity))
        return VerifyLevel::ReadThrough;
    m_method.append(QStringLiteral("sqlite-integrity"));
    auto problems = verify::SqliteCheck::integrityProblems(copy.fileName());
    if (!problems)
        return problems.error();
    if (!problems->isEmpty()) {
        QStringList shown = problems->mid(0, 3);
        return makeError(Error::Code::Corrupt,
            tr("SQLite integrity check failed (%n problem(s)): %1", nullptr, int(problems->size()))
                .arg(shown.join(QStringLiteral("; "))));
    }
    if (const QString anomaly = verify::SqliteCheck::sizeAnomaly(copy.fileName()); !anomaly.isEmpty())
        m_report.warnings.append(anomaly);
    if (!wants(VerifyLevel::Deep))
        return VerifyLevel::Integrity;
    m_method.append(QStringLiteral("deep-count"));
    const auto counts = verify::DeepRestore::countSqlite(copy.fileName());
    if (!counts)
        return counts.error();
    m_report.tables = counts->tables;
    m_report.rows = counts->rows;
    return VerifyLevel::Deep;
}

Result<VerifyLevel> Verification::checkContent(verify::RawFileSource& raw, Kind kind)
{
    PeekStream rawPeek(raw);
    auto rawHead = rawPeek.peek(verify::DecryptStream::headerSize);
    if (!rawHead)
        return rawHead.error();
    const Block rawHeadBlock { reinterpret_cast<const std::uint8_t*>(rawHead->constData()),
        std::size_t(rawHead->size()) };
    const bool salted = verify::DecryptStream::hasMagic(rawHeadBlock);
    if (!kind.fromName)
        kind.encrypted = salted;
    if (kind.encrypted && !salted)
        return makeError(Error::Code::Corrupt, tr("not an openssl-encrypted file (no \"Salted__\" header)"));
    if (kind.encrypted && m_request.key.isEmpty())
        return makeError(
            Error::Code::PassphraseNeeded, tr("the file is encrypted: give its key to verify more than its checksum"));

    std::optional<verify::DecryptStream> decrypt;
    std::optional<PeekStream> decryptedPeek;
    ByteStream* decoded = &rawPeek;
    // A wrong key is not a bad backup: it says nothing about the file (AuthFailed ends as state Error).
    auto wrongKey = [] { return makeError(Error::Code::AuthFailed, tr("wrong key or not encrypted with this key")); };
    if (kind.encrypted) {
        m_method.append(QStringLiteral("aes-256-cbc"));
        decrypt.emplace(rawPeek, m_request.key);
        decryptedPeek.emplace(*decrypt);
        auto head = decryptedPeek->peek(2);
        if (!head)
            return head.error();
        if (!kind.fromName)
            kind.compressed = head->startsWith(gzipMagic);
        else if (kind.compressed && !head->startsWith(gzipMagic))
            return wrongKey();
        decoded = &*decryptedPeek;
    } else if (!kind.fromName) {
        kind.compressed = rawHead->startsWith(gzipMagic);
    }

    std::optional<verify::GunzipStream> gunzip;
    if (kind.compressed) {
        m_method.append(QStringLiteral("gzip"));
        gunzip.emplace(*decoded);
        decoded = &*gunzip;
    }
    m_kind = kind;
    PeekStream content(*decoded);
    auto head = content.peek(kind.content == Content::SqlDump || !kind.fromName ? dumpEdgeSize : sniffSize);
    if (!head)
        return head.error();
    const Content sniffed = sniffContent(*head);
    if (kind.content == Content::Unknown)
        kind.content = sniffed;
    // Decrypted bytes that decode as gzip, or start with a known kind's magic number, prove the key right.
    if (decrypt && (kind.compressed || sniffed != Content::Unknown))
        decrypt->confirmKey();

    // With a wrong key the plain text is noise: catch it at the first magic number, not a vague fault later.
    auto magicMissing = [&](const QString& fault) -> Error {
        return kind.encrypted && !kind.compressed ? wrongKey() : makeError(Error::Code::Corrupt, fault);
    };

    Result<VerifyLevel> level = VerifyLevel::ReadThrough;
    switch (kind.content) {
    case Content::Tar: {
        if (kind.encrypted && !kind.compressed && !isTarHeader(*head) && !head->isEmpty())
            return wrongKey();
        m_method.append(QStringLiteral("tar"));
        auto summary = verify::ArchiveCheck::readThrough(content, m_request.cancel);
        if (!summary)
            return summary.error();
        m_report.entries = summary->entries;
        m_report.unsafePaths = summary->unsafePaths;
        m_report.warnings.append(summary->warnings);
        if (summary->unsafeCount > 0)
            return makeError(Error::Code::Corrupt,
                tr("unsafe: %n archive member(s) would be written outside the restore folder (absolute path, \"..\" "
                   "or through a symbolic link): %1",
                    nullptr, int(summary->unsafeCount))
                    .arg(summary->unsafePaths.mid(0, 5).join(QStringLiteral(", "))));
        if (summary->entries == 0)
            return makeError(
                Error::Code::Corrupt, tr("the archive is readable but holds no entries (an empty backup)"));
        break;
    }
    case Content::Sqlite:
        if (!head->startsWith(sqliteMagic))
            return magicMissing(tr("not a SQLite database (no \"SQLite format 3\" header)"));
        level = checkSqlite(content);
        break;
    case Content::SqlDump: {
        const bool requireMarkers = kind.postgresComponent || sniffed == Content::SqlDump;
        if (kind.encrypted && !kind.compressed && sniffed != Content::SqlDump)
            return wrongKey();
        level = checkSqlDump(content, *head, requireMarkers);
        break;
    }
    case Content::PgCustom:
        // A .dump may hold a plain-format dump too (pg_dump -f x.dump); the host tool takes it by its content.
        if (!head->startsWith("PGDMP") && sniffed == Content::SqlDump) {
            m_kind.content = Content::SqlDump;
            level = checkSqlDump(content, *head, true);
            break;
        }
        if (!head->startsWith("PGDMP"))
            return magicMissing(tr("not a pg_dump custom-format archive (no \"PGDMP\" header)"));
        level = checkPgCustom(content, kind);
        break;
    case Content::Redis:
        if (!head->startsWith("REDIS"))
            return magicMissing(tr("not a Redis RDB file (no \"REDIS\" header)"));
        level = checkRedis(content);
        break;
    case Content::Unknown:
        // Compressed bytes of no known kind: the gzip layer is whole, but nothing says the content is a backup.
        if (kind.compressed)
            return makeError(Error::Code::Protocol, // no verdict, as on the host
                tr("cannot tell what it holds (no tar archive, dump, SQLite database or Redis snapshot, and not named "
                   "like one)"));
        // Plain bytes of no known kind: reading them proves nothing the checksum does not.
        if (!kind.encrypted) {
            m_method.append(QStringLiteral("raw"));
            level = VerifyLevel::Checksum;
        } else {
            // Decrypted bytes of no known kind: a wrong key gives noise as well, with a right padding once in 256
            // keys. Nothing confirms the key, so the proof is the checksum's; a bad padding means the key is wrong
            // (or the file damaged, which the checksum tells).
            level = VerifyLevel::Checksum;
            if (auto rest = content.drain(); !rest)
                return rest.error();
            m_report.warnings.append(
                tr("the decrypted content is of no known kind, so the key could not be confirmed"));
        }
        break;
    }
    if (!level)
        return level;
    if (kind.content != Content::Tar) {
        auto rest = content.drain();
        if (!rest)
            return rest.error();
    }
    m_report.uncompressedBytes = content.bytesOut();
    if (gunzip)
        m_report.gzipMembers = gunzip->members();
    return level;
}

void Verification::run()
{
    const QFileInfo info(m_request.path);
    if (!info.exists()) {
        if (!m_request.listed)
            return error(tr("no such file, and no backup of that name in the catalog"));
        return fail(tr("the file no longer exists (it vanished after it was listed)"));
    }
    if (!info.isFile())
        return fail(tr("not a regular file"));
    if (info.size() == 0)
        return fail(tr("the file is empty (0 bytes)"));
    // A stale listing is no verdict on the file: verify again after a fresh listing.
    if (m_request.expectedSize >= 0 && info.size() != m_request.expectedSize)
        return error(tr("the size changed since it was listed (%1 bytes, listed as %2)")
                         .arg(info.size())
                         .arg(m_request.expectedSize));
    m_report.level = VerifyLevel::Exists;
    if (!wants(VerifyLevel::Checksum)) {
        m_report.method = QStringLiteral("stat");
        m_report.state = VerifyState::Passed;
        return;
    }

    const auto expected = referenceChecksum();
    if (!expected)
        return finishWith(expected.error());

    verify::RawFileSource raw(m_request.path, m_request.expectedSize, m_request.cancel, m_request.progress);
    if (auto opened = raw.open(); !opened)
        return finishWith(opened.error());

    std::optional<Error> contentFault;
    VerifyLevel contentLevel = VerifyLevel::Checksum;
    if (wants(VerifyLevel::ReadThrough)) {
        auto checked = checkContent(raw, kindFromName(m_fileName));
        if (checked)
            contentLevel = *checked;
        else
            contentFault = checked.error();
    }
    // The checksum covers every byte, also behind a content fault: a mismatch explains the fault.
    const bool stopped = contentFault
        && (contentFault->code == Error::Code::Cancelled || contentFault->code == Error::Code::Io
            || contentFault->code == Error::Code::Internal);
    if (!stopped) {
        if (auto drained = raw.drain(); !drained)
            contentFault = drained.error();
    }
    m_report.bytesRead = raw.bytesRead();
    m_report.sha256 = stopped ? QString() : raw.sha256Hex();
    if (!stopped && m_report.sha256.isEmpty() && !contentFault)
        contentFault = makeError(Error::Code::Internal, tr("OpenSSL could not compute the SHA-256"));

    const bool checksumKnown = !expected->isEmpty();
    const bool checksumMatches = checksumKnown && m_report.sha256 == *expected;
    if (checksumKnown)
        m_method.append(QStringLiteral("sha256"));
    m_report.method = m_method.join(u'+');
    if (contentFault && contentFault->code == Error::Code::Cancelled)
        return finishWith(*contentFault);
    if (checksumKnown && !m_report.sha256.isEmpty() && !checksumMatches) {
        const QString source = m_report.checksumSource == QLatin1String("sidecar")
            ? tr("the sidecar %1.sha256").arg(m_fileName)
            : tr("the expected checksum");
        QString fault
            = tr("the checksum does not match %1 (expected %2, computed %3)").arg(source, *expected, m_report.sha256);
        if (contentFault)
            fault += tr("; also: %1").arg(contentFault->fullText());
        return fail(fault);
    }
    if (contentFault) {
        // Without the key nothing past the checksum can be proven: that is not a pass, nor a bad backup.
        if (contentFault->code == Error::Code::PassphraseNeeded) {
            m_report.level = checksumMatches ? VerifyLevel::Checksum : VerifyLevel::Exists;
            return error(contentFault->message);
        }
        if (checksumMatches)
            m_report.level = VerifyLevel::Checksum;
        if (contentFault->code == Error::Code::AuthFailed) {
            m_report.keyRejected = true;
            return error(checksumMatches
                    ? tr("%1; the file itself is intact (its SHA-256 matches)").arg(contentFault->message)
                    : contentFault->message);
        }
        return finishWith(*contentFault);
    }
    const QString noChecksum = tr("no checksum to compare with (no sidecar %1.sha256)").arg(m_fileName);
    if (!checksumKnown && contentLevel == VerifyLevel::Checksum) {
        // Asked for a checksum check (or nothing more applies) and there is nothing to check against.
        m_report.level = VerifyLevel::Exists;
        return error(noChecksum);
    }
    m_report.level = contentLevel;
    m_report.state = VerifyState::Passed;
    if (!checksumKnown)
        m_report.reason = tr("%1: %2").arg(m_fileName, noChecksum);
    const bool postgresDump = m_kind.content == Content::SqlDump || m_kind.content == Content::PgCustom;
    if (contentLevel == VerifyLevel::Integrity && postgresDump && wants(VerifyLevel::Deep))
        restoreDump();
}

void Verification::restoreDump()
{
    m_method.append(QStringLiteral("deep-restore"));
    m_report.method = m_method.join(u'+');
    // Everything up to the integrity level is proven; the deep level is what may not be.
    if (m_request.scratchServer.isEmpty())
        return error(tr("the deep restore needs a PostgreSQL server for throwaway databases (a scratch server); "
                        "none was given"));
    const auto server = verify::ScratchServer::parse(m_request.scratchServer);
    if (!server)
        return error(server.error().message);
    const auto counts = m_kind.content == Content::PgCustom
        ? verify::DeepRestore::restorePgCustom(verify::PgCustomCheck::restorerPath(),
            m_decodedPgCustom ? m_decodedPgCustom->fileName() : m_request.path, *server, m_request.cancel)
        : verify::DeepRestore::restorePostgres(
            m_request.path, m_kind.encrypted, m_kind.compressed, m_request.key, *server, m_request.cancel);
    if (!counts)
        return finishWith(counts.error());
    m_report.tables = counts->tables;
    m_report.rows = counts->rows;
    if (!counts->warning.isEmpty())
        m_report.warnings.append(counts->warning);
    m_report.level = VerifyLevel::Deep;
}

} // namespace

VerifyReport BackupVerifier::verify(const VerifyRequest& request)
{
    QElapsedTimer clock;
    clock.start();
    VerifyReport report;
    Verification(request, report).run();
    report.durationMs = clock.elapsed();
    return report;
}

} // namespace dr
