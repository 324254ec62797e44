#include "core/SyncProtocol.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStringDecoder>

namespace dr {

namespace {

// Runs under /bin/sh on the host. Nothing in it is ever substituted: every variable part arrives as a
// positional argument. Output is NUL-separated records (file names may hold tabs and newlines, never
// NUL), then, after the `C` record, the catalog's new bytes as they are.
//   H proto utc-offset epoch cwd | V tool-version | U (nothing changed) | M missing-folder | E error
//   T crontab (the user's and the system's) | K folder-markers has-sha256sum (a full listing follows)
//   F size mtime path | X unreadable-folder
//   C inode size offset <bytes>
constexpr char syncScript[] = R"SH(tool=$1 base=$2 catalog=$3 known_inode=$4 offset=$5 old_fp=$6
shift 6
case $tool in /*) ;; *) tool=$HOME/$tool ;; esac
if [ -n "$base" ]; then cd -- "$base" 2>/dev/null || { printf 'E\tno such folder: %s\0' "$base"; exit 3; }; fi
now=$(date '+%z %s')
printf 'H\t1\t%s\t%s\t%s\0' "${now% *}" "${now#* }" "$PWD"
if [ -x "$tool" ]; then
  # The version line near the top, read by the shell itself: running the tool would cost a bash start-up.
  n=0 v=
  while [ $n -lt 40 ] && IFS= read -r line; do
    n=$((n + 1))
    case $line in TOOL_VERSION=*) v=${line#TOOL_VERSION=}; v=${v#\"}; v=${v%\"}; break ;; esac
  done < "$tool"
  printf 'V\t%s\0' "${tool##*/}${v:+ $v}"
fi
printf 'T\t%s\0' "$( { crontab -l; cat /etc/crontab /etc/cron.d/*; } 2>/dev/null | tr -d '\000')"
fp= n=$#
for d in "$@"; do
  case $d in /*) p=$d ;; *) p=./$d ;; esac
  if [ -d "$p" ]; then fp="$fp+"; set -- "$@" "$p"; else fp="$fp-"; printf 'M\t%s\0' "$d"; fi
done
shift $n
# The listing's fingerprint: which folders exist, and the SHA-256 of the file and folder records (every file's
# size, time and path). A file rewritten in place leaves its folder's time alone; it still changes this. The
# console takes the digest of the records it gets; a host without sha256sum is listed in full every time.
# A folder this login cannot read or enter is named (X), not silently left out.
list_files() {
  find -H "$@" \( -type d ! \( -readable -executable \) -printf 'X\t%p\0' -prune \) -o \
    \( -type f -printf 'F\t%s\t%T@\t%p\0' \)
}
digest=
if command -v sha256sum >/dev/null 2>&1; then digest=1; fi
unchanged=
if [ -n "$old_fp" ] && [ -n "$digest" ]; then
  sum=$(if [ $# -gt 0 ]; then list_files "$@"; fi | sha256sum)
  if [ "$fp|${sum%% *}" = "$old_fp" ]; then unchanged=1; printf 'U\0'; fi
fi
if [ -z "$unchanged" ]; then
  printf 'K\t%s\t%s\0' "$fp" "$digest"
  if [ $# -gt 0 ]; then list_files "$@"; fi
fi
if [ -f "$catalog" ]; then
  set -- $(stat -L -c '%i %s' -- "$catalog")
  inode=$1 size=$2
  if [ "$inode" != "$known_inode" ] || [ "$size" -lt "$offset" ]; then offset=0; fi
  printf 'C\t%s\t%s\t%s\0' "$inode" "$size" "$offset"
  tail -c +$((offset + 1)) -- "$catalog" | head -c $((size - offset))
else
  printf 'C\t\t0\t0\0'
fi
)SH";

// "1796060000.9999999990" (find's %T@): the seconds exactly, and the milliseconds cut, not rounded (a double would
// make it the next second, which a verification's whole-second time of the same file would not match).
QDateTime fromEpochText(QByteArrayView text)
{
    const qsizetype dot = text.indexOf('.');
    bool ok = false;
    const qint64 seconds = text.first(dot < 0 ? text.size() : dot).toLongLong(&ok);
    if (!ok)
        return {};
    qint64 milliseconds = 0;
    if (dot >= 0) {
        const QByteArray fraction = QByteArray(text.sliced(dot + 1).toByteArray() + "000").left(3);
        milliseconds = fraction.toLongLong(&ok);
        if (!ok || milliseconds < 0)
            return {};
    }
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + (seconds < 0 ? -milliseconds : milliseconds), Qt::UTC);
}

int parseUtcOffset(QByteArrayView text)
{
    // "+0100", "-0530"
    if (text.size() != 5 || (text[0] != '+' && text[0] != '-'))
        return 0;
    const int hours = text.sliced(1, 2).toByteArray().toInt();
    const int minutes = text.sliced(3, 2).toByteArray().toInt();
    const int seconds = hours * 3600 + minutes * 60;
    return text[0] == '-' ? -seconds : seconds;
}

} // namespace

QStringList SyncProtocol::command(const HostProfile& host, const SyncCursor& cursor)
{
    QStringList argv { QStringLiteral("sh"), QStringLiteral("-c"), QString::fromLatin1(syncScript),
        QStringLiteral("drconsole-sync"), host.toolPath, host.baseDir, host.catalogFile, cursor.catalogInode,
        QString::number(cursor.catalogOffset), cursor.listingFingerprint };
    argv += host.backupDirs;
    return argv;
}

Result<SyncSnapshot> SyncProtocol::parse(const QByteArray& output, const QString& hostName)
{
    auto malformed = [&](const QString& why) {
        return makeError(
            Error::Code::Protocol, tr("Host %1 sent a listing the console cannot read: %2").arg(hostName, why));
    };
    SyncSnapshot snapshot;
    bool sawHeader = false;
    // The fingerprint the script checks next time: the folder markers and the SHA-256 of the F and X records as
    // they were sent (each with its NUL), which is what `sha256sum` on the host gets from the same walk.
    QString folderMarkers;
    bool hostHasDigest = false;
    QCryptographicHash recordsDigest(QCryptographicHash::Sha256);
    qsizetype position = 0;
    while (position < output.size()) {
        const qsizetype end = output.indexOf('\0', position);
        if (end < 0)
            return malformed(tr("a record is cut short (the connection may have dropped)"));
        const QByteArrayView record = QByteArrayView(output).sliced(position, end - position);
        position = end + 1;
        if (record.isEmpty())
            return malformed(tr("an empty record"));
        const char type = record[0];
        const QList<QByteArray> fields = record.toByteArray().split('\t');
        switch (type) {
        case 'E':
            return makeError(Error::Code::NotFound,
                tr("Host %1: %2").arg(hostName, QString::fromUtf8(record.sliced(qMin<qsizetype>(2, record.size())))));
        case 'H':
            if (fields.size() < 5 || fields[1] != "1")
                return malformed(tr("unknown protocol header"));
            sawHeader = true;
            snapshot.utcOffsetSeconds = parseUtcOffset(fields[2]);
            snapshot.hostNow = fromEpochText(fields[3]);
            snapshot.workingDir = QString::fromUtf8(
                record.sliced(fields[0].size() + fields[1].size() + fields[2].size() + fields[3].size() + 4));
            break;
        case 'V':
            snapshot.toolVersion = QString::fromUtf8(record.sliced(qMin<qsizetype>(2, record.size()))).trimmed();
            break;
        case 'T':
            snapshot.crontab = QString::fromUtf8(record.sliced(qMin<qsizetype>(2, record.size())));
            snapshot.crontabRead = true;
            break;
        case 'U':
            snapshot.listingUnchanged = true;
            break;
        case 'K':
            if (fields.size() < 3)
                return malformed(tr("the listing record has %1 fields instead of 3").arg(fields.size()));
            folderMarkers = QString::fromUtf8(fields[1]);
            hostHasDigest = fields[2] == "1";
            break;
        case 'M':
            snapshot.missingDirs.append(QString::fromUtf8(record.sliced(qMin<qsizetype>(2, record.size()))));
            break;
        case 'X':
            recordsDigest.addData(record);
            recordsDigest.addData(QByteArrayView("\0", 1));
            snapshot.unreadableDirs.append(
                QDir::cleanPath(QString::fromUtf8(record.sliced(qMin<qsizetype>(2, record.size())))));
            break;
        case 'F': {
            recordsDigest.addData(record);
            recordsDigest.addData(QByteArrayView("\0", 1));
            if (fields.size() < 4)
                return malformed(tr("a file record has %1 fields instead of 4").arg(fields.size()));
            RemoteFile file;
            bool sizeOk = false;
            file.size = fields[1].toLongLong(&sizeOk);
            file.modified = fromEpochText(fields[2]);
            // The path is everything after the third tab: it may itself hold tabs.
            const qsizetype pathStart = fields[0].size() + fields[1].size() + fields[2].size() + 3;
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            file.path = QDir::cleanPath(utf8(record.sliced(pathStart)));
            if (!sizeOk || !file.modified.isValid())
                return malformed(tr("bad size or time for %1").arg(file.path));
            if (utf8.hasError()) {
                snapshot.unnamableFiles.append(file.path);
                break;
            }
            snapshot.files.append(std::move(file));
            break;
        }
        case 'C': {
            if (!sawHeader || fields.size() < 4)
                return malformed(tr("catalog record before header"));
            snapshot.catalogInode = QString::fromLatin1(fields[1]);
            snapshot.catalogSize = fields[2].toLongLong();
            snapshot.catalogFrom = fields[3].toLongLong();
            snapshot.catalogBytes = output.mid(position);
            const qint64 expected = snapshot.catalogSize - snapshot.catalogFrom;
            if (snapshot.catalogBytes.size() > expected)
                return malformed(tr("more catalog bytes than announced"));
            // Fewer bytes than announced: a cut transfer. The parser keeps only whole lines, so the rest
            // is read again next time.
            if (hostHasDigest && !snapshot.listingUnchanged)
                snapshot.listingFingerprint
                    = folderMarkers + u'|' + QString::fromLatin1(recordsDigest.result().toHex());
            return snapshot;
        }
        default:
            return malformed(tr("unknown record type '%1'").arg(QChar::fromLatin1(type)));
        }
    }
    return malformed(sawHeader ? tr("the catalog record is missing (the output was cut short)")
                               : tr("no output (is /bin/sh with GNU find available?)"));
}

} // namespace dr
