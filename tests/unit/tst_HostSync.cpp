#include "catalog/Catalog.h"
#include "catalog/HostSync.h"
#include "core/Proof.h"
#include "core/Translations.h"
#include "remote/LocalTransport.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

#include <fcntl.h>
#include <unistd.h>

using namespace dr;

// The local transport with every command run as the unprivileged user nobody: the tests run as root, who reads
// every folder, and a login that cannot read one is what is tested.
class AsNobodyTransport final : public Transport
{
public:
    explicit AsNobodyTransport(const HostProfile& host)
        : m_local(host)
    { }
    Result<void> open() override { return m_local.open(); }
    bool isOpen() const override { return true; }
    void close() override { }
    Result<RunResult> run(const QStringList& argv, const RunOptions& options) override
    {
        return m_local.run(QStringList { QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("nobody"),
                               QStringLiteral("--") }
                + argv,
            options);
    }
    Result<DownloadResult> download(
        const QString& remotePath, const QString& localPath, const DownloadOptions& options) override
    {
        return m_local.download(remotePath, localPath, options);
    }
    QString describe() const override { return m_local.describe(); }

private:
    LocalTransport m_local;
};

// The one-round-trip sync, end to end on this machine: the real sync script under /bin/sh with GNU find,
// through the local transport, into a real SQLite catalog.
class tst_HostSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_hostDir;
    std::unique_ptr<Catalog> m_catalog;
    HostProfile m_host;
    std::unique_ptr<LocalTransport> m_transport;

    /// Written before any event of these tests: a verification is of the bytes a file held when it ran.
    static QDateTime beforeTheEvents() { return QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC); }
    void writeFile(const QString& relativePath, const QByteArray& content, const QDateTime& written = beforeTheEvents())
    {
        const QString path = m_hostDir + u'/' + relativePath;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
        file.write(content);
        file.flush(); // else the buffered write lands after the time is set and resets it
        file.setFileTime(written, QFileDevice::FileModificationTime);
    }
    void appendCatalog(const QByteArray& text)
    {
        QDir().mkpath(m_hostDir + QStringLiteral("/backups"));
        QFile file(m_hostDir + QStringLiteral("/backups/catalog.jsonl"));
        QVERIFY(file.open(QIODevice::Append));
        file.write(text);
    }
    /// The workstation's verdict on a postgres dump whose checksum no longer matches.
    static VerificationEntry checksumMismatchFound(const QString& path, const QDateTime& time)
    {
        VerificationEntry entry;
        entry.time = time;
        entry.path = path;
        entry.component = QStringLiteral("postgres");
        entry.state = VerifyState::Failed;
        entry.level = QStringLiteral("exists");
        entry.method = QStringLiteral("sha256");
        entry.reason = QStringLiteral("checksum mismatch");
        return entry;
    }
    static QByteArray event(const char* json) { return QByteArray(json).replace('\'', '"') + '\n'; }
    /// The host tool's verify event for the SQLite backup @p path of @p size bytes at @p ts: passed at the
    /// integrity level, or failed on its checksum.
    void appendSqliteVerify(const QString& path, const QString& ts, bool passed, int size, qint64 mtime = -1)
    {
        const QString verdict = passed
            ? QStringLiteral("'result':'passed','level':'integrity','method':'sha256+gzip+sqlite-integrity'")
            : QStringLiteral("'result':'failed','level':'exists','method':'sha256','reason':'checksum mismatch'");
        const QString modified = mtime >= 0 ? QStringLiteral(",'mtime':%1").arg(mtime) : QString();
        appendCatalog(
            event(QStringLiteral("{'ts':'%1','event':'verify','component':'sqlite','file':'%2',%3,'size':%4%5}")
                      .arg(ts, path, verdict)
                      .arg(size)
                      .arg(modified)
                      .toUtf8()
                      .constData()));
    }
    SyncOutcome sync()
    {
        auto outcome = syncHost(*m_catalog, m_host, *m_transport);
        if (!outcome.ok())
            qWarning() << outcome.error().fullText();
        return outcome.ok() ? *outcome : SyncOutcome { -1, -1, -1, -1, -1, {} };
    }
    /// Closes the catalog, runs @p statements on its file as an older console would have left it, and opens it
    /// again (which migrates it).
    bool rewriteCatalogFile(std::initializer_list<const char*> statements)
    {
        const QString path = m_catalog->path();
        m_transport.reset();
        m_catalog.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            db.setDatabaseName(path);
            if (!db.open())
                return false;
            QSqlQuery query(db);
            for (const char* statement : statements) {
                if (!query.exec(QString::fromLatin1(statement))) {
                    qWarning() << statement << query.lastError().text();
                    return false;
                }
            }
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
        m_catalog = std::make_unique<Catalog>(path);
        const auto opened = m_catalog->open();
        if (!opened.ok()) {
            qWarning() << opened.error().fullText();
            return false;
        }
        m_transport = std::make_unique<LocalTransport>(m_host);
        return true;
    }
    QHash<QString, BackupRecord> backupsByPath()
    {
        QHash<QString, BackupRecord> result;
        const auto records = m_catalog->backups(m_host.id);
        for (const BackupRecord& record : *records)
            result.insert(record.path, record);
        return result;
    }

private slots:
    void initTestCase()
    {
        // The names' stamps are the host's local time; +01:00 in November here.
        qputenv("TZ", "Europe/Berlin");
        QVERIFY(m_dir.isValid());
        // The counts of deep checks are shown in the user's language, English plurals included.
        installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_hostDir = m_dir.filePath(QStringLiteral("host-%1").arg(QLatin1String(QTest::currentTestFunction())));
        QVERIFY(QDir().mkpath(m_hostDir));
        m_catalog = std::make_unique<Catalog>(
            m_dir.filePath(QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction()))));
        const auto opened = m_catalog->open();
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().fullText()));
        m_host = HostProfile();
        m_host.name = QStringLiteral("local1");
        m_host.transport = HostProfile::Transport::Local;
        m_host.baseDir = m_hostDir;
        auto id = m_catalog->addHost(m_host);
        QVERIFY(id.ok());
        m_host.id = *id;
        m_transport = std::make_unique<LocalTransport>(m_host);
    }

    void migrationsAndReopen()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
            db.setDatabaseName(m_catalog->path());
            QVERIFY(db.open());
            {
                QSqlQuery query(db);
                QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema_version")) && query.next());
                QCOMPARE(query.value(0).toInt(), Catalog::schemaVersion);
                QVERIFY(query.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
        Catalog newer(m_catalog->path());
        const auto opened = newer.open();
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QLatin1String("newer")), qPrintable(opened.error().message));
    }

    void migratesAVersionOneCatalogKeepingItsData()
    {
        writeFile(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), "x");
        QCOMPARE(sync().added, 1);
        // Back to version 1 as an older console left it.
        QVERIFY(rewriteCatalogFile({ "DROP INDEX backups_present", "ALTER TABLE backups DROP COLUMN verdict",
            "ALTER TABLE backups DROP COLUMN verify_level", "ALTER TABLE backups DROP COLUMN proven_at",
            "ALTER TABLE backups DROP COLUMN proven_level", "ALTER TABLE hosts DROP COLUMN verify_interval_days",
            "DROP INDEX events_by_type", "ALTER TABLE host_state DROP COLUMN crontab",
            "ALTER TABLE host_state DROP COLUMN crontab_read",
            "UPDATE backups SET verify_state = 'passed', verified_at = 1764000000000",
            "UPDATE schema_version SET version = 1" }));
        QCOMPARE(m_catalog->backups(m_host.id)->size(), 1);
        QCOMPARE(m_catalog->host(QStringLiteral("local1"))->baseDir, m_hostDir);
        QCOMPARE(m_catalog->host(QStringLiteral("local1"))->verificationIntervalDays, 7);
        // A pass recorded before proofs had levels still counts as a proof, from when it was made.
        const BackupRecord migrated = m_catalog->backups(m_host.id)->first();
        QCOMPARE(migrated.provenAt, QDateTime::fromMSecsSinceEpoch(1764000000000, Qt::UTC));
        QCOMPARE(migrated.provenLevel, QString());
        QCOMPARE(sync().added, 0);
        QVERIFY(m_catalog->hostState(m_host.id)->crontab.has_value());
    }

    void verificationsFromHostAndWorkstationMakeOneHistory()
    {
        const QString path = QStringLiteral("backups/database/postgres-20261123-020000.sql.gz");
        writeFile(path, "x");
        appendCatalog(event("{'ts':'2026-11-23T03:00:00Z','event':'verify','component':'postgres','file':'backups/"
                            "database/postgres-20261123-020000.sql.gz','result':'passed','level':'integrity',"
                            "'method':'sha256+gzip+pg-dump-header-footer','duration_ms':120,'tables':3,'rows':254}"));
        QVERIFY(sync().newEvents >= 1);
        const QDateTime hostPass(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC);
        QCOMPARE(backupsByPath().value(path).provenAt, hostPass);
        QCOMPARE(backupsByPath().value(path).provenLevel, QStringLiteral("integrity"));

        // The workstation finds it damaged a day later: the newest verdict wins, the older proof stays known.
        VerificationEntry workstation = checksumMismatchFound(path, hostPass.addDays(1));
        QVERIFY(m_catalog->recordVerification(m_host.id, workstation).ok());
        BackupRecord record = backupsByPath().value(path);
        QCOMPARE(record.verifyState, VerifyState::Failed);
        QCOMPARE(record.verifyReason, QStringLiteral("checksum mismatch"));
        QCOMPARE(record.provenAt, hostPass);

        auto history = m_catalog->verificationHistory(m_host.id, path);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).place, QStringLiteral("workstation"));
        QCOMPARE(history->at(0).state, VerifyState::Failed);
        QCOMPARE(history->at(1).place, QStringLiteral("host"));
        QCOMPARE(history->at(1).details, QStringLiteral("3 tables, 254 rows"));
        QCOMPARE(history->at(1).durationMs, 120);

        // A later sync does not forget the workstation's verdict; a newer pass on the host replaces it.
        QCOMPARE(sync().newEvents, 0);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Failed);
        appendCatalog(event("{'ts':'2026-11-25T03:00:00Z','event':'verify','component':'postgres','file':'backups/"
                            "database/postgres-20261123-020000.sql.gz','result':'passed','level':'deep',"
                            "'method':'gzip+pg-dump-header-footer+deep-restore'}"));
        QCOMPARE(sync().newEvents, 1);
        record = backupsByPath().value(path);
        QCOMPARE(record.verifyState, VerifyState::Passed);
        QCOMPARE(record.provenLevel, QStringLiteral("deep"));
        QCOMPARE(record.provenAt, hostPass.addDays(2));

        // A newer check that could not run keeps the verdict: failed stays failed (counted on the host).
        workstation.time = hostPass.addDays(3);
        workstation.state = VerifyState::Failed;
        QVERIFY(m_catalog->recordVerification(m_host.id, workstation).ok());
        workstation.time = hostPass.addDays(4);
        workstation.state = VerifyState::Error;
        workstation.reason = QStringLiteral("could not download");
        QVERIFY(m_catalog->recordVerification(m_host.id, workstation).ok());
        record = backupsByPath().value(path);
        QCOMPARE(record.verifyState, VerifyState::Error);
        QCOMPARE(record.verdict, VerifyState::Failed);
        QCOMPARE(Proof::of(record, hostPass.addDays(4), 7).state, ProofState::Failed);
        QCOMPARE(m_catalog->hostState(m_host.id)->failedVerifications, 1);

        // A workstation result stamped in the same millisecond as a host event never replaces it.
        const qsizetype before = m_catalog->verificationHistory(m_host.id, path)->size();
        workstation.time = hostPass;
        workstation.state = VerifyState::Passed;
        QVERIFY(m_catalog->recordVerification(m_host.id, workstation).ok());
        const auto all = m_catalog->verificationHistory(m_host.id, path);
        QCOMPARE(all->size(), before + 1);
        QCOMPARE(std::count_if(all->cbegin(), all->cend(),
                     [](const VerificationEntry& entry) { return entry.place == QLatin1String("host"); }),
            2);

        workstation.path = QStringLiteral("backups/database/not-in-the-catalog.sql.gz");
        QCOMPARE(m_catalog->recordVerification(m_host.id, workstation).error().code, Error::Code::NotFound);
    }

    void aPassFromAClockRunningAheadDecidesNothing()
    {
        // The host's clock ran a year ahead when it verified: that pass must not hide today's failure, nor stay
        // a proof until next year.
        const QString path = QStringLiteral("backups/database/postgres-20261124-020000.sql.gz");
        writeFile(path, "x");
        const QDateTime ahead = QDateTime::currentDateTimeUtc().addYears(1);
        appendCatalog(event(QStringLiteral("{'ts':'%1','event':'verify','component':'postgres','file':'%2',"
                                           "'result':'passed','level':'integrity','method':'sha256+gzip'}")
                                .arg(ahead.toString(Qt::ISODate), path)
                                .toUtf8()
                                .constData()));
        QVERIFY(sync().newEvents >= 1);
        QVERIFY(!backupsByPath().value(path).provenAt.isValid());
        QVERIFY(m_catalog->recordVerification(m_host.id, checksumMismatchFound(path, QDateTime::currentDateTimeUtc()))
                    .ok());
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Failed);
        // The history keeps both.
        QCOMPARE(m_catalog->verificationHistory(m_host.id, path)->size(), 2);
    }

    void twoVerificationsOfOneFileInOneSecondAreBothKept()
    {
        // Two jobs verify the same backup within one second and disagree: neither line may be lost, and the
        // one written later is the verdict.
        const QString path = QStringLiteral("backups/database/sqlite-20261124-020000.db.gz");
        writeFile(path, "x");
        const QByteArray pass
            = event("{'ts':'2026-11-24T03:00:00Z','event':'verify','component':'sqlite','file':"
                    "'backups/database/sqlite-20261124-020000.db.gz','result':'passed','level':"
                    "'integrity','method':'sha256+gzip+sqlite-integrity','duration_ms':40,'job':'a'}");
        const QByteArray failure = event("{'ts':'2026-11-24T03:00:00Z','event':'verify','component':'sqlite','file':"
                                         "'backups/database/sqlite-20261124-020000.db.gz','result':'failed','level':"
                                         "'exists','method':'sha256','reason':'checksum mismatch','duration_ms':3,"
                                         "'job':'b'}");
        appendCatalog(pass + failure);
        QCOMPARE(sync().newEvents, 2);
        const auto history = m_catalog->verificationHistory(m_host.id, path);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 2);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Failed);
        QCOMPARE(backupsByPath().value(path).verifyReason, QStringLiteral("checksum mismatch"));

        // The same catalog read again from its start (rotated: new inode) adds neither line twice.
        const QString catalogPath = m_hostDir + QStringLiteral("/backups/catalog.jsonl");
        QVERIFY(QFile::remove(catalogPath));
        appendCatalog(pass + failure);
        QCOMPARE(sync().newEvents, 0);
        QCOMPARE(m_catalog->verificationHistory(m_host.id, path)->size(), 2);
    }

    void aReplacedFileLosesTheVerdictOfItsOldBytes()
    {
        // Verified good at 4 bytes, then replaced by a file of another size: the old proof says nothing about it.
        const QString path = QStringLiteral("backups/database/sqlite-20261125-020000.db.gz");
        writeFile(path, "good");
        appendSqliteVerify(path, QStringLiteral("2026-11-25T03:00:00Z"), true, 4);
        QVERIFY(sync().newEvents >= 1);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Passed);
        QVERIFY(backupsByPath().value(path).provenAt.isValid());

        // Replaced as a backup tool replaces a file: written beside it, then renamed over it.
        writeFile(path + QStringLiteral(".new"), "replaced by something else");
        QVERIFY(QFile::remove(m_hostDir + u'/' + path));
        QVERIFY(QFile::rename(m_hostDir + u'/' + path + QStringLiteral(".new"), m_hostDir + u'/' + path));
        QCOMPARE(sync().updated, 1);
        const BackupRecord replaced = backupsByPath().value(path);
        QCOMPARE(replaced.verifyState, VerifyState::Unverified);
        QVERIFY(!replaced.provenAt.isValid());
        QCOMPARE(replaced.verdict, VerifyState::Unverified);
        // The history keeps what was verified then.
        QCOMPARE(m_catalog->verificationHistory(m_host.id, path)->size(), 1);

        // A verification of the new bytes counts again.
        appendSqliteVerify(path, QStringLiteral("2026-11-26T03:00:00Z"), false, 26);
        QVERIFY(sync().newEvents >= 1);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Failed);
    }

    void aFileRewrittenInPlaceLosesTheVerdictOfItsOldBytes()
    {
        // Verified good, then rewritten in place with as many bytes: only its modification time tells.
        const QString path = QStringLiteral("backups/database/sqlite-20261124-020000.db.gz");
        writeFile(path, "good");
        appendSqliteVerify(path, QStringLiteral("2026-11-24T03:00:00Z"), true, 4);
        QVERIFY(sync().newEvents >= 1);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Passed);

        writeFile(path, "evil", QDateTime(QDate(2026, 11, 24), QTime(3, 0, 1, 600), Qt::UTC));
        QCOMPARE(sync().updated, 1);
        const BackupRecord rewritten = backupsByPath().value(path);
        QCOMPARE(rewritten.size, 4);
        QCOMPARE(rewritten.verifyState, VerifyState::Unverified);
        QVERIFY(!rewritten.provenAt.isValid());
        QCOMPARE(m_catalog->verificationHistory(m_host.id, path)->size(), 1);

        // A verification in the same second as the write is of the new bytes: events are stamped to the second.
        appendSqliteVerify(path, QStringLiteral("2026-11-24T03:00:01Z"), false, 4);
        QVERIFY(sync().newEvents >= 1);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Failed);
    }

    void aCopyPutBackWithAnOlderTimeLosesTheVerdict()
    {
        // A verification names the modification time of the bytes it read: another file put in place with an
        // older time (rsync -a, cp -p, mv of a copy) is not what was proven, though it is as large.
        const QString path = QStringLiteral("backups/database/sqlite-20261123-020000.db.gz");
        const QDateTime written(QDate(2026, 11, 23), QTime(2, 0, 30, 250), Qt::UTC);
        writeFile(path, "good", written);
        appendSqliteVerify(path, QStringLiteral("2026-11-23T04:00:00Z"), true, 4, written.toSecsSinceEpoch());
        QVERIFY(sync().newEvents >= 1);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Passed);

        writeFile(path, "evil", written.addSecs(-3600));
        QCOMPARE(sync().updated, 1);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Unverified);
        // The verified file back with its own time: proven again.
        writeFile(path, "good", written);
        QCOMPARE(sync().updated, 1);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Passed);
    }

    void aModificationTimeJustBeforeTheNextSecondStaysInItsSecond()
    {
        // find prints 1795921200.9999999990: read as a double it was the next second, which the verification's
        // own whole-second time of the file never matched.
        const QString path = QStringLiteral("backups/database/sqlite-20261122-020000.db.gz");
        writeFile(path, "good");
        QCOMPARE(QProcess::execute(QStringLiteral("touch"),
                     { QStringLiteral("-d"), QStringLiteral("@1795921200.999999999"), m_hostDir + u'/' + path }),
            0);
        appendSqliteVerify(path, QStringLiteral("2026-11-22T04:00:00Z"), true, 4, 1795921200);
        QVERIFY(sync().newEvents >= 1);
        QCOMPARE(backupsByPath().value(path).verifyState, VerifyState::Passed);
    }

    void migratesAVersionThreeCatalogKeepingItsEvents()
    {
        appendCatalog(event("{'ts':'2026-11-20T01:00:00Z','event':'backup_started','component':'sqlite','file':'f'}")
            + event(
                "{'ts':'2026-11-20T01:00:00Z','event':'verify','component':'sqlite','file':'f','result':'passed'}"));
        QCOMPARE(sync().newEvents, 2);
        // The events table as version 3 made it: unique without the line.
        QVERIFY(rewriteCatalogFile({ "CREATE TABLE events_v3 (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                     " host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,"
                                     " ts INTEGER, event TEXT, component TEXT, file TEXT, data TEXT,"
                                     " UNIQUE(host_id, ts, event, file, component))",
            "INSERT INTO events_v3 SELECT * FROM events", "DROP TABLE events", "ALTER TABLE events_v3 RENAME TO events",
            "CREATE INDEX events_by_file ON events(host_id, file)",
            "CREATE INDEX events_by_type ON events(host_id, event, ts)", "UPDATE schema_version SET version = 3" }));
        const auto events = m_catalog->events(m_host.id, {});
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->at(1).event, QStringLiteral("verify"));
        // A second verification in the same second, which version 3 would have dropped, is kept now.
        appendCatalog(
            event("{'ts':'2026-11-20T01:00:00Z','event':'verify','component':'sqlite','file':'f','result':'failed'}"));
        QCOMPARE(sync().newEvents, 1);
    }

    void aSyncWaitsForAnotherWriterInsteadOfFailing()
    {
        // Another process (a second drconsole-cli, the console) writes the catalog while this sync lists the host.
        // The sync must wait for it, not fail with "database is locked".
        writeFile(QStringLiteral("backups/database/postgres-20261129-020000.sql.gz"), "x");
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-process"));
        other.setDatabaseName(m_catalog->path());
        QVERIFY(other.open());
        {
            QSqlQuery write(other);
            QVERIFY(write.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(write.exec(QStringLiteral("INSERT INTO audit_log (ts, action) VALUES (0, 'other process')")));
            std::optional<Result<SyncOutcome>> outcome;
            std::unique_ptr<QThread> syncing(
                QThread::create([&] { outcome = syncHost(*m_catalog, m_host, *m_transport); }));
            syncing->start();
            QTest::qWait(800); // the sync lists, then reaches the catalog while this write is open
            QVERIFY(write.exec(QStringLiteral("COMMIT")));
            QVERIFY(syncing->wait(20'000));
            QVERIFY(outcome.has_value());
            QVERIFY2(outcome->ok(), qPrintable(outcome->ok() ? QString() : outcome->error().fullText()));
            QCOMPARE((*outcome)->added, 1);
        }
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("other-process"));
    }

    void notACatalogFileIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        Catalog garbage(path);
        const auto opened = garbage.open();
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
    }

    void hostProfilesRoundTrip()
    {
        HostProfile second;
        second.name = QStringLiteral("db-prod-1");
        second.address = QStringLiteral("10.0.0.7");
        second.port = 2222;
        second.user = QStringLiteral("backup");
        second.auth = HostProfile::Auth::KeyFile;
        second.keyFile = QStringLiteral("/home/me/.ssh/id_ed25519");
        second.backupDirs = { QStringLiteral("/srv/bot/backups/database"), QStringLiteral("it's $(odd)") };
        second.targets[0].rpoSeconds = 1800;
        QVERIFY(m_catalog->addHost(second).ok());
        const auto duplicate = m_catalog->addHost(second);
        QVERIFY(!duplicate.ok());
        QVERIFY(duplicate.error().message.contains(QLatin1String("already exists")));

        auto loaded = m_catalog->host(QStringLiteral("db-prod-1"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->port, 2222);
        QCOMPARE(loaded->auth, HostProfile::Auth::KeyFile);
        QCOMPARE(loaded->backupDirs, second.backupDirs);
        QCOMPARE(loaded->targets, second.targets);
        QCOMPARE(loaded->stopCommand, QStringLiteral("docker-compose stop discord-reminder-bot"));

        loaded->port = 22;
        QVERIFY(m_catalog->updateHost(*loaded).ok());
        QCOMPARE(m_catalog->host(QStringLiteral("db-prod-1"))->port, 22);
        QCOMPARE(m_catalog->hosts()->size(), 2);

        HostProfile invalid = second;
        invalid.name = QStringLiteral("bad name; rm");
        const auto refused = m_catalog->addHost(invalid);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);

        QVERIFY(m_catalog->removeHost(QStringLiteral("db-prod-1")).ok());
        QVERIFY(!m_catalog->removeHost(QStringLiteral("db-prod-1")).ok());
        QCOMPARE(m_catalog->hosts()->size(), 1);
    }

    void firstSyncListsAndEnriches()
    {
        writeFile(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), "x");
        writeFile(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz.sha256"), "y");
        writeFile(QStringLiteral("backups/database/sqlite-20261121-020000.db.gz.enc"), "xx");
        writeFile(QStringLiteral("backups/application/app-data-incremental-20261121-080000.tar.gz"), "xxx");
        writeFile(QStringLiteral("system-backup/config-20261101-020000.tar.gz"), "xxxx");
        writeFile(QStringLiteral("backups/database/notes.txt"), "not a backup");
        appendCatalog(
            event(
                "{'ts':'2026-11-20T01:00:09Z','event':'backup_finished','kind':'full','component':'postgres',"
                "'file':'backups/database/postgres-20261120-020000.sql.gz','size':1,'sha256':'abc','duration_ms':9000}")
            + event("{'ts':'2026-11-20T03:00:00Z','event':'verify','file':'backups/database/"
                    "postgres-20261120-020000.sql.gz',"
                    "'result':'failed','method':'gzip+footer','reason':'footer missing'}")
            + "garbage line\n");

        const SyncOutcome outcome = sync();
        QCOMPARE(outcome.added, 4);
        QCOMPARE(outcome.newEvents, 2);
        QCOMPARE(outcome.unchangedListing, 0);
        QVERIFY(outcome.problems.join(u'\n').contains(QLatin1String("notes.txt")));
        QVERIFY(outcome.problems.join(u'\n').contains(QLatin1String("line 3: not JSON")));
        QVERIFY(outcome.problems.join(u'\n').contains(QLatin1String("backups/system")));

        const auto byPath = backupsByPath();
        QCOMPARE(byPath.size(), 4);
        const BackupRecord postgres = byPath.value(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"));
        QVERIFY(postgres.managed);
        QCOMPARE(postgres.kind, QStringLiteral("full"));
        QCOMPARE(postgres.sha256, QStringLiteral("abc"));
        QCOMPARE(postgres.durationMs, 9000);
        QCOMPARE(postgres.time, QDateTime(QDate(2026, 11, 20), QTime(1, 0, 9), Qt::UTC));
        QCOMPARE(postgres.verifyState, VerifyState::Failed);
        QCOMPARE(postgres.verifyReason, QStringLiteral("footer missing"));
        QCOMPARE(postgres.size, 1);

        const BackupRecord sqlite = byPath.value(QStringLiteral("backups/database/sqlite-20261121-020000.db.gz.enc"));
        QVERIFY(!sqlite.managed);
        QVERIFY(sqlite.encrypted);
        // Unmanaged: the name's local stamp, converted with the host's offset (+01:00).
        QCOMPARE(sqlite.time, QDateTime(QDate(2026, 11, 21), QTime(1, 0, 0), Qt::UTC));
        QCOMPARE(byPath.value(QStringLiteral("backups/application/app-data-incremental-20261121-080000.tar.gz")).kind,
            QStringLiteral("incremental"));
        QCOMPARE(
            byPath.value(QStringLiteral("system-backup/config-20261101-020000.tar.gz")).kind, QStringLiteral("config"));

        const auto state = m_catalog->hostState(m_host.id);
        QVERIFY(state->lastSync.isValid());
        QVERIFY(state->lastError.isEmpty());
        QCOMPARE(state->utcOffsetSeconds, 3600);
        QVERIFY(!state->cursor.listingFingerprint.isEmpty());
    }

    void resyncIsIncremental()
    {
        writeFile(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), "x");
        appendCatalog(
            event("{'ts':'2026-11-20T01:00:09Z','event':'backup_finished','kind':'full','component':'postgres',"
                  "'file':'backups/database/postgres-20261120-020000.sql.gz'}"));
        QCOMPARE(sync().added, 1);

        // Nothing new: the folders are not listed again and no catalog line is read again.
        SyncOutcome nothing = sync();
        QCOMPARE(nothing.unchangedListing, 1);
        QCOMPARE(nothing.added, 0);
        QCOMPARE(nothing.newEvents, 0);

        // A partial line (a writer mid-append) is left for later, then read once complete.
        const QByteArray line = event("{'ts':'2026-11-21T01:00:00Z','event':'verify','file':"
                                      "'backups/database/postgres-20261120-020000.sql.gz','result':'passed'}");
        appendCatalog(line.left(30));
        SyncOutcome partial = sync();
        QCOMPARE(partial.newEvents, 0);
        QVERIFY(partial.problems.join(u'\n').contains(QLatin1String("incomplete last line")));
        appendCatalog(line.mid(30));
        QCOMPARE(sync().newEvents, 1);
        QCOMPARE(backupsByPath().value(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz")).verifyState,
            VerifyState::Passed);

        // A new file and a vanished one.
        writeFile(QStringLiteral("backups/database/postgres-20261121-020000.sql.gz"), "new");
        QFile::remove(m_hostDir + QStringLiteral("/backups/database/postgres-20261120-020000.sql.gz"));
        SyncOutcome changed = sync();
        QCOMPARE(changed.added, 1);
        QCOMPARE(changed.removed, 1);
        QCOMPARE(m_catalog->backups(m_host.id)->size(), 1);
        QCOMPARE(m_catalog->backups(m_host.id, true)->size(), 2);
    }

    void rotatedCatalogIsReadAgainWithoutDuplicates()
    {
        const QByteArray first
            = event("{'ts':'2026-11-20T01:00:00Z','event':'backup_started','component':'sqlite','file':'f'}");
        appendCatalog(first);
        QCOMPARE(sync().newEvents, 1);
        // Replaced by a new file (new inode) that repeats the old line and adds one.
        const QString path = m_hostDir + QStringLiteral("/backups/catalog.jsonl");
        QVERIFY(QFile::remove(path));
        appendCatalog(
            first + event("{'ts':'2026-11-21T01:00:00Z','event':'backup_started','component':'sqlite','file':'g'}"));
        QCOMPARE(sync().newEvents, 1);
    }

    void missingBaseFolderNamesTheHost()
    {
        m_host.baseDir = m_dir.filePath(QStringLiteral("does-not-exist"));
        LocalTransport transport(m_host);
        const auto outcome = syncHost(*m_catalog, m_host, transport);
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error().message.contains(QLatin1String("local1")), qPrintable(outcome.error().message));
        QVERIFY(m_catalog->hostState(m_host.id)->lastError.contains(QLatin1String("does-not-exist")));
        QCOMPARE(m_catalog->auditLog(1)->first().outcome, QStringLiteral("failed"));
    }

    void aMissingFolderIsSaidAtEverySync()
    {
        // The profile's folders: only backups/database exists. Nothing changes between the syncs.
        writeFile(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), "x");
        for (int round = 0; round < 2; ++round) {
            const SyncOutcome outcome = sync();
            QVERIFY2(
                outcome.problems.join(u'\n').contains(QLatin1String("backup folder \"system-backup\" does not exist")),
                qPrintable(QStringLiteral("sync %1: %2").arg(round + 1).arg(outcome.problems.join(u'\n'))));
        }
    }

    void namesThatAreNotUtf8AreLeftOutAndSaid()
    {
        // Two names that differ only in a byte that is not UTF-8 would become one row the console cannot name
        // back to the host ("vanished" at verification): both are left out, and the sync says so.
        writeFile(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), "x");
        const QByteArray folder = QFile::encodeName(m_hostDir + QStringLiteral("/backups/database/"));
        for (const char* name : { "latin1-\xff.sql.gz", "latin1-\xfe.sql.gz" }) {
            const QByteArray path = folder + name;
            const int fd = ::open(path.constData(), O_CREAT | O_WRONLY, 0644);
            QVERIFY(fd >= 0);
            QCOMPARE(::write(fd, "y", 1), ssize_t(1));
            ::close(fd);
        }
        const SyncOutcome outcome = sync();
        QCOMPARE(outcome.added, 1);
        QCOMPARE(outcome.problems.join(u'\n').count(QLatin1String("its name is not UTF-8")), 2);
        QCOMPARE(
            backupsByPath().keys(), QStringList { QStringLiteral("backups/database/postgres-20261120-020000.sql.gz") });
    }

    void anUnreadableFolderIsSaidAndItsBackupsAreNotGone()
    {
        writeFile(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), "x");
        writeFile(QStringLiteral("backups/database/old/sqlite-20261101-020000.db.gz"), "y");
        // The folders open to everyone (the temporary folder is the owner's alone), then one of them to no one.
        for (QString folder = m_hostDir; folder.startsWith(m_dir.path()); folder = QFileInfo(folder).path())
            QVERIFY(QFile::setPermissions(folder,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                    | QFileDevice::ExeOther));
        for (const QString& folder : { QStringLiteral("/backups"), QStringLiteral("/backups/database") })
            QVERIFY(QFile::setPermissions(m_hostDir + folder,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                    | QFileDevice::ExeOther));
        std::unique_ptr<Transport> transport;
        if (::geteuid() == 0)
            transport = std::make_unique<AsNobodyTransport>(m_host);
        else
            transport = std::make_unique<LocalTransport>(m_host);
        const auto first = syncHost(*m_catalog, m_host, *transport);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().fullText()));
        QVERIFY2(first->added == 2, qPrintable(first->problems.join(u'\n')));

        const QString old = m_hostDir + QStringLiteral("/backups/database/old");
        QVERIFY(QFile::setPermissions(old, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const auto outcome = syncHost(*m_catalog, m_host, *transport);
        QVERIFY(outcome.ok());
        QVERIFY2(outcome->problems.join(u'\n').contains(
                     QLatin1String("cannot read the folder backups/database/old (no permission)")),
            qPrintable(outcome->problems.join(u'\n')));
        QCOMPARE(outcome->removed, 0);
        QVERIFY(backupsByPath().value(QStringLiteral("backups/database/old/sqlite-20261101-020000.db.gz")).present);
    }

    void hostileFolderAndFileNamesAreListedExactly()
    {
        const QStringList hostileDirs { QStringLiteral("it's $(touch pwned); `touch pwned2`"),
            QStringLiteral("new\nline \"quoted\" é 日本"), QStringLiteral("-dash") };
        m_host.backupDirs = hostileDirs;
        QVERIFY(m_catalog->updateHost(m_host).ok());
        QSet<QString> expected;
        for (const QString& dir : hostileDirs) {
            const QString path = dir + QStringLiteral("/sqlite-20261120-020000.db.gz");
            writeFile(path, "x");
            expected.insert(path);
        }
        writeFile(hostileDirs[0] + QStringLiteral("/$(touch pwned3)-20261120-020000.db.gz"), "x");
        const SyncOutcome outcome = sync();
        QCOMPARE(outcome.added, 3);
        QVERIFY(outcome.problems.join(u'\n').contains(QLatin1String("$(touch pwned3)")));
        const auto keys = backupsByPath().keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()), expected);
        for (const char* name : { "pwned", "pwned2", "pwned3" }) {
            QVERIFY(!QFile::exists(m_hostDir + u'/' + QLatin1String(name)));
            QVERIFY(!QFile::exists(QDir::currentPath() + u'/' + QLatin1String(name)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_HostSync)
#include "tst_HostSync.moc"
