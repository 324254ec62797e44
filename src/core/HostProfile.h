#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace dr {

/// RTO/RPO targets of one recovery scenario (seconds; an RPO of 0 means "real time").
struct RecoveryTarget
{
    QString scenario; ///< database-corruption, application-failure, complete-system-failure, data-center-outage
    int rtoSeconds = 0;
    int rpoSeconds = 0;

    friend bool operator==(const RecoveryTarget&, const RecoveryTarget&) = default;
};

/// How a host is reached and where its backups live. Kept in the catalog; never holds a password.
struct HostProfile
{
    Q_DECLARE_TR_FUNCTIONS(HostProfile)

public:
    enum class Transport { Ssh, Local };
    enum class Auth { Agent, KeyFile, Password };

    qint64 id = 0;
    QString name;
    Transport transport = Transport::Ssh;
    QString address;
    int port = 22;
    QString user;
    Auth auth = Auth::Agent;
    QString keyFile;
    /// The project directory the backup folders are relative to; empty means the login's home.
    QString baseDir;
    QStringList backupDirs = defaultBackupDirs();
    QString catalogFile = QStringLiteral("backups/catalog.jsonl");
    QString toolPath = QStringLiteral("drconsole/bin/backup-system.sh");
    QString stopCommand = QStringLiteral("docker-compose stop discord-reminder-bot");
    QString startCommand = QStringLiteral("docker-compose start discord-reminder-bot");
    QList<RecoveryTarget> targets = defaultTargets();
    /// A proof of a backup older than this is stale and counts as unverified.
    int verificationIntervalDays = 7;

    /// Empty when the profile can be saved; otherwise why not, naming the field.
    QString validate() const;

    /// `user@address:port`, or the folder for a local host: what the log and messages name.
    QString displayAddress() const;

    static QStringList defaultBackupDirs();
    /// The seed's table: database corruption 15 min / 1 h, application failure 5 min / real time,
    /// complete system failure 2 h / 24 h, data-center outage 4 h / 24 h.
    static QList<RecoveryTarget> defaultTargets();
    static QString scenarioTitle(const QString& scenario);

    static QString transportId(Transport transport);
    static Transport transportFromId(const QString& id);
    static QString authId(Auth auth);
    static Auth authFromId(const QString& id);

    static QJsonArray targetsToJson(const QList<RecoveryTarget>& targets);
    static QList<RecoveryTarget> targetsFromJson(const QJsonArray& array);
};

} // namespace dr
