#include "TestSshd.h"
#include "catalog/Catalog.h"
#include "catalog/HostSync.h"
#include "remote/SshTransport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace dr;
using dr::test::TestSshd;

// The one-round-trip sync over real SSH, into a real catalog.
class tst_SshSync : public QObject
{
    Q_OBJECT

private:
    TestSshd m_server;
    QTemporaryDir m_dir;

    ConnectOptions options() const
    {
        ConnectOptions result;
        result.appKnownHostsFile = m_dir.filePath(QStringLiteral("known_hosts"));
        result.acceptNewHostKey = true;
        return result;
    }

    struct Host
    {
        std::unique_ptr<Catalog> catalog;
        HostProfile profile;
    };
    Host newHost(const QString& name, const QString& baseDir)
    {
        Host host;
        host.catalog = std::make_unique<Catalog>(m_dir.filePath(name + QStringLiteral(".sqlite")));
        if (!host.catalog->open())
            return host;
        host.profile = m_server.profile(name);
        host.profile.baseDir = baseDir;
        host.profile.id = host.catalog->addHost(host.profile).value();
        return host;
    }
    static void writeFile(const QString& path, const QByteArray& content = "x")
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
        file.write(content);
        file.flush();
        file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-1), QFileDevice::FileModificationTime);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void tenThousandBackupsThenIncrementalResync()
    {
        const QString base = m_server.workDir() + QStringLiteral("/bot");
        const QStringList folders { QStringLiteral("backups/database"), QStringLiteral("backups/application"),
            QStringLiteral("system-backup") };
        const QStringList prefixes { QStringLiteral("postgres"), QStringLiteral("app-data"), QStringLiteral("config") };
        const QStringList suffixes { QStringLiteral(".sql.gz"), QStringLiteral(".tar.gz"), QStringLiteral(".tar.gz") };
        QByteArray catalogText;
        const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < 10'000; ++i) {
            const int kind = i % 3;
            const QDateTime time = start.addSecs(qint64(i) * 3600);
            const QString path = QStringLiteral("%1/%2-%3%4")
                                     .arg(folders[kind], prefixes[kind],
                                         time.toString(QStringLiteral("yyyyMMdd-HHmmss")), suffixes[kind]);
            writeFile(base + u'/' + path, QByteArray(100 + i % 50, 'b'));
            if (i % 2 == 0) {
                catalogText += QStringLiteral(
                    R"({"ts":"%1","event":"backup_finished","kind":"full","component":"%2","file":"%3","size":1,"sha256":"ab"})"
                    "\n")
                                   .arg(time.addSecs(5).toString(Qt::ISODate), prefixes[kind], path)
                                   .toUtf8();
            }
        }
        writeFile(base + QStringLiteral("/backups/catalog.jsonl"), catalogText);
        QVERIFY(m_server.chownWorkDir());

        Host host = newHost(QStringLiteral("tenk"), base);
        QVERIFY(host.catalog);
        host.profile.backupDirs = folders;
        QVERIFY(host.catalog->updateHost(host.profile).ok());
        SshTransport transport(host.profile, options());
        QElapsedTimer timer;
        timer.start();
        auto first = syncHost(*host.catalog, host.profile, transport);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().fullText()));
        qInfo("first sync of 10,000 backups over SSH: %lld ms", timer.elapsed());
        QCOMPARE(first->added, 10'000);
        QCOMPARE(first->newEvents, 5'000);
        const auto records = host.catalog->backups(host.profile.id);
        QCOMPARE(records->size(), 10'000);
        int managed = 0;
        for (const BackupRecord& record : *records)
            managed += record.managed ? 1 : 0;
        QCOMPARE(managed, 5'000);

        // Nothing new: one round trip, no listing, no catalog bytes.
        timer.restart();
        auto nothing = syncHost(*host.catalog, host.profile, transport);
        QVERIFY(nothing.ok());
        qInfo("re-sync with nothing new: %lld ms", timer.elapsed());
        QCOMPARE(nothing->unchangedListing, 1);
        QCOMPARE(nothing->added, 0);
        QCOMPARE(nothing->newEvents, 0);

        // Five new backups with their catalog lines, as the host tool writes them.
        QByteArray more;
        for (int i = 0; i < 5; ++i) {
            const QString path = QStringLiteral("backups/database/postgres-2026010%1-020000.sql.gz").arg(i + 1);
            writeFile(base + u'/' + path);
            more += QStringLiteral(
                R"({"ts":"2026-01-0%1T02:00:09Z","event":"backup_finished","kind":"full","component":"postgres","file":"%2"})"
                "\n")
                        .arg(i + 1)
                        .arg(path)
                        .toUtf8();
        }
        QFile catalogFile(base + QStringLiteral("/backups/catalog.jsonl"));
        QVERIFY(catalogFile.open(QIODevice::Append));
        catalogFile.write(more);
        catalogFile.close();
        QVERIFY(m_server.chownWorkDir());
        auto incremental = syncHost(*host.catalog, host.profile, transport);
        QVERIFY(incremental.ok());
        QCOMPARE(incremental->added, 5);
        QCOMPARE(incremental->newEvents, 5);
        QCOMPARE(host.catalog->backups(host.profile.id)->size(), 10'005);
        QCOMPARE(host.catalog->hostState(host.profile.id)->cursor.catalogOffset, catalogText.size() + more.size());
    }

    void hostileNamesAreListedExactlyAndNothingRuns()
    {
        const QString base = m_server.workDir() + QStringLiteral("/hostile");
        // Folder names are free; file names must follow the backup pattern to be listed.
        const QList<QPair<QString, QString>> backups {
            { QStringLiteral("backups/it's $(touch pwned); x\n"), QStringLiteral("postgres-20240909-020000.sql.gz") },
            { QStringLiteral("new\nline `touch pwned`"), QStringLiteral("sqlite-20240909-020000.db.gz") },
            { QStringLiteral("quote \" and ; semi & | > <"), QStringLiteral("app-data-20240909-020000.tar.gz") },
            { QStringLiteral("é 日本 backups"), QStringLiteral("config-20240909-020000.tar.gz.enc") },
            { QStringLiteral("-dash *glob* ?"), QStringLiteral("docker-volumes-20240909-020000.tar.gz") },
            { QStringLiteral(" spaces  around "), QStringLiteral("postgres-20240910-020000.sql.gz") },
        };
        QStringList dirs;
        QSet<QString> expected;
        for (const auto& [dir, name] : backups) {
            writeFile(base + u'/' + dir + u'/' + name);
            dirs.append(dir);
            expected.insert(dir + u'/' + name);
        }
        // Names that are not backups are reported as skipped, not listed, and not run.
        const QStringList notBackups { QStringLiteral("$(touch pwned)-20261120-020000.db.gz"),
            QStringLiteral("x;touch pwned;.sql.gz"), QStringLiteral("`touch pwned`\n.tar.gz"),
            QStringLiteral("it's \"quoted\" 日本 é.sql.gz") };
        for (const QString& name : notBackups)
            writeFile(base + u'/' + dirs[0] + u'/' + name);
        QVERIFY(m_server.chownWorkDir());

        Host host = newHost(QStringLiteral("hostile"), base);
        host.profile.backupDirs = dirs;
        QVERIFY(host.catalog->updateHost(host.profile).ok());
        SshTransport transport(host.profile, options());
        QStringList commands;
        transport.setLogSink([&](LogKind kind, const QString& text) {
            if (kind == LogKind::Command)
                commands.append(text);
        });
        auto outcome = syncHost(*host.catalog, host.profile, transport);
        QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().fullText()));
        QCOMPARE(outcome->added, int(backups.size()));
        QCOMPARE(commands.size(), 1); // one round trip
        const QString problems = outcome->problems.join(u'\n');
        for (const QString& name : notBackups)
            QVERIFY2(problems.contains(name + QStringLiteral(" skipped")), qPrintable(problems));
        QSet<QString> listed;
        const auto records = host.catalog->backups(host.profile.id);
        for (const BackupRecord& record : *records)
            listed.insert(record.path);
        QCOMPARE(listed, expected);

        // Nothing ran: no file named pwned in the user's home or in our working folder.
        QByteArray found;
        QCOMPARE(m_server.runAsUser(QStringLiteral("find ~ -name pwned"), &found), 0);
        QVERIFY2(found.trimmed().isEmpty(), found.constData());
        QVERIFY(!QFile::exists(QDir::current().filePath(QStringLiteral("pwned"))));
        QVERIFY(!QFile::exists(QDir::home().filePath(QStringLiteral("pwned"))));
    }

    void missingBaseFolderIsAClearError()
    {
        Host host = newHost(QStringLiteral("nobase"), m_server.workDir() + QStringLiteral("/not-there"));
        SshTransport transport(host.profile, options());
        auto outcome = syncHost(*host.catalog, host.profile, transport);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error().message.contains(QLatin1String("nobase"))
                && outcome.error().message.contains(QLatin1String("not-there")),
            qPrintable(outcome.error().message));
    }
};

QTEST_GUILESS_MAIN(tst_SshSync)
#include "tst_SshSync.moc"
