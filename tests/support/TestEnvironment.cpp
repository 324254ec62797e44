#include "TestEnvironment.h"

#include <QStandardPaths>

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

} // namespace dr::test
