#include "core/BackupFileName.h"

#include <QRegularExpression>

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

    static const QRegularExpression pattern(
        QStringLiteral("^(?<component>[a-z][a-z0-9-]*?)-(?<date>\\d{8})-(?<time>\\d{6})\\.(?<format>[a-z0-9]+)$"));
    const auto match = pattern.match(rest);
    if (!match.hasMatch()) {
        static const QRegularExpression stamp(QStringLiteral("\\d{8}-\\d{6}"));
        if (!stamp.match(rest).hasMatch())
            return invalid(tr("no YYYYMMDD-HHMMSS time stamp"));
        return invalid(tr("expected <component>-YYYYMMDD-HHMMSS.<format>[.gz][.enc]"));
    }

    QString component = match.captured(u"component");
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

    const QDate date = QDate::fromString(match.captured(u"date"), QStringLiteral("yyyyMMdd"));
    if (!date.isValid())
        return invalid(tr("\"%1\" is not a valid date").arg(match.captured(u"date")));
    const QTime time = QTime::fromString(match.captured(u"time"), QStringLiteral("HHmmss"));
    if (!time.isValid())
        return invalid(tr("\"%1\" is not a valid time of day").arg(match.captured(u"time")));
    result.nameTime = QDateTime(date, time, Qt::UTC);

    result.format = match.captured(u"format");
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
