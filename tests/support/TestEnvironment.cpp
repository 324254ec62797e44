#include "TestEnvironment.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>

namespace dr::test {

QString sourceDir()
{
    const QString fromEnvironment = qEnvironmentVariable("DRCONSOLE_SOURCE_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral(DRCONSOLE_TEST_SOURCE_DIR) : fromEnvironment;
}

QString hostToolPath()
{
    return sourceDir() + QStringLiteral("/src/host/backup-system.sh");
}

QString findProgram(const QString& name, const QStringList& extraDirs)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty() && !extraDirs.isEmpty())
        path = QStandardPaths::findExecutable(name, extraDirs);
    return path;
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool processRunningWith(const QString& part)
{
    const QByteArray needle = part.toUtf8();
    for (const QString& pid : QDir(QStringLiteral("/proc")).entryList({ QStringLiteral("[0-9]*") }, QDir::Dirs)) {
        QFile commandLine(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (commandLine.open(QIODevice::ReadOnly) && commandLine.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace dr::test
