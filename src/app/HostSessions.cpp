#include "app/HostSessions.h"

#include "app/BackupHistoryModel.h"

#include "catalog/HostSync.h"
#include "core/HostTool.h"
#include "remote/JobRunner.h"
#include "verify/WorkstationVerifier.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
        ConnectOptions cancellable = options;
        cancellable.cancel = &cancelRequested; // this worker outlives its transport
        m_transport = makeTransport(host, cancellable);
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
    cancelRequested = false;
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
    finishWithBackups(host, outcome, QStringLiteral("sync"));
}

void HostWorker::installTool(const HostProfile& host, const ConnectOptions& options)
{
    cancelRequested = false;
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

void HostWorker::verifyOnHost(
    const HostProfile& host, const ConnectOptions& options, const QStringList& files, bool deep)
{
    cancelRequested = false;
    HostOutcome outcome;
    outcome.host = host.name;
    ConnectOptions cancellable = options;
    cancellable.cancel = &cancelRequested;
    JobRunner runner(host, [this, host, cancellable] {
        auto transport = makeTransport(host, cancellable);
        if (transport)
            transport->setLogSink([this](LogKind kind, const QString& text) { emit logLine(m_hostName, kind, text); });
        return transport;
    });
    // "Verify latest" is chosen from the catalog, after a sync (newestBackupsAfterSync), not by the host tool.
    QStringList chosen = files;
    if (chosen.isEmpty()) {
        Transport* transport = transportFor(host, options);
        const auto newest = transport ? newestBackupsAfterSync(*m_catalog, host, *transport, &cancelRequested)
                                      : Result<QList<BackupRecord>>(makeError(Error::Code::InvalidInput,
                                          tr("Host %1 cannot be reached by this build").arg(host.name)));
        if (newest) {
            for (const BackupRecord& record : *newest)
                chosen.append(record.path);
        } else {
            outcome.error = newest.error();
            if (outcome.error.code != Error::Code::Cancelled && outcome.error.code != Error::Code::NotFound)
                m_transport.reset(); // reconnect from scratch next time
            emit logLine(host.name, LogKind::Error, outcome.error.fullText());
            finishWithBackups(host, outcome, QStringLiteral("verify"));
            return;
        }
        emit logLine(host.name, LogKind::Info,
            tr("Verifying the newest backup of each component: %1").arg(chosen.join(QStringLiteral(", "))));
    }
    // The whole command goes to the host as one shell line, which Linux limits to 128 KiB: long lists of files
    // ("not proven in N days" after an upgrade) are verified in several jobs, one after the other.
    constexpr qsizetype batchBytes = 48 * 1024;
    QList<QStringList> batches;
    qsizetype batchSize = 0;
    for (const QString& file : std::as_const(chosen)) {
        if (batches.isEmpty() || batchSize + file.size() + 1 > batchBytes) { // quoting may double it: still fits
            batches.append(QStringList());
            batchSize = 0;
        }
        batches.last().append(file);
        batchSize += file.size() + 1;
    }
    int passed = 0;
    int failed = 0;
    int errors = 0;
    bool anyRan = false;
    struct
    {
        QString id;
        bool wasRunning = false;
    } cancelledJob; // a job the user's Cancel stopped on the host
    for (qsizetype number = 0; number < batches.size(); ++number) {
        QStringList arguments { QStringLiteral("verify"), QStringLiteral("--json") };
        if (deep)
            arguments.append(QStringLiteral("--deep"));
        arguments.append(QStringLiteral("--"));
        arguments.append(batches[number]);
        const auto id = runner.start(arguments);
        if (!id) {
            outcome.error = id.error();
            emit logLine(host.name, LogKind::Error, id.error().fullText());
            break;
        }
        emit logLine(host.name, LogKind::Info,
            tr("Verification job %1 started on %2 (part %3 of %4)")
                .arg(*id, host.name)
                .arg(number + 1)
                .arg(batches.size()));
        // The job's log, line by line as it grows; the JSON result is its last stdout line.
        QByteArray pending;
        QByteArray lastJson;
        const auto status = runner.follow(
            *id, 0,
            [&](QByteArrayView chunk) {
                pending.append(chunk);
                qsizetype newline;
                while ((newline = pending.indexOf('\n')) >= 0) {
                    const QByteArray line = pending.left(newline);
                    pending.remove(0, newline + 1);
                    if (line.startsWith('[') || line.startsWith('{'))
                        lastJson = line;
                    emit logLine(host.name, LogKind::Stdout, QString::fromUtf8(line));
                }
            },
            &cancelRequested);
        if (!status) {
            outcome.error = status.error();
            if (status.error().code == Error::Code::Cancelled) {
                // Verifying only reads: the job is stopped on the host too, and what it verified before is synced.
                // That Cancel is used up here: stopping and syncing may need a new connection, which a raised
                // flag would refuse. A second Cancel interrupts them.
                cancelRequested = false;
                const auto stopped = runner.cancel(*id);
                if (!stopped)
                    outcome.error = makeError(Error::Code::Cancelled,
                        tr("Host %1 could not stop verification job %2: it goes on there and its results arrive "
                           "with the next sync")
                            .arg(host.name, *id),
                        stopped.error().fullText());
                else
                    cancelledJob = { *id, *stopped };
                anyRan = anyRan || stopped.ok();
            }
            if (cancelledJob.id.isEmpty())
                emit logLine(host.name, LogKind::Error, outcome.error.fullText());
            break;
        }
        anyRan = true;
        (void)m_catalog->audit(QStringLiteral("verify"), host.name,
            tr("on the host, job %1: %n backup(s)", nullptr, int(batches[number].size())).arg(*id),
            status->exitCode == 0 ? QStringLiteral("passed") : QStringLiteral("exit %1").arg(status->exitCode));
        const QJsonDocument document = QJsonDocument::fromJson(lastJson);
        if (status->exitCode > 1 || document.isNull()) {
            outcome.error = makeError(Error::Code::RemoteCommandFailed,
                tr("Verification job %1 on host %2 ended with exit code %3 without results; see the log")
                    .arg(*id, host.name)
                    .arg(status->exitCode));
            break;
        }
        const QJsonArray results = document.isArray() ? document.array() : QJsonArray { document.object() };
        for (const auto& value : results) {
            const QString result = value.toObject().value(QStringLiteral("result")).toString();
            passed += result == QLatin1String("passed") ? 1 : 0;
            failed += result == QLatin1String("failed") ? 1 : 0;
            errors += result == QLatin1String("error") ? 1 : 0;
        }
    }
    // The verify events are in the host's catalog.jsonl now: bring them over.
    // The kept connection may be the one that was cut while following the job: a failed sync is tried once more
    // on a new one before the results are said to be waiting on the host.
    bool synced = false;
    Error syncError;
    for (int attempt = 0; anyRan && !synced && attempt < 2; ++attempt) {
        if (attempt > 0)
            m_transport.reset();
        Transport* transport = transportFor(host, options);
        if (!transport)
            break;
        const auto sync = syncHost(*m_catalog, host, *transport);
        synced = sync.ok();
        if (!synced)
            syncError = sync.error();
    }
    if (anyRan && !synced) {
        m_transport.reset(); // reconnect from scratch next time
        emit logLine(host.name, LogKind::Error, syncError.fullText());
        if (cancelledJob.id.isEmpty() && outcome.error.message.isEmpty())
            outcome.error = makeError(syncError.code,
                tr("The verification ended on host %1, but its results could not be brought over: they arrive with "
                   "the next sync")
                    .arg(host.name),
                syncError.fullText());
    }
    if (!cancelledJob.id.isEmpty()) {
        if (!synced)
            outcome.error.message
                = tr("Stopped verification job %1 on host %2; what it verified before arrives with the next sync")
                      .arg(cancelledJob.id, host.name);
        else if (cancelledJob.wasRunning)
            outcome.error.message = tr("Cancelled verification job %1 on host %2; the backups it verified before it "
                                       "stopped are in the catalog")
                                        .arg(cancelledJob.id, host.name);
        else
            outcome.error.message
                = tr("Verification job %1 on host %2 had already ended; its results are in the catalog")
                      .arg(cancelledJob.id, host.name);
        emit logLine(host.name, LogKind::Error, outcome.error.fullText());
    }
    if (outcome.error.message.isEmpty()) {
        outcome.ok = true;
        outcome.summary = tr("verified on the host: %1 passed, %2 failed, %3 could not be verified")
                              .arg(passed)
                              .arg(failed)
                              .arg(errors);
    }
    finishWithBackups(host, outcome, QStringLiteral("verify"));
}

void HostWorker::verifyOnWorkstation(const HostProfile& host, const ConnectOptions& options,
    const QList<BackupRecord>& backups, const QByteArray& key, bool deep)
{
    cancelRequested = false;
    HostOutcome outcome;
    outcome.host = host.name;
    Transport* transport = transportFor(host, options);
    // Connect first: a host key to accept or a passphrase to type is asked before any file is fetched.
    if (transport) {
        if (auto opened = transport->open(); !opened) {
            outcome.error = opened.error();
            m_transport.reset();
            emit logLine(host.name, LogKind::Error, opened.error().fullText());
            emit finished(outcome, QStringLiteral("verify"));
            return;
        }
    }
    int passed = 0;
    int failed = 0;
    int errors = 0;
    QStringList rejectedBy; ///< encrypted backups the key did not open
    bool keyOpenedOne = false;
    for (int number = 0; transport && number < backups.size(); ++number) {
        if (cancelRequested)
            break;
        const BackupRecord& backup = backups[number];
        WorkstationVerifyRequest request;
        request.host = host;
        request.backup = backup;
        request.key = key;
        request.deep = deep;
        request.cancel = &cancelRequested;
        QElapsedTimer sinceEmit;
        sinceEmit.start();
        QElapsedTimer stageTimer;
        stageTimer.start();
        QString currentStage;
        qint64 stageStart = 0;
        request.progress = [&](const QString& stage, qint64 done, qint64 total) {
            if (stage != currentStage) {
                currentStage = stage;
                stageTimer.restart();
                stageStart = done;
            }
            if (sinceEmit.elapsed() < 100 && done != total)
                return; // the GUI needs ten updates a second, not one per megabyte
            sinceEmit.restart();
            const double seconds = std::max<qint64>(1, stageTimer.elapsed()) / 1000.0;
            emit verifyProgress(host.name, backup.fileName(), number + 1, int(backups.size()), stage, done, total,
                double(done - stageStart) / seconds);
        };
        emit logLine(host.name, LogKind::Info,
            tr("Verifying %1 on this workstation (%2 of %3)").arg(backup.path).arg(number + 1).arg(backups.size()));
        const VerificationEntry entry = WorkstationVerifier::verify(*transport, request);
        if (entry.state == VerifyState::Error && cancelRequested) {
            emit logLine(host.name, LogKind::Info, tr("Verification of %1 cancelled").arg(backup.path));
            break; // not a verdict: nothing recorded
        }
        if (auto recorded = m_catalog->recordVerification(host.id, entry); !recorded)
            emit logLine(host.name, LogKind::Error, recorded.error().fullText());
        // A key that opened one backup is the host's key: another it does not open may use another key.
        if (entry.keyRejected)
            rejectedBy.append(backup.path);
        else if (!key.isEmpty() && backup.needsKey() && entry.state != VerifyState::Error)
            keyOpenedOne = true;
        passed += entry.state == VerifyState::Passed ? 1 : 0;
        failed += entry.state == VerifyState::Failed ? 1 : 0;
        errors += entry.state == VerifyState::Error ? 1 : 0;
        const QString verdict = entry.state == VerifyState::Passed
            ? tr("%1: %2 (%3, level %4, %5 ms%6)")
                  .arg(BackupHistoryModel::verifyText(entry.state), backup.path, entry.method,
                      Proof::levelText(entry.level))
                  .arg(entry.durationMs)
                  .arg(entry.details.isEmpty() ? QString() : QStringLiteral("; ") + entry.details)
            : tr("%1: %2: %3").arg(BackupHistoryModel::verifyText(entry.state), backup.path, entry.reason);
        emit logLine(host.name, entry.state == VerifyState::Passed ? LogKind::Info : LogKind::Error, verdict);
        (void)m_catalog->audit(QStringLiteral("verify"), host.name, tr("on the workstation: %1").arg(backup.path),
            verifyStateId(entry.state));
    }
    if (!rejectedBy.isEmpty() && !keyOpenedOne)
        emit backupKeyRejected(host.name);
    else if (!rejectedBy.isEmpty())
        emit logLine(host.name, LogKind::Error,
            tr("The backup key for %1 opened other backups but not %2: kept; those may be encrypted with another key")
                .arg(host.name, rejectedBy.join(QStringLiteral(", "))));
    if (!transport) {
        outcome.error
            = makeError(Error::Code::InvalidInput, tr("Host %1 cannot be reached by this build").arg(host.name));
    } else if (cancelRequested) {
        outcome.error = makeError(Error::Code::Cancelled,
            tr("Verification on this workstation cancelled after %1 of %2 backups; a partial download is kept and "
               "continues next time")
                .arg(passed + failed + errors)
                .arg(backups.size()));
    } else {
        outcome.ok = true;
        outcome.summary = tr("verified on this workstation: %1 passed, %2 failed, %3 could not be verified")
                              .arg(passed)
                              .arg(failed)
                              .arg(errors);
    }
    finishWithBackups(host, outcome, QStringLiteral("verify"));
}

void HostWorker::finishWithBackups(const HostProfile& host, HostOutcome& outcome, const QString& operation)
{
    // Read here, on the worker, so the GUI thread runs no query for them.
    if (auto records = m_catalog->backups(host.id))
        emit backupsLoaded(host.id, *records);
    if (auto state = m_catalog->hostState(host.id))
        outcome.state = *state;
    emit finished(outcome, operation);
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
    connect(hostWorker, &HostWorker::verifyProgress, this, &HostSessions::verifyProgress);
    connect(hostWorker, &HostWorker::backupKeyRejected, this, [this](const QString& host) {
        if (m_backupKeys.remove(host) > 0)
            emit backupKeyRejected(host);
    });
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
    start(host, QStringLiteral("connect"),
        [host](HostWorker* worker, const ConnectOptions& options) { worker->connectHost(host, options); });
}

void HostSessions::sync(const HostProfile& host)
{
    start(host, QStringLiteral("sync"),
        [host](HostWorker* worker, const ConnectOptions& options) { worker->sync(host, options); });
}

void HostSessions::installTool(const HostProfile& host)
{
    start(host, QStringLiteral("install-tool"),
        [host](HostWorker* worker, const ConnectOptions& options) { worker->installTool(host, options); });
}

void HostSessions::verifyOnHost(const HostProfile& host, const QStringList& files, bool deep)
{
    start(host, QStringLiteral("verify"), [host, files, deep](HostWorker* worker, const ConnectOptions& options) {
        worker->verifyOnHost(host, options, files, deep);
    });
}

void HostSessions::verifyOnWorkstation(const HostProfile& host, const QList<BackupRecord>& backups, bool deep)
{
    const QByteArray key = m_backupKeys.value(host.name);
    start(
        host, QStringLiteral("verify"), [host, backups, key, deep](HostWorker* worker, const ConnectOptions& options) {
            worker->verifyOnWorkstation(host, options, backups, key, deep);
        });
}

void HostSessions::start(const HostProfile& host, const QString& operation,
    const std::function<void(HostWorker*, const ConnectOptions&)>& work)
{
    // One operation per host at a time: the host's worker thread runs them in order anyway.
    if (m_busy.value(host.name))
        return;
    m_busy[host.name] = true;
    emit started(host.name, operation);
    HostWorker* target = worker(host.name);
    const ConnectOptions options = optionsFor(host.name);
    QMetaObject::invokeMethod(
        target, [target, work, options] { work(target, options); }, Qt::QueuedConnection);
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
    m_backupKeys.remove(hostName);
}

} // namespace dr
