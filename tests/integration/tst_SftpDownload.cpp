#include "TestSshd.h"
#include "remote/ConnectOptions.h"
#include "remote/SshTransport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace dr;
using dr::test::TestSshd;

// Downloads over SFTP (pipelined reads) from a real sshd on loopback: whole files, resume of a .part, a
// connection cut or frozen in the middle, cancel, a file that is not there, names a shell would mangle.
class tst_SftpDownload : public QObject
{
    Q_OBJECT

private:
    TestSshd m_server;
    QTemporaryDir m_dir;
    QString m_knownHosts;
    QByteArray m_remoteSha256;
    static constexpr qint64 fileSize = 24 * 1024 * 1024 + 12345; // not a multiple of the request size

    ConnectOptions options() const
    {
        ConnectOptions result;
        result.appKnownHostsFile = m_knownHosts;
        result.connectTimeoutMs = 3'000;
        return result;
    }
    QString remoteFile() const
    {
        return m_server.workDir() + QStringLiteral("/backups/database/postgres-20260101-020000.sql.gz");
    }
    static qint64 residentKiB()
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
        return 0;
    }
    static QByteArray sha256Of(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        return hash.result().toHex();
    }
    // What sha256sum says on the host: the reference the download is compared with.
    QByteArray hostSha256(const QString& path) const
    {
        QByteArray output;
        m_server.runAsUser(QStringLiteral("sha256sum -- '%1'").arg(path), &output);
        return output.left(64);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_knownHosts = m_server.writeKnownHosts(QStringLiteral("known-hosts"));
        QCOMPARE(m_server.runAsUser(QStringLiteral("mkdir -p backups/database && head -c %1 /dev/urandom > '%2'")
                                        .arg(fileSize)
                                        .arg(remoteFile())),
            0);
        m_remoteSha256 = hostSha256(remoteFile());
        QCOMPARE(m_remoteSha256.size(), 64);
    }

    void wholeFileArrivesIntact()
    {
        SshTransport transport(m_server.profile(), options());
        const QString target = m_dir.filePath(QStringLiteral("whole/copy.sql.gz"));
        QList<qint64> seen;
        DownloadOptions download;
        download.progress = [&](qint64 done, qint64 total) {
            QCOMPARE(total, fileSize);
            seen.append(done);
        };
        const auto result = transport.download(remoteFile(), target, download);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QCOMPARE(result->size, fileSize);
        QCOMPARE(result->resumedFrom, 0);
        QCOMPARE(QFileInfo(target).size(), fileSize);
        QCOMPARE(sha256Of(target), m_remoteSha256);
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last(), fileSize);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    }

    void partFileIsContinued()
    {
        const QString target = m_dir.filePath(QStringLiteral("resume/copy.sql.gz"));
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        // The first 5 MiB from an earlier, interrupted download.
        SshTransport first(m_server.profile(), options());
        QVERIFY(first.download(remoteFile(), m_dir.filePath(QStringLiteral("resume/full")), {}).ok());
        QFile full(m_dir.filePath(QStringLiteral("resume/full")));
        QVERIFY(full.open(QIODevice::ReadOnly));
        QFile part(target + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(full.read(5 * 1024 * 1024));
        part.close();
        // Without a record of which version it came from, a .part is not trusted: started again.
        SshTransport transport(m_server.profile(), options());
        QVERIFY(transport.download(remoteFile(), target, {}).ok());
        QFile::remove(target);

        // From the same version of the file (size and modification time as the host has them): continued.
        QVERIFY(part.open(QIODevice::WriteOnly));
        full.seek(0);
        part.write(full.read(5 * 1024 * 1024));
        part.close();
        QByteArray mtime;
        QCOMPARE(m_server.runAsUser(QStringLiteral("stat -c %Y '%1'").arg(remoteFile()), &mtime), 0);
        QFile source(target + QStringLiteral(".part.source"));
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write(QByteArray::number(fileSize) + ' ' + mtime.trimmed());
        source.close();
        const auto result = transport.download(remoteFile(), target, {});
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QCOMPARE(result->resumedFrom, 5 * 1024 * 1024);
        QCOMPARE(sha256Of(target), m_remoteSha256);
        QVERIFY(!QFile::exists(target + QStringLiteral(".part.source")));

        // From another version of the file (it was rewritten on the host since): started again, never spliced.
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(QByteArray(5 * 1024 * 1024, 'x'));
        part.close();
        QVERIFY(source.open(QIODevice::WriteOnly));
        source.write(QByteArray::number(fileSize) + " 1000000000");
        source.close();
        const auto fresh = transport.download(remoteFile(), target, {});
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->resumedFrom, 0);
        QCOMPARE(sha256Of(target), m_remoteSha256);
    }

    void longerPartFileIsRestarted()
    {
        const QString target = m_dir.filePath(QStringLiteral("stale/copy.sql.gz"));
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        QFile part(target + QStringLiteral(".part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(QByteArray(int(fileSize + 10), 'x'));
        part.close();
        SshTransport transport(m_server.profile(), options());
        const auto result = transport.download(remoteFile(), target, {});
        QVERIFY(result.ok());
        QCOMPARE(result->resumedFrom, 0);
        QCOMPARE(sha256Of(target), m_remoteSha256);
    }

    void connectionCutMidwayIsResumed()
    {
        SshTransport transport(m_server.profile(), options());
        const QString target = m_dir.filePath(QStringLiteral("cut/copy.sql.gz"));
        bool cut = false;
        qint64 cutAt = 0;
        DownloadOptions download;
        download.reconnectDelayMs = 100;
        download.progress = [&](qint64 done, qint64 total) {
            if (!cut && done > total / 3) {
                cut = true;
                cutAt = done;
                QVERIFY(m_server.killSessions() > 0);
            }
        };
        const auto result = transport.download(remoteFile(), target, download);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QVERIFY(cut);
        QVERIFY(cutAt < fileSize);
        QCOMPARE(result->reconnects, 1);
        QCOMPARE(sha256Of(target), m_remoteSha256);
    }

    void frozenHostTimesOutAndIsResumed()
    {
        SshTransport transport(m_server.profile(), options());
        const QString target = m_dir.filePath(QStringLiteral("frozen/copy.sql.gz"));
        bool frozen = false;
        DownloadOptions download;
        download.reconnectDelayMs = 100;
        download.progress = [&](qint64 done, qint64 total) {
            if (!frozen && done > total / 2) {
                frozen = true;
                QVERIFY(m_server.signalSessions(SIGSTOP) > 0);
            }
        };
        QElapsedTimer timer;
        timer.start();
        const auto result = transport.download(remoteFile(), target, download);
        m_server.killSessions(); // the frozen ones (SIGKILL reaches stopped processes)
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QVERIFY(frozen);
        QCOMPARE(result->reconnects, 1);
        QVERIFY2(timer.elapsed() < 20'000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(sha256Of(target), m_remoteSha256);
    }

    void frozenHostWithoutRetriesIsNamed()
    {
        SshTransport transport(m_server.profile(), options());
        const QString target = m_dir.filePath(QStringLiteral("frozen-no-retry/copy.sql.gz"));
        bool frozen = false;
        DownloadOptions download;
        download.reconnectAttempts = 0;
        download.progress = [&](qint64 done, qint64 total) {
            if (!frozen && done > total / 2) {
                frozen = true;
                m_server.signalSessions(SIGSTOP);
            }
        };
        const auto result = transport.download(remoteFile(), target, download);
        m_server.killSessions();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Timeout);
        QVERIFY2(result.error().message.contains(QLatin1String("sshtest")), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(remoteFile()));
        QVERIFY(!QFile::exists(target));
        QVERIFY(QFileInfo(target + QStringLiteral(".part")).size() > 0); // kept for the next try
    }

    void cancelKeepsPartThenResumes()
    {
        const QString target = m_dir.filePath(QStringLiteral("cancel/copy.sql.gz"));
        std::atomic_bool cancel { false };
        DownloadOptions download;
        download.cancel = &cancel;
        download.progress = [&](qint64 done, qint64 total) {
            if (done > total / 4)
                cancel = true;
        };
        SshTransport transport(m_server.profile(), options());
        const auto cancelled = transport.download(remoteFile(), target, download);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
        QVERIFY(!QFile::exists(target));
        const qint64 kept = QFileInfo(target + QStringLiteral(".part")).size();
        QVERIFY(kept > fileSize / 4 && kept < fileSize);

        const auto resumed = transport.download(remoteFile(), target, {});
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().fullText()));
        QCOMPARE(resumed->resumedFrom, kept);
        QCOMPARE(sha256Of(target), m_remoteSha256);
    }

    void memoryStaysFlat()
    {
        // 256 MiB through the pipeline: the process grows by the requests in flight and the heap's pad, not
        // by the file.
        const QString big = m_server.workDir() + QStringLiteral("/big.tar.gz");
        QCOMPARE(m_server.runAsUser(QStringLiteral("head -c 256M /dev/urandom > '%1'").arg(big)), 0);
        SshTransport transport(m_server.profile(), options());
        QVERIFY(transport.open().ok());
        const qint64 before = residentKiB();
        qint64 peak = before;
        DownloadOptions download;
        download.progress = [&](qint64, qint64) { peak = std::max(peak, residentKiB()); };
        const QString target = m_dir.filePath(QStringLiteral("big/copy.tar.gz"));
        QVERIFY(transport.download(big, target, download).ok());
        QCOMPARE(QFileInfo(target).size(), 256 * 1024 * 1024);
        QFile::remove(target);
        qInfo("resident memory grew by %lld KiB during a 256 MiB download", peak - before);
        QVERIFY2(peak - before < 48 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(peak - before)));
    }

    void missingFileIsNamed()
    {
        SshTransport transport(m_server.profile(), options());
        const QString missing
            = m_server.workDir() + QStringLiteral("/backups/database/postgres-20200101-000000.sql.gz");
        const auto result = transport.download(missing, m_dir.filePath(QStringLiteral("missing/x")), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::NotFound);
        QVERIFY(result.error().message.contains(missing));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing/x"))));
        // The connection is still usable afterwards.
        QVERIFY(transport.run({ QStringLiteral("true") }, {}).ok());
    }

    void folderIsRefused()
    {
        SshTransport transport(m_server.profile(), options());
        const auto result = transport.download(m_server.workDir(), m_dir.filePath(QStringLiteral("folder/x")), {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::InvalidInput);
        // Nothing was read: no empty .part is kept for a resume that can never come.
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("folder/x.part"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("folder/x.part.source"))));
    }

    void unreadableFileIsNamedAndLeavesNothing()
    {
        const QString locked = m_server.workDir() + QStringLiteral("/locked.sql.gz");
        QCOMPARE(m_server.runAsUser(QStringLiteral("echo x > '%1' && chmod 000 '%1'").arg(locked)), 0);
        SshTransport transport(m_server.profile(), options());
        const auto result = transport.download(locked, m_dir.filePath(QStringLiteral("locked/x")), {});
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QLatin1String("no permission")), qPrintable(result.error().message));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("locked/x.part"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("locked/x.part.source"))));
    }

    void hostileNameIsFetchedAsIs()
    {
        const QString name = m_server.workDir() + QStringLiteral("/we'ird $(touch pwned) `id`\nname.sql.gz");
        QFile::remove(m_server.workDir() + QStringLiteral("/pwned"));
        QFile file(name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hostile but harmless");
        file.close();
        QVERIFY(m_server.chownWorkDir());
        SshTransport transport(m_server.profile(), options());
        const QString target = m_dir.filePath(QStringLiteral("hostile/copy"));
        const auto result = transport.download(name, target, {});
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
        QFile copy(target);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), QByteArray("hostile but harmless"));
        QVERIFY(!QFile::exists(m_server.workDir() + QStringLiteral("/pwned")));
        QVERIFY(!QFile::exists(QDir::current().filePath(QStringLiteral("pwned"))));
    }
};

QTEST_GUILESS_MAIN(tst_SftpDownload)
#include "tst_SftpDownload.moc"
