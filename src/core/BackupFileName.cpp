#include "core/BackupFileName.h"

#include <QRegularExpression>

#include <algorithm>

namespace dr {

const QStringList& BackupFileName::knownComponents()
{
    static const QStringList components { QStringLiteral("postgres"), QStringLiteral("sqlite"), QStringLiteral("redis"),
        QStringLiteral("app-data"), QStringLiteral("config"), QStringLiteral("docker-volumes") };
    return components;
}

bool BackupFileName::isAuxiliaryFile(const QString& fileName)
{
    return fileName.endsWith(QLatin1String(".sha256")) || fileName.endsWith(QLatin1String(".jsonl"))
        || fileName.endsWith(QLatin1String(".lock")) || fileName.endsWith(QLatin1String(".snar"))
        || fileName.endsWith(QLatin1String(".tmp")) || fileName.startsWith(u'.');
}

Result<BackupFileName> BackupFileName::parse(const QString& fileName)
{
    auto invalid = [&](const QString& why) {
        return makeError(Error::Code::InvalidInput, tr("\"%1\" is not a backup file name: %2").arg(fileName, why));
    };
    if (fileName.isEmpty())
        return invalid(tr("the name is empty"));
    if (fileName.contains(u'/'))
        return invalid(tr("a file name must not contain '/'"));

    BackupFileName result;
    QString rest = fileName;
    if (rest.endsWith(QLatin1String(".enc"))) {
        result.encrypted = true;
        rest.chop(4);
    }
    if (rest.endsWith(QLatin1String(".gz"))) {
        result.compressed = true;
        rest.chop(3);
    }

    // Hand-parsed rather than by a regular expression: a sync parses every file name of a host.
    // Shape: <component>-YYYYMMDD-HHMMSS.<format>
    const qsizetype dot = rest.lastIndexOf(u'.');
    const QStringView stem = dot > 0 ? QStringView(rest).left(dot) : QStringView();
    auto isDigits = [](QStringView text) {
        return std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    const bool shaped = stem.size() > 16 && stem[stem.size() - 16] == u'-' && stem[stem.size() - 7] == u'-'
        && isDigits(stem.sliced(stem.size() - 15, 8)) && isDigits(stem.sliced(stem.size() - 6, 6));
    const QStringView componentText = shaped ? stem.left(stem.size() - 16) : QStringView();
    const bool componentShaped = !componentText.isEmpty() && componentText[0] >= u'a' && componentText[0] <= u'z'
        && std::all_of(componentText.begin(), componentText.end(),
            [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'; });
    const QStringView formatText = shaped ? QStringView(rest).sliced(dot + 1) : QStringView();
    const bool formatShaped = !formatText.isEmpty() && std::all_of(formatText.begin(), formatText.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
    });
    if (!shaped || !componentShaped || !formatShaped) {
        static const QRegularExpression stamp(QStringLiteral("\\d{8}-\\d{6}"));
        if (!stamp.match(rest).hasMatch())
            return invalid(tr("no YYYYMMDD-HHMMSS time stamp"));
        return invalid(tr("expected <component>-YYYYMMDD-HHMMSS.<format>[.gz][.enc]"));
    }
    const QStringView dateText = stem.sliced(stem.size() - 15, 8);
    const QStringView timeText = stem.sliced(stem.size() - 6, 6);

    QString component = componentText.toString();
    if (component.endsWith(QLatin1String("-incremental"))) {
        result.kind = QStringLiteral("incremental");
        component.chop(int(qstrlen("-incremental")));
    }
    QString baseComponent = component;
    // The seed's own emergency archive is `emergency-backup-<stamp>.tar.gz` (data, logs, volumes).
    if (component == QLatin1String("emergency-backup"))
        baseComponent = QStringLiteral("app-data");
    else if (component.startsWith(QLatin1String("emergency-")))
        baseComponent = component.mid(int(qstrlen("emergency-")));
    if (!knownComponents().contains(baseComponent))
        return invalid(tr("unknown component \"%1\" (known: %2)").arg(component, knownComponents().join(u", ")));
    result.component = component;

    const QDate date(dateText.left(4).toInt(), dateText.sliced(4, 2).toInt(), dateText.sliced(6, 2).toInt());
    if (!date.isValid())
        return invalid(tr("\"%1\" is not a valid date").arg(dateText));
    const QTime time(timeText.left(2).toInt(), timeText.sliced(2, 2).toInt(), timeText.sliced(4, 2).toInt());
    if (!time.isValid())
        return invalid(tr("\"%1\" is not a valid time of day").arg(timeText));
    result.nameTime = QDateTime(date, time, Qt::UTC);

    result.format = formatText.toString();
    static const QStringList formats { QStringLiteral("sql"), QStringLiteral("dump"), QStringLiteral("db"),
        QStringLiteral("tar"), QStringLiteral("rdb"), QStringLiteral("tgz") };
    if (!formats.contains(result.format))
        return invalid(tr("unknown format \".%1\" (known: .sql, .dump, .db, .tar, .rdb)").arg(result.format));
    if (result.format == QLatin1String("tgz")) {
        result.format = QStringLiteral("tar");
        result.compressed = true;
    }
    return result;
}

} // namespace dr
