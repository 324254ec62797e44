#include "core/BackupRecord.h"

#include "core/Proof.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace dr {

QString verifyStateId(VerifyState state)
{
    switch (state) {
    case VerifyState::Passed:
        return QStringLiteral("passed");
    case VerifyState::Failed:
        return QStringLiteral("failed");
    case VerifyState::Error:
        return QStringLiteral("error");
    case VerifyState::Unverified:
        break;
    }
    return QStringLiteral("unverified");
}

VerifyState verifyStateFromId(const QString& id)
{
    if (id == QLatin1String("passed"))
        return VerifyState::Passed;
    if (id == QLatin1String("failed"))
        return VerifyState::Failed;
    if (id == QLatin1String("error"))
        return VerifyState::Error;
    return VerifyState::Unverified;
}

QByteArray VerificationEntry::toEventLine() const
{
    QJsonObject object { { QStringLiteral("ts"), time.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("event"), QStringLiteral("verify") }, { QStringLiteral("file"), path },
        { QStringLiteral("component"), component }, { QStringLiteral("result"), verifyStateId(state) },
        { QStringLiteral("level"), level }, { QStringLiteral("method"), method },
        { QStringLiteral("place"), place.isEmpty() ? QStringLiteral("workstation") : place } };
    if (!reason.isEmpty())
        object.insert(QStringLiteral("reason"), reason);
    if (durationMs >= 0)
        object.insert(QStringLiteral("duration_ms"), durationMs);
    if (entries >= 0)
        object.insert(QStringLiteral("entries"), entries);
    if (size >= 0)
        object.insert(QStringLiteral("size"), size);
    if (modified >= 0)
        object.insert(QStringLiteral("mtime"), modified);
    if (tables >= 0)
        object.insert(QStringLiteral("tables"), tables);
    if (rows >= 0)
        object.insert(QStringLiteral("rows"), rows);
    if (!sha256.isEmpty())
        object.insert(QStringLiteral("sha256"), sha256);
    if (!details.isEmpty())
        object.insert(QStringLiteral("details"), details);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QList<BackupRecord> BackupRecord::newestOfEachComponent(const QList<BackupRecord>& records)
{
    QHash<QString, const BackupRecord*> newest;
    for (const BackupRecord& record : records) {
        if (!record.present || record.component.startsWith(QLatin1String("emergency")))
            continue;
        // Per folder too: the guide's system-backup/ and the host tool's backups/system/ both hold config-*.
        const QString folder = record.path.left(std::max<qsizetype>(0, record.path.lastIndexOf(u'/')));
        const QString group = folder + u'\n' + record.component + u'/'
            + (record.kind == QLatin1String("incremental") ? record.kind : QString());
        const BackupRecord*& held = newest[group];
        if (!held || held->time < record.time)
            held = &record;
    }
    QList<BackupRecord> chosen;
    for (const BackupRecord* record : std::as_const(newest))
        chosen.append(*record);
    std::sort(chosen.begin(), chosen.end(),
        [](const BackupRecord& left, const BackupRecord& right) { return left.path < right.path; });
    return chosen;
}

VerificationEntry VerificationEntry::fromEventFields(const QDateTime& time, const QJsonObject& fields)
{
    VerificationEntry entry;
    entry.time = time;
    entry.path = fields.value(QStringLiteral("file")).toString();
    entry.component = fields.value(QStringLiteral("component")).toString();
    entry.state = verifyStateFromId(fields.value(QStringLiteral("result")).toString());
    entry.level = fields.value(QStringLiteral("level")).toString();
    entry.method = fields.value(QStringLiteral("method")).toString();
    entry.reason = fields.value(QStringLiteral("reason")).toString();
    if (entry.level.isEmpty() && entry.state == VerifyState::Passed)
        entry.level = Proof::levelFromMethod(entry.method); // recorded before results carried their level
    auto number = [&](const char* key) {
        const QJsonValue value = fields.value(QLatin1String(key));
        return value.isDouble() ? qint64(value.toDouble()) : qint64(-1);
    };
    entry.durationMs = number("duration_ms");
    entry.entries = number("entries");
    entry.size = number("size");
    entry.modified = number("mtime");
    entry.tables = number("tables");
    entry.rows = number("rows");
    entry.sha256 = fields.value(QStringLiteral("sha256")).toString();
    entry.place = fields.value(QStringLiteral("place")).toString(QStringLiteral("host"));
    entry.details = fields.value(QStringLiteral("details")).toString();
    if (entry.details.isEmpty()) // the host tool reports a deep check's counts as separate fields
        entry.details = countsText(number("tables"), number("rows"), number("files"), number("bytes"));
    return entry;
}

QString VerificationEntry::countsText(qint64 tables, qint64 rows, qint64 files, qint64 bytes)
{
    // Counts beyond int (the plural's n) are rows of very large tables: their plural form is that of INT_MAX.
    auto n = [](qint64 count) { return int(std::min<qint64>(count, std::numeric_limits<int>::max())); };
    QStringList counts;
    if (tables >= 0)
        counts.append(QCoreApplication::translate("VerificationCounts", "%n table(s)", nullptr, n(tables)));
    if (rows >= 0)
        counts.append(QCoreApplication::translate("VerificationCounts", "%n row(s)", nullptr, n(rows)));
    if (files >= 0)
        counts.append(QCoreApplication::translate("VerificationCounts", "%n file(s)", nullptr, n(files)));
    if (bytes >= 0)
        counts.append(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat));
    return counts.join(QStringLiteral(", "));
}

} // namespace dr
