#include "core/CatalogLog.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace dr {

std::optional<CatalogEvent> CatalogLog::parseLine(QByteArrayView line, QString* problem)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = tr("not JSON (%1 at column %2)").arg(parseError.errorString()).arg(parseError.offset + 1);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *problem = tr("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    CatalogEvent event;
    event.fields = object;
    event.rawLine = line.toByteArray();
    event.event = object.value(QStringLiteral("event")).toString();
    if (event.event.isEmpty()) {
        *problem = tr("no \"event\" field");
        return std::nullopt;
    }
    const QString stamp = object.value(QStringLiteral("ts")).toString();
    event.time = QDateTime::fromString(stamp, Qt::ISODateWithMs);
    if (!event.time.isValid()) {
        *problem = tr("\"ts\" is not an ISO 8601 time: \"%1\"").arg(stamp);
        return std::nullopt;
    }
    event.time = event.time.toUTC();
    event.component = object.value(QStringLiteral("component")).toString();
    event.kind = object.value(QStringLiteral("kind")).toString();
    event.file = object.value(QStringLiteral("file")).toString();
    if (event.file.startsWith(QLatin1String("./")))
        event.file = event.file.mid(2);
    event.size = object.value(QStringLiteral("size")).toInteger(-1);
    event.mtime = object.value(QStringLiteral("mtime")).toInteger(-1);
    event.sha256 = object.value(QStringLiteral("sha256")).toString();
    event.durationMs = object.value(QStringLiteral("duration_ms")).toInteger(-1);
    event.encrypted = object.value(QStringLiteral("encrypted")).toBool();
    event.result = object.value(QStringLiteral("result")).toString();
    event.reason = object.value(QStringLiteral("reason")).toString();
    if (event.reason.isEmpty())
        event.reason = object.value(QStringLiteral("error")).toString();
    return event;
}

CatalogChunk CatalogLog::parse(QByteArrayView data, qint64 firstLineNumber)
{
    CatalogChunk chunk;
    qint64 lineNumber = firstLineNumber;
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype end = data.indexOf('\n', start);
        if (end < 0) {
            chunk.partialBytes = data.size() - start;
            chunk.problems.append(
                tr("line %1: incomplete last line (%2 bytes, no newline yet); read again at the next sync")
                    .arg(lineNumber)
                    .arg(chunk.partialBytes));
            break;
        }
        const QByteArrayView line = data.sliced(start, end - start).trimmed();
        if (!line.isEmpty()) {
            QString problem;
            if (auto event = parseLine(line, &problem))
                chunk.events.append(std::move(*event));
            else
                chunk.problems.append(tr("line %1: %2").arg(lineNumber).arg(problem));
        }
        start = end + 1;
        chunk.consumedBytes = start;
        ++lineNumber;
    }
    return chunk;
}

} // namespace dr
