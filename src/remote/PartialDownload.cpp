#include "remote/PartialDownload.h"

#include <QDir>
#include <QFileInfo>

namespace dr {

PartialDownload::PartialDownload(QString targetPath)
    : m_target(std::move(targetPath))
    , m_part(m_target + QStringLiteral(".part"))
    , m_sourcePath(m_target + QStringLiteral(".part.source"))
{ }

Result<qint64> PartialDownload::open(qint64 remoteSize, const QString& remoteVersion)
{
    if (!QDir().mkpath(QFileInfo(m_target).absolutePath()))
        return makeError(Error::Code::Io, tr("Cannot create the folder for %1").arg(m_target));
    // Continue only the same version of the remote file; anything else starts again.
    QFile source(m_sourcePath);
    const bool sameVersion = source.open(QIODevice::ReadOnly) && QString::fromUtf8(source.readAll()) == remoteVersion;
    source.close();
    const qint64 existing = QFileInfo(m_part.fileName()).size();
    const bool resume = sameVersion && existing > 0 && existing <= remoteSize;
    if (!resume) {
        if (!source.open(QIODevice::WriteOnly) || source.write(remoteVersion.toUtf8()) < 0)
            return makeError(Error::Code::Io, tr("Cannot write %1").arg(m_sourcePath), source.errorString());
        source.close();
    }
    const QIODevice::OpenMode mode = resume ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly;
    if (!m_part.open(mode))
        return makeError(Error::Code::Io, tr("Cannot write %1").arg(m_part.fileName()), m_part.errorString());
    m_size = resume ? existing : 0;
    return m_size;
}

Result<void> PartialDownload::append(const char* data, qint64 length)
{
    if (m_part.write(data, length) != length)
        return makeError(Error::Code::Io, tr("Cannot write %1").arg(m_part.fileName()), m_part.errorString());
    m_size += length;
    return {};
}

Result<void> PartialDownload::finish()
{
    if (!m_part.flush())
        return makeError(Error::Code::Io, tr("Cannot write %1").arg(m_part.fileName()), m_part.errorString());
    m_part.close();
    QFile::remove(m_target);
    if (!QFile::rename(m_part.fileName(), m_target))
        return makeError(Error::Code::Io, tr("Cannot rename %1 to %2").arg(m_part.fileName(), m_target));
    QFile::remove(m_sourcePath);
    return {};
}

void PartialDownload::keepForResume()
{
    m_part.flush();
    m_part.close();
}

void PartialDownload::discard()
{
    m_part.close();
    QFile::remove(m_part.fileName());
    QFile::remove(m_sourcePath);
    m_size = 0;
}

} // namespace dr
