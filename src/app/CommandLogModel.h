#pragma once

#include "core/Transport.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QTimer>

namespace dr {

/// The live log: every command the console runs on a host and its output. Lines arrive from worker
/// threads at any rate; they are queued and added in batches on a timer, and the oldest are dropped past
/// the cap, so a flood never freezes the screen.
class CommandLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandLogModel)

public:
    enum Column { TimeColumn, HostColumn, KindColumn, TextColumn, ColumnCount };
    static constexpr int defaultCapacity = 20'000;

    explicit CommandLogModel(QObject* parent = nullptr, int capacity = defaultCapacity);

    /// Queues a line; it shows at the next flush (at most 100 ms later).
    void append(const QString& host, LogKind kind, const QString& text);
    /// Adds the queued lines now.
    void flush();
    int capacity() const { return m_capacity; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(LogKind kind);

private:
    struct Line
    {
        QDateTime time;
        QString host;
        LogKind kind;
        QString text;
    };
    QList<Line> m_lines;
    QList<Line> m_pending;
    QTimer m_flushTimer;
    int m_capacity;
};

} // namespace dr
