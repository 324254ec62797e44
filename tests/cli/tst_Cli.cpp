#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// drconsole-cli as a script or a monitor uses it: the real binary, a real catalog, a local host folder.
class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run cli(
        const QStringList& arguments, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DRCONSOLE_CLI_PATH),
            QStringList { QStringLiteral("--catalog"), m_dir.filePath(QStringLiteral("catalog.sqlite")) } + arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(30'000))
            return {};
        return { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
    }

    void makeBackup(const QString& relativePath)
    {
        const QString path = m_dir.filePath(QStringLiteral("host/") + relativePath);
        QDir().mkpath(QFileInfo(path).absolutePath());
        // A real gzip file: the listing does not read it, but the history should hold real backups.
        QProcess gzip;
        gzip.setStandardOutputFile(path);
        gzip.start(QStringLiteral("gzip"), { QStringLiteral("-c") });
        gzip.write("-- PostgreSQL database dump\nSELECT 1;\n-- PostgreSQL database dump complete\n");
        gzip.closeWriteChannel();
        QVERIFY(gzip.waitForFinished(10'000));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-1), QFileDevice::FileModificationTime));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("TZ", "UTC");
        makeBackup(QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"));
        makeBackup(QStringLiteral("backups/database/postgres-20261121-020000.sql.gz"));
        makeBackup(QStringLiteral("backups/application/app-data-20261121-020000.tar.gz.enc"));
        QFile catalog(m_dir.filePath(QStringLiteral("host/backups/catalog.jsonl")));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(R"({"v":1,"ts":"2026-11-21T02:00:05Z","event":"backup_finished","kind":"full",)"
                      R"("component":"postgres","file":"backups/database/postgres-20261121-020000.sql.gz",)"
                      R"("size":99,"sha256":"00ff","duration_ms":5000})"
                      "\n");
    }

    void usageAndErrors()
    {
        const Run help = cli({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("sync NAME"));
        const Run unknown = cli({ QStringLiteral("frobnicate") });
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("unknown command \"frobnicate\""));
        const Run noHost = cli({ QStringLiteral("list"), QStringLiteral("ghost") });
        QCOMPARE(noHost.exitCode, 2);
        QVERIFY(noHost.err.contains("No host named \"ghost\""));
        const Run badPort = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("x"),
            QStringLiteral("--address"), QStringLiteral("h"), QStringLiteral("--user"), QStringLiteral("u"),
            QStringLiteral("--port"), QStringLiteral("many") });
        QCOMPARE(badPort.exitCode, 2);
        QVERIFY(badPort.err.contains("--port"));
    }

    void addSyncListRemove()
    {
        Run added = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("demo"),
            QStringLiteral("--local"), m_dir.filePath(QStringLiteral("host")), QStringLiteral("--backup-dir"),
            QStringLiteral("backups/database"), QStringLiteral("--backup-dir"),
            QStringLiteral("backups/application") });
        QVERIFY2(added.exitCode == 0, added.err.constData());
        added = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("ssh1"),
            QStringLiteral("--address"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("2222"),
            QStringLiteral("--user"), QStringLiteral("backup") });
        QCOMPARE(added.exitCode, 0);

        const Run hosts = cli({ QStringLiteral("host"), QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(hosts.exitCode, 0);
        const QJsonArray hostArray = QJsonDocument::fromJson(hosts.out).array();
        QCOMPARE(hostArray.size(), 2);
        QCOMPARE(hostArray[1].toObject().value(QStringLiteral("port")).toInt(), 2222);
        QCOMPARE(hostArray[0].toObject().value(QStringLiteral("backup_dirs")).toArray().size(), 2);

        const Run synced = cli({ QStringLiteral("sync"), QStringLiteral("demo") });
        QVERIFY2(synced.exitCode == 0, synced.err.constData());
        QVERIFY(synced.out.contains("3 new"));

        const Run listed = cli({ QStringLiteral("list"), QStringLiteral("demo"), QStringLiteral("--json") });
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray backups = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(backups.size(), 3);
        // Newest first; the managed one carries the catalog's exact time and checksum.
        const QJsonObject newest = backups[0].toObject();
        QCOMPARE(newest.value(QStringLiteral("path")).toString(),
            QStringLiteral("backups/database/postgres-20261121-020000.sql.gz"));
        QCOMPARE(newest.value(QStringLiteral("time")).toString(), QStringLiteral("2026-11-21T02:00:05Z"));
        QCOMPARE(newest.value(QStringLiteral("managed")).toBool(), true);
        QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("full"));
        QCOMPARE(newest.value(QStringLiteral("sha256")).toString(), QStringLiteral("00ff"));
        QVERIFY(newest.value(QStringLiteral("size")).toInteger() > 20);
        for (const auto& value : backups) {
            const QJsonObject backup = value.toObject();
            for (const char* key : { "path", "component", "kind", "time", "size", "encrypted", "managed" })
                QVERIFY2(backup.contains(QLatin1String(key)), key);
        }
        const QJsonObject encrypted = backups[1].toObject();
        QCOMPARE(encrypted.value(QStringLiteral("component")).toString(), QStringLiteral("app-data"));
        QCOMPARE(encrypted.value(QStringLiteral("encrypted")).toBool(), true);
        QCOMPARE(encrypted.value(QStringLiteral("managed")).toBool(), false);

        const Run again = cli({ QStringLiteral("sync"), QStringLiteral("demo") });
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("0 new"));

        const Run removed = cli({ QStringLiteral("host"), QStringLiteral("remove"), QStringLiteral("demo") });
        QCOMPARE(removed.exitCode, 0);
        QCOMPARE(cli({ QStringLiteral("list"), QStringLiteral("demo") }).exitCode, 2);
    }

    void tabSeparatedOutputEscapesOddNames()
    {
        // A folder named with a tab and a newline must not split or shift the columns a script reads.
        const QString root = m_dir.filePath(QStringLiteral("odd-host"));
        const QString folder = QStringLiteral("odd\tdir\nx");
        QVERIFY(QDir().mkpath(root + u'/' + folder));
        QFile backup(root + u'/' + folder + QStringLiteral("/postgres-20261122-020000.sql.gz"));
        QVERIFY(backup.open(QIODevice::WriteOnly));
        backup.write("x");
        backup.close();
        QCOMPARE(cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("odd"), QStringLiteral("--local"),
                         root, QStringLiteral("--backup-dir"), folder })
                     .exitCode,
            0);
        QCOMPARE(cli({ QStringLiteral("sync"), QStringLiteral("odd") }).exitCode, 0);
        const Run listed = cli({ QStringLiteral("list"), QStringLiteral("odd") });
        QCOMPARE(listed.exitCode, 0);
        const QList<QByteArray> lines = listed.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QList<QByteArray> columns = lines[0].split('\t');
        QCOMPARE(columns.size(), 8);
        QCOMPARE(columns[7], QByteArray("odd\\tdir\\nx/postgres-20261122-020000.sql.gz"));
        // The JSON keeps the name as it is.
        const Run json = cli({ QStringLiteral("list"), QStringLiteral("odd"), QStringLiteral("--json") });
        QCOMPARE(QJsonDocument::fromJson(json.out).array()[0].toObject().value(QStringLiteral("path")).toString(),
            folder + QStringLiteral("/postgres-20261122-020000.sql.gz"));
        // A verdict on stderr is one line, and a name cannot send the terminal an escape sequence.
        const Run failed = cli({ QStringLiteral("verify"), QStringLiteral("odd"),
            folder + QStringLiteral("/postgres-20261122-020000.sql.gz"), QStringLiteral("--local") });
        QCOMPARE(failed.exitCode, 1);
        QCOMPARE(failed.err.count('\n'), 1);
        QVERIFY2(
            failed.err.startsWith("failed odd\\tdir\\nx/postgres-20261122-020000.sql.gz: "), failed.err.constData());
        const Run missing = cli({ QStringLiteral("verify"), QStringLiteral("odd"),
            QStringLiteral("gone\x1b[2J\n.sql.gz"), QStringLiteral("--local") });
        QCOMPARE(missing.exitCode, 2);
        QCOMPARE(missing.err.count('\n'), 1);
        QVERIFY2(
            !missing.err.contains('\x1b') && missing.err.contains("gone\\x1b[2J\\n.sql.gz"), missing.err.constData());
    }

    void complianceExitCodesAndJson()
    {
        // A host whose history meets its targets: sqlite every hour, each verified and copied off-site, a
        // recent restore and full drill. Stamps are UTC (TZ=UTC for the test).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QByteArray catalog;
        auto line = [&](const QString& json) { catalog += json.toUtf8() + '\n'; };
        for (int minutesAgo : { 150, 90, 30 }) {
            const QDateTime time = now.addSecs(-minutesAgo * 60);
            const QString path = QStringLiteral("backups/database/sqlite-%1.db.gz")
                                     .arg(time.toString(QStringLiteral("yyyyMMdd-HHmmss")));
            QDir().mkpath(m_dir.filePath(QStringLiteral("good/backups/database")));
            QFile file(m_dir.filePath(QStringLiteral("good/") + path));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'x'));
            const QString stamp = time.toString(Qt::ISODate);
            line(QStringLiteral(
                R"({"ts":"%1","event":"backup_finished","kind":"full","component":"sqlite","file":"%2","size":4096})")
                     .arg(stamp, path));
            line(QStringLiteral(R"({"ts":"%1","event":"verify","file":"%2","result":"passed"})").arg(stamp, path));
            line(QStringLiteral(R"({"ts":"%1","event":"remote_copy","file":"%2","result":"ok"})").arg(stamp, path));
        }
        line(QStringLiteral(
            R"({"ts":"%1","event":"restore_finished","scenario":"database-corruption","duration_ms":60000})")
                 .arg(now.addDays(-10).toString(Qt::ISODate)));
        line(QStringLiteral(
            R"({"ts":"%1","event":"drill_finished","scenario":"complete-system-failure","duration_ms":3600000})")
                 .arg(now.addDays(-20).toString(Qt::ISODate)));
        QFile catalogFile(m_dir.filePath(QStringLiteral("good/backups/catalog.jsonl")));
        QVERIFY(catalogFile.open(QIODevice::WriteOnly));
        catalogFile.write(catalog);
        catalogFile.close();

        QCOMPARE(cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("good"), QStringLiteral("--local"),
                         m_dir.filePath(QStringLiteral("good")), QStringLiteral("--backup-dir"),
                         QStringLiteral("backups/database") })
                     .exitCode,
            0);
        QCOMPARE(cli({ QStringLiteral("sync"), QStringLiteral("good") }).exitCode, 0);
        const Run good = cli({ QStringLiteral("compliance"), QStringLiteral("good"), QStringLiteral("--window"),
            QStringLiteral("2h"), QStringLiteral("--json") });
        QVERIFY2(good.exitCode == 0, good.out.constData());
        const QJsonObject host
            = QJsonDocument::fromJson(good.out).object().value(QStringLiteral("hosts")).toArray()[0].toObject();
        QVERIFY(host.value(QStringLiteral("verdict")).toString() != QLatin1String("non-compliant"));
        const QJsonObject sqlite = host.value(QStringLiteral("components")).toArray()[0].toObject();
        QCOMPARE(sqlite.value(QStringLiteral("host")).toString(), QStringLiteral("good"));
        QCOMPARE(sqlite.value(QStringLiteral("rpo_target_seconds")).toInt(), 3600);
        QCOMPARE(sqlite.value(QStringLiteral("compliance")).toDouble(), 1.0);
        QVERIFY(qAbs(sqlite.value(QStringLiteral("current_exposure_seconds")).toInt() - 1800) < 120);
        QCOMPARE(sqlite.value(QStringLiteral("violations")).toArray().size(), 0);

        // Over six hours the first 3.5 h had no backup: violations, exit code 1.
        const Run wide = cli({ QStringLiteral("compliance"), QStringLiteral("good"), QStringLiteral("--window"),
            QStringLiteral("6h"), QStringLiteral("--json") });
        QCOMPARE(wide.exitCode, 1);
        const QJsonObject wideHost
            = QJsonDocument::fromJson(wide.out).object().value(QStringLiteral("hosts")).toArray()[0].toObject();
        QCOMPARE(wideHost.value(QStringLiteral("verdict")).toString(), QStringLiteral("non-compliant"));
        const QJsonArray violations = wideHost.value(QStringLiteral("components"))
                                          .toArray()[0]
                                          .toObject()
                                          .value(QStringLiteral("violations"))
                                          .toArray();
        QCOMPARE(violations.size(), 1);
        QVERIFY(violations[0].toObject().value(QStringLiteral("worst_exposure_seconds")).isNull());

        QCOMPARE(cli({ QStringLiteral("compliance"), QStringLiteral("--window"), QStringLiteral("soon") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("compliance"), QStringLiteral("nobody") }).exitCode, 2);
    }

    void verifyOnTheWorkstation()
    {
        // Real gzip'd dumps: one whole, one cut short; verified with libarchive/ISA-L/OpenSSL in-process.
        const QString root = m_dir.filePath(QStringLiteral("verify-host"));
        QDir().mkpath(root + QStringLiteral("/backups/database"));
        const QByteArray dump = "-- PostgreSQL database dump\nCREATE TABLE events (id int);\n"
            + QByteArray(200'000, 'x') + "\n-- PostgreSQL database dump complete\n";
        auto gzipTo = [](const QString& path, const QByteArray& content) {
            QProcess gzip;
            gzip.setStandardOutputFile(path);
            gzip.start(QStringLiteral("gzip"), { QStringLiteral("-c") });
            gzip.write(content);
            gzip.closeWriteChannel();
            return gzip.waitForFinished() && gzip.exitCode() == 0;
        };
        const QString good = root + QStringLiteral("/backups/database/postgres-20261120-020000.sql.gz");
        const QString cut = root + QStringLiteral("/backups/database/postgres-20261121-020000.sql.gz");
        QVERIFY(gzipTo(good, dump));
        QVERIFY(gzipTo(cut, dump));
        QFile truncated(cut);
        QVERIFY(truncated.resize(truncated.size() / 2));
        QCOMPARE(cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("vh"), QStringLiteral("--local"),
                         root, QStringLiteral("--backup-dir"), QStringLiteral("backups/database") })
                     .exitCode,
            0);
        QCOMPARE(cli({ QStringLiteral("sync"), QStringLiteral("vh") }).exitCode, 0);

        const Run passed = cli({ QStringLiteral("verify"), QStringLiteral("vh"),
            QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), QStringLiteral("--local"),
            QStringLiteral("--json") });
        QVERIFY2(passed.exitCode == 0, passed.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(passed.out).array()[0].toObject();
        QCOMPARE(result.value(QStringLiteral("state")).toString(), QStringLiteral("passed"));
        QCOMPARE(result.value(QStringLiteral("where")).toString(), QStringLiteral("workstation"));

        const Run failed = cli({ QStringLiteral("verify"), QStringLiteral("vh"),
            QStringLiteral("backups/database/postgres-20261121-020000.sql.gz"), QStringLiteral("--local") });
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains("postgres-20261121-020000.sql.gz"), failed.err.constData());

        // The verdicts land in the catalog.
        const Run listed = cli({ QStringLiteral("list"), QStringLiteral("vh"), QStringLiteral("--json") });
        QSet<QString> states;
        for (const auto& value : QJsonDocument::fromJson(listed.out).array())
            states.insert(value.toObject().value(QStringLiteral("verify_state")).toString());
        QCOMPARE(states, (QSet<QString> { QStringLiteral("passed"), QStringLiteral("failed") }));
        // Each backup's proof now: proven (fresh pass) or failed, with the level of the proof.
        QSet<QString> proofs;
        for (const auto& value : QJsonDocument::fromJson(listed.out).array()) {
            const QJsonObject backup = value.toObject();
            proofs.insert(backup.value(QStringLiteral("proof")).toString());
            if (backup.value(QStringLiteral("proof")).toString() == QLatin1String("proven"))
                QCOMPARE(backup.value(QStringLiteral("proven_level")).toString(), QStringLiteral("integrity"));
        }
        QCOMPARE(proofs, (QSet<QString> { QStringLiteral("proven"), QStringLiteral("failed") }));
        const Run hosts = cli({ QStringLiteral("host"), QStringLiteral("list"), QStringLiteral("--json") });
        for (const auto& value : QJsonDocument::fromJson(hosts.out).array()) {
            if (value.toObject().value(QStringLiteral("name")).toString() == QLatin1String("vh"))
                QCOMPARE(value.toObject().value(QStringLiteral("failed_verifications")).toInt(), 1);
        }
        // The verification interval is the host's; out of range is refused, naming it.
        const Run badInterval = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("vi"),
            QStringLiteral("--local"), root, QStringLiteral("--verify-interval"), QStringLiteral("0") });
        QCOMPARE(badInterval.exitCode, 2);
        QVERIFY2(badInterval.err.contains("verification interval"), badInterval.err.constData());
        QCOMPARE(cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("vi"), QStringLiteral("--local"),
                         root, QStringLiteral("--verify-interval"), QStringLiteral("14") })
                     .exitCode,
            0);

        // --key-file is read as openssl's -pass file: reads it: the first line as it is, spaces included.
        const QString keyFile = m_dir.filePath(QStringLiteral("spaced.key"));
        {
            QFile key(keyFile);
            QVERIFY(key.open(QIODevice::WriteOnly));
            key.write("  a key with spaces  \nsecond line\n");
        }
        const QString encrypted = good + QStringLiteral(".enc");
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            { QStringLiteral("enc"), QStringLiteral("-aes-256-cbc"), QStringLiteral("-pbkdf2"), QStringLiteral("-salt"),
                QStringLiteral("-in"), good, QStringLiteral("-out"), encrypted, QStringLiteral("-pass"),
                QStringLiteral("file:") + keyFile });
        QVERIFY(openssl.waitForFinished(30'000) && openssl.exitCode() == 0);
        const Run decrypted = cli({ QStringLiteral("verify"), QStringLiteral("vh"),
            QStringLiteral("backups/database/postgres-20261120-020000.sql.gz.enc"), QStringLiteral("--local"),
            QStringLiteral("--key-file"), keyFile });
        QVERIFY2(decrypted.exitCode == 0, decrypted.err.constData());
        // A line longer than openssl reads (1023 bytes) and a NUL byte: the key is what openssl took.
        for (const QByteArray& content :
            QList<QByteArray> { QByteArray(1500, 'k') + '\n', QByteArray("nul\0after\n", 10) }) {
            QFile key(keyFile);
            QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
            key.write(content);
            key.close();
            QFile::remove(encrypted);
            openssl.start(QStringLiteral("openssl"),
                { QStringLiteral("enc"), QStringLiteral("-aes-256-cbc"), QStringLiteral("-pbkdf2"),
                    QStringLiteral("-salt"), QStringLiteral("-in"), good, QStringLiteral("-out"), encrypted,
                    QStringLiteral("-pass"), QStringLiteral("file:") + keyFile });
            QVERIFY(openssl.waitForFinished(30'000) && openssl.exitCode() == 0);
            const Run edge = cli({ QStringLiteral("verify"), QStringLiteral("vh"),
                QStringLiteral("backups/database/postgres-20261120-020000.sql.gz.enc"), QStringLiteral("--local"),
                QStringLiteral("--key-file"), keyFile });
            QVERIFY2(edge.exitCode == 0, edge.err.constData());
        }

        // A key file whose first line is empty holds no key: said so, naming the file, not taken as "no key given".
        for (const QByteArray& content : { QByteArray(), QByteArray("\nkey on line two\n") }) {
            QFile key(keyFile);
            QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
            key.write(content);
            key.close();
            const Run empty = cli({ QStringLiteral("verify"), QStringLiteral("vh"),
                QStringLiteral("backups/database/postgres-20261120-020000.sql.gz.enc"), QStringLiteral("--local"),
                QStringLiteral("--key-file"), keyFile });
            QCOMPARE(empty.exitCode, 2);
            QVERIFY2(empty.err.contains("spaced.key holds no key: its first line is empty"), empty.err.constData());
        }

        // A listed backup that is gone is not restorable: reported as bad, naming the file.
        QVERIFY(QFile::remove(good));
        const Run vanished = cli({ QStringLiteral("verify"), QStringLiteral("vh"),
            QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), QStringLiteral("--local") });
        QCOMPARE(vanished.exitCode, 1);
        QVERIFY2(vanished.err.contains("postgres-20261120-020000.sql.gz"), vanished.err.constData());
        QVERIFY2(vanished.err.contains("vanished"), vanished.err.constData());
        // A name that was never a backup is no verdict on one: could not verify (2), naming it.
        const Run unknown = cli({ QStringLiteral("verify"), QStringLiteral("vh"),
            QStringLiteral("backups/database/postgres-20261122-020000.sql.gz"), QStringLiteral("--local") });
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("postgres-20261122-020000.sql.gz"), unknown.err.constData());
        QVERIFY2(unknown.err.contains("no such file"), unknown.err.constData());
    }

    void aCorruptCopyPutInPlaceIsNoLongerProven()
    {
        // Proven on this workstation, then replaced by a damaged copy as large, with an older time (as rsync -a,
        // cp -p or mv put one back): the proof named the time of the bytes it read, so it no longer holds.
        const QString root = m_dir.filePath(QStringLiteral("swap-host"));
        makeBackup(QStringLiteral("../swap-host/backups/database/postgres-20261120-020000.sql.gz"));
        const QString backup = root + QStringLiteral("/backups/database/postgres-20261120-020000.sql.gz");
        QCOMPARE(cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("swap"), QStringLiteral("--local"),
                         root, QStringLiteral("--backup-dir"), QStringLiteral("backups/database") })
                     .exitCode,
            0);
        QCOMPARE(cli({ QStringLiteral("sync"), QStringLiteral("swap") }).exitCode, 0);
        const QStringList verify { QStringLiteral("verify"), QStringLiteral("swap"),
            QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), QStringLiteral("--local") };
        QCOMPARE(cli(verify).exitCode, 0);
        auto proof = [&] {
            const Run listed = cli({ QStringLiteral("list"), QStringLiteral("swap"), QStringLiteral("--json") });
            return QJsonDocument::fromJson(listed.out).array()[0].toObject().value(QStringLiteral("proof")).toString();
        };
        QCOMPARE(proof(), QStringLiteral("proven"));

        QFile original(backup);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray damaged = original.readAll();
        original.close();
        damaged[damaged.size() / 2] = char(damaged.at(damaged.size() / 2) ^ 0x55);
        QFile copy(backup + QStringLiteral(".copy"));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(damaged);
        copy.flush();
        QVERIFY(copy.setFileTime(QDateTime::currentDateTimeUtc().addDays(-3), QFileDevice::FileModificationTime));
        copy.close();
        QVERIFY(QFile::remove(backup));
        QVERIFY(QFile::rename(copy.fileName(), backup));
        QCOMPARE(cli({ QStringLiteral("sync"), QStringLiteral("swap") }).exitCode, 0);
        QCOMPARE(proof(), QStringLiteral("unverified"));
        QCOMPARE(cli(verify).exitCode, 1);

        // A backup made after the last sync is verified all the same, and the output says it is not recorded.
        makeBackup(QStringLiteral("../swap-host/backups/database/postgres-20261121-020000.sql.gz"));
        const Run unsynced = cli({ QStringLiteral("verify"), QStringLiteral("swap"),
            QStringLiteral("backups/database/postgres-20261121-020000.sql.gz"), QStringLiteral("--local") });
        QCOMPARE(unsynced.exitCode, 0);
        QVERIFY2(unsynced.err.contains("is not in the catalog of swap yet (sync it first): this verification was not "
                                       "recorded"),
            unsynced.err.constData());
    }

    void verifyLatestCoversEveryFolderOfTheHost()
    {
        // The newest backup of each component, wherever the profile's folders hold it: the guide keeps full
        // system backups in system-backup/, which the host tool's own BACKUP_DIR does not cover. Made after the
        // last sync, so "latest" has to sync first to see them.
        const QString root = m_dir.filePath(QStringLiteral("latest-host"));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/backups/database")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/system-backup")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/data")));
        QVERIFY(QFile::copy(QStringLiteral(DRCONSOLE_HOST_DIR "/backup-system.sh"), root + QStringLiteral("/tool.sh")));
        QCOMPARE(
            cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("lh"), QStringLiteral("--local"), root,
                    QStringLiteral("--backup-dir"), QStringLiteral("backups/database"), QStringLiteral("--backup-dir"),
                    QStringLiteral("system-backup"), QStringLiteral("--backup-dir"), QStringLiteral("backups/system"),
                    QStringLiteral("--tool-path"), root + QStringLiteral("/tool.sh") })
                .exitCode,
            0);
        const Run empty = cli({ QStringLiteral("verify"), QStringLiteral("lh"), QStringLiteral("latest") });
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains("Host lh has no backups to verify"), empty.err.constData());

        QProcess shell;
        shell.setWorkingDirectory(root);
        shell.start(QStringLiteral("sh"),
            { QStringLiteral("-c"),
                QStringLiteral(
                    "echo data > data/f && for d in 20261120 20261122; do "
                    "tar -czf system-backup/config-$d-020000.tar.gz data; done && mkdir -p backups/system && "
                    "tar -czf backups/system/config-20261121-020000.tar.gz data && "
                    "printf -- '-- PostgreSQL database dump\\nSELECT 1;\\n-- PostgreSQL database dump "
                    "complete\\n' | gzip > backups/database/postgres-20261121-020000.sql.gz") });
        QVERIFY(shell.waitForFinished(10'000) && shell.exitCode() == 0);
        // Each folder's newest config: the host tool's backups/system/ one is not hidden by the guide's newer one.
        const QSet<QString> newest { QStringLiteral("backups/database/postgres-20261121-020000.sql.gz"),
            QStringLiteral("backups/system/config-20261121-020000.tar.gz"),
            QStringLiteral("system-backup/config-20261122-020000.tar.gz") };
        for (const QStringList& where : { QStringList {}, QStringList { QStringLiteral("--local") } }) {
            const Run run = cli(QStringList { QStringLiteral("verify"), QStringLiteral("lh"), QStringLiteral("latest") }
                + where + QStringList { QStringLiteral("--json") });
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QSet<QString> verified;
            for (const auto& value : QJsonDocument::fromJson(run.out).array()) {
                verified.insert(value.toObject().value(QStringLiteral("path")).toString());
                QCOMPARE(value.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("passed"));
                QCOMPARE(value.toObject().value(QStringLiteral("where")).toString(),
                    where.isEmpty() ? QStringLiteral("host") : QStringLiteral("workstation"));
            }
            QCOMPARE(verified, newest);
        }
    }

    void installToolThenSyncShowsItsVersion()
    {
        // The tool goes to ~/drconsole/bin of the host's login: here a private HOME for a local host.
        const QString home = m_dir.filePath(QStringLiteral("tool-home"));
        const QString project = m_dir.filePath(QStringLiteral("tool-project"));
        QDir().mkpath(home);
        QDir().mkpath(project + QStringLiteral("/backups/database"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home);
        QCOMPARE(cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("tooled"),
                         QStringLiteral("--local"), project },
                     environment)
                     .exitCode,
            0);
        const Run installed
            = cli({ QStringLiteral("host"), QStringLiteral("install-tool"), QStringLiteral("tooled") }, environment);
        QVERIFY2(installed.exitCode == 0, installed.err.constData());
        QVERIFY2(installed.out.contains("backup-system.sh 0."), installed.out.constData());
        const QString tool = home + QStringLiteral("/drconsole/bin/backup-system.sh");
        QVERIFY(QFileInfo(tool).isExecutable());
        QVERIFY(QFileInfo(home + QStringLiteral("/drconsole/bin/health-check.sh")).isExecutable());
        QFile shipped(QStringLiteral(DRCONSOLE_HOST_DIR "/backup-system.sh"));
        QFile copy(tool);
        QVERIFY(shipped.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), shipped.readAll());

        QCOMPARE(cli({ QStringLiteral("sync"), QStringLiteral("tooled") }, environment).exitCode, 0);
        const Run hosts
            = cli({ QStringLiteral("host"), QStringLiteral("list"), QStringLiteral("--json") }, environment);
        bool found = false;
        for (const auto& value : QJsonDocument::fromJson(hosts.out).array()) {
            const QJsonObject host = value.toObject();
            if (host.value(QStringLiteral("name")).toString() == QLatin1String("tooled")) {
                found = true;
                QVERIFY2(host.value(QStringLiteral("tool_version"))
                             .toString()
                             .startsWith(QLatin1String("backup-system.sh 0.")),
                    qPrintable(host.value(QStringLiteral("tool_version")).toString()));
            }
        }
        QVERIFY(found);
    }

    void environmentNamesTheCatalog()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString path = m_dir.filePath(QStringLiteral("from-env.sqlite"));
        environment.insert(QStringLiteral("DRCONSOLE_CATALOG"), path);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(DRCONSOLE_CLI_PATH), { QStringLiteral("host"), QStringLiteral("list") });
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(QFile::exists(path));
    }

    void unreachableSshHostFailsWithReason()
    {
        // Nothing listens on port 1 of loopback: a refused connection, reported with exit code 2.
        const Run added = cli({ QStringLiteral("host"), QStringLiteral("add"), QStringLiteral("closed"),
            QStringLiteral("--address"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("1"),
            QStringLiteral("--user"), QStringLiteral("nobody") });
        QCOMPARE(added.exitCode, 0);
        const Run synced = cli({ QStringLiteral("sync"), QStringLiteral("closed") });
        QCOMPARE(synced.exitCode, 2);
        QVERIFY2(synced.err.contains("closed"), synced.err.constData());
        // verify --json still answers in JSON, on the host and on this workstation: one "error" result with the
        // reason, exit 2.
        for (const QString& where : { QString(), QStringLiteral("--local") }) {
            QStringList arguments { QStringLiteral("verify"), QStringLiteral("closed"),
                QStringLiteral("backups/database/postgres-20261120-020000.sql.gz"), QStringLiteral("--json") };
            if (!where.isEmpty())
                arguments.append(where);
            const Run verified = cli(arguments);
            QCOMPARE(verified.exitCode, 2);
            const QJsonArray results = QJsonDocument::fromJson(verified.out).array();
            QCOMPARE(results.size(), 1);
            QCOMPARE(results[0].toObject().value(QStringLiteral("state")).toString(), QStringLiteral("error"));
            QVERIFY2(results[0].toObject().value(QStringLiteral("reason")).toString().contains(QLatin1String("closed")),
                verified.out.constData());
        }
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_Cli.moc"
