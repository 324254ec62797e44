#pragma once

#include <QList>
#include <QTextStream>

#include "TestSshd.h"

#include <algorithm>

namespace dr::bench {

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

/// Starts the fixture's sshd; says why on `out` when it cannot.
inline bool startServer(dr::test::TestSshd& server, QTextStream& out)
{
    QString error;
    if (server.start(&error))
        return true;
    out << "cannot start sshd: " << error << '\n';
    return false;
}

} // namespace dr::bench
