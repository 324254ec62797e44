#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace dr {

/// One thing a host-tool job's log says: a plain line, a step beginning (`##step <name>`), or a result
/// (`##result <key>=<value>`). The wizards' progress lists are driven by the last two.
struct JobLogEntry
{
    enum class Type { Line, Step, Result };
    Type type = Type::Line;
    QString text; ///< the line, the step name, or the result key
    QString value; ///< the result value
};

/// Splits a job log arriving in arbitrary chunks into entries; a line is emitted once its newline arrived.
class JobLogParser
{
public:
    QList<JobLogEntry> feed(QByteArrayView chunk);
    /// The last line if it had no newline (at the end of a job).
    QList<JobLogEntry> finish();

private:
    static JobLogEntry parseLine(const QByteArray& line);
    QByteArray m_pending;
};

} // namespace dr
