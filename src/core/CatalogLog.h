#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dr {

/// One line of a host's `backups/catalog.jsonl` (see src/host/PROTOCOL.md).
struct CatalogEvent
{
    QDateTime time; ///< UTC
    QString event;
    QJsonObject fields; ///< the whole object, for fields not lifted below
    QString component;
    QString kind;
    QString file;
    qint64 size = -1;
    qint64 mtime = -1; ///< of a verify event: the file's modification time (seconds) as it was verified
    QString sha256;
    qint64 durationMs = -1;
    bool encrypted = false;
    QString result;
    QString reason; ///< `reason` or `error`
    QByteArray rawLine;
};

struct CatalogChunk
{
    QList<CatalogEvent> events;
    /// Lines skipped, each "line N: what is wrong"; never fatal.
    QStringList problems;
    /// Bytes taken from the chunk: up to and including its last newline. A partial last line (a
    /// writer still appending, or a cut transfer) is left for the next read.
    qint64 consumedBytes = 0;
    qint64 partialBytes = 0;
};

/// Parses catalog.jsonl text incrementally; malformed lines are reported and skipped.
class CatalogLog
{
    Q_DECLARE_TR_FUNCTIONS(CatalogLog)

public:
    /// @p firstLineNumber numbers the chunk's first line in problem reports (1-based).
    static CatalogChunk parse(QByteArrayView data, qint64 firstLineNumber = 1);
    static std::optional<CatalogEvent> parseLine(QByteArrayView line, QString* problem);
};

} // namespace dr
