#include "app/BackupHistoryModel.h"

#include <QColor>
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

QIcon BackupHistoryModel::proofIcon(ProofState state)
{
    switch (state) {
    case ProofState::Proven:
        return QIcon(QStringLiteral(":/icons/verdict-ok.svg"));
    case ProofState::Failed:
        return QIcon(QStringLiteral(":/icons/verdict-failed.svg"));
    case ProofState::Stale:
        return QIcon(QStringLiteral(":/icons/verdict-warning.svg"));
    case ProofState::Unverified:
        break;
    }
    return QIcon(QStringLiteral(":/icons/unverified.svg"));
}

QString BackupHistoryModel::verifyToolTip(const BackupRecord& record, const Proof& proof, int intervalDays)
{
    QStringList lines;
    if (proof.state == ProofState::Stale)
        lines.append(
            tr("Stale: not proved good within the host's verification interval (%n day(s))", nullptr, intervalDays));
    lines.append(proof.provenAt.isValid()
            ? tr("Last proved good %1 (%2)")
                  .arg(QLocale().toString(proof.provenAt.toLocalTime(), QLocale::ShortFormat),
                      Proof::levelText(proof.level))
            : tr("Never proved good"));
    if (record.verifiedAt.isValid())
        lines.append(tr("Last verification %1: %2 (%3)%4")
                         .arg(QLocale().toString(record.verifiedAt.toLocalTime(), QLocale::ShortFormat),
                             verifyText(record.verifyState),
                             record.verifyMethod.isEmpty() ? tr("method not recorded") : record.verifyMethod,
                             record.verifyReason.isEmpty() ? QString() : QStringLiteral(": ") + record.verifyReason));
    return lines.join(u'\n');
}

QString BackupHistoryModel::kindText(const QString& kind)
{
    if (kind == QLatin1String("full"))
        return tr("full");
    if (kind == QLatin1String("incremental"))
        return tr("incremental");
    if (kind == QLatin1String("critical"))
        return tr("critical");
    if (kind == QLatin1String("config"))
        return tr("config");
    return kind; // a kind a newer host tool knows
}

int BackupHistoryModel::textColumnWidth(int column, const QFontMetrics& metrics)
{
    QStringList texts;
    if (column == VerifyColumn) {
        for (const ProofState state :
            { ProofState::Proven, ProofState::Stale, ProofState::Failed, ProofState::Unverified })
            texts.append(Proof::stateText(state));
        texts.append(tr("Could not verify"));
    } else {
        for (const char* level : { "exists", "checksum", "read-through", "integrity", "deep" })
            texts.append(Proof::levelText(QLatin1String(level)));
    }
    int widest = 0;
    for (const QString& text : std::as_const(texts))
        widest = std::max(widest, metrics.horizontalAdvance(text));
    constexpr int iconAndMargins = 16 + 20;
    return widest + iconAndMargins;
}

void BackupHistoryModel::setVerificationInterval(int days)
{
    if (days == m_intervalDays)
        return;
    m_intervalDays = days;
    if (!m_records.isEmpty())
        emit dataChanged(index(0, VerifyColumn), index(int(m_records.size()) - 1, LevelColumn));
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
    case LevelColumn:
        return tr("Proof level");
    case ProvenAtColumn:
        return tr("Last proved good");
    case VerifiedAtColumn:
        return tr("Last verified");
    case MethodColumn:
        return tr("Method");
    case ReasonColumn:
        return tr("Reason");
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
            return record.kind.isEmpty() ? tr("—") : kindText(record.kind);
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
    case VerifyColumn: {
        const Proof proof = Proof::of(record, QDateTime::currentDateTimeUtc(), m_intervalDays);
        if (role == Qt::DisplayRole)
            return couldNotVerify(record, proof) ? tr("Could not verify") : Proof::stateText(proof.state);
        if (role == SortRole)
            return int(proof.state);
        if (role == Qt::DecorationRole)
            return couldNotVerify(record, proof) ? proofIcon(ProofState::Stale) : proofIcon(proof.state);
        if (role == Qt::ToolTipRole)
            return verifyToolTip(record, proof, m_intervalDays);
        break;
    }
    case LevelColumn: {
        // The level of the proof that holds now; a failure or no proof has none.
        const Proof proof = Proof::of(record, QDateTime::currentDateTimeUtc(), m_intervalDays);
        const bool holds = proof.state == ProofState::Proven || proof.state == ProofState::Stale;
        if (role == Qt::DisplayRole)
            return holds ? Proof::levelText(proof.level) : tr("—"); // the tooltip says why
        if (role == SortRole)
            return holds ? Proof::levelRank(proof.level) : -1;
        if (role == Qt::ToolTipRole)
            return verifyToolTip(record, proof, m_intervalDays);
        break;
    }
    case ProvenAtColumn:
    case VerifiedAtColumn: {
        const QDateTime& when = index.column() == ProvenAtColumn ? record.provenAt : record.verifiedAt;
        if (role == Qt::DisplayRole)
            return when.isValid() ? QLocale().toString(when.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                                  : tr("never");
        if (role == SortRole)
            return when.isValid() ? when.toMSecsSinceEpoch() : 0;
        break;
    }
    case MethodColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return record.verifyMethod;
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return record.verifyReason;
        if (role == Qt::ForegroundRole && record.verifyState == VerifyState::Failed)
            return QColor(0xb0, 0x1c, 0x1c);
        break;
    default:
        break;
    }
    return {};
}

} // namespace dr
