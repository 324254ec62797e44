#include "core/HostTool.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace dr {

QString HostTool::scriptsDir()
{
    const QString fromEnvironment = qEnvironmentVariable("DRCONSOLE_HOST_TOOL_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString installed = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/drconsole/host");
    if (QFileInfo::exists(installed + QStringLiteral("/backup-system.sh")))
        return QDir::cleanPath(installed);
    return QStringLiteral(DRCONSOLE_SOURCE_HOST_DIR);
}

Result<QString> HostTool::shippedVersion()
{
    const QString path = scriptsDir() + QStringLiteral("/backup-system.sh");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, tr("The host tool %1 cannot be read").arg(path), file.errorString());
    static const QRegularExpression versionLine(
        QStringLiteral("^TOOL_VERSION=\"?([0-9][0-9A-Za-z.+-]*)\"?\\s*$"), QRegularExpression::MultilineOption);
    const auto match = versionLine.match(QString::fromUtf8(file.read(64 * 1024)));
    if (!match.hasMatch())
        return makeError(Error::Code::Corrupt, tr("%1 has no TOOL_VERSION line").arg(path));
    return match.captured(1);
}

namespace {
// The $0 of command()'s runner script: commandName() recognises the host tool's argv by it.
constexpr auto runnerName = QLatin1String("drconsole-tool");
} // namespace

QStringList HostTool::command(const HostProfile& host, const QStringList& arguments)
{
    static const QString runner = QStringLiteral(R"SH(base=$1 tool=$2
shift 2
case $tool in /*) ;; *) tool=$HOME/$tool ;; esac
if [ -n "$base" ]; then cd -- "$base" || exit 2; fi
if [ ! -x "$tool" ]; then echo "host tool not installed at $tool" >&2; exit 127; fi
exec "$tool" "$@")SH");
    return QStringList { QStringLiteral("sh"), QStringLiteral("-c"), runner, QString(runnerName), host.baseDir,
        host.toolPath }
    + arguments;
}

QString HostTool::commandName(const QStringList& argv)
{
    if (argv.size() < 4 || argv[0] != QLatin1String("sh") || argv[1] != QLatin1String("-c"))
        return argv.value(0);
    if (argv[3] != runnerName || argv.size() < 6)
        return argv[3]; // $0 of the script
    const QString tool = argv[5].mid(argv[5].lastIndexOf(u'/') + 1);
    QString words = QStringList(argv.mid(6)).join(u' ');
    constexpr int longest = 80;
    if (words.size() > longest)
        words = words.left(longest - 1) + u'…';
    return words.isEmpty() ? tool : tool + u' ' + words;
}

Result<QString> HostTool::install(const HostProfile& host, Transport& transport)
{
    // Reads stdin into a temporary file beside the target, then renames it: a cut transfer never leaves
    // a half-written tool in place. Prints the copy's SHA-256 for the caller to compare.
    static const QString installScript = QStringLiteral(R"SH(set -e
case $1 in /*) target=$1 ;; *) target=$HOME/$1 ;; esac
mkdir -p -- "$(dirname -- "$target")"
tmp=$target.new.$$
cat > "$tmp"
chmod 755 -- "$tmp"
mv -f -- "$tmp" "$target"
sha256sum -- "$target" | cut -d ' ' -f 1
)SH");
    if (auto opened = transport.open(); !opened)
        return opened.error();
    const QString toolDir = host.toolPath.contains(u'/') ? host.toolPath.section(u'/', 0, -2) : QString();
    const QString prefix = toolDir.isEmpty() ? QString() : toolDir + u'/';
    for (const QString& script : { QStringLiteral("health-check.sh"), QStringLiteral("backup-system.sh") }) {
        const QString source = scriptsDir() + u'/' + script;
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                Error::Code::NotFound, tr("The host tool %1 cannot be read").arg(source), file.errorString());
        RunOptions options;
        options.stdinData = file.readAll();
        options.logOutput = true;
        options.idleTimeoutMs = 60'000;
        const QString target = script == QLatin1String("backup-system.sh") ? host.toolPath : prefix + script;
        auto run = transport.run(
            { QStringLiteral("sh"), QStringLiteral("-c"), installScript, QStringLiteral("drconsole-install"), target },
            options);
        if (!run)
            return run.error();
        if (run->exitStatus != 0)
            return makeError(Error::Code::RemoteCommandFailed,
                tr("Installing %1 on host %2 failed (exit code %3)").arg(target, host.name).arg(run->exitStatus),
                QString::fromUtf8(run->err).trimmed());
        const QByteArray expected = QCryptographicHash::hash(options.stdinData, QCryptographicHash::Sha256).toHex();
        if (run->out.trimmed() != expected)
            return makeError(Error::Code::Corrupt,
                tr("The copy of %1 on host %2 does not match what was sent (SHA-256 %3, expected %4)")
                    .arg(target, host.name, QString::fromLatin1(run->out.trimmed()), QString::fromLatin1(expected)));
    }
    auto version = transport.run(command(host, { QStringLiteral("version") }), RunOptions {});
    if (!version)
        return version.error();
    if (version->exitStatus != 0)
        return makeError(Error::Code::RemoteCommandFailed,
            tr("The host tool on host %1 was installed but does not run (exit code %2)")
                .arg(host.name)
                .arg(version->exitStatus),
            QString::fromUtf8(version->err).trimmed());
    return QString::fromUtf8(version->out).trimmed();
}

} // namespace dr
