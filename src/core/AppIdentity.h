#pragma once

#include <QCoreApplication>

namespace dr {

/// The console and its command line share one identity, so they share the user's data folder
/// (~/.local/share/drconsole: catalog.sqlite, known_hosts).
inline void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("drconsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DRCONSOLE_VERSION));
}

} // namespace dr
