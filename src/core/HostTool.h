#pragma once

#include "core/HostProfile.h"
#include "core/Result.h"
#include "core/Transport.h"

#include <QCoreApplication>
#include <QString>

namespace dr {

/// The host tool as the console ships it, and its installation on a host.
class HostTool
{
    Q_DECLARE_TR_FUNCTIONS(HostTool)

public:
    /// The folder holding backup-system.sh, health-check.sh and make-demo-host.sh on this workstation:
    /// DRCONSOLE_HOST_TOOL_DIR, else <executable>/../share/drconsole/host (installed), else the source tree.
    static QString scriptsDir();
    /// The version of the shipped backup-system.sh ("0.1.0"), read from its TOOL_VERSION line.
    static Result<QString> shippedVersion();

    /// Copies backup-system.sh and health-check.sh to the host's tool path (default
    /// ~/drconsole/bin/) through stdin of one command per file, atomically (temporary name, then mv),
    /// checks the copy's SHA-256 and returns the version the host now runs.
    static Result<QString> install(const HostProfile& host, Transport& transport);

    /// argv that runs the host tool with @p arguments in the host's base folder (where BACKUP_DIR=./backups
    /// points), the tool path taken relative to the login's home unless absolute.
    static QStringList command(const HostProfile& host, const QStringList& arguments);
    /// What @p argv runs, for messages: "backup-system.sh verify …" for command(), the script's name for other
    /// `sh -c` scripts ("drconsole-sync"), else the program.
    static QString commandName(const QStringList& argv);
};

} // namespace dr
