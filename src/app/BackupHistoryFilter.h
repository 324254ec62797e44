#pragma once

#include <QDateTime>
#include <QSortFilterProxyModel>

namespace dr {

/// Filters the history by component, kind, a date range and text in the file's path. Every test is a
/// plain comparison on values the model already holds, so 100,000 rows filter in a few milliseconds.
class BackupHistoryFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupHistoryFilter)

public:
    explicit BackupHistoryFilter(QObject* parent = nullptr);

    void setComponent(const QString& component); ///< empty: all
    void setKind(const QString& kind); ///< empty: all; "-": unknown kind
    void setRange(const QDateTime& from, const QDateTime& to); ///< invalid: open-ended
    void setText(const QString& text);
    /// A Proof::stateId ("proven", "stale", "failed", "unverified"), "unproven" (all but proven), or empty: all.
    void setProofState(const QString& state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_component;
    QString m_kind;
    qint64 m_fromMs = std::numeric_limits<qint64>::min();
    qint64 m_toMs = std::numeric_limits<qint64>::max();
    QString m_text;
    QString m_proofState;
};

} // namespace dr
