#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace dr {

/// What a backup file's name says about it, by the seed's naming contract:
/// `<component>[-incremental]-YYYYMMDD-HHMMSS.<format>[.gz][.enc]`,
/// e.g. `postgres-20240909-020000.sql.gz` or `app-data-20240909-020000.tar.gz.enc`.
struct BackupFileName
{
    Q_DECLARE_TR_FUNCTIONS(BackupFileName)

public:
    QString component; ///< postgres, sqlite, redis, app-data, config, docker-volumes, emergency-<component>
    QString kind; ///< "incremental" when the name says so, else empty (the catalog knows)
    QDateTime nameTime; ///< the stamp in the name, as written (host local time, Qt::LocalTime-free: naive)
    QString format; ///< sql, dump, db, tar, rdb
    bool compressed = false;
    bool encrypted = false;

    /// Parses a bare file name (no folders). Fails with the reason when the name is not a backup's.
    static Result<BackupFileName> parse(const QString& fileName);

    /// Components the naming contract knows, in display order.
    static const QStringList& knownComponents();

    /// Files that live beside backups but are not backups (sidecars, the catalog, locks, job files).
    static bool isAuxiliaryFile(const QString& fileName);
};

} // namespace dr
