#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>

namespace dr {

/// The local side of a download: bytes go to `<target>.part`, which is renamed to the target only when the
/// whole file is there. An existing `.part` is continued (resume) only when it came from the same version of the
/// remote file (size and modification time, kept in `<target>.part.source`) and is no longer than it.
class PartialDownload
{
    Q_DECLARE_TR_FUNCTIONS(PartialDownload)

public:
    explicit PartialDownload(QString targetPath);

    /// Opens the `.part` file for appending; returns the offset to continue from (0 for a fresh start).
    /// @p remoteVersion: what identifies the remote file's version, e.g. "size mtime".
    Result<qint64> open(qint64 remoteSize, const QString& remoteVersion);
    Result<void> append(const char* data, qint64 length);
    /// Flushes, closes and renames to the target (replacing an older file of that name).
    Result<void> finish();
    /// Flushes what arrived so far and keeps the `.part` for a later resume.
    void keepForResume();
    /// Removes the `.part`: what it holds must not be continued (the remote file changed or is gone).
    void discard();

    bool isOpen() const { return m_part.isOpen(); }
    qint64 size() const { return m_size; }
    QString partPath() const { return m_part.fileName(); }

private:
    QString m_target;
    QFile m_part;
    QString m_sourcePath;
    qint64 m_size = 0;
};

} // namespace dr
