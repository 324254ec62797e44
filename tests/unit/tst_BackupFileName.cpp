#include "core/BackupFileName.h"

#include <QTest>

using namespace dr;

class tst_BackupFileName : public QObject
{
    Q_OBJECT

private slots:
    void seedNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("component");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("compressed");
        QTest::addColumn<bool>("encrypted");
        QTest::addColumn<QDateTime>("stamp");
        const QDateTime stamp(QDate(2024, 9, 9), QTime(2, 0, 0), Qt::UTC);
        QTest::newRow("postgres") << "postgres-20240909-020000.sql.gz"
                                  << "postgres"
                                  << ""
                                  << "sql" << true << false << stamp;
        QTest::newRow("sqlite") << "sqlite-20240909-020000.db.gz"
                                << "sqlite"
                                << ""
                                << "db" << true << false << stamp;
        QTest::newRow("app-data") << "app-data-20240909-020000.tar.gz"
                                  << "app-data"
                                  << ""
                                  << "tar" << true << false << stamp;
        QTest::newRow("config") << "config-20240909-020000.tar.gz"
                                << "config"
                                << ""
                                << "tar" << true << false << stamp;
        QTest::newRow("docker-volumes") << "docker-volumes-20240909-020000.tar.gz"
                                        << "docker-volumes"
                                        << ""
                                        << "tar" << true << false << stamp;
        QTest::newRow("encrypted") << "postgres-20240909-020000.sql.gz.enc"
                                   << "postgres"
                                   << ""
                                   << "sql" << true << true << stamp;
        QTest::newRow("uncompressed") << "sqlite-20240909-020000.db"
                                      << "sqlite"
                                      << ""
                                      << "db" << false << false << stamp;
        QTest::newRow("uncompressed encrypted") << "app-data-20240909-020000.tar.enc"
                                                << "app-data"
                                                << ""
                                                << "tar" << false << true << stamp;
        QTest::newRow("incremental") << "app-data-incremental-20240909-020000.tar.gz"
                                     << "app-data"
                                     << "incremental"
                                     << "tar" << true << false << stamp;
        QTest::newRow("redis") << "redis-20240909-020000.rdb.gz"
                               << "redis"
                               << ""
                               << "rdb" << true << false << stamp;
        QTest::newRow("pg custom dump") << "postgres-20240909-020000.dump"
                                        << "postgres"
                                        << ""
                                        << "dump" << false << false << stamp;
        QTest::newRow("seed emergency") << "emergency-backup-20240909-020000.tar.gz"
                                        << "emergency-backup"
                                        << ""
                                        << "tar" << true << false << stamp;
        QTest::newRow("tool emergency") << "emergency-sqlite-20240909-020000.db.gz"
                                        << "emergency-sqlite"
                                        << ""
                                        << "db" << true << false << stamp;
        QTest::newRow("tgz") << "config-20240909-020000.tgz"
                             << "config"
                             << ""
                             << "tar" << true << false << stamp;
        QTest::newRow("leap day") << "sqlite-20240229-235959.db.gz"
                                  << "sqlite"
                                  << ""
                                  << "db" << true << false << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC);
    }

    void seedNames()
    {
        QFETCH(QString, name);
        const auto parsed = BackupFileName::parse(name);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QTEST(parsed->component, "component");
        QTEST(parsed->kind, "kind");
        QTEST(parsed->format, "format");
        QTEST(parsed->compressed, "compressed");
        QTEST(parsed->encrypted, "encrypted");
        QTEST(parsed->nameTime, "stamp");
    }

    void badNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("no stamp") << "postgres.sql.gz"
                                  << "no YYYYMMDD-HHMMSS";
        QTest::newRow("unknown component") << "mysql-20240909-020000.sql.gz"
                                           << "unknown component \"mysql\"";
        QTest::newRow("month 13") << "postgres-20241309-020000.sql.gz"
                                  << "not a valid date";
        QTest::newRow("feb 30") << "postgres-20240230-020000.sql.gz"
                                << "not a valid date";
        QTest::newRow("hour 25") << "postgres-20240909-250000.sql.gz"
                                 << "not a valid time";
        QTest::newRow("unknown format") << "postgres-20240909-020000.zip"
                                        << "unknown format";
        QTest::newRow("folder") << "database/postgres-20240909-020000.sql.gz"
                                << "'/'";
        QTest::newRow("short stamp") << "postgres-2024099-020000.sql.gz"
                                     << "no YYYYMMDD-HHMMSS";
        QTest::newRow("trailing junk") << "postgres-20240909-020000.sql.gz.bak"
                                       << "expected";
        QTest::newRow("hostile") << "$(touch pwned)-20240909-020000.sql.gz"
                                 << "expected";
    }

    void badNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        const auto parsed = BackupFileName::parse(name);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, Error::Code::InvalidInput);
        QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(name), "the message must name the file");
    }

    void auxiliaryFiles()
    {
        QVERIFY(BackupFileName::isAuxiliaryFile(QStringLiteral("postgres-20240909-020000.sql.gz.sha256")));
        QVERIFY(BackupFileName::isAuxiliaryFile(QStringLiteral("catalog.jsonl")));
        QVERIFY(!BackupFileName::isAuxiliaryFile(QStringLiteral("postgres-20240909-020000.sql.gz")));
    }
};

QTEST_GUILESS_MAIN(tst_BackupFileName)
#include "tst_BackupFileName.moc"
