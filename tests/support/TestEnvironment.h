#pragma once

#include <QString>
#include <QStringList>

namespace dr::test {

/// The source tree (CTest passes DRCONSOLE_SOURCE_DIR; falls back to the compile-time path).
QString sourceDir();
/// The host tool under test: src/host/backup-system.sh of this source tree.
QString hostToolPath();
/// The absolute path of a program, or an empty string; tests that need one and cannot find it fail
/// (a skip in CI would hide a missing install step).
QString findProgram(const QString& name, const QStringList& extraDirs = {});
/// A TCP port on 127.0.0.1 that nothing listens on right now (0 when none could be found), for a test's server.
int freeLoopbackPort();
/// Is a process running whose command line contains @p part (e.g. the path of a stand-in a test made)?
bool processRunningWith(const QString& part);

} // namespace dr::test
