#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace dr {

enum class VerifyState { Unverified, Passed, Failed, Error };

QString verifyStateId(VerifyState state);
VerifyState verifyStateFromId(const QString& id);

/// One backup file of one host, as the catalog knows it: what the listing saw, enriched by the host
/// tool's catalog events when it has them ("managed").
struct BackupRecord
{
    qint64 id = 0;
    qint64 hostId = 0;
    QString path; ///< as on the host: relative to the host's base folder, or absolute
    QString component;
    QString kind; ///< full, incremental, critical, config; empty when unknown (unmanaged)
    QDateTime time; ///< UTC: when the backup finished (catalog), else its name's stamp
    qint64 size = -1;
    bool encrypted = false;
    bool compressed = false;
    bool managed = false;
    bool present = true;
    QString sha256;
    qint64 durationMs = -1;
    VerifyState verifyState = VerifyState::Unverified;
    QDateTime verifiedAt;
    QString verifyMethod;
    QString verifyReason;

    QString fileName() const { return path.mid(path.lastIndexOf(u'/') + 1); }
};

} // namespace dr

Q_DECLARE_METATYPE(dr::BackupRecord)
