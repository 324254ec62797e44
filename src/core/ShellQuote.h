#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QStringList>

namespace dr {

/// The one place where a POSIX shell command line is built. Every remote command goes through here: an
/// argument is single-quoted as a whole, so no file name, host name or user text is ever interpreted by
/// the shell (no globbing, no `$(...)`, no `;`, newlines kept literally).
class ShellQuote
{
public:
    /// Quotes one argument for /bin/sh. Fails for text holding a NUL byte, which no argument can carry.
    static Result<QByteArray> quote(const QString& argument);

    /// Joins quoted arguments with spaces: the command line that runs argv[0] with the rest as arguments.
    static Result<QByteArray> command(const QStringList& argv);

    /// The command as the log shows it: like command(), but an inline `sh -c` script of several lines is
    /// shown by its name (the argument after it) and size, so the log stays readable.
    static QString display(const QStringList& argv);
};

} // namespace dr
