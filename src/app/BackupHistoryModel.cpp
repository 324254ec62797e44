#include "app/BackupHistoryModel.h"

#include <QIcon>
#include <QLocale>
#include <QSet>

namespace dr {

BackupHistoryModel::BackupHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

QString BackupHistoryModel::sizeText(qint64 bytes)
{
    return bytes < 0 ? tr("—") : QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString BackupHistoryModel::verifyText(VerifyState state)
{
    switch (state) {
    case VerifyState::Passed:
        return tr("Passed");
    case VerifyState::Failed:
        return tr("Failed");
    case VerifyState::Error:
        return tr("Could not verify");
    case VerifyState::Unverified:
        break;
    }
    return tr("Never verified");
}

void BackupHistoryModel::setRecords(const QList<BackupRecord>& records)
{
    // Nothing to keep (first load, another host): one reset, so views sort once instead of per insert.
    if (m_records.isEmpty() || records.isEmpty()) {
        beginResetModel();
        m_records = records;
        m_rowById.clear();
        for (int row = 0; row < m_records.size(); ++row)
            m_rowById.insert(m_records[row].id, row);
        endResetModel();
        return;
    }
    QSet<qint64> incoming;
    incoming.reserve(records.size());
    for (const BackupRecord& record : records)
        incoming.insert(record.id);
    // Remove rows that are gone, in contiguous runs from the bottom up.
    for (int row = int(m_records.size()) - 1; row >= 0;) {
        if (incoming.contains(m_records[row].id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_records[first - 1].id))
            --first;
        beginRemoveRows({}, first, row);
        m_records.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    m_rowById.clear();
    for (int row = 0; row < m_records.size(); ++row)
        m_rowById.insert(m_records[row].id, row);

    QList<BackupRecord> added;
    int firstChanged = -1;
    int lastChanged = -1;
    for (const BackupRecord& record : records) {
        const auto found = m_rowById.constFind(record.id);
        if (found == m_rowById.cend()) {
            added.append(record);
            continue;
        }
        m_records[*found] = record;
        firstChanged = firstChanged < 0 ? *found : std::min(firstChanged, *found);
        lastChanged = std::max(lastChanged, *found);
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!added.isEmpty()) {
        const int first = int(m_records.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const BackupRecord& record : std::as_const(added)) {
            m_rowById.insert(record.id, int(m_records.size()));
            m_records.append(record);
        }
        endInsertRows();
    }
}

const BackupRecord* BackupHistoryModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records[row] : nullptr;
}

int BackupHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int BackupHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ComponentColumn:
        return tr("Component");
    case KindColumn:
        return tr("Kind");
    case SizeColumn:
        return tr("Size");
    case FileColumn:
        return tr("File (hover for the folder)");
    case EncryptedColumn:
        return tr("Encrypted");
    case ManagedColumn:
        return tr("Catalog");
    case VerifyColumn:
        return tr("Verification");
    default:
        return {};
    }
}

QVariant BackupHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const BackupRecord& record = m_records[index.row()];
    switch (role) {
    case TimeMsRole:
        return record.time.toMSecsSinceEpoch();
    case ComponentRole:
        return record.component;
    case KindRole:
        return record.kind;
    case PathRole:
        return record.path;
    default:
        break;
    }
    switch (index.column()) {
    case TimeColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(record.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (role == SortRole)
            return record.time.toMSecsSinceEpoch();
        if (role == Qt::ToolTipRole)
            return tr("%1 (UTC %2)")
                .arg(QLocale().toString(record.time.toLocalTime(), QLocale::LongFormat),
                    record.time.toUTC().toString(Qt::ISODate));
        break;
    case ComponentColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return record.component;
        break;
    case KindColumn:
        if (role == Qt::DisplayRole)
            return record.kind.isEmpty() ? tr("—") : record.kind;
        if (role == SortRole)
            return record.kind;
        break;
    case SizeColumn:
        if (role == Qt::DisplayRole)
            return sizeText(record.size);
        if (role == SortRole)
            return record.size;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return tr("%1 bytes").arg(record.size);
        break;
    case FileColumn:
        if (role == Qt::DisplayRole) // the folder is in the tooltip; a visible newline marker keeps rows one line
            return record.fileName().replace(u'\n', QStringLiteral("␤"));
        if (role == SortRole || role == Qt::ToolTipRole)
            return record.path;
        break;
    case EncryptedColumn:
        if (role == Qt::DisplayRole)
            return record.encrypted ? tr("Encrypted") : tr("Plain");
        if (role == SortRole)
            return record.encrypted;
        if (role == Qt::DecorationRole && record.encrypted)
            return QIcon(QStringLiteral(":/icons/lock.svg"));
        break;
    case ManagedColumn:
        if (role == Qt::DisplayRole)
            return record.managed ? tr("Managed") : tr("Unmanaged");
        if (role == SortRole)
            return record.managed;
        if (role == Qt::ToolTipRole)
            return record.managed ? tr("Recorded in the host tool's catalog.jsonl")
                                  : tr("Found by name only: no catalog line from the host tool");
        break;
    case VerifyColumn:
        if (role == Qt::DisplayRole)
            return verifyText(record.verifyState);
        if (role == SortRole)
            return int(record.verifyState);
        if (role == Qt::DecorationRole) {
            switch (record.verifyState) {
            case VerifyState::Passed:
                return QIcon(QStringLiteral(":/icons/verdict-ok.svg"));
            case VerifyState::Failed:
                return QIcon(QStringLiteral(":/icons/verdict-failed.svg"));
            case VerifyState::Error:
                return QIcon(QStringLiteral(":/icons/verdict-warning.svg"));
            case VerifyState::Unverified:
                return QIcon(QStringLiteral(":/icons/unverified.svg"));
            }
        }
        if (role == Qt::ToolTipRole && record.verifiedAt.isValid())
            return tr("%1 on %2 (%3)%4")
                .arg(verifyText(record.verifyState),
                    QLocale().toString(record.verifiedAt.toLocalTime(), QLocale::ShortFormat),
                    record.verifyMethod.isEmpty() ? tr("method not recorded") : record.verifyMethod,
                    record.verifyReason.isEmpty() ? QString() : QStringLiteral(": ") + record.verifyReason);
        break;
    default:
        break;
    }
    return {};
}

} // namespace dr
