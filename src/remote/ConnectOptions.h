#pragma once

#include "core/HostProfile.h"
#include "core/Transport.h"

#include <atomic>
#include <memory>

namespace dr {

/// How to connect: host-key policy and secrets. Secrets live in memory only, never in the catalog or a log.
struct ConnectOptions
{
    /// The console's own known_hosts: keys the user accepted are added here.
    QString appKnownHostsFile;
    /// ~/.ssh/known_hosts: honoured (read only). Empty: not consulted.
    QString userKnownHostsFile;
    /// Accept an unknown host key only if its SHA256 fingerprint is this one (the one the user was shown).
    QString acceptHostKeyFingerprint;
    /// Accept any unknown host key (CLI --accept-new-host-key). A changed key is refused regardless.
    bool acceptNewHostKey = false;
    QString password;
    QString passphrase;
    int connectTimeoutMs = 15'000;
    /// Set (by another thread) to give up a connection attempt that is under way; must outlive the transport.
    const std::atomic_bool* cancel = nullptr;
};

/// DRCONSOLE_KNOWN_HOSTS, else `<user data folder>/known_hosts`.
QString defaultAppKnownHostsFile();
/// `~/.ssh/known_hosts` of the user running the console.
QString defaultUserKnownHostsFile();

/// The transport a profile asks for: SSH (libssh) or a local process.
std::unique_ptr<Transport> makeTransport(const HostProfile& host, const ConnectOptions& options);

} // namespace dr
