#include "remote/LibsshTransport.h"

#include "core/ShellQuote.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <libssh/libssh.h>

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

} // namespace

struct LibsshTransport::Private
{
    HostProfile host;
    ConnectOptions options;
    ssh_session session = nullptr;
    bool connected = false;
    QString fingerprint;

    QString lastError() const { return session ? QString::fromUtf8(ssh_get_error(session)) : QString(); }
};

LibsshTransport::LibsshTransport(HostProfile host, ConnectOptions options)
    : d(std::make_unique<Private>())
{
    d->host = std::move(host);
    d->options = std::move(options);
}

LibsshTransport::~LibsshTransport()
{
    close();
}

QString LibsshTransport::describe() const
{
    return tr("host %1 (%2)").arg(d->host.name, d->host.displayAddress());
}

QString LibsshTransport::hostKeyFingerprint() const
{
    return d->fingerprint;
}

bool LibsshTransport::isOpen() const
{
    return d->connected && d->session && ssh_is_connected(d->session);
}

void LibsshTransport::close()
{
    if (d->session) {
        if (ssh_is_connected(d->session))
            ssh_disconnect(d->session);
        ssh_free(d->session);
        d->session = nullptr;
    }
    d->connected = false;
}

Result<void> LibsshTransport::open()
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
    const long timeoutSeconds = std::max(1, d->options.connectTimeoutMs / 1000);
    const int noDelay = 1;
    const bool processConfig = false; // the profile says how to connect, not ~/.ssh/config
    ssh_options_set(d->session, SSH_OPTIONS_HOST, address.constData());
    ssh_options_set(d->session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(d->session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(d->session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    ssh_options_set(d->session, SSH_OPTIONS_NODELAY, &noDelay);
    ssh_options_set(d->session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);

    log(LogKind::Info, tr("Connecting to %1").arg(describe()));
    if (ssh_connect(d->session) != SSH_OK) {
        const QString why = d->lastError();
        close();
        const bool timedOut = why.contains(QLatin1String("imeout"), Qt::CaseInsensitive);
        QString message = timedOut
            ? tr("Host %1 (%2:%3) did not answer within %4 s")
                  .arg(d->host.name, d->host.address)
                  .arg(d->host.port)
                  .arg(timeoutSeconds)
            : tr("Cannot connect to host %1 (%2:%3)").arg(d->host.name, d->host.address).arg(d->host.port);
        if (why.contains(QLatin1String("refused"), Qt::CaseInsensitive))
            message = tr("Host %1 refused the connection on port %2 (is sshd running there?)")
                          .arg(d->host.name)
                          .arg(d->host.port);
        log(LogKind::Error, message + QStringLiteral(": ") + why);
        return makeError(timedOut ? Error::Code::Timeout : Error::Code::Network, message, why);
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

Result<void> LibsshTransport::checkHostKey()
{
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(d->session, &rawKey) != SSH_OK)
        return makeError(Error::Code::Protocol, tr("Host %1 sent no host key").arg(d->host.name), d->lastError());
    KeyPointer key(rawKey);
    unsigned char* hash = nullptr;
    size_t hashLength = 0;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength) != SSH_OK)
        return makeError(Error::Code::Protocol, tr("Cannot hash the host key of %1").arg(d->host.name), d->lastError());
    std::unique_ptr<char, StringDeleter> text(ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength));
    ssh_clean_pubkey_hash(&hash);
    d->fingerprint = QString::fromLatin1(text.get());
    const QString keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));

    const QByteArray appFile = QFile::encodeName(d->options.appKnownHostsFile);
    const QByteArray userFile = QFile::encodeName(d->options.userKnownHostsFile);
    auto stateIn = [&](const QByteArray& file) {
        ssh_options_set(d->session, SSH_OPTIONS_KNOWNHOSTS, file.constData());
        return ssh_session_is_known_server(d->session);
    };
    auto changed = [&](const QString& file) {
        return makeError(Error::Code::HostKeyChanged,
            tr("The host key of %1 has changed: it now presents %2 %3, which does not match the key recorded for it in "
               "%4. Someone may be intercepting the connection (man-in-the-middle), or the host was reinstalled. The "
               "connection was refused. If the change is expected, verify the new fingerprint with the host's "
               "administrator, then remove the old line for %5 from %4.")
                .arg(d->host.name, keyType, d->fingerprint, file, d->host.address),
            d->fingerprint);
    };

    enum ssh_known_hosts_e state = stateIn(appFile);
    if (state == SSH_KNOWN_HOSTS_OK)
        return {};
    if (state == SSH_KNOWN_HOSTS_CHANGED || state == SSH_KNOWN_HOSTS_OTHER)
        return changed(d->options.appKnownHostsFile);
    if (!userFile.isEmpty() && QFileInfo::exists(d->options.userKnownHostsFile)) {
        const enum ssh_known_hosts_e userState = stateIn(userFile);
        ssh_options_set(d->session, SSH_OPTIONS_KNOWNHOSTS, appFile.constData());
        if (userState == SSH_KNOWN_HOSTS_OK)
            return {};
        if (userState == SSH_KNOWN_HOSTS_CHANGED || userState == SSH_KNOWN_HOSTS_OTHER)
            return changed(d->options.userKnownHostsFile);
    }
    ssh_options_set(d->session, SSH_OPTIONS_KNOWNHOSTS, appFile.constData());
    const bool accepted = d->options.acceptNewHostKey
        || (!d->options.acceptHostKeyFingerprint.isEmpty() && d->options.acceptHostKeyFingerprint == d->fingerprint);
    if (!accepted) {
        return makeError(Error::Code::HostKeyUnknown,
            tr("Host %1 (%2) is not known yet. It presents a %3 key with the fingerprint %4. Compare it with the "
               "fingerprint the host's administrator gives you (ssh-keygen -lf on the host key) before accepting it.")
                .arg(d->host.name, d->host.displayAddress(), keyType, d->fingerprint),
            d->fingerprint);
    }
    QDir().mkpath(QFileInfo(d->options.appKnownHostsFile).absolutePath());
    if (ssh_session_update_known_hosts(d->session) != SSH_OK)
        return makeError(Error::Code::Io,
            tr("Cannot remember the host key of %1 in %2").arg(d->host.name, d->options.appKnownHostsFile),
            d->lastError());
    log(LogKind::Info, tr("Accepted and remembered the %1 key %2 of %3").arg(keyType, d->fingerprint, d->host.name));
    return {};
}

Result<void> LibsshTransport::authenticate()
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

Result<RunResult> LibsshTransport::run(const QStringList& argv, const RunOptions& options)
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
    if (!channel || ssh_channel_open_session(channel) != SSH_OK)
        return lost(tr("while opening a channel"));
    if (ssh_channel_request_exec(channel, line->constData()) != SSH_OK)
        return lost(tr("while starting %1").arg(argv.value(0)));
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
            QByteArray& pending = pendingLines[isStderr ? 1 : 0];
            pending.append(chunk);
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                log(isStderr ? LogKind::Stderr : LogKind::Stdout, QString::fromUtf8(pending.left(newline)));
                pending.remove(0, newline + 1);
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
    while (true) {
        bool progressed = false;
        // Block on stdout (wakes at once on data or end of file); stderr is drained without waiting.
        int bytes = ssh_channel_read_timeout(channel, buffer.data(), uint32_t(buffer.size()), 0, 50);
        if (bytes == SSH_ERROR)
            return lost(tr("while running %1").arg(argv.value(0)));
        if (bytes > 0) {
            deliver(bytes, false);
            progressed = true;
        }
        bytes = ssh_channel_read_nonblocking(channel, buffer.data(), uint32_t(buffer.size()), 1);
        if (bytes == SSH_ERROR)
            return lost(tr("while running %1").arg(argv.value(0)));
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
            return lost(tr("while running %1").arg(argv.value(0)));
        if (ssh_channel_is_eof(channel) || ssh_channel_is_closed(channel))
            break;
        if (options.cancel && options.cancel->load())
            return stop(makeError(Error::Code::Cancelled, tr("%1: %2 was cancelled").arg(describe(), argv.value(0))));
        const bool idleExpired = options.idleTimeoutMs > 0 && idle.elapsed() > options.idleTimeoutMs;
        const bool totalExpired = options.totalTimeoutMs > 0 && total.elapsed() > options.totalTimeoutMs;
        if (idleExpired || totalExpired)
            return stop(makeError(Error::Code::Timeout,
                tr("%1: %2 gave no answer for %3 s and was stopped")
                    .arg(describe(), argv.value(0))
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

} // namespace dr
