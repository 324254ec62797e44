#pragma once

#include "catalog/Catalog.h"

#include <QAbstractListModel>

namespace dr {

/// The host list: name, address and status (working, synced when, last error), with an icon and words
/// for the status so colour is never the only signal.
class HostListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostListModel)

public:
    enum class Status { Idle, Working, Synced, Failed };
    enum Role { NameRole = Qt::UserRole + 1, StatusRole };

    struct Entry
    {
        HostProfile profile;
        HostState state;
        Status status = Status::Idle;
        QString message;
    };

    explicit HostListModel(QObject* parent = nullptr);

    /// Replaces the hosts, keeping the live status of those that stay.
    void setHosts(const QList<HostProfile>& hosts, const QHash<qint64, HostState>& states);
    void setStatus(const QString& name, Status status, const QString& message);
    void setState(const QString& name, const HostState& state);
    const Entry* entry(int row) const;
    const Entry* entry(const QString& name) const;
    int rowOf(const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};

} // namespace dr
