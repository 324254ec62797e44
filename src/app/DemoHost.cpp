#include "app/DemoHost.h"

#include "core/HostTool.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace dr {

DemoHost::DemoHost(Catalog* catalog, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // A group of its own, so a cancel reaches the lanes the script starts in the background too.
    m_process.setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_pending += m_process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_pending.left(newline)).trimmed();
            m_pending.remove(0, newline + 1);
            emit logLine(line);
            if (line.startsWith(QLatin1String("demo:")))
                emit progress(tr("Building the demo host: %1").arg(line.mid(5).trimmed()));
            static const QRegularExpression dayLine(QStringLiteral("^demo: day (\\d+)/(\\d+)$"));
            if (const auto match = dayLine.match(line); match.hasMatch())
                emit progressValue(match.captured(1).toInt(), match.captured(2).toInt());
        }
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        if (m_cancelled) {
            emit failed(
                tr("Building the demo host in %1 was cancelled; it is rebuilt from scratch next time.").arg(m_folder));
            return;
        }
        if (status != QProcess::NormalExit || exitCode != 0) {
            const QString why = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
            emit failed(tr("Building the demo host in %1 failed (exit code %2): %3")
                            .arg(m_folder)
                            .arg(exitCode)
                            .arg(why.right(600)));
            return;
        }
        // Only a build that ran to its end counts: a cancelled one leaves a half history behind.
        QFile marker(completeMarker());
        if (!marker.open(QIODevice::WriteOnly)) {
            emit failed(tr("Cannot write %1: %2").arg(marker.fileName(), marker.errorString()));
            return;
        }
        finish();
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(tr("Cannot run the demo builder: %1").arg(m_process.errorString()));
    });
}

DemoHost::~DemoHost()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_cancelled = true;
        signalBuilder(SIGKILL);
        m_process.waitForFinished(3000); // at exit only: the builder must not outlive the console
    }
}

void DemoHost::signalBuilder(int signal)
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(-pid_t(pid), signal);
}

void DemoHost::cancel()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_cancelled = true;
    signalBuilder(SIGTERM); // the script's EXIT trap removes its scratch folder
    // Whatever ignores SIGTERM is killed a little later; finished() reports the cancel either way.
    QTimer::singleShot(3000, this, [this] {
        if (m_cancelled && m_process.state() != QProcess::NotRunning)
            signalBuilder(SIGKILL);
    });
}

QString DemoHost::completeMarker() const
{
    return m_folder + QStringLiteral("/.drconsole-demo-complete");
}

void DemoHost::open(const QString& folder)
{
    if (isRunning())
        return;
    m_folder = folder;
    m_cancelled = false;
    if (QFileInfo::exists(completeMarker())) {
        finish();
        return;
    }
    const QString script = HostTool::scriptsDir() + QStringLiteral("/make-demo-host.sh");
    if (!QFileInfo::exists(script)) {
        emit failed(
            tr("The demo builder %1 is missing: the host tool was not installed with the console.").arg(script));
        return;
    }
    QDir().mkpath(folder);
    QFile::remove(completeMarker());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BACKUP_DIR"), QStringLiteral("backups"));
    m_process.setProcessEnvironment(environment);
    m_process.setWorkingDirectory(folder);
    m_pending.clear();
    emit progress(tr("Building the demo host in %1…").arg(folder));
    m_process.start(QStringLiteral("bash"), { script, QStringLiteral("--force"), folder, QString::number(m_days) });
}

void DemoHost::finish()
{
    auto existing = m_catalog->host(QLatin1String(hostName));
    if (existing) {
        emit ready(*existing);
        return;
    }
    HostProfile host;
    host.name = QLatin1String(hostName);
    host.transport = HostProfile::Transport::Local;
    host.baseDir = m_folder;
    host.backupDirs = { QStringLiteral("backups/database"), QStringLiteral("backups/application"),
        QStringLiteral("backups/system") };
    host.toolPath = HostTool::scriptsDir() + QStringLiteral("/backup-system.sh");
    host.stopCommand = QStringLiteral("true");
    host.startCommand = QStringLiteral("true");
    auto added = m_catalog->addHost(host);
    (void)m_catalog->audit(
        QStringLiteral("demo"), host.name, m_folder, added ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!added) {
        emit failed(added.error().fullText());
        return;
    }
    host.id = *added;
    emit ready(host);
}

} // namespace dr
