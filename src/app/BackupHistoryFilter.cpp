#include "app/BackupHistoryFilter.h"

#include "app/BackupHistoryModel.h"

namespace dr {

BackupHistoryFilter::BackupHistoryFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(BackupHistoryModel::SortRole);
    setDynamicSortFilter(true);
}

void BackupHistoryFilter::setComponent(const QString& component)
{
    m_component = component;
    invalidateRowsFilter();
}

void BackupHistoryFilter::setKind(const QString& kind)
{
    m_kind = kind;
    invalidateRowsFilter();
}

void BackupHistoryFilter::setRange(const QDateTime& from, const QDateTime& to)
{
    m_fromMs = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    m_toMs = to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    invalidateRowsFilter();
}

void BackupHistoryFilter::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

bool BackupHistoryFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* model = static_cast<const BackupHistoryModel*>(sourceModel());
    const BackupRecord* record = model->record(sourceRow);
    Q_UNUSED(sourceParent)
    if (!record)
        return false;
    if (!m_component.isEmpty() && record->component != m_component)
        return false;
    if (!m_kind.isEmpty() && record->kind != (m_kind == u'-' ? QString() : m_kind))
        return false;
    const qint64 time = record->time.toMSecsSinceEpoch();
    if (time < m_fromMs || time > m_toMs)
        return false;
    return m_text.isEmpty() || record->path.contains(m_text, Qt::CaseInsensitive);
}

} // namespace dr
