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
    invalidate(); // one layout change: row-by-row removal is quadratic at 100,000 rows
}

void BackupHistoryFilter::setKind(const QString& kind)
{
    m_kind = kind;
    invalidate(); // one layout change: row-by-row removal is quadratic at 100,000 rows
}

void BackupHistoryFilter::setRange(const QDateTime& from, const QDateTime& to)
{
    m_fromMs = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    m_toMs = to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    invalidate(); // one layout change: row-by-row removal is quadratic at 100,000 rows
}

void BackupHistoryFilter::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidate(); // one layout change: row-by-row removal is quadratic at 100,000 rows
}

void BackupHistoryFilter::setProofState(const QString& state)
{
    m_proofState = state;
    invalidate();
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
    if (!m_proofState.isEmpty()) {
        const Proof proof = Proof::of(*record, QDateTime::currentDateTimeUtc(), model->verificationInterval());
        if (m_proofState == QLatin1String("unverifiable")) {
            if (!BackupHistoryModel::couldNotVerify(*record, proof))
                return false;
        } else if (m_proofState == QLatin1String("unproven") ? proof.state == ProofState::Proven
                                                             : Proof::stateId(proof.state) != m_proofState) {
            return false;
        }
    }
    return m_text.isEmpty() || record->path.contains(m_text, Qt::CaseInsensitive);
}

bool BackupHistoryFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // Straight from the records: no QVariant per comparison, which is what sorting 100,000 rows costs.
    const auto* model = static_cast<const BackupHistoryModel*>(sourceModel());
    const BackupRecord* a = model->record(left.row());
    const BackupRecord* b = model->record(right.row());
    if (!a || !b)
        return false;
    switch (left.column()) {
    case BackupHistoryModel::TimeColumn:
        return a->time < b->time;
    case BackupHistoryModel::ComponentColumn:
        return a->component < b->component;
    case BackupHistoryModel::KindColumn:
        return a->kind < b->kind;
    case BackupHistoryModel::SizeColumn:
        return a->size < b->size;
    case BackupHistoryModel::FileColumn:
        return a->path < b->path;
    case BackupHistoryModel::EncryptedColumn:
        return a->encrypted < b->encrypted;
    case BackupHistoryModel::ManagedColumn:
        return a->managed < b->managed;
    case BackupHistoryModel::VerifyColumn:
        return int(a->verifyState) < int(b->verifyState);
    case BackupHistoryModel::LevelColumn:
        return left.data(BackupHistoryModel::SortRole).toInt() < right.data(BackupHistoryModel::SortRole).toInt();
    case BackupHistoryModel::ProvenAtColumn:
        return a->provenAt < b->provenAt;
    case BackupHistoryModel::VerifiedAtColumn:
        return a->verifiedAt < b->verifiedAt;
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

} // namespace dr
