#include "verify/VerifyChecks.h"

#include <archive.h>
#include <archive_entry.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <optional>
#include <string>
#include <unordered_set>

namespace dr::verify {

namespace {

constexpr int maxListed = 100;

struct ReadContext
{
    PeekStream* stream = nullptr;
    std::optional<Error> streamError;
    qint64 delivered = 0; // bytes of the decoded stream read so far
    qint64 nonZeroEnd = 0; // the offset just past the last byte that is not zero

    void track(const Block& block)
    {
        std::size_t size = block.size;
        while (size > 0 && block.data[size - 1] == 0)
            --size;
        if (size > 0)
            nonZeroEnd = delivered + qint64(size);
        delivered += qint64(block.size);
    }
    qint64 trailingZeros() const { return delivered - nonZeroEnd; }
};

la_ssize_t readCallback(struct archive* archive, void* clientData, const void** buffer)
{
    auto* context = static_cast<ReadContext*>(clientData);
    auto block = context->stream->next();
    if (!block) {
        context->streamError = block.error();
        archive_set_error(archive, EIO, "%s", "the decoded stream failed");
        return -1;
    }
    context->track(*block);
    *buffer = block->data;
    return la_ssize_t(block->size);
}

std::string_view normalised(std::string_view path)
{
    while (path.starts_with("./"))
        path.remove_prefix(2);
    while (path.size() > 1 && path.ends_with('/'))
        path.remove_suffix(1);
    return path;
}

/// The path as tar resolves it on extraction: empty and "." components dropped ("a//l/./x" is "a/l/x"), so that
/// a member written through a symbolic link of the archive is seen whatever spelling it uses.
std::string canonical(std::string_view path)
{
    std::string result;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (!part.empty() && part != ".") {
            if (!result.empty())
                result += '/';
            result += part;
        }
        start = end + 1;
    }
    return result;
}

QString archiveText(struct archive* archive)
{
    const char* text = archive_error_string(archive);
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("libarchive error %1").arg(archive_errno(archive));
}

} // namespace

bool ArchiveCheck::escapesRoot(std::string_view path)
{
    if (path.starts_with('/'))
        return true;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = path.find('/', start);
        if (path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start) == "..")
            return true;
        if (end == std::string_view::npos)
            return false;
        start = end + 1;
    }
}

Result<ArchiveSummary> ArchiveCheck::readThrough(PeekStream& stream, const std::atomic_bool* cancel)
{
    ReadContext context { &stream, std::nullopt };
    std::unique_ptr<struct archive, int (*)(struct archive*)> archive(archive_read_new(), archive_read_free);
    if (!archive)
        return makeError(Error::Code::Internal, tr("libarchive could not start"));
    // Backups are tar archives, and a restore runs tar: another format libarchive could read (zip, cpio, ar, an
    // mtree spec) would pass here and fail there.
    archive_read_support_format_tar(archive.get());
    ArchiveSummary summary;

    // A libarchive fault is often the symptom of a fault further down (a corrupt gzip member shows up as a
    // damaged tar header first): report the stream's own fault when there is one, reading on to find it.
    auto failure = [&](const QString& archiveFault) -> Error {
        if (context.streamError)
            return *context.streamError;
        auto rest = stream.drain();
        if (!rest)
            return rest.error();
        if (summary.entries == 0)
            return makeError(Error::Code::Corrupt, tr("not a tar archive (%1)").arg(archiveFault));
        return makeError(
            Error::Code::Corrupt, tr("damaged archive after %1 entries: %2").arg(summary.entries).arg(archiveFault));
    };

    if (archive_read_open(archive.get(), &context, nullptr, readCallback, nullptr) != ARCHIVE_OK)
        return failure(archiveText(archive.get()));

    std::unordered_set<std::string> symlinks;
    qint64 archiveEnd = -1;
    auto flagUnsafe = [&](const QString& name) {
        if (++summary.unsafeCount <= maxListed)
            summary.unsafePaths.append(name);
    };
    auto warn = [&](const QString& text) {
        if (summary.warnings.size() < maxListed)
            summary.warnings.append(text);
    };

    for (;;) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return makeError(Error::Code::Cancelled, tr("cancelled"));
        struct archive_entry* entry = nullptr;
        const int status = archive_read_next_header(archive.get(), &entry);
        if (status == ARCHIVE_EOF) {
            archiveEnd = archive_filter_bytes(archive.get(), 0); // just past the end mark
            break;
        }
        if (status == ARCHIVE_WARN)
            warn(archiveText(archive.get()));
        else if (status != ARCHIVE_OK)
            return failure(archiveText(archive.get()));
        ++summary.entries;

        const char* rawName = archive_entry_pathname(entry);
        const std::string_view name = normalised(rawName ? std::string_view(rawName) : std::string_view());
        const QString displayName = QString::fromUtf8(name.data(), qsizetype(name.size()));
        bool unsafe = escapesRoot(name);
        const std::string resolved = canonical(name);
        if (!unsafe && !symlinks.empty()) {
            for (std::size_t slash = resolved.find('/'); slash != std::string::npos;
                 slash = resolved.find('/', slash + 1)) {
                if (symlinks.contains(resolved.substr(0, slash))) {
                    unsafe = true;
                    break;
                }
            }
        }
        if (const char* linkTarget = archive_entry_hardlink(entry); linkTarget && escapesRoot(normalised(linkTarget)))
            unsafe = true;
        if (unsafe)
            flagUnsafe(displayName);
        if (archive_entry_filetype(entry) == AE_IFLNK)
            symlinks.emplace(resolved);

        const void* data = nullptr;
        std::size_t size = 0;
        la_int64_t offset = 0;
        for (;;) {
            const int read = archive_read_data_block(archive.get(), &data, &size, &offset);
            if (read == ARCHIVE_EOF)
                break;
            if (read == ARCHIVE_WARN)
                warn(archiveText(archive.get()));
            else if (read != ARCHIVE_OK)
                return failure(tr("entry \"%1\": %2").arg(displayName, archiveText(archive.get())));
        }
    }
    // Behind the archive's end mark: tar padding, then the gzip trailer that proves the whole stream.
    auto rest = consumeAll(stream, [&context](const Block& block) {
        context.track(block);
        return Result<void>();
    });
    if (!rest)
        return rest.error();
    // A tar cut exactly between two members reads as a shorter, valid archive: only its missing end mark
    // (two zero blocks) tells.
    constexpr qint64 tarEndMark = 1024;
    // Only zeros (record padding) may follow the end mark. A header block that was zeroed looks like the end
    // mark: the listing stops there, and tar would restore none of what follows.
    if (archiveEnd >= 0 && context.nonZeroEnd > archiveEnd)
        return makeError(Error::Code::Corrupt,
            tr("data after the tar archive's end mark (bytes %1 to %2 of the unpacked stream are not zero): a zeroed "
               "or damaged header block ended the archive after %3 entries, and a restore would lose what follows")
                .arg(archiveEnd)
                .arg(context.nonZeroEnd)
                .arg(summary.entries));
    if (summary.entries > 0 && context.trailingZeros() < tarEndMark)
        return makeError(Error::Code::Corrupt,
            tr("the tar archive has no end-of-archive mark after its %1 entries: it was cut short")
                .arg(summary.entries));
    return summary;
}

Result<CheckerOutput> ExternalChecker::run(
    const QString& program, const QStringList& arguments, const std::atomic_bool* cancel)
{
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.setStandardInputFile(QProcess::nullDevice());
    check.start(program, arguments);
    if (!check.waitForStarted(10'000))
        return makeError(Error::Code::Internal, tr("cannot run %1: %2").arg(program, check.errorString()));
    // It reads at disk speed; polled so that Cancel ends it.
    while (!check.waitForFinished(100)) {
        if (cancel && cancel->load()) {
            check.kill();
            check.waitForFinished(5'000);
            return makeError(Error::Code::Cancelled, tr("cancelled"));
        }
    }
    if (check.exitStatus() != QProcess::NormalExit)
        return makeError(Error::Code::Internal, tr("%1 crashed while checking the backup").arg(program));
    return CheckerOutput { check.exitCode(), QString::fromUtf8(check.readAll()) };
}

QString RdbCheck::checkerPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("redis-check-rdb"));
}

Result<QString> RdbCheck::problem(const QString& checker, const QString& rdbPath, const std::atomic_bool* cancel)
{
    const auto ran = ExternalChecker::run(checker, { rdbPath }, cancel);
    if (!ran)
        return ran.error();
    if (ran->exitCode == 0)
        return QString();
    // The finding is the line after the marker, e.g. "[offset 39992] RDB CRC error".
    const QStringList lines = ran->output.split(u'\n', Qt::SkipEmptyParts);
    const qsizetype marker = lines.indexOf(QStringLiteral("--- RDB ERROR DETECTED ---"));
    if (marker >= 0 && marker + 1 < lines.size()) {
        const QString finding = lines.at(marker + 1).trimmed();
        // A snapshot from a newer Redis than this checker is no verdict on the snapshot.
        if (finding.contains(QLatin1String("Can't handle RDB format version")))
            return makeError(Error::Code::Internal,
                tr("this redis-check-rdb is older than the Redis that wrote the snapshot: %1").arg(finding));
        return finding;
    }
    return lines.isEmpty() ? tr("exit code %1").arg(ran->exitCode) : lines.last().trimmed();
}

QString PgCustomCheck::restorerPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("pg_restore"));
}

Result<QString> PgCustomCheck::problem(const QString& restorer, const QString& dumpPath, const std::atomic_bool* cancel)
{
    const auto ran = ExternalChecker::run(
        restorer, { QStringLiteral("--file=/dev/null"), QStringLiteral("--"), dumpPath }, cancel);
    if (!ran)
        return ran.error();
    if (ran->exitCode == 0)
        return QString();
    QString first = ran->output.section(u'\n', 0, 0).trimmed();
    first.replace(dumpPath, QStringLiteral("the dump"));
    // "unsupported version (1.16) in file header": a newer pg_dump's format (1.x) is no verdict on the dump; any
    // other number is a damaged header.
    static const QRegularExpression newerFormat(QStringLiteral("unsupported version \\(1\\.\\d+\\)"));
    if (newerFormat.match(first).hasMatch())
        return makeError(
            Error::Code::Internal, tr("this pg_restore is older than the pg_dump that made the dump: %1").arg(first));
    return first.isEmpty() ? tr("exit code %1").arg(ran->exitCode) : first;
}

QString SqliteCheck::sizeAnomaly(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray header = file.read(100);
    if (header.size() < 100)
        return {};
    // The database header (sqlite.org/fileformat.html): big-endian fields at fixed offsets.
    auto bigEndian = [&](int offset, int bytes) {
        quint64 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = value << 8 | quint8(header.at(offset + i));
        return value;
    };
    const quint64 pageSize = bigEndian(16, 2) == 1 ? 65536 : bigEndian(16, 2);
    if (pageSize < 512)
        return {}; // integrity_check judges a header this broken
    const quint64 size = quint64(file.size());
    const quint64 pages = bigEndian(28, 4);
    // The page count in the header holds only while the change counter matches "version-valid-for".
    if (pages > 0 && bigEndian(92, 4) == bigEndian(24, 4) && size > pages * pageSize)
        return tr("the file holds %1 bytes after the %2 pages of %3 bytes its header counts: SQLite ignores them, "
                  "so something was appended to the database")
            .arg(size - pages * pageSize)
            .arg(pages)
            .arg(pageSize);
    if (size % pageSize != 0)
        return tr("its size (%1 bytes) is not a whole number of %2-byte pages").arg(size).arg(pageSize);
    return {};
}

Result<QStringList> SqliteCheck::integrityProblems(const QString& path)
{
    static std::atomic_int connectionCounter = 0;
    const QString connectionName = QStringLiteral("drverify-sqlite-%1").arg(++connectionCounter);
    Result<QStringList> result = QStringList();
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        if (!database.isValid()) {
            result = makeError(
                Error::Code::Internal, tr("the Qt SQLite driver is not available (install libqt6sql6-sqlite)"));
        } else {
            database.setDatabaseName(path);
            database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            auto sqliteFault = [&](const QSqlError& error) -> Error {
                const int code = error.nativeErrorCode().toInt() & 0xff;
                constexpr int sqliteCorrupt = 11;
                constexpr int sqliteNotADatabase = 26;
                if (code == sqliteCorrupt || code == sqliteNotADatabase)
                    return makeError(Error::Code::Corrupt, tr("SQLite: %1").arg(error.databaseText()));
                return makeError(Error::Code::Database, tr("SQLite could not check the copy: %1").arg(error.text()));
            };
            if (!database.open()) {
                result = sqliteFault(database.lastError());
            } else {
                QSqlQuery query(database);
                if (!query.exec(QStringLiteral("PRAGMA integrity_check(100)"))) {
                    result = sqliteFault(query.lastError());
                } else {
                    QStringList problems;
                    while (query.next()) {
                        const QString line = query.value(0).toString();
                        // A row can hold several lines ("*** in database main ***\nPage 5: ..."): one line each.
                        if (line != QLatin1String("ok"))
                            problems.append(line.simplified());
                    }
                    if (query.lastError().isValid())
                        result = sqliteFault(query.lastError());
                    else
                        result = problems;
                }
                query.finish();
                database.close();
            }
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

} // namespace dr::verify
