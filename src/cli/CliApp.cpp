#include "cli/CliApp.h"

#include "catalog/Catalog.h"
#include "catalog/FleetCompliance.h"
#include "catalog/HostSync.h"
#include "core/Compliance.h"
#include "core/HostTool.h"
#include "core/Proof.h"
#include "remote/ConnectOptions.h"
#include "verify/BackupVerifier.h"
#include "verify/WorkstationVerifier.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVersionNumber>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <functional>
#include <termios.h>
#include <unistd.h>

namespace dr {

namespace {

// A field of the tab-separated output: a tab, newline or backslash in a file name would split or shift the columns
// a script reads, so they are written as \t, \n, \r and \\ (the JSON output has the names as they are).
QString tsvField(QString text)
{
    return text.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'\t', QStringLiteral("\\t"))
        .replace(u'\n', QStringLiteral("\\n"))
        .replace(u'\r', QStringLiteral("\\r"));
}

// A message on stderr stays one line, and a file name cannot send the terminal escape sequences: control
// characters are written as \n, \t, \r or \xNN.
QString oneLine(const QString& text)
{
    QString line;
    line.reserve(text.size());
    for (const QChar c : text) {
        const char16_t code = c.unicode();
        if (code == u'\n')
            line += QStringLiteral("\\n");
        else if (code == u'\t')
            line += QStringLiteral("\\t");
        else if (code == u'\r')
            line += QStringLiteral("\\r");
        else if (code < 0x20 || code == 0x7f || (code >= 0x80 && code < 0xa0))
            line += QStringLiteral("\\x%1").arg(int(code), 2, 16, QLatin1Char('0'));
        else
            line += c;
    }
    return line;
}

// Ctrl-C or SIGTERM during a verification cancels the work in hand, so that it cleans up after itself (the
// download, the decoded copy, the throwaway database and its restore client); a second signal ends the program.
// Both lock-free atomics: all a signal handler may touch.
std::atomic_int interruptedBy { 0 };
std::atomic_bool cancelRequested { false };
static_assert(std::atomic_int::is_always_lock_free && std::atomic_bool::is_always_lock_free);

extern "C" void cancelOnSignal(int signalNumber)
{
    int none = 0;
    if (!interruptedBy.compare_exchange_strong(none, signalNumber)) {
        std::signal(signalNumber, SIG_DFL);
        std::raise(signalNumber);
        return;
    }
    cancelRequested = true;
}

// Installs cancelOnSignal for SIGINT and SIGTERM while it lives.
class CancelOnSignals
{
public:
    CancelOnSignals()
    {
        struct sigaction action = {};
        action.sa_handler = cancelOnSignal;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previousInt);
        sigaction(SIGTERM, &action, &m_previousTerm);
    }
    ~CancelOnSignals()
    {
        sigaction(SIGINT, &m_previousInt, nullptr);
        sigaction(SIGTERM, &m_previousTerm, nullptr);
    }
    Q_DISABLE_COPY_MOVE(CancelOnSignals)

private:
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
};

// Reads a secret from the terminal without echo; empty when stdin is not a terminal (scripts, CI).
QString askSecret(const QString& prompt)
{
    if (!isatty(STDIN_FILENO))
        return {};
    QTextStream(stderr) << prompt << Qt::flush;
    termios saved {};
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    QTextStream in(stdin);
    const QString secret = in.readLine();
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    QTextStream(stderr) << '\n';
    return secret;
}

bool parseOrReport(QCommandLineParser& parser, const QStringList& arguments, QString* problem)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        *problem = parser.errorText();
        return false;
    }
    return true;
}

} // namespace

CliApp::CliApp()
    : m_out(stdout)
    , m_err(stderr)
{ }

int CliApp::usage(const QString& problem)
{
    QTextStream& stream = problem.isEmpty() ? m_out : m_err;
    if (!problem.isEmpty())
        stream << tr("drconsole-cli: %1").arg(problem) << "\n\n";
    stream << tr("Usage: drconsole-cli [--catalog PATH] [--known-hosts FILE] COMMAND [ARGS]\n"
                 "\n"
                 "Commands:\n"
                 "  host add NAME --address ADDR [--port N] --user USER [--key FILE | --password-auth]\n"
                 "                [--base-dir DIR] [--backup-dir DIR]... [--tool-path PATH] [--verify-interval DAYS]\n"
                 "  host add NAME --local DIR [--backup-dir DIR]...\n"
                 "  host list [--json]\n"
                 "  host remove NAME\n"
                 "  host install-tool NAME [--accept-new-host-key]\n"
                 "  sync NAME [--accept-new-host-key]\n"
                 "  list NAME [--json]\n"
                 "  compliance [NAME] [--window 30d|12h|START..END] [--json]\n"
                 "  verify NAME latest|FILE [--local] [--deep [--scratch-server CONNINFO]] [--key-file FILE] [--json]\n"
                 "         [--accept-new-host-key]\n"
                 "\n"
                 "Defaults: the catalog and known_hosts in the user's data folder; DRCONSOLE_CATALOG and\n"
                 "DRCONSOLE_KNOWN_HOSTS do the same as the options. A key's passphrase or a password is asked\n"
                 "on the terminal, or taken from DRCONSOLE_KEY_PASSPHRASE / DRCONSOLE_SSH_PASSWORD; never stored.\n"
                 "Exit codes: 0 success, 1 findings (compliance: a host is non-compliant), 2 error (the reason\n"
                 "on stderr).\n");
    stream.flush();
    return problem.isEmpty() ? Success : Failure;
}

int CliApp::fail(const Error& error)
{
    return fail(error.fullText());
}

int CliApp::fail(const QString& message)
{
    complain(tr("drconsole-cli: %1").arg(message));
    return Failure;
}

void CliApp::complain(const QString& message)
{
    m_err << oneLine(message) << '\n';
    m_err.flush();
}

int CliApp::run(const QStringList& arguments)
{
    QStringList rest = arguments;
    m_catalogPath = Catalog::defaultPath();
    m_knownHostsPath = defaultAppKnownHostsFile();
    // Global options come before the command.
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1String("--"))) {
        const QString option = rest.takeFirst();
        if (option == QLatin1String("--help"))
            return usage();
        if (option == QLatin1String("--version")) {
            m_out << "drconsole-cli " << QCoreApplication::applicationVersion() << '\n';
            return Success;
        }
        if (option != QLatin1String("--catalog") && option != QLatin1String("--known-hosts"))
            return usage(tr("unknown option %1").arg(option));
        if (rest.isEmpty())
            return usage(tr("%1 needs a value").arg(option));
        (option == QLatin1String("--catalog") ? m_catalogPath : m_knownHostsPath) = rest.takeFirst();
    }
    if (rest.isEmpty())
        return usage(tr("no command given"));

    Catalog catalog(m_catalogPath);
    if (auto opened = catalog.open(); !opened)
        return fail(opened.error());
    m_catalog = &catalog;

    const QString command = rest.takeFirst();
    if (command == QLatin1String("host"))
        return hostCommand(rest);
    if (command == QLatin1String("sync"))
        return syncCommand(rest);
    if (command == QLatin1String("list"))
        return listCommand(rest);
    if (command == QLatin1String("verify"))
        return verifyCommand(rest);
    if (command == QLatin1String("compliance"))
        return complianceCommand(rest);
    if (command == QLatin1String("help"))
        return usage();
    return usage(tr("unknown command \"%1\"").arg(command));
}

int CliApp::hostCommand(QStringList arguments)
{
    if (arguments.isEmpty())
        return usage(tr("host needs add, list or remove"));
    const QString action = arguments.takeFirst();
    if (action == QLatin1String("add"))
        return hostAdd(arguments);
    if (action == QLatin1String("list"))
        return hostList(arguments);
    if (action == QLatin1String("remove"))
        return hostRemove(arguments);
    if (action == QLatin1String("install-tool"))
        return hostInstallTool(arguments);
    return usage(tr("unknown host command \"%1\"").arg(action));
}

int CliApp::hostAdd(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption address(QStringLiteral("address"), tr("Host name or IP."), QStringLiteral("ADDR"));
    const QCommandLineOption port(QStringLiteral("port"), tr("SSH port."), QStringLiteral("N"), QStringLiteral("22"));
    const QCommandLineOption user(QStringLiteral("user"), tr("Login."), QStringLiteral("USER"));
    const QCommandLineOption key(QStringLiteral("key"), tr("Private key file."), QStringLiteral("FILE"));
    const QCommandLineOption passwordAuth(QStringLiteral("password-auth"), tr("Authenticate with a password."));
    const QCommandLineOption local(
        QStringLiteral("local"), tr("A local folder instead of SSH."), QStringLiteral("DIR"));
    const QCommandLineOption baseDir(
        QStringLiteral("base-dir"), tr("Project folder on the host."), QStringLiteral("DIR"));
    const QCommandLineOption backupDir(
        QStringLiteral("backup-dir"), tr("Folder holding backups."), QStringLiteral("DIR"));
    const QCommandLineOption toolPath(QStringLiteral("tool-path"), tr("Host tool path."), QStringLiteral("PATH"));
    const QCommandLineOption verifyInterval(QStringLiteral("verify-interval"),
        tr("Days after which a backup's proof turns stale (default 7)."), QStringLiteral("DAYS"));
    parser.addOptions({ address, port, user, key, passwordAuth, local, baseDir, backupDir, toolPath, verifyInterval });
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("Host name in the console."));
    QString problem;
    if (!parseOrReport(parser, QStringList { QStringLiteral("host-add") } + arguments, &problem))
        return usage(problem);
    if (parser.positionalArguments().size() != 1)
        return usage(tr("host add needs exactly one NAME"));

    HostProfile host;
    host.name = parser.positionalArguments().first();
    if (parser.isSet(local)) {
        host.transport = HostProfile::Transport::Local;
        host.baseDir = QDir(parser.value(local)).absolutePath();
    } else {
        if (!parser.isSet(address) || !parser.isSet(user))
            return usage(tr("host add needs --address and --user (or --local DIR)"));
        host.address = parser.value(address);
        bool portOk = false;
        host.port = parser.value(port).toInt(&portOk);
        if (!portOk)
            return usage(tr("--port \"%1\" is not a number").arg(parser.value(port)));
        host.user = parser.value(user);
        host.baseDir = parser.value(baseDir);
        if (parser.isSet(key)) {
            host.auth = HostProfile::Auth::KeyFile;
            host.keyFile = QDir(parser.value(key)).absolutePath();
        } else if (parser.isSet(passwordAuth)) {
            host.auth = HostProfile::Auth::Password;
        }
    }
    if (parser.isSet(backupDir))
        host.backupDirs = parser.values(backupDir);
    if (parser.isSet(toolPath))
        host.toolPath = parser.value(toolPath);
    if (parser.isSet(verifyInterval)) {
        bool ok = false;
        host.verificationIntervalDays = parser.value(verifyInterval).toInt(&ok);
        if (!ok)
            return usage(tr("--verify-interval \"%1\" is not a number of days").arg(parser.value(verifyInterval)));
    }
    auto added = m_catalog->addHost(host);
    (void)m_catalog->audit(QStringLiteral("host-add"), host.name, host.displayAddress(),
        added ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!added)
        return fail(added.error());
    m_out << tr("Added host %1 (%2)").arg(host.name, host.displayAddress()) << '\n';
    return Success;
}

int CliApp::hostList(const QStringList& arguments)
{
    const bool json = arguments.contains(QLatin1String("--json"));
    auto hosts = m_catalog->hosts();
    if (!hosts)
        return fail(hosts.error());
    QJsonArray array;
    for (const HostProfile& host : *hosts) {
        const auto state = m_catalog->hostState(host.id);
        if (json) {
            array.append(QJsonObject {
                { QStringLiteral("name"), host.name },
                { QStringLiteral("transport"), HostProfile::transportId(host.transport) },
                { QStringLiteral("address"), host.address },
                { QStringLiteral("port"), host.port },
                { QStringLiteral("user"), host.user },
                { QStringLiteral("auth"), HostProfile::authId(host.auth) },
                { QStringLiteral("base_dir"), host.baseDir },
                { QStringLiteral("backup_dirs"), QJsonArray::fromStringList(host.backupDirs) },
                { QStringLiteral("last_sync"),
                    state && state->lastSync.isValid() ? state->lastSync.toString(Qt::ISODate) : QJsonValue() },
                { QStringLiteral("last_error"), state ? state->lastError : QString() },
                { QStringLiteral("tool_version"), state ? state->toolVersion : QString() },
                { QStringLiteral("backups"), state ? state->backupCount : 0 },
                { QStringLiteral("failed_verifications"), state ? state->failedVerifications : 0 },
                { QStringLiteral("verification_interval_days"), host.verificationIntervalDays },
            });
        } else {
            m_out << host.name << '\t' << host.displayAddress() << '\t'
                  << (state && state->lastSync.isValid() ? state->lastSync.toString(Qt::ISODate) : tr("never synced"))
                  << '\t' << tsvField(state ? state->lastError : QString()) << '\n';
        }
    }
    if (json)
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return Success;
}

int CliApp::hostRemove(const QStringList& arguments)
{
    if (arguments.size() != 1)
        return usage(tr("host remove needs exactly one NAME"));
    auto removed = m_catalog->removeHost(arguments.first());
    (void)m_catalog->audit(QStringLiteral("host-remove"), arguments.first(), {},
        removed ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!removed)
        return fail(removed.error());
    m_out << tr("Removed host %1 and its local history (the host itself is untouched)").arg(arguments.first()) << '\n';
    return Success;
}

template <typename T>
Result<T> CliApp::withTransport(
    const HostProfile& host, bool acceptNewHostKey, const std::function<Result<T>(Transport&)>& work)
{
    ConnectOptions options;
    options.appKnownHostsFile = m_knownHostsPath;
    options.userKnownHostsFile = defaultUserKnownHostsFile();
    options.acceptNewHostKey = acceptNewHostKey;
    options.passphrase = qEnvironmentVariable("DRCONSOLE_KEY_PASSPHRASE");
    options.password = qEnvironmentVariable("DRCONSOLE_SSH_PASSWORD");
    if (host.auth == HostProfile::Auth::Password && options.password.isEmpty())
        options.password = askSecret(tr("Password for %1: ").arg(host.displayAddress()));

    Result<T> result = makeError(Error::Code::Internal, {});
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto transport = makeTransport(host, options);
        if (!transport)
            return makeError(Error::Code::InvalidInput,
                tr("Host %1: this build cannot reach hosts by %2")
                    .arg(host.name, HostProfile::transportId(host.transport)));
        result = work(*transport);
        if (result.ok() || result.error().code != Error::Code::PassphraseNeeded || attempt > 0)
            break;
        options.passphrase = askSecret(tr("Passphrase for %1: ").arg(host.keyFile));
        if (options.passphrase.isEmpty())
            break;
    }
    if (!result && result.error().code == Error::Code::HostKeyUnknown) {
        Error error = result.error();
        error.message = tr("%1\nThe host's key fingerprint is %2. If it is the right one, run again with "
                           "--accept-new-host-key.")
                            .arg(error.message, error.detail);
        error.detail.clear();
        return error;
    }
    return result;
}

int CliApp::hostInstallTool(const QStringList& arguments)
{
    QStringList positional = arguments;
    const bool acceptNew = positional.removeAll(QStringLiteral("--accept-new-host-key")) > 0;
    if (positional.size() != 1)
        return usage(tr("host install-tool needs exactly one NAME"));
    auto host = m_catalog->host(positional.first());
    if (!host)
        return fail(host.error());
    auto installed = withTransport<QString>(*host, acceptNew, [&](Transport& transport) {
        transport.setLogSink([this](LogKind kind, const QString& text) {
            if (kind == LogKind::Stderr || kind == LogKind::Error)
                complain(text);
        });
        return HostTool::install(*host, transport);
    });
    (void)m_catalog->audit(QStringLiteral("install-tool"), host->name,
        installed ? *installed : installed.error().fullText(),
        installed ? QStringLiteral("ok") : QStringLiteral("failed"));
    if (!installed)
        return fail(installed.error());
    m_out << tr("Host %1 now runs %2 (%3)").arg(host->name, *installed, host->toolPath) << '\n';
    return Success;
}

int CliApp::syncCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption acceptNew(QStringLiteral("accept-new-host-key"),
        tr("Accept and remember the key of a host never seen before (a changed key is still refused)."));
    parser.addOption(acceptNew);
    QString problem;
    if (!parseOrReport(parser, QStringList { QStringLiteral("sync") } + arguments, &problem))
        return usage(problem);
    if (parser.positionalArguments().size() != 1)
        return usage(tr("sync needs exactly one NAME"));
    auto host = m_catalog->host(parser.positionalArguments().first());
    if (!host)
        return fail(host.error());

    Result<SyncOutcome> outcome = withTransport<SyncOutcome>(
        *host, parser.isSet(acceptNew), [&](Transport& transport) { return syncHost(*m_catalog, *host, transport); });
    if (!outcome)
        return fail(outcome.error());
    for (const QString& warning : outcome->problems)
        complain(tr("warning: %1").arg(warning));
    m_out << tr("Synced %1: %2 new, %3 changed, %4 gone, %5 new catalog events%6")
                 .arg(host->name)
                 .arg(outcome->added)
                 .arg(outcome->updated)
                 .arg(outcome->removed)
                 .arg(outcome->newEvents)
                 .arg(outcome->unchangedListing ? tr(" (folders unchanged)") : QString())
          << '\n';
    return Success;
}

int CliApp::listCommand(const QStringList& arguments)
{
    QStringList positional = arguments;
    const bool json = positional.removeAll(QStringLiteral("--json")) > 0;
    if (positional.size() != 1)
        return usage(tr("list needs exactly one NAME"));
    auto host = m_catalog->host(positional.first());
    if (!host)
        return fail(host.error());
    auto backups = m_catalog->backups(host->id);
    if (!backups)
        return fail(backups.error());
    if (json) {
        QJsonArray array;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const BackupRecord& backup : *backups) {
            array.append(QJsonObject {
                { QStringLiteral("path"), backup.path },
                { QStringLiteral("component"), backup.component },
                { QStringLiteral("kind"), backup.kind.isEmpty() ? QJsonValue() : QJsonValue(backup.kind) },
                { QStringLiteral("time"), backup.time.toUTC().toString(Qt::ISODate) },
                { QStringLiteral("size"), backup.size },
                { QStringLiteral("encrypted"), backup.encrypted },
                { QStringLiteral("compressed"), backup.compressed },
                { QStringLiteral("managed"), backup.managed },
                { QStringLiteral("sha256"), backup.sha256.isEmpty() ? QJsonValue() : QJsonValue(backup.sha256) },
                { QStringLiteral("verify_state"), verifyStateId(backup.verifyState) },
                { QStringLiteral("verified_at"),
                    backup.verifiedAt.isValid() ? QJsonValue(backup.verifiedAt.toString(Qt::ISODate)) : QJsonValue() },
                { QStringLiteral("proof"),
                    Proof::stateId(Proof::of(backup, now, host->verificationIntervalDays).state) },
                { QStringLiteral("proven_at"),
                    backup.provenAt.isValid() ? QJsonValue(backup.provenAt.toString(Qt::ISODate)) : QJsonValue() },
                { QStringLiteral("proven_level"), backup.provenLevel },
            });
        }
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    // Tab-separated columns for scripts: fixed words in every language, like the state ids.
    for (const BackupRecord& backup : *backups) {
        m_out << backup.time.toUTC().toString(Qt::ISODate) << '\t' << backup.component << '\t'
              << (backup.kind.isEmpty() ? QStringLiteral("-") : backup.kind) << '\t' << backup.size << '\t'
              << (backup.encrypted ? QStringLiteral("encrypted") : QStringLiteral("plain")) << '\t'
              << (backup.managed ? QStringLiteral("managed") : QStringLiteral("unmanaged")) << '\t'
              << verifyStateId(backup.verifyState) << '\t' << tsvField(backup.path) << '\n';
    }
    return Success;
}

int CliApp::complianceCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption window(QStringLiteral("window"), tr("Window: 30d, 12h, or START..END (ISO 8601)."),
        QStringLiteral("WINDOW"), QStringLiteral("30d"));
    const QCommandLineOption json(QStringLiteral("json"), tr("JSON output."));
    parser.addOptions({ window, json });
    QString problem;
    if (!parseOrReport(parser, QStringList { QStringLiteral("compliance") } + arguments, &problem))
        return usage(problem);
    if (parser.positionalArguments().size() > 1)
        return usage(tr("compliance takes at most one NAME"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    ComplianceSettings settings = ComplianceSettings::lastDays(now, 30);
    const QString windowText = parser.value(window);
    if (windowText.contains(QLatin1String(".."))) {
        const QDateTime start = QDateTime::fromString(windowText.section(QStringLiteral(".."), 0, 0), Qt::ISODate);
        const QDateTime end = QDateTime::fromString(windowText.section(QStringLiteral(".."), 1), Qt::ISODate);
        if (!start.isValid() || !end.isValid() || end <= start)
            return usage(tr("--window \"%1\": expected START..END in ISO 8601 with START before END").arg(windowText));
        settings.windowStart = start.toUTC();
        settings.windowEnd = end.toUTC();
    } else {
        bool ok = false;
        const qint64 amount = windowText.chopped(1).toLongLong(&ok);
        const QChar unit = windowText.isEmpty() ? QChar() : windowText.back();
        if (!ok || amount <= 0 || (unit != u'd' && unit != u'h'))
            return usage(tr("--window \"%1\": expected a number of days (30d) or hours (12h)").arg(windowText));
        settings.windowStart = now.addSecs(-amount * (unit == u'd' ? 86400 : 3600));
    }

    QList<HostProfile> hosts;
    if (parser.positionalArguments().isEmpty()) {
        auto all = m_catalog->hosts();
        if (!all)
            return fail(all.error());
        hosts = *all;
    } else {
        auto one = m_catalog->host(parser.positionalArguments().first());
        if (!one)
            return fail(one.error());
        hosts.append(*one);
    }

    bool anyNonCompliant = false;
    QJsonArray hostArray;
    for (const HostProfile& host : hosts) {
        auto judged = judgeHost(*m_catalog, host, settings);
        if (!judged)
            return fail(judged.error());
        const HostCompliance& verdict = *judged;
        anyNonCompliant |= verdict.verdict == HostCompliance::Verdict::NonCompliant;
        if (parser.isSet(json)) {
            hostArray.append(verdict.toJson());
            continue;
        }
        m_out << host.name << ": " << HostCompliance::verdictId(verdict.verdict) << '\n';
        for (const ComponentCompliance& component : verdict.components) {
            m_out << "  " << component.component << '\t'
                  << tr("RPO met %1 % of the window").arg(component.rpo.compliance * 100.0, 0, 'f', 1) << '\t'
                  << tr("exposure %1 s / target %2 s")
                         .arg(component.rpo.currentExposureSeconds)
                         .arg(component.rpo.targetSeconds)
                  << '\t' << tr("%n violation(s)", nullptr, int(component.rpo.violations.size())) << '\n';
        }
        for (const QString& reason : verdict.reasons)
            m_out << "  - " << reason << '\n';
    }
    if (parser.isSet(json)) {
        m_out << QJsonDocument(QJsonObject {
                                   { QStringLiteral("generated"), now.toString(Qt::ISODate) },
                                   { QStringLiteral("window_start"), settings.windowStart.toString(Qt::ISODate) },
                                   { QStringLiteral("window_end"), settings.windowEnd.toString(Qt::ISODate) },
                                   { QStringLiteral("hosts"), hostArray },
                               })
                     .toJson(QJsonDocument::Indented);
    }
    (void)m_catalog->audit(QStringLiteral("compliance"), parser.positionalArguments().value(0), windowText,
        anyNonCompliant ? QStringLiteral("violations") : QStringLiteral("compliant"));
    return anyNonCompliant ? Findings : Success;
}

int CliApp::verifyCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption local(QStringLiteral("local"), tr("Verify on this workstation instead of on the host."));
    const QCommandLineOption keyFile(
        QStringLiteral("key-file"), tr("File holding the backup encryption key."), QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), tr("JSON output."));
    const QCommandLineOption acceptNew(
        QStringLiteral("accept-new-host-key"), tr("Accept a host key never seen before."));
    const QCommandLineOption deep(QStringLiteral("deep"),
        tr("Also restore: a PostgreSQL dump into a throwaway database (on the host, or with --local on the "
           "--scratch-server), SQLite tables and rows counted, archives extracted (on the host)."));
    const QCommandLineOption scratchServer(QStringLiteral("scratch-server"),
        tr("With --local --deep: a PostgreSQL server for throwaway databases, as \"host=H port=P user=U "
           "[password='W']\" "
           "(default: DRCONSOLE_SCRATCH_SERVER)."),
        QStringLiteral("CONNINFO"));
    parser.addOptions({ local, keyFile, json, acceptNew, deep, scratchServer });
    QString problem;
    if (!parseOrReport(parser, QStringList { QStringLiteral("verify") } + arguments, &problem))
        return usage(problem);
    if (parser.positionalArguments().size() != 2)
        return usage(tr("verify needs NAME and latest or a FILE"));
    auto host = m_catalog->host(parser.positionalArguments().first());
    if (!host)
        return fail(host.error());
    const QString target = parser.positionalArguments().at(1);

    // "latest" is chosen here from the catalog, after a sync (newestBackupsAfterSync), not by the host tool.
    const bool latest = target == QLatin1String("latest");

    QList<VerificationEntry> outcomes;
    const bool onWorkstation = parser.isSet(local);
    const CancelOnSignals cancelOnSignals;
    // No verdict at all (the host unreachable, the tool missing): said like any other "could not verify", so that
    // --json readers get their array and the exit code is 2.
    auto couldNotVerify = [&](const QString& reason) {
        VerificationEntry entry;
        entry.path = target;
        entry.state = VerifyState::Error;
        entry.level = QStringLiteral("none");
        entry.reason = reason;
        outcomes = { entry };
    };
    if (onWorkstation) {
        QByteArray key;
        if (parser.isSet(keyFile)) {
            QFile file(parser.value(keyFile));
            if (!file.open(QIODevice::ReadOnly))
                return fail(tr("Cannot read the key file %1: %2").arg(parser.value(keyFile), file.errorString()));
            // As `openssl enc -pass file:` (and the host tool's BACKUP_ENCRYPTION_KEY_FILE) reads it: the first line
            // as it is, without its newline; spaces and a carriage return belong to the key.
            // openssl reads at most 1023 bytes of it, and a NUL byte ends the passphrase.
            key = file.readLine(1024);
            if (key.endsWith('\n'))
                key.chop(1);
            if (const qsizetype nul = key.indexOf('\0'); nul >= 0)
                key.truncate(nul);
            // openssl refuses an empty file and takes an empty first line as an empty password, which neither the
            // host tool nor the console ever encrypts with.
            if (key.isEmpty())
                return fail(tr("The key file %1 holds no key: its first line is empty").arg(parser.value(keyFile)));
        }
        auto records = m_catalog->backups(host->id);
        if (!records)
            return fail(records.error());
        const auto known = std::find_if(
            records->cbegin(), records->cend(), [&](const BackupRecord& record) { return record.path == target; });
        BackupRecord named; // not (yet) in the catalog: verified all the same, by its name
        named.path = target;
        // The work may run twice (again after a passphrase is asked): it connects before anything is recorded.
        auto ran = withTransport<bool>(*host, parser.isSet(acceptNew), [&](Transport& transport) -> Result<bool> {
            if (auto opened = transport.open(); !opened)
                return opened.error();
            QList<BackupRecord> chosen { known == records->cend() ? named : *known };
            if (latest) {
                auto newest = newestBackupsAfterSync(*m_catalog, *host, transport);
                if (!newest)
                    return newest.error();
                chosen = *newest;
            }
            for (const BackupRecord& record : std::as_const(chosen)) {
                if (cancelRequested)
                    break;
                WorkstationVerifyRequest request;
                request.cancel = &cancelRequested;
                request.host = *host;
                request.backup = record;
                request.key = key;
                request.deep = parser.isSet(deep);
                request.scratchServer = parser.value(scratchServer);
                const VerificationEntry entry = WorkstationVerifier::verify(transport, request);
                if (entry.state == VerifyState::Error && cancelRequested) {
                    outcomes.append(entry); // said, as the GUI says it, but no verdict to record
                    break;
                }
                if (auto recorded = m_catalog->recordVerification(host->id, entry); !recorded) {
                    const bool verdict = entry.state == VerifyState::Passed || entry.state == VerifyState::Failed;
                    if (recorded.error().code == Error::Code::NotFound && verdict)
                        complain(tr("note: %1 is not in the catalog of %2 yet (sync it first): this verification "
                                    "was not recorded")
                                     .arg(entry.path, host->name));
                    else if (recorded.error().code != Error::Code::NotFound)
                        complain(recorded.error().fullText());
                }
                outcomes.append(entry);
            }
            return true;
        });
        if (!ran)
            couldNotVerify(ran.error().fullText());
    } else {
        QStringList verifyArguments { QStringLiteral("verify"), QStringLiteral("--json") };
        if (parser.isSet(deep))
            verifyArguments.append(QStringLiteral("--deep"));
        auto ran
            = withTransport<RunResult>(*host, parser.isSet(acceptNew), [&](Transport& transport) -> Result<RunResult> {
                  QStringList files { target };
                  if (latest) {
                      auto newest = newestBackupsAfterSync(*m_catalog, *host, transport);
                      if (!newest)
                          return newest.error();
                      files.clear();
                      for (const BackupRecord& record : std::as_const(*newest))
                          files.append(record.path);
                  }
                  const QStringList command = verifyArguments + QStringList { QStringLiteral("--") } + files;
                  RunOptions options;
                  options.cancel = &cancelRequested;
                  // From 0.2.0 on the host tool says it is alive every 15 s while it reads, so a minute of silence
                  // is a lost host; an older tool is silent for as long as a large archive takes.
                  const auto state = m_catalog->hostState(host->id);
                  const QVersionNumber version
                      = QVersionNumber::fromString(state ? state->toolVersion.section(u' ', -1) : QString());
                  options.idleTimeoutMs = version >= QVersionNumber(0, 2) ? 60'000 : 3'600'000;
                  auto run = transport.run(HostTool::command(*host, command), options);
                  if (run && run->exitStatus <= 1) {
                      // The verify events land in the catalog; the verdicts stand without it, but say so.
                      if (auto synced = syncHost(*m_catalog, *host, transport); !synced)
                          complain(tr("The results are not in the catalog yet (they arrive with the next sync): %1")
                                       .arg(synced.error().fullText()));
                  }
                  return run;
              });
        const QJsonDocument document = ran ? QJsonDocument::fromJson(ran->out) : QJsonDocument();
        if (!ran) {
            couldNotVerify(ran.error().fullText());
        } else if (ran->exitStatus > 1 || document.isNull()) {
            QStringList said = QString::fromUtf8(ran->err).split(u'\n', Qt::SkipEmptyParts);
            said.removeIf([](const QString& line) { return line.contains(QLatin1String(": still working (")); });
            couldNotVerify(tr("Host %1 could not verify %2 (exit code %3): %4")
                               .arg(host->name, target)
                               .arg(ran->exitStatus)
                               .arg(said.join(u'\n').trimmed()));
        } else {
            const QJsonArray results = document.isArray() ? document.array() : QJsonArray { document.object() };
            for (const auto& value : results)
                outcomes.append(VerificationEntry::fromEventFields(QDateTime::currentDateTimeUtc(), value.toObject()));
        }
    }

    bool anyFailed = false;
    bool anyError = outcomes.isEmpty();
    QJsonArray array;
    for (const VerificationEntry& outcome : std::as_const(outcomes)) {
        const QString state = verifyStateId(outcome.state);
        anyFailed |= outcome.state == VerifyState::Failed;
        anyError |= outcome.state != VerifyState::Failed && outcome.state != VerifyState::Passed;
        if (parser.isSet(json)) {
            QJsonObject result { { QStringLiteral("path"), outcome.path }, { QStringLiteral("state"), state },
                { QStringLiteral("where"), onWorkstation ? QStringLiteral("workstation") : QStringLiteral("host") },
                { QStringLiteral("method"), outcome.method }, { QStringLiteral("reason"), outcome.reason },
                { QStringLiteral("level"), outcome.level }, { QStringLiteral("sha256"), outcome.sha256 },
                { QStringLiteral("size"), outcome.size }, { QStringLiteral("entries"), outcome.entries },
                { QStringLiteral("details"), outcome.details }, { QStringLiteral("duration_ms"), outcome.durationMs } };
            // The deep check's counts as numbers: "details" is text in the user's language.
            if (outcome.tables >= 0) {
                result.insert(QStringLiteral("tables"), outcome.tables);
                result.insert(QStringLiteral("rows"), outcome.rows);
            }
            array.append(result);
        } else {
            m_out << state.toUpper() << '\t' << tsvField(outcome.path) << '\t' << outcome.level << '\t'
                  << outcome.method << '\n';
        }
        if (outcome.state != VerifyState::Passed)
            complain(tr("%1 %2: %3").arg(state, outcome.path, outcome.reason));
    }
    if (parser.isSet(json))
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    (void)m_catalog->audit(QStringLiteral("verify"), host->name, target,
        anyFailed      ? QStringLiteral("failed")
            : anyError ? QStringLiteral("error")
                       : QStringLiteral("passed"));
    // Stopped by a signal: its usual exit status, once the work has cleaned up after itself.
    if (const int signalNumber = interruptedBy.load(); signalNumber != 0)
        return 128 + signalNumber;
    return anyFailed ? Findings : anyError ? Failure : Success;
}

} // namespace dr
