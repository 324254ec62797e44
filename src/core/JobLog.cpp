#include "core/JobLog.h"

namespace dr {

JobLogEntry JobLogParser::parseLine(const QByteArray& line)
{
    JobLogEntry entry;
    if (line.startsWith("##step ")) {
        entry.type = JobLogEntry::Type::Step;
        entry.text = QString::fromUtf8(line.mid(7)).trimmed();
    } else if (line.startsWith("##result ") && line.indexOf('=') > 9) {
        entry.type = JobLogEntry::Type::Result;
        const qsizetype equals = line.indexOf('=');
        entry.text = QString::fromUtf8(line.mid(9, equals - 9)).trimmed();
        entry.value = QString::fromUtf8(line.mid(equals + 1)).trimmed();
    } else {
        entry.text = QString::fromUtf8(line);
    }
    return entry;
}

QList<JobLogEntry> JobLogParser::feed(QByteArrayView chunk)
{
    QList<JobLogEntry> entries;
    m_pending.append(chunk);
    qsizetype start = 0;
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n', start)) >= 0) {
        QByteArray line = m_pending.mid(start, newline - start);
        if (line.endsWith('\r'))
            line.chop(1);
        entries.append(parseLine(line));
        start = newline + 1;
    }
    m_pending.remove(0, start);
    return entries;
}

QList<JobLogEntry> JobLogParser::finish()
{
    if (m_pending.isEmpty())
        return {};
    const QByteArray line = std::exchange(m_pending, {});
    return { parseLine(line) };
}

} // namespace dr
