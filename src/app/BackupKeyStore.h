#pragma once

#include <QCoreApplication>
#include <QObject>

#include <functional>

namespace dr {

/// The backup encryption key of a host in the system keychain (QtKeychain: Secret Service, KWallet), when
/// this build has it and the desktop offers one. Never a file: without a keychain the console asks for the
/// key and keeps it in memory for the session. DRCONSOLE_NO_KEYCHAIN=1 turns the keychain off.
class BackupKeyStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupKeyStore)

public:
    explicit BackupKeyStore(QObject* parent = nullptr);

    /// Whether this build can use a system keychain at all (a read may still fail at run time).
    static bool available();
    /// Asynchronous: @p done gets the key; or an empty key, and why the keychain cannot be used (empty when it
    /// works and holds no key for @p host).
    void read(const QString& host, const std::function<void(const QByteArray& key, const QString& error)>& done);
    /// Asynchronous: @p done gets an empty string on success, else why it failed.
    void write(const QString& host, const QByteArray& key, const std::function<void(const QString& error)>& done);

private:
    static QString entryName(const QString& host);
};

} // namespace dr
