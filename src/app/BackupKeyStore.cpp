#include "app/BackupKeyStore.h"

#ifdef DRCONSOLE_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace dr {

namespace {
const QString keychainService = QStringLiteral("DR Console");
}

BackupKeyStore::BackupKeyStore(QObject* parent)
    : QObject(parent)
{ }

bool BackupKeyStore::available()
{
#ifdef DRCONSOLE_HAVE_QTKEYCHAIN
    return qEnvironmentVariableIntValue("DRCONSOLE_NO_KEYCHAIN") == 0;
#else
    return false;
#endif
}

QString BackupKeyStore::entryName(const QString& host)
{
    return QStringLiteral("backup-encryption-key/") + host;
}

void BackupKeyStore::read(
    const QString& host, const std::function<void(const QByteArray& key, const QString& error)>& done)
{
#ifdef DRCONSOLE_HAVE_QTKEYCHAIN
    if (available()) {
        auto* job = new QKeychain::ReadPasswordJob(keychainService, this);
        job->setKey(entryName(host));
        connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job* finished) {
            auto* reading = static_cast<QKeychain::ReadPasswordJob*>(finished);
            if (reading->error() == QKeychain::NoError)
                done(reading->binaryData(), {});
            else if (reading->error() == QKeychain::EntryNotFound)
                done({}, {}); // the keychain works; it holds no key for this host yet
            else
                done({}, reading->errorString());
        });
        job->start();
        return;
    }
#endif
    Q_UNUSED(host)
    done({}, tr("no system keychain in this build or session"));
}

void BackupKeyStore::write(
    const QString& host, const QByteArray& key, const std::function<void(const QString& error)>& done)
{
#ifdef DRCONSOLE_HAVE_QTKEYCHAIN
    if (available()) {
        auto* job = new QKeychain::WritePasswordJob(keychainService, this);
        job->setKey(entryName(host));
        job->setBinaryData(key);
        connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job* finished) {
            done(finished->error() == QKeychain::NoError ? QString() : finished->errorString());
        });
        job->start();
        return;
    }
#endif
    Q_UNUSED(host)
    Q_UNUSED(key)
    done(tr("no system keychain in this build or session"));
}

} // namespace dr
