#include "app/HostListModel.h"

#include <QColor>
#include <QIcon>
#include <QLocale>

namespace dr {

HostListModel::HostListModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

void HostListModel::setHosts(const QList<HostProfile>& hosts, const QHash<qint64, HostState>& states)
{
    QHash<QString, Entry> previous;
    for (const Entry& entry : std::as_const(m_entries))
        previous.insert(entry.profile.name, entry);
    beginResetModel();
    m_entries.clear();
    for (const HostProfile& host : hosts) {
        Entry entry = previous.value(host.name);
        entry.profile = host;
        entry.state = states.value(host.id);
        if (entry.status == Status::Idle && !entry.state.lastError.isEmpty())
            entry.status = Status::Failed;
        m_entries.append(entry);
    }
    endResetModel();
}

void HostListModel::setStatus(const QString& name, Status status, const QString& message)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    m_entries[row].status = status;
    m_entries[row].message = message;
    emit dataChanged(index(row), index(row));
}

void HostListModel::setState(const QString& name, const HostState& state)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    m_entries[row].state = state;
    emit dataChanged(index(row), index(row));
}

const HostListModel::Entry* HostListModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

const HostListModel::Entry* HostListModel::entry(const QString& name) const
{
    return entry(rowOf(name));
}

int HostListModel::rowOf(const QString& name) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].profile.name == name)
            return row;
    }
    return -1;
}

int HostListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant HostListModel::data(const QModelIndex& index, int role) const
{
    const Entry* item = entry(index.row());
    if (!item)
        return {};
    const QString lastSync = item->state.lastSync.isValid()
        ? tr("synced %1").arg(QLocale().toString(item->state.lastSync.toLocalTime(), QLocale::ShortFormat))
        : tr("never synced");
    QString status;
    switch (item->status) {
    case Status::Working:
        status = item->message.isEmpty() ? tr("working…") : item->message;
        break;
    case Status::Failed:
        status = tr("error: %1").arg(item->message.isEmpty() ? item->state.lastError : item->message);
        break;
    case Status::Synced:
        status = tr("connected, %1").arg(lastSync);
        break;
    case Status::Idle:
        status = lastSync;
        break;
    }
    // A backup proven bad outweighs "synced": it is what the admin must see first, on a line of its own.
    if (item->status != Status::Working && item->state.failedVerifications > 0)
        status = tr("%n backup(s) failed verification", nullptr, int(item->state.failedVerifications)) + u'\n' + status;
    switch (role) {
    case Qt::DisplayRole: {
        // A long error is cut with an ellipsis; the tooltip has all of it.
        constexpr int longest = 160;
        return QStringLiteral("%1\n%2").arg(
            item->profile.name, status.size() > longest ? status.left(longest - 1) + u'…' : status);
    }
    case Qt::ForegroundRole:
        if (item->state.failedVerifications > 0 || item->status == Status::Failed)
            return QColor(0xb0, 0x1c, 0x1c);
        break;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1 — %2\n%3").arg(item->profile.name, item->profile.displayAddress(), status);
        if (!item->state.toolVersion.isEmpty())
            tip += u'\n' + tr("host tool: %1").arg(item->state.toolVersion);
        tip += u'\n' + tr("%n backup(s) in the catalog", nullptr, int(item->state.backupCount));
        return tip;
    }
    case Qt::DecorationRole:
        if (item->status != Status::Working && item->state.failedVerifications > 0)
            return QIcon(QStringLiteral(":/icons/verdict-failed.svg"));
        switch (item->status) {
        case Status::Working:
            return QIcon(QStringLiteral(":/icons/refresh.svg"));
        case Status::Failed:
            return QIcon(QStringLiteral(":/icons/host-error.svg"));
        case Status::Synced:
            return QIcon(QStringLiteral(":/icons/host-connected.svg"));
        case Status::Idle:
            return QIcon(QStringLiteral(":/icons/host.svg"));
        }
        break;
    case NameRole:
        return item->profile.name;
    case StatusRole:
        return int(item->status);
    default:
        break;
    }
    return {};
}

} // namespace dr
