#pragma once

#include "TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace dr::test {

struct ToolResult
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(3000)), QString::fromUtf8(err.left(3000)));
    }
};

/// A project folder on a "host" (a temporary folder) and the real host tool run in it, with a clean
/// environment: nothing of the caller's BACKUP_*, PG* or tool settings leaks in, and BACKUP_CONFIG names an
/// empty file of the project so that no /etc/drconsole/backup.env is read.
class HostProject
{
public:
    HostProject()
        : m_dir(QDir::tempPath() + QStringLiteral("/drconsole-host-XXXXXX"))
    {
        QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
        for (const QString& key : system.keys()) {
            if (key.startsWith(QLatin1String("BACKUP_")) || key.startsWith(QLatin1String("PG"))
                || key.startsWith(QLatin1String("HEALTH_")) || key.startsWith(QLatin1String("SERVICE_"))
                || key == QLatin1String("SQLITE_DB") || key == QLatin1String("APP_DATA_PATHS")
                || key == QLatin1String("CONFIG_PATHS") || key == QLatin1String("REDIS_URL")
                || key == QLatin1String("DOCKER_VOLUMES_PATH") || key == QLatin1String("PSQL"))
                system.remove(key);
        }
        env = system;
        writeFile(QStringLiteral("empty.env"), {});
        env.insert(QStringLiteral("BACKUP_CONFIG"), file(QStringLiteral("empty.env")));
        env.insert(QStringLiteral("SERVICE_STOP_COMMAND"), QStringLiteral("echo stop >> service.log"));
        env.insert(QStringLiteral("SERVICE_START_COMMAND"), QStringLiteral("echo start >> service.log"));
    }

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString file(const QString& relative) const { return m_dir.filePath(relative); }

    ToolResult run(const QStringList& arguments, int timeoutMs = 120'000) const
    {
        return runProgram(hostToolPath(), arguments, timeoutMs);
    }
    ToolResult runProgram(const QString& program, const QStringList& arguments, int timeoutMs = 120'000) const
    {
        QProcess process;
        process.setWorkingDirectory(path());
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        ToolResult result;
        result.finished = process.waitForFinished(timeoutMs);
        if (!result.finished) {
            process.kill();
            process.waitForFinished(5000);
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
    /// bash -c SCRIPT in the project folder with the project's environment.
    ToolResult sh(const QString& script) const
    {
        return runProgram(QStringLiteral("bash"), { QStringLiteral("-c"), script }, 60'000);
    }
    QByteArray sqlite(const QString& database, const QString& sql) const
    {
        return runProgram(QStringLiteral("sqlite3"), { database, sql }, 60'000).out;
    }

    bool writeFile(const QString& relative, const QByteArray& data) const
    {
        const QString target = file(relative);
        QDir().mkpath(QFileInfo(target).path());
        QFile out(target);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(data) == data.size();
    }
    QByteArray readFile(const QString& relative) const
    {
        QFile in(relative.startsWith(u'/') ? relative : file(relative));
        return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    }

    QList<QJsonObject> catalog() const
    {
        QList<QJsonObject> events;
        for (const QByteArray& line : readFile(QStringLiteral("backups/catalog.jsonl")).split('\n')) {
            if (!line.trimmed().isEmpty())
                events.append(QJsonDocument::fromJson(line).object());
        }
        return events;
    }
    QList<QJsonObject> events(const QString& name) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject& event : catalog()) {
            if (event.value(QStringLiteral("event")).toString() == name)
                found.append(event);
        }
        return found;
    }
    /// The `file` of the newest backup_finished event of @p component.
    QString lastBackup(const QString& component) const
    {
        QString file;
        for (const QJsonObject& event : events(QStringLiteral("backup_finished"))) {
            if (event.value(QStringLiteral("component")).toString() == component)
                file = event.value(QStringLiteral("file")).toString();
        }
        return file;
    }

    QProcessEnvironment env;

private:
    QTemporaryDir m_dir;
};

} // namespace dr::test
