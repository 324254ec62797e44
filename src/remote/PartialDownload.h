#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>

namespace dr {

/// The local side of a download: bytes go to `<target>.part`, which is renamed to the target only when the
/// whole file is there. An existing `.part` no longer than the remote file is continued (resume).
class PartialDownload
{
    Q_DECLARE_TR_FUNCTIONS(PartialDownload)

public:
    explicit PartialDownload(QString targetPath);

    /// Opens the `.part` file for appending; returns the offset to continue from (0 for a fresh start).
    Result<qint64> open(qint64 remoteSize);
    Result<void> append(const char* data, qint64 length);
    /// Flushes, closes and renames to the target (replacing an older file of that name).
    Result<void> finish();
    /// Flushes what arrived so far and keeps the `.part` for a later resume.
    void keepForResume();

    bool isOpen() const { return m_part.isOpen(); }
    qint64 size() const { return m_size; }
    QString partPath() const { return m_part.fileName(); }

private:
    QString m_target;
    QFile m_part;
    qint64 m_size = 0;
};

} // namespace dr
