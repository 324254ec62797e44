#include "app/HostSessions.h"

#include "catalog/HostSync.h"
#include "core/HostTool.h"

#include <QtConcurrent>

namespace dr {

HostWorker::HostWorker(Catalog* catalog, QString hostName)
    : m_catalog(catalog)
    , m_hostName(std::move(hostName))
{ }

Transport* HostWorker::transportFor(const HostProfile& host, const ConnectOptions& options)
{
    // A new connection when anything that decides how to connect changed.
    const QString key = QStringList { host.address, QString::number(host.port), host.user,
        HostProfile::authId(host.auth), host.keyFile, host.baseDir, options.acceptHostKeyFingerprint,
        QString::number(qHash(options.password)), QString::number(qHash(options.passphrase)) }
                            .join(QChar(0));
    if (!m_transport || key != m_transportKey) {
        m_transport = makeTransport(host, options);
        m_transportKey = key;
        if (m_transport) {
            m_transport->setLogSink(
                [this](LogKind kind, const QString& text) { emit logLine(m_hostName, kind, text); });
        }
    }
    return m_transport.get();
}

void HostWorker::connectHost(const HostProfile& host, const ConnectOptions& options)
{
    HostOutcome outcome;
    outcome.host = host.name;
    Transport* transport = transportFor(host, options);
    const Result<void> opened = transport ? transport->open()
                                          : Result<void>(makeError(Error::Code::InvalidInput,
                                              tr("Host %1 cannot be reached by this build").arg(host.name)));
    (void)m_catalog->audit(QStringLiteral("connect"), host.name,
        opened ? transport->describe() : opened.error().fullText(),
        opened ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (opened) {
        outcome.ok = true;
        outcome.summary = tr("connected to %1").arg(transport->describe());
        emit logLine(host.name, LogKind::Info, tr("Connected to %1").arg(transport->describe()));
    } else {
        outcome.error = opened.error();
        m_transport.reset();
        (void)m_catalog->recordHostError(host.id, opened.error().fullText());
        emit logLine(host.name, LogKind::Error, opened.error().fullText());
    }
    if (auto state = m_catalog->hostState(host.id))
        outcome.state = *state;
    emit finished(outcome, QStringLiteral("connect"));
}

void HostWorker::sync(const HostProfile& host, const ConnectOptions& options)
{
    cancelRequested = false;
    HostOutcome outcome;
    outcome.host = host.name;
    Transport* transport = transportFor(host, options);
    if (!transport) {
        outcome.error
            = makeError(Error::Code::InvalidInput, tr("Host %1 cannot be reached by this build").arg(host.name));
        emit finished(outcome, QStringLiteral("sync"));
        return;
    }
    const auto result = syncHost(*m_catalog, host, *transport, &cancelRequested);
    if (!result) {
        outcome.error = result.error();
        if (result.error().code != Error::Code::Cancelled)
            m_transport.reset(); // reconnect from scratch next time
        emit logLine(host.name, LogKind::Error, result.error().fullText());
    } else {
        outcome.ok = true;
        outcome.summary = tr("%1 new, %2 changed, %3 gone, %4 new catalog events%5")
                              .arg(result->added)
                              .arg(result->updated)
                              .arg(result->removed)
                              .arg(result->newEvents)
                              .arg(result->unchangedListing ? tr(" (folders unchanged)") : QString());
        for (const QString& problem : result->problems)
            emit logLine(host.name, LogKind::Stderr, problem);
        emit logLine(host.name, LogKind::Info, tr("Synced: %1").arg(outcome.summary));
    }
    if (auto records = m_catalog->backups(host.id))
        emit backupsLoaded(host.id, *records);
    if (auto state = m_catalog->hostState(host.id))
        outcome.state = *state;
    emit finished(outcome, QStringLiteral("sync"));
}

void HostWorker::installTool(const HostProfile& host, const ConnectOptions& options)
{
    HostOutcome outcome;
    outcome.host = host.name;
    Transport* transport = transportFor(host, options);
    const auto installed = transport
        ? HostTool::install(host, *transport)
        : Result<QString>(makeError(Error::Code::InvalidInput, tr("Host %1 cannot be reached").arg(host.name)));
    (void)m_catalog->audit(QStringLiteral("install-tool"), host.name,
        installed ? *installed : installed.error().fullText(),
        installed ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (installed) {
        outcome.ok = true;
        outcome.summary = tr("now runs %1").arg(*installed);
    } else {
        outcome.error = installed.error();
    }
    emit finished(outcome, QStringLiteral("install-tool"));
}

HostSessions::HostSessions(Catalog* catalog, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
{
    qRegisterMetaType<dr::HostOutcome>();
    qRegisterMetaType<dr::LogKind>();
    qRegisterMetaType<QList<dr::BackupRecord>>();
    baseOptions.appKnownHostsFile = defaultAppKnownHostsFile();
    baseOptions.userKnownHostsFile = defaultUserKnownHostsFile();
}

HostSessions::~HostSessions()
{
    for (const Session& session : std::as_const(m_sessions)) {
        session.worker->cancelRequested = true;
        session.thread->quit();
    }
    for (const Session& session : std::as_const(m_sessions)) {
        session.thread->wait();
        delete session.worker;
        delete session.thread;
    }
}

HostWorker* HostSessions::worker(const QString& hostName)
{
    auto found = m_sessions.find(hostName);
    if (found != m_sessions.end())
        return found->worker;
    auto* thread = new QThread;
    thread->setObjectName(QStringLiteral("host:") + hostName);
    auto* hostWorker = new HostWorker(m_catalog, hostName);
    hostWorker->moveToThread(thread);
    connect(hostWorker, &HostWorker::logLine, this, &HostSessions::logLine);
    connect(hostWorker, &HostWorker::backupsLoaded, this, &HostSessions::backupsLoaded);
    connect(hostWorker, &HostWorker::finished, this, [this](const HostOutcome& outcome, const QString& operation) {
        m_busy[outcome.host] = false;
        emit finished(outcome, operation);
    });
    thread->start();
    m_sessions.insert(hostName, { thread, hostWorker });
    return hostWorker;
}

ConnectOptions HostSessions::optionsFor(const QString& hostName) const
{
    ConnectOptions options = baseOptions;
    options.password = m_passwords.value(hostName);
    options.passphrase = m_passphrases.value(hostName);
    options.acceptHostKeyFingerprint = m_acceptedKeys.value(hostName);
    return options;
}

void HostSessions::connectHost(const HostProfile& host)
{
    start(host, QStringLiteral("connect"), &HostWorker::connectHost);
}

void HostSessions::sync(const HostProfile& host)
{
    start(host, QStringLiteral("sync"), &HostWorker::sync);
}

void HostSessions::installTool(const HostProfile& host)
{
    start(host, QStringLiteral("install-tool"), &HostWorker::installTool);
}

void HostSessions::start(const HostProfile& host, const QString& operation,
    void (HostWorker::*work)(const HostProfile&, const ConnectOptions&))
{
    // One operation per host at a time: the host's worker thread runs them in order anyway.
    if (m_busy.value(host.name))
        return;
    m_busy[host.name] = true;
    emit started(host.name, operation);
    HostWorker* target = worker(host.name);
    const ConnectOptions options = optionsFor(host.name);
    QMetaObject::invokeMethod(
        target, [target, work, host, options] { (target->*work)(host, options); }, Qt::QueuedConnection);
}

void HostSessions::cancel(const QString& hostName)
{
    if (auto found = m_sessions.find(hostName); found != m_sessions.end())
        found->worker->cancelRequested = true;
}

void HostSessions::loadBackups(qint64 hostId)
{
    Catalog* catalog = m_catalog;
    auto* watcher = new QFutureWatcher<QList<BackupRecord>>(this);
    connect(watcher, &QFutureWatcher<QList<BackupRecord>>::finished, this, [this, watcher, hostId] {
        emit backupsLoaded(hostId, watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([catalog, hostId] {
        auto records = catalog->backups(hostId);
        return records ? *records : QList<BackupRecord>();
    }));
}

void HostSessions::loadHosts()
{
    Catalog* catalog = m_catalog;
    const quint64 request = ++m_hostsRequest;
    auto* watcher = new QFutureWatcher<HostList>(this);
    connect(watcher, &QFutureWatcher<HostList>::finished, this, [this, watcher, request] {
        if (request == m_hostsRequest) // an older answer may hold a host removed since
            emit hostsLoaded(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([catalog] {
        HostList list;
        auto hosts = catalog->hosts();
        if (!hosts) {
            list.error = hosts.error().fullText();
            return list;
        }
        list.hosts = *hosts;
        for (const HostProfile& host : std::as_const(list.hosts)) {
            if (auto state = catalog->hostState(host.id))
                list.states.insert(host.id, *state);
        }
        return list;
    }));
}

void HostSessions::forgetHost(const QString& hostName)
{
    m_passwords.remove(hostName);
    m_passphrases.remove(hostName);
    m_acceptedKeys.remove(hostName);
}

} // namespace dr
