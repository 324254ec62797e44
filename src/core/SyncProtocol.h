#pragma once

#include "core/HostProfile.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace dr {

/// Where the console stands in a host's state: catalog.jsonl read up to `catalogOffset` of the file
/// with `catalogInode`, and the fingerprint of the backup folders at the last full listing.
struct SyncCursor
{
    QString catalogInode;
    qint64 catalogOffset = 0;
    qint64 catalogLines = 0;
    QString listingFingerprint;
};

struct RemoteFile
{
    QString path;
    qint64 size = 0;
    QDateTime modified; ///< UTC
};

/// Everything one sync round trip brings back.
struct SyncSnapshot
{
    int utcOffsetSeconds = 0; ///< the host's current offset, for the local stamps in file names
    QDateTime hostNow;
    QString workingDir;
    bool listingUnchanged = false; ///< no folder or file changed since the last full listing: `files` is empty
    QString listingFingerprint;
    QList<RemoteFile> files;
    QStringList missingDirs;
    /// Folders the login cannot read or enter: what they hold is unknown, not gone.
    QStringList unreadableDirs;
    /// Files whose names are not UTF-8: the console could not name them back to the host, so they are left out
    /// (shown with replacement characters).
    QStringList unnamableFiles;
    QString toolVersion; ///< empty when the host tool is not installed
    QString crontab; ///< the login's crontab, /etc/crontab and /etc/cron.d, for the schedule check
    bool crontabRead = false;
    QString catalogInode; ///< empty when the host has no catalog.jsonl
    qint64 catalogSize = 0;
    qint64 catalogFrom = 0; ///< offset the bytes below start at (0 after a rotation)
    QByteArray catalogBytes;
};

/// The one-round-trip sync: a fixed POSIX sh script, with every variable part passed as an argument,
/// that lists the backup folders, reads the host tool's version and the catalog's new bytes.
class SyncProtocol
{
    Q_DECLARE_TR_FUNCTIONS(SyncProtocol)

public:
    static QStringList command(const HostProfile& host, const SyncCursor& cursor);
    static Result<SyncSnapshot> parse(const QByteArray& output, const QString& hostName);
};

} // namespace dr
