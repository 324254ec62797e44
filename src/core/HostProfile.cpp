#include "core/HostProfile.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace dr {

QStringList HostProfile::defaultBackupDirs()
{
    return { QStringLiteral("backups/database"), QStringLiteral("backups/application"),
        QStringLiteral("backups/system"), QStringLiteral("system-backup") };
}

QList<RecoveryTarget> HostProfile::defaultTargets()
{
    return {
        { QStringLiteral("database-corruption"), 15 * 60, 60 * 60 },
        { QStringLiteral("application-failure"), 5 * 60, 0 },
        { QStringLiteral("complete-system-failure"), 2 * 3600, 24 * 3600 },
        { QStringLiteral("data-center-outage"), 4 * 3600, 24 * 3600 },
    };
}

QString HostProfile::scenarioTitle(const QString& scenario)
{
    if (scenario == QLatin1String("database-corruption"))
        return tr("Database corruption");
    if (scenario == QLatin1String("application-failure"))
        return tr("Application failure");
    if (scenario == QLatin1String("complete-system-failure"))
        return tr("Complete system failure");
    if (scenario == QLatin1String("data-center-outage"))
        return tr("Data center outage");
    return scenario;
}

QString HostProfile::validate() const
{
    static const QRegularExpression nameRule(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!nameRule.match(name).hasMatch())
        return tr("Name \"%1\": use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.")
            .arg(name);
    if (verificationIntervalDays < 1 || verificationIntervalDays > 366)
        return tr("Host %1: the verification interval must be 1 to 366 days, not %2")
            .arg(name)
            .arg(verificationIntervalDays);
    if (transport == Transport::Local) {
        if (baseDir.isEmpty())
            return tr("Host %1: a local host needs its folder.").arg(name);
    } else {
        static const QRegularExpression addressRule(QStringLiteral("^[A-Za-z0-9.:_\\[\\]-]{1,253}$"));
        if (!addressRule.match(address).hasMatch())
            return tr("Host %1: the address \"%2\" is not a host name or IP address.").arg(name, address);
        if (port < 1 || port > 65535)
            return tr("Host %1: port %2 is outside 1..65535.").arg(name).arg(port);
        static const QRegularExpression userRule(QStringLiteral("^[A-Za-z_][A-Za-z0-9._-]{0,31}\\$?$"));
        if (!userRule.match(user).hasMatch())
            return tr("Host %1: \"%2\" is not a valid user name.").arg(name, user);
        if (auth == Auth::KeyFile && keyFile.isEmpty())
            return tr("Host %1: key-file authentication needs a key file.").arg(name);
    }
    if (backupDirs.isEmpty())
        return tr("Host %1: name at least one folder that holds backups.").arg(name);
    for (const QString& dir : backupDirs) {
        if (dir.trimmed().isEmpty() || dir.contains(QChar(0)))
            return tr("Host %1: the backup folder \"%2\" is not a usable path.").arg(name, dir);
    }
    for (const RecoveryTarget& target : targets) {
        if (target.rtoSeconds < 0 || target.rpoSeconds < 0)
            return tr("Host %1: targets of %2 must not be negative.").arg(name, scenarioTitle(target.scenario));
    }
    return {};
}

QString HostProfile::displayAddress() const
{
    if (transport == Transport::Local)
        return tr("local folder %1").arg(baseDir);
    return port == 22 ? QStringLiteral("%1@%2").arg(user, address)
                      : QStringLiteral("%1@%2:%3").arg(user, address).arg(port);
}

QString HostProfile::transportId(Transport transport)
{
    return transport == Transport::Local ? QStringLiteral("local") : QStringLiteral("ssh");
}

HostProfile::Transport HostProfile::transportFromId(const QString& id)
{
    return id == QLatin1String("local") ? Transport::Local : Transport::Ssh;
}

QString HostProfile::authId(Auth auth)
{
    switch (auth) {
    case Auth::KeyFile:
        return QStringLiteral("key");
    case Auth::Password:
        return QStringLiteral("password");
    case Auth::Agent:
        break;
    }
    return QStringLiteral("agent");
}

HostProfile::Auth HostProfile::authFromId(const QString& id)
{
    if (id == QLatin1String("key"))
        return Auth::KeyFile;
    if (id == QLatin1String("password"))
        return Auth::Password;
    return Auth::Agent;
}

QJsonArray HostProfile::targetsToJson(const QList<RecoveryTarget>& targets)
{
    QJsonArray array;
    for (const RecoveryTarget& target : targets) {
        array.append(QJsonObject { { QStringLiteral("scenario"), target.scenario },
            { QStringLiteral("rto_seconds"), target.rtoSeconds },
            { QStringLiteral("rpo_seconds"), target.rpoSeconds } });
    }
    return array;
}

QList<RecoveryTarget> HostProfile::targetsFromJson(const QJsonArray& array)
{
    QList<RecoveryTarget> targets;
    for (const auto& value : array) {
        const QJsonObject object = value.toObject();
        targets.append({ object.value(QStringLiteral("scenario")).toString(),
            object.value(QStringLiteral("rto_seconds")).toInt(), object.value(QStringLiteral("rpo_seconds")).toInt() });
    }
    return targets.isEmpty() ? defaultTargets() : targets;
}

} // namespace dr
