#include "app/CommandLogModel.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace dr {

CommandLogModel::CommandLogModel(QObject* parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(capacity)
{
    m_flushTimer.setInterval(100);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &CommandLogModel::flush);
}

QString CommandLogModel::kindText(LogKind kind)
{
    switch (kind) {
    case LogKind::Command:
        return tr("command");
    case LogKind::Stdout:
        return tr("output");
    case LogKind::Stderr:
        return tr("stderr");
    case LogKind::Error:
        return tr("error");
    case LogKind::Info:
        break;
    }
    return tr("info");
}

void CommandLogModel::append(const QString& host, LogKind kind, const QString& text)
{
    m_pending.append({ QDateTime::currentDateTime(), host, kind, text });
    // Never queue more than fits: the oldest queued lines would be dropped at the flush anyway.
    if (m_pending.size() > m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void CommandLogModel::flush()
{
    if (m_pending.isEmpty())
        return;
    const int overflow = int(m_lines.size() + m_pending.size()) - m_capacity;
    if (overflow > 0) {
        const int drop = std::min(overflow, int(m_lines.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_lines.remove(0, drop);
            endRemoveRows();
        }
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    m_lines += m_pending;
    endInsertRows();
    m_pending.clear();
}

int CommandLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int CommandLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case HostColumn:
        return tr("Host");
    case KindColumn:
        return tr("Kind");
    case TextColumn:
        return tr("Command and output");
    default:
        return {};
    }
}

QVariant CommandLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const Line& line = m_lines[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return line.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case HostColumn:
            return line.host;
        case KindColumn:
            return kindText(line.kind);
        case TextColumn:
            return role == Qt::DisplayRole && line.kind == LogKind::Command ? QStringLiteral("$ ") + line.text
                                                                            : line.text;
        default:
            return {};
        }
    }
    if (role == Qt::FontRole && index.column() == TextColumn) {
        QFont font(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
        font.setBold(line.kind == LogKind::Command);
        return font;
    }
    if (role == Qt::ForegroundRole && (line.kind == LogKind::Error || line.kind == LogKind::Stderr))
        return QBrush(line.kind == LogKind::Error ? QColor(190, 30, 30) : QColor(150, 90, 0));
    return {};
}

} // namespace dr
