#include "remote/SshTransport.h"

#include "core/HostTool.h"
#include "core/ShellQuote.h"
#include "remote/PartialDownload.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <condition_variable>
#include <deque>
#include <fcntl.h>
#include <malloc.h>
#include <mutex>
#include <poll.h>
#include <sys/socket.h>
#include <thread>

namespace dr {

namespace {

// libssh gives C strings it owns or that we must free; these keep that in one place.
struct StringDeleter
{
    void operator()(char* text) const { ssh_string_free_char(text); }
};
struct KeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using KeyPointer = std::unique_ptr<std::remove_pointer_t<ssh_key>, KeyDeleter>;

// Whether a private key file is protected by a passphrase: libssh reports only "error" either way.
bool isEncryptedPrivateKey(const QByteArray& text)
{
    if (text.contains("ENCRYPTED"))
        return true; // PEM "Proc-Type: 4,ENCRYPTED" and PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY"
    const QByteArray begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    const qsizetype start = text.indexOf(begin);
    const qsizetype end = text.indexOf("-----END OPENSSH PRIVATE KEY-----");
    if (start < 0 || end < 0)
        return false;
    const QByteArray blob
        = QByteArray::fromBase64(text.mid(start + begin.size(), end - start - begin.size()).simplified());
    // "openssh-key-v1\0", then the cipher name as a length-prefixed string: "none" when not encrypted.
    const qsizetype offset = 15;
    if (blob.size() < offset + 4)
        return false;
    const auto* bytes = reinterpret_cast<const unsigned char*>(blob.constData()) + offset;
    const quint32 length = (quint32(bytes[0]) << 24) | (quint32(bytes[1]) << 16) | (quint32(bytes[2]) << 8) | bytes[3];
    return blob.mid(offset + 4, length) != "none";
}

// 1-based numbers of the known_hosts lines that name this host: plain or wildcard patterns, "[host]:port",
// and hashed entries ("|1|salt|hash", HMAC-SHA1 of the name), as OpenSSH writes them.
QList<int> knownHostsLinesFor(const QString& fileName, const QString& address, int port)
{
    const QByteArray entry = (port == 22 ? address : QStringLiteral("[%1]:%2").arg(address).arg(port)).toUtf8();
    QList<int> lines;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        QList<QByteArray> fields = file.readLine().simplified().split(' ');
        if (!fields.isEmpty() && fields.first().startsWith('@'))
            fields.removeFirst(); // @cert-authority, @revoked
        if (fields.isEmpty() || fields.first().isEmpty() || fields.first().startsWith('#'))
            continue;
        for (const QByteArray& pattern : fields.first().split(',')) {
            bool matches = false;
            if (pattern.startsWith("|1|")) {
                const QList<QByteArray> parts = pattern.split('|');
                const QByteArray salt = QByteArray::fromBase64(parts.value(2));
                matches = QMessageAuthenticationCode::hash(entry, salt, QCryptographicHash::Sha1).toBase64()
                    == parts.value(3);
            } else if (pattern.contains('*') || pattern.contains('?')) {
                const QRegularExpression wildcard(
                    QRegularExpression::wildcardToRegularExpression(QString::fromUtf8(pattern)));
                matches = wildcard.match(QString::fromUtf8(entry)).hasMatch();
            } else {
                matches = pattern == entry;
            }
            if (matches) {
                lines.append(number);
                break;
            }
        }
    }
    return lines;
}

// What a failed ssh_connect() means, in words that name the host.
Error connectError(const HostProfile& host, const QString& why, int timeoutMs)
{
    const QString where = SshTransport::tr("host %1 (%2)").arg(host.name, host.displayAddress());
    auto says = [&](const char* text) { return why.contains(QLatin1String(text), Qt::CaseInsensitive); };
    if (says("timeout") || says("timed out"))
        return makeError(Error::Code::Timeout,
            SshTransport::tr("No SSH answer from %1 within %2 s: the host, a firewall or the SSH server is not "
                             "responding")
                .arg(where)
                .arg(timeoutMs / 1000.0, 0, 'g', 3),
            why);
    if (says("refused"))
        return makeError(Error::Code::Network,
            SshTransport::tr("%1 refused the connection on port %2: is the SSH server running there?")
                .arg(where)
                .arg(host.port),
            why);
    if (says("resolve") || says("not known") || says("name or service"))
        return makeError(Error::Code::Network,
            SshTransport::tr("Cannot find the address of %1: the name does not resolve").arg(where), why);
    if (says("unreachable") || says("no route"))
        return makeError(
            Error::Code::Network, SshTransport::tr("Cannot reach %1: no network route to it").arg(where), why);
    return makeError(Error::Code::Network, SshTransport::tr("Cannot connect to %1").arg(where), why);
}

} // namespace

struct SshTransport::Private
{
    HostProfile host;
    ConnectOptions options;
    ssh_session session = nullptr;
    bool connected = false;
    QString fingerprint;

    QString lastError() const { return session ? QString::fromUtf8(ssh_get_error(session)) : QString(); }
};

SshTransport::SshTransport(HostProfile host, ConnectOptions options)
    : d(std::make_unique<Private>())
{
    d->host = std::move(host);
    d->options = std::move(options);
}

SshTransport::~SshTransport()
{
    close();
}

QString SshTransport::describe() const
{
    return tr("host %1 (%2)").arg(d->host.name, d->host.displayAddress());
}

QString SshTransport::incomingCipher() const
{
    const char* cipher = d->session ? ssh_get_cipher_in(d->session) : nullptr;
    return cipher ? QString::fromLatin1(cipher) : QString();
}

QString SshTransport::hostKeyFingerprint() const
{
    return d->fingerprint;
}

bool SshTransport::isOpen() const
{
    return d->connected && d->session && ssh_is_connected(d->session);
}

void SshTransport::close()
{
    if (d->session) {
        if (ssh_is_connected(d->session))
            ssh_disconnect(d->session);
        ssh_free(d->session);
        d->session = nullptr;
    }
    d->connected = false;
}

Result<void> SshTransport::open()
{
    if (isOpen())
        return {};
    close();
    d->session = ssh_new();
    if (!d->session)
        return makeError(Error::Code::Internal, tr("Cannot create an SSH session for %1").arg(describe()));
    const QByteArray address = d->host.address.toUtf8();
    const QByteArray user = d->host.user.toUtf8();
    const unsigned int port = unsigned(d->host.port);
    const int timeoutMs = std::max(100, d->options.connectTimeoutMs);
    const long timeoutSeconds = timeoutMs / 1000;
    const long timeoutMicroseconds = long(timeoutMs % 1000) * 1000;
    const int noDelay = 1;
    const bool processConfig = false; // the profile says how to connect, not ~/.ssh/config
    ssh_options_set(d->session, SSH_OPTIONS_HOST, address.constData());
    ssh_options_set(d->session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(d->session, SSH_OPTIONS_USER, user.constData());
    // Bounds the TCP connect, the wait for the banner and key exchange, and every later blocking call.
    ssh_options_set(d->session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    ssh_options_set(d->session, SSH_OPTIONS_TIMEOUT_USEC, &timeoutMicroseconds);
    ssh_options_set(d->session, SSH_OPTIONS_NODELAY, &noDelay);
    ssh_options_set(d->session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    // AES-GCM first: with the AES instructions of today's CPUs it moves backups about twice as fast as
    // chacha20-poly1305, which stays for hosts without them. No CBC and no SHA-1 MACs.
    const char* const ciphers = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,"
                                "aes128-ctr,aes192-ctr,aes256-ctr";
    ssh_options_set(d->session, SSH_OPTIONS_CIPHERS_C_S, ciphers);
    ssh_options_set(d->session, SSH_OPTIONS_CIPHERS_S_C, ciphers);
    // libssh prefers the host key types it finds for this host in these two files during key exchange,
    // so a host known by its RSA key in ~/.ssh/known_hosts is not asked for its Ed25519 key instead.
    const QByteArray appFile = QFile::encodeName(d->options.appKnownHostsFile);
    const QByteArray userFile = QFile::encodeName(
        d->options.userKnownHostsFile.isEmpty() ? QStringLiteral("/dev/null") : d->options.userKnownHostsFile);
    ssh_options_set(d->session, SSH_OPTIONS_KNOWNHOSTS, appFile.constData());
    ssh_options_set(d->session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, userFile.constData());

    log(LogKind::Info, tr("Connecting to %1").arg(describe()));
    // Non-blocking, so that Cancel (and closing the window) ends a connection attempt to a silent host at
    // once instead of after the timeout.
    ssh_set_blocking(d->session, 0);
    QElapsedTimer connecting;
    connecting.start();
    int connected = SSH_AGAIN;
    while ((connected = ssh_connect(d->session)) == SSH_AGAIN) {
        if (d->options.cancel && d->options.cancel->load()) {
            close();
            const Error error = makeError(Error::Code::Cancelled, tr("Connecting to %1 was cancelled").arg(describe()));
            log(LogKind::Error, error.message);
            return error;
        }
        if (connecting.elapsed() > timeoutMs) {
            const Error error = connectError(d->host, QStringLiteral("timeout"), timeoutMs);
            close();
            log(LogKind::Error, error.fullText());
            return error;
        }
        const int socket = ssh_get_fd(d->session);
        if (socket >= 0) {
            pollfd waiting { socket, short(POLLIN | POLLOUT), 0 };
            ::poll(&waiting, 1, 50);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    ssh_set_blocking(d->session, 1);
    if (connected != SSH_OK) {
        const Error error = connectError(d->host, d->lastError(), timeoutMs);
        close();
        log(LogKind::Error, error.fullText());
        return error;
    }
    if (auto checked = checkHostKey(); !checked) {
        log(LogKind::Error, checked.error().message);
        close();
        return checked;
    }
    if (auto authenticated = authenticate(); !authenticated) {
        log(LogKind::Error, authenticated.error().message);
        close();
        return authenticated;
    }
    d->connected = true;
    log(LogKind::Info, tr("Connected to %1").arg(describe()));
    return {};
}

Result<void> SshTransport::checkHostKey()
{
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(d->session, &rawKey) != SSH_OK)
        return makeError(Error::Code::Protocol, tr("Host %1 sent no host key").arg(d->host.name), d->lastError());
    KeyPointer key(rawKey);
    unsigned char* hash = nullptr;
    size_t hashLength = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength) != SSH_OK)
        return makeError(Error::Code::Protocol, tr("Cannot hash the host key of %1").arg(d->host.name), d->lastError());
    // "SHA256:" and unpadded base64, exactly as `ssh-keygen -lf` prints it.
    std::unique_ptr<char, StringDeleter> text(ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength));
    ssh_clean_pubkey_hash(&hash);
    d->fingerprint = QString::fromLatin1(text.get());
    const QString keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));

    // Each file on its own, so a changed key in one is never outvoted by the other, and the message
    // can name the file and line. The "global" file is emptied: libssh would otherwise consult it too.
    const QByteArray appFile = QFile::encodeName(d->options.appKnownHostsFile);
    const QByteArray noFile("/dev/null");
    auto stateIn = [&](const QByteArray& file) {
        ssh_options_set(d->session, SSH_OPTIONS_KNOWNHOSTS, file.constData());
        ssh_options_set(d->session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, noFile.constData());
        const enum ssh_known_hosts_e state = ssh_session_is_known_server(d->session);
        ssh_options_set(d->session, SSH_OPTIONS_KNOWNHOSTS, appFile.constData());
        return state;
    };
    auto changed = [&](const QString& file) {
        const QList<int> lines = knownHostsLinesFor(file, d->host.address, d->host.port);
        QStringList lineNumbers;
        for (const int line : lines)
            lineNumbers.append(QString::number(line));
        QString where = file;
        if (lines.size() == 1)
            where = tr("%1, line %2").arg(file, lineNumbers.first());
        else if (lines.size() > 1)
            where = tr("%1, lines %2").arg(file, lineNumbers.join(QStringLiteral(", ")));
        const QString hostEntry
            = d->host.port == 22 ? d->host.address : QStringLiteral("[%1]:%2").arg(d->host.address).arg(d->host.port);
        return makeError(Error::Code::HostKeyChanged,
            tr("Refused to connect to %1: host key changed. The host now presents the %2 key %3, which does not match "
               "the key recorded for it in %4. Someone may be intercepting the connection (a man-in-the-middle "
               "attack), or the host was reinstalled or given new keys. Check that known_hosts line: if the change "
               "is expected, confirm the new fingerprint with the host's administrator, remove the old line "
               "(ssh-keygen -R '%5' -f '%6') and connect again.")
                .arg(describe(), keyType, d->fingerprint, where, hostEntry, file),
            d->fingerprint);
    };

    const enum ssh_known_hosts_e appState = stateIn(appFile);
    if (appState == SSH_KNOWN_HOSTS_OK)
        return {};
    if (appState == SSH_KNOWN_HOSTS_CHANGED || appState == SSH_KNOWN_HOSTS_OTHER)
        return changed(d->options.appKnownHostsFile);
    if (!d->options.userKnownHostsFile.isEmpty() && QFileInfo::exists(d->options.userKnownHostsFile)) {
        const enum ssh_known_hosts_e userState = stateIn(QFile::encodeName(d->options.userKnownHostsFile));
        if (userState == SSH_KNOWN_HOSTS_OK)
            return {};
        if (userState == SSH_KNOWN_HOSTS_CHANGED || userState == SSH_KNOWN_HOSTS_OTHER)
            return changed(d->options.userKnownHostsFile);
    }
    const bool accepted = d->options.acceptNewHostKey
        || (!d->options.acceptHostKeyFingerprint.isEmpty() && d->options.acceptHostKeyFingerprint == d->fingerprint);
    if (!accepted) {
        return makeError(Error::Code::HostKeyUnknown,
            tr("Host %1 (%2) is not known yet. It presents a %3 key with the fingerprint %4. Compare it with the "
               "fingerprint the host's administrator gives you (ssh-keygen -lf on the host key) before accepting it.")
                .arg(d->host.name, d->host.displayAddress(), keyType, d->fingerprint),
            d->fingerprint);
    }
    if (!QDir().mkpath(QFileInfo(d->options.appKnownHostsFile).absolutePath()))
        return makeError(Error::Code::Io,
            tr("Cannot create the folder of %1 to remember the host key of %2")
                .arg(d->options.appKnownHostsFile, d->host.name));
    if (ssh_session_update_known_hosts(d->session) != SSH_OK)
        return makeError(Error::Code::Io,
            tr("Cannot remember the host key of %1 in %2").arg(d->host.name, d->options.appKnownHostsFile),
            d->lastError());
    log(LogKind::Info,
        tr("Accepted and remembered the %1 key %2 of %3 in %4")
            .arg(keyType, d->fingerprint, d->host.name, d->options.appKnownHostsFile));
    return {};
}

Result<void> SshTransport::authenticate()
{
    const QString who = QStringLiteral("%1@%2").arg(d->host.user, d->host.name);
    int result = SSH_AUTH_DENIED;
    switch (d->host.auth) {
    case HostProfile::Auth::Password: {
        if (d->options.password.isEmpty())
            return makeError(
                Error::Code::PassphraseNeeded, tr("Host %1 needs the password of %2").arg(d->host.name, d->host.user));
        result = ssh_userauth_password(d->session, nullptr, d->options.password.toUtf8().constData());
        if (result != SSH_AUTH_SUCCESS)
            return makeError(Error::Code::AuthFailed, tr("Host %1 refused the password for %2").arg(d->host.name, who),
                d->lastError());
        return {};
    }
    case HostProfile::Auth::KeyFile: {
        QFile file(d->host.keyFile);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::NotFound,
                tr("Cannot read the key file %1 for host %2").arg(d->host.keyFile, d->host.name), file.errorString());
        const QByteArray keyText = file.readAll();
        const bool encrypted = isEncryptedPrivateKey(keyText);
        if (encrypted && d->options.passphrase.isEmpty())
            return makeError(
                Error::Code::PassphraseNeeded, tr("The key %1 is protected by a passphrase").arg(d->host.keyFile));
        ssh_key rawKey = nullptr;
        const QByteArray passphrase = d->options.passphrase.toUtf8();
        if (ssh_pki_import_privkey_base64(
                keyText.constData(), encrypted ? passphrase.constData() : nullptr, nullptr, nullptr, &rawKey)
            != SSH_OK)
            return makeError(Error::Code::AuthFailed,
                encrypted ? tr("Wrong passphrase for the key %1").arg(d->host.keyFile)
                          : tr("%1 is not a private key libssh can read").arg(d->host.keyFile));
        KeyPointer key(rawKey);
        result = ssh_userauth_publickey(d->session, nullptr, key.get());
        if (result != SSH_AUTH_SUCCESS)
            return makeError(Error::Code::AuthFailed,
                tr("Host %1 refused the key %2 for %3").arg(d->host.name, d->host.keyFile, who), d->lastError());
        return {};
    }
    case HostProfile::Auth::Agent:
        break;
    }
    result = ssh_userauth_agent(d->session, nullptr);
    if (result != SSH_AUTH_SUCCESS)
        result = ssh_userauth_publickey_auto(d->session, nullptr,
            d->options.passphrase.isEmpty() ? nullptr : d->options.passphrase.toUtf8().constData());
    if (result != SSH_AUTH_SUCCESS)
        return makeError(Error::Code::AuthFailed,
            tr("Host %1 refused %2: no key from the SSH agent or ~/.ssh was accepted").arg(d->host.name, who),
            d->lastError());
    return {};
}

Result<RunResult> SshTransport::run(const QStringList& argv, const RunOptions& options)
{
    const auto line = ShellQuote::command(argv);
    if (!line)
        return line.error();
    if (auto opened = open(); !opened)
        return opened.error();
    log(LogKind::Command, ShellQuote::display(argv));

    ssh_channel channel = ssh_channel_new(d->session);
    auto lost = [&](const QString& during) {
        const QString why = d->lastError();
        if (channel)
            ssh_channel_free(channel);
        close();
        const QString message = tr("Lost the connection to %1 %2").arg(describe(), during);
        log(LogKind::Error, message + QStringLiteral(": ") + why);
        return makeError(Error::Code::Network, message, why);
    };
    // A failure with the connection still up is the server saying no (session limit, forced command...).
    auto refused = [&](const QString& during) {
        if (!ssh_is_connected(d->session))
            return lost(during);
        const QString why = d->lastError();
        if (channel)
            ssh_channel_free(channel);
        const QString message = tr("%1 refused to run a command %2").arg(describe(), during);
        log(LogKind::Error, message + QStringLiteral(": ") + why);
        return makeError(Error::Code::Protocol, message, why);
    };
    if (!channel || ssh_channel_open_session(channel) != SSH_OK)
        return refused(tr("while opening a channel"));
    if (ssh_channel_request_exec(channel, line->constData()) != SSH_OK)
        return refused(tr("while starting %1").arg(HostTool::commandName(argv)));
    if (!options.stdinData.isEmpty()) {
        qsizetype written = 0;
        while (written < options.stdinData.size()) {
            const int chunk = int(std::min<qsizetype>(options.stdinData.size() - written, 32 * 1024));
            const int sent = ssh_channel_write(channel, options.stdinData.constData() + written, uint32_t(chunk));
            if (sent < 0)
                return lost(tr("while sending input"));
            written += sent;
        }
    }
    ssh_channel_send_eof(channel);

    RunResult result;
    QByteArray pendingLines[2];
    std::vector<char> buffer(64 * 1024);
    auto deliver = [&](int bytes, bool isStderr) {
        const QByteArrayView chunk(buffer.data(), bytes);
        if (options.onOutput)
            options.onOutput(chunk, isStderr);
        if (isStderr)
            result.err.append(chunk);
        else if (options.collectStdout)
            result.out.append(chunk);
        if (options.logOutput) {
            // Whole lines go to the log; the unfinished tail waits for the next chunk (one removal per
            // chunk, not per line: a chunk can hold thousands of lines).
            QByteArray& pending = pendingLines[isStderr ? 1 : 0];
            pending.append(chunk);
            qsizetype lineStart = 0;
            qsizetype newline;
            while ((newline = pending.indexOf('\n', lineStart)) >= 0) {
                log(isStderr ? LogKind::Stderr : LogKind::Stdout,
                    QString::fromUtf8(QByteArrayView(pending).sliced(lineStart, newline - lineStart)));
                lineStart = newline + 1;
            }
            pending.remove(0, lineStart);
            if (pending.size() > 64 * 1024) { // no newline for that long: log it as it is, keep memory bounded
                log(isStderr ? LogKind::Stderr : LogKind::Stdout, QString::fromUtf8(pending));
                pending.clear();
            }
        }
    };
    QElapsedTimer total;
    total.start();
    QElapsedTimer idle;
    idle.start();
    auto stop = [&](Error error) -> Result<RunResult> {
        ssh_channel_request_send_signal(channel, "TERM");
        ssh_channel_close(channel);
        ssh_channel_free(channel);
        log(LogKind::Error, error.message);
        return error;
    };
    bool stderrBusy = false;
    while (true) {
        bool progressed = false;
        // Wait on stdout (wakes at once on data or end of file) in short slices, so cancel and timeouts are
        // seen; stderr is drained without waiting, and while it flows stdout is not waited on either.
        int bytes = ssh_channel_read_timeout(channel, buffer.data(), uint32_t(buffer.size()), 0, stderrBusy ? 0 : 50);
        if (bytes == SSH_ERROR)
            return lost(tr("while running %1").arg(HostTool::commandName(argv)));
        if (bytes > 0) {
            deliver(bytes, false);
            progressed = true;
        }
        bytes = ssh_channel_read_nonblocking(channel, buffer.data(), uint32_t(buffer.size()), 1);
        if (bytes == SSH_ERROR)
            return lost(tr("while running %1").arg(HostTool::commandName(argv)));
        stderrBusy = bytes > 0;
        if (bytes > 0) {
            deliver(bytes, true);
            progressed = true;
        }
        if (progressed) {
            idle.restart();
            continue;
        }
        // A cut TCP connection shows up as a session that is no longer connected, not as a read error.
        if (!ssh_is_connected(d->session))
            return lost(tr("while running %1").arg(HostTool::commandName(argv)));
        if (ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel))
            break;
        if (options.cancel && options.cancel->load())
            return stop(makeError(
                Error::Code::Cancelled, tr("%1: %2 was cancelled").arg(describe(), HostTool::commandName(argv))));
        const bool idleExpired = options.idleTimeoutMs > 0 && idle.elapsed() > options.idleTimeoutMs;
        const bool totalExpired = options.totalTimeoutMs > 0 && total.elapsed() > options.totalTimeoutMs;
        if (idleExpired || totalExpired)
            return stop(makeError(Error::Code::Timeout,
                tr("%1: %2 gave no answer for %3 s and was stopped")
                    .arg(describe(), HostTool::commandName(argv))
                    .arg((idleExpired ? options.idleTimeoutMs : options.totalTimeoutMs) / 1000)));
    }
    for (int stream = 0; stream < 2; ++stream) {
        if (options.logOutput && !pendingLines[stream].isEmpty())
            log(stream ? LogKind::Stderr : LogKind::Stdout, QString::fromUtf8(pendingLines[stream]));
    }
    ssh_channel_close(channel);
    result.exitStatus = ssh_channel_get_exit_status(channel);
    ssh_channel_free(channel);
    if (!ssh_is_connected(d->session))
        d->connected = false;
    return result;
}

namespace {

struct SftpDeleter
{
    void operator()(sftp_session sftp) const { sftp_free(sftp); }
};
struct SftpFileDeleter
{
    void operator()(sftp_file file) const { sftp_close(file); }
};
struct SftpAttributesDeleter
{
    void operator()(sftp_attributes attributes) const { sftp_attributes_free(attributes); }
};

// libssh 0.10's SFTP calls (open, stat, close, and reads in blocking mode) wait for the server without a time
// limit. This thread shuts the socket down when nothing arrived for `idleLimitMs` or the caller cancelled, so
// the waiting call fails at once instead of hanging; shutdown() leaves the descriptor itself to libssh.
class SocketWatchdog
{
public:
    enum class Fired { No, Idle, Cancel };

    SocketWatchdog(int socket, int idleLimitMs, const std::atomic_bool* cancel)
        : m_socket(socket)
        , m_idleLimitMs(idleLimitMs)
        , m_cancel(cancel)
    {
        touch();
        m_thread = std::thread([this] { watch(); });
    }
    ~SocketWatchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    Q_DISABLE_COPY_MOVE(SocketWatchdog)

    void touch() { m_lastActivityMs = nowMs(); }
    Fired fired() const { return m_fired.load(); }

private:
    static qint64 nowMs()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    void watch()
    {
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_stop; })) {
            Fired reason = Fired::No;
            if (m_cancel && m_cancel->load())
                reason = Fired::Cancel;
            else if (nowMs() - m_lastActivityMs.load() > m_idleLimitMs)
                reason = Fired::Idle;
            if (reason != Fired::No) {
                m_fired = reason;
                ::shutdown(m_socket, SHUT_RDWR);
                return;
            }
        }
    }

    const int m_socket;
    const int m_idleLimitMs;
    const std::atomic_bool* const m_cancel;
    std::atomic<qint64> m_lastActivityMs { 0 };
    std::atomic<Fired> m_fired { Fired::No };
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

// Requests in flight and their size: 64 of about 64 KiB keep loopback and LAN links busy (plain sftp_read, one
// request at a time, is 15 times slower here; 32 in flight measured 5-20 % slower than 64 in bench_sftp).
// libssh accepts channel packets of at most 32 KiB, and an SFTP data answer has a 13-byte header: a read of
// 2 x 32 KiB - 13 bytes comes back in exactly two packets, where 64 KiB took a third packet of 13 bytes
// (bench_sftp, same process, alternating: 6-12 % less time; larger reads measured slower).
constexpr uint32_t sftpDataHeader = 4 + 1 + 4 + 4; // length, type, request id, data length
constexpr uint32_t sftpChunk = 2 * 32768 - sftpDataHeader;
constexpr size_t sftpDepth = 64;

} // namespace

Result<void> SshTransport::sftpPass(const QString& remotePath, PartialDownload& target, qint64* total,
    qint64* resumedFrom, qint64* modifiedSeconds, const DownloadOptions& options)
{
    // libssh allocates and frees a buffer per packet; with glibc's defaults each free at the top of the heap
    // gives the memory back (brk) and the next packet faults it in again, which took two thirds of the
    // time of a download here. Keep a modest pad instead (measured: tests/bench/bench_sftp, 3x faster).
    static std::once_flag heapTuned;
    std::call_once(heapTuned, [] {
        mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
        mallopt(M_TOP_PAD, 16 * 1024 * 1024);
        mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    });
    const QByteArray path = remotePath.toUtf8();
    const int idleLimitMs = std::max(1000, d->options.connectTimeoutMs);
    // Declared before the SFTP objects so that it still watches while their destructors talk to the host.
    SocketWatchdog watchdog(ssh_get_fd(d->session), idleLimitMs, options.cancel);
    auto lost = [&](const QString& why) {
        if (watchdog.fired() == SocketWatchdog::Fired::Cancel)
            return downloadCancelled(remotePath);
        if (watchdog.fired() == SocketWatchdog::Fired::Idle)
            return makeError(Error::Code::Timeout,
                tr("%1 sent nothing for %2 s while downloading %3")
                    .arg(describe())
                    .arg(idleLimitMs / 1000)
                    .arg(remotePath));
        return makeError(Error::Code::Network,
            tr("Lost the connection to %1 while downloading %2").arg(describe(), remotePath), why);
    };
    std::unique_ptr<sftp_session_struct, SftpDeleter> sftp(sftp_new(d->session));
    if (!sftp || sftp_init(sftp.get()) != SSH_OK) {
        if (!ssh_is_connected(d->session))
            return lost(d->lastError());
        return makeError(Error::Code::Protocol,
            tr("%1 does not offer SFTP (the sshd Subsystem sftp line), needed to download %2")
                .arg(describe(), remotePath),
            d->lastError());
    }
    auto sftpError = [&](const QString& during) {
        const int code = sftp_get_error(sftp.get());
        if (!ssh_is_connected(d->session) || watchdog.fired() != SocketWatchdog::Fired::No)
            return lost(d->lastError());
        if (code == SSH_FX_NO_SUCH_FILE)
            return makeError(Error::Code::NotFound,
                tr("%1: %2 does not exist (any more): it may have been removed since the last sync")
                    .arg(describe(), remotePath));
        if (code == SSH_FX_PERMISSION_DENIED)
            return makeError(
                Error::Code::Io, tr("%1: no permission to read %2").arg(describe(), remotePath), d->lastError());
        return makeError(Error::Code::Io, tr("%1: %2 failed for %3").arg(describe(), during, remotePath),
            QStringLiteral("SFTP status %1: %2").arg(code).arg(d->lastError()));
    };
    std::unique_ptr<sftp_attributes_struct, SftpAttributesDeleter> attributes(sftp_stat(sftp.get(), path.constData()));
    if (!attributes)
        return sftpError(tr("reading the size"));
    if (attributes->type != SSH_FILEXFER_TYPE_REGULAR)
        return makeError(Error::Code::InvalidInput, tr("%1: %2 is not a regular file").arg(describe(), remotePath));
    const qint64 size = qint64(attributes->size);
    if (*total >= 0 && *total != size)
        return makeError(Error::Code::Corrupt,
            tr("%1: %2 changed size on the host during the download (%3 -> %4 bytes)")
                .arg(describe(), remotePath)
                .arg(*total)
                .arg(size));
    const QString version = QStringLiteral("%1 %2").arg(size).arg(attributes->mtime);
    *modifiedSeconds = qint64(attributes->mtime);
    // Closed before each pass; opening decides whether an earlier .part is continued.
    if (!target.isOpen()) {
        const auto offset = target.open(size, version);
        if (!offset)
            return offset.error();
        if (*total < 0)
            *resumedFrom = *offset; // what an earlier download had left, not what this one fetched before a cut
    }
    *total = size;
    std::unique_ptr<sftp_file_struct, SftpFileDeleter> file(sftp_open(sftp.get(), path.constData(), O_RDONLY, 0));
    if (!file)
        return sftpError(tr("opening"));
    if (sftp_seek64(file.get(), quint64(target.size())) < 0)
        return sftpError(tr("seeking"));

    struct Request
    {
        uint32_t id;
        uint32_t length;
    };
    std::deque<Request> inFlight;
    std::vector<char> buffer(sftpChunk);
    qint64 requested = target.size();
    constexpr qint64 progressStep = 1024 * 1024;
    qint64 reported = target.size();
    auto drain = [&] {
        while (!inFlight.empty()) {
            sftp_async_read(file.get(), buffer.data(), inFlight.front().length, inFlight.front().id);
            inFlight.pop_front();
        }
    };
    while (target.size() < size) {
        while (inFlight.size() < sftpDepth && requested < size) {
            const auto length = uint32_t(std::min<qint64>(sftpChunk, size - requested));
            const int id = sftp_async_read_begin(file.get(), length);
            if (id < 0)
                return sftpError(tr("reading"));
            inFlight.push_back({ uint32_t(id), length });
            requested += length;
        }
        if (options.cancel && options.cancel->load())
            return downloadCancelled(remotePath);
        const Request request = inFlight.front();
        const int got = sftp_async_read(file.get(), buffer.data(), request.length, request.id);
        inFlight.pop_front();
        if (got < 0)
            return sftpError(tr("reading"));
        if (got == 0)
            return makeError(Error::Code::Corrupt,
                tr("%1: %2 ended at %3 bytes, shorter than its listed size %4: it changed during the download")
                    .arg(describe(), remotePath)
                    .arg(target.size())
                    .arg(size));
        watchdog.touch();
        if (auto written = target.append(buffer.data(), got); !written)
            return written.error();
        if (uint32_t(got) < request.length) {
            // A short answer leaves a hole before the requests behind it: drop them and ask again from here.
            drain();
            if (sftp_seek64(file.get(), quint64(target.size())) < 0)
                return sftpError(tr("seeking"));
            requested = target.size();
        }
        if (options.progress && (target.size() - reported >= progressStep || target.size() == size)) {
            options.progress(target.size(), size);
            reported = target.size();
        }
    }
    return {};
}

Result<DownloadResult> SshTransport::download(
    const QString& remotePath, const QString& localPath, const DownloadOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    DownloadResult result;
    if (auto opened = open(); !opened)
        return opened.error();
    log(LogKind::Info, tr("Downloading %1 from %2 to %3").arg(remotePath, describe(), localPath));
    PartialDownload target(localPath);
    qint64 total = -1; // known after the first pass has asked the host
    for (int attempt = 0;; ++attempt) {
        const Result<void> pass
            = sftpPass(remotePath, target, &total, &result.resumedFrom, &result.modifiedSeconds, options);
        if (pass) {
            if (auto finished = target.finish(); !finished)
                return finished.error();
            result.size = total;
            result.durationMs = timer.elapsed();
            log(LogKind::Info,
                tr("Downloaded %1 (%2 bytes in %3 ms)").arg(remotePath).arg(result.size).arg(result.durationMs));
            return result;
        }
        const bool connectionLost
            = pass.error().code == Error::Code::Network || pass.error().code == Error::Code::Timeout;
        // A file that changed or vanished on the host must not be continued later; anything else may be. A file
        // that could not be read at all (no permission, not a regular file) leaves no empty .part behind.
        const bool readNothing = target.size() == 0 && !connectionLost && pass.error().code != Error::Code::Cancelled;
        if (pass.error().code == Error::Code::Corrupt || pass.error().code == Error::Code::NotFound || readNothing)
            target.discard();
        else
            target.keepForResume();
        log(LogKind::Error, pass.error().fullText());
        if (connectionLost || pass.error().code == Error::Code::Cancelled)
            close(); // the watchdog may have shut the socket down
        if (!connectionLost || attempt >= options.reconnectAttempts)
            return pass.error();
        for (int waited = 0; waited < options.reconnectDelayMs; waited += 50) {
            if (options.cancel && options.cancel->load())
                return downloadCancelled(remotePath);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        log(LogKind::Info,
            tr("Reconnecting to %1 to continue %2 at byte %3").arg(describe(), remotePath).arg(target.size()));
        if (auto reopened = open(); !reopened)
            return reopened.error();
        ++result.reconnects;
    }
}

} // namespace dr
