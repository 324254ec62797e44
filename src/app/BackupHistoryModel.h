#pragma once

#include "core/BackupRecord.h"
#include "core/Proof.h"

#include <QAbstractTableModel>
#include <QFontMetrics>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QStyledItemDelegate>

namespace dr {

/// A host's backups, a row each. Refreshes by diffing on the catalog id, so selection and scroll survive.
class BackupHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupHistoryModel)

public:
    enum Column {
        TimeColumn,
        ComponentColumn,
        KindColumn,
        SizeColumn,
        FileColumn,
        EncryptedColumn,
        ManagedColumn,
        VerifyColumn,
        // Shown by the verification panel only.
        LevelColumn,
        ProvenAtColumn,
        VerifiedAtColumn,
        MethodColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw value to sort by (time in ms, size in bytes, ...)
        TimeMsRole,
        ComponentRole,
        KindRole,
        PathRole,
    };

    explicit BackupHistoryModel(QObject* parent = nullptr);

    void setRecords(const QList<BackupRecord>& records);
    const BackupRecord* record(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The host's: proofs older than this show as stale.
    void setVerificationInterval(int days);
    int verificationInterval() const { return m_intervalDays; }

    static QString sizeText(qint64 bytes);
    static QString verifyText(VerifyState state);
    /// "full", "incremental", ... in the user's language.
    static QString kindText(const QString& kind);
    static QIcon proofIcon(ProofState state);
    /// Never proven, and the newest attempt could not run (a key that does not open it, an unreachable host):
    /// shown as "Could not verify", not as an untried backup.
    static bool couldNotVerify(const BackupRecord& record, const Proof& proof)
    {
        return proof.state == ProofState::Unverified && record.verifyState == VerifyState::Error;
    }
    /// Wide enough for the longest text @p column can show in this language (state or level), icon included.
    static int textColumnWidth(int column, const QFontMetrics& metrics);
    /// "Last proved good ... (level)" and the newest verification's verdict, method and reason.
    static QString verifyToolTip(const BackupRecord& record, const Proof& proof, int intervalDays);

private:
    int m_intervalDays = 7;
    QList<BackupRecord> m_records;
    QHash<qint64, int> m_rowById;
};

/// Cuts a file name from the left: its stamp and extension, at the end, tell backups apart ("…0261130-142812.tar.gz").
class FileNameDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideLeft;
    }
};

} // namespace dr
