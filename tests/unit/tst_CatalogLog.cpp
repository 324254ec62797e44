#include "core/CatalogLog.h"

#include <QTest>

using namespace dr;

// JSON written with single quotes keeps the test data readable (moc trips over raw strings).
static QByteArray j(const char* text)
{
    return QByteArray(text).replace('\'', '"') + '\n';
}

class tst_CatalogLog : public QObject
{
    Q_OBJECT

private slots:
    void wellFormedLines()
    {
        const QByteArray text = j("{'v':1,'ts':'2026-11-25T02:00:00Z','event':'backup_started','kind':'full','"
                                  "component':'postgres','file':'./backups/database/postgres-20261125-020000.sql.gz'}")
            + j("{'v':1,'ts':'2026-11-25T02:00:07Z','event':'backup_finished','kind':'full','component':'postgres','"
                "file':'backups/database/"
                "postgres-20261125-020000.sql.gz','size':12345,'sha256':'ab12','duration_ms':7000,'encrypted':true}")
            + j("{'v':1,'ts':'2026-11-25T04:00:00Z','event':'verify','file':'backups/database/"
                "postgres-20261125-020000.sql.gz','result':'failed','reason':'footer missing'}");
        const CatalogChunk chunk = CatalogLog::parse(text);
        QVERIFY2(chunk.problems.isEmpty(), qPrintable(chunk.problems.join(u'\n')));
        QCOMPARE(chunk.events.size(), 3);
        QCOMPARE(chunk.consumedBytes, text.size());
        QCOMPARE(chunk.events[0].file, QStringLiteral("backups/database/postgres-20261125-020000.sql.gz"));
        const CatalogEvent& finished = chunk.events[1];
        QCOMPARE(finished.event, QStringLiteral("backup_finished"));
        QCOMPARE(finished.time, QDateTime(QDate(2026, 11, 25), QTime(2, 0, 7), Qt::UTC));
        QCOMPARE(finished.size, 12345);
        QCOMPARE(finished.durationMs, 7000);
        QVERIFY(finished.encrypted);
        QCOMPARE(finished.sha256, QStringLiteral("ab12"));
        QCOMPARE(chunk.events[2].result, QStringLiteral("failed"));
        QCOMPARE(chunk.events[2].reason, QStringLiteral("footer missing"));
    }

    void offsetTimesBecomeUtc()
    {
        const CatalogChunk chunk = CatalogLog::parse(j("{'ts':'2026-03-29T03:30:00+02:00','event':'backup_finished'}"));
        QCOMPARE(chunk.events.size(), 1);
        QCOMPARE(chunk.events[0].time, QDateTime(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC));
        QCOMPARE(chunk.events[0].time.timeSpec(), Qt::UTC);
    }

    void malformedLinesAreSkippedAndReported()
    {
        const QByteArray text = j("{'ts':'2026-11-25T02:00:00Z','event':'a'}") + "this is not json\n" + "[1,2,3]\n"
            + j("{'ts':'2026-11-25T02:00:00Z'}") + j("{'ts':'yesterday','event':'b'}") + "\n"
            + j("{'ts':'2026-11-25T03:00:00Z','event':'c'}");
        const CatalogChunk chunk = CatalogLog::parse(text, 41);
        QCOMPARE(chunk.events.size(), 2);
        QCOMPARE(chunk.events[0].event, QStringLiteral("a"));
        QCOMPARE(chunk.events[1].event, QStringLiteral("c"));
        QCOMPARE(chunk.problems.size(), 4);
        QVERIFY(chunk.problems[0].startsWith(QLatin1String("line 42: not JSON")));
        QVERIFY(chunk.problems[1].startsWith(QLatin1String("line 43: not a JSON object")));
        QVERIFY(chunk.problems[2].contains(QLatin1String("no \"event\"")));
        QVERIFY(chunk.problems[3].contains(QLatin1String("\"yesterday\"")));
        QCOMPARE(chunk.consumedBytes, text.size());
    }

    void partialLastLineIsLeftForNextRead()
    {
        const QByteArray whole = j("{'ts':'2026-11-25T02:00:00Z','event':'a'}");
        const QByteArray partial("{\"ts\":\"2026-11-25T02:00:0");
        const CatalogChunk chunk = CatalogLog::parse(QByteArray(whole + partial));
        QCOMPARE(chunk.events.size(), 1);
        QCOMPARE(chunk.consumedBytes, whole.size());
        QCOMPARE(chunk.partialBytes, partial.size());
        QCOMPARE(chunk.problems.size(), 1);
        QVERIFY(chunk.problems[0].contains(QLatin1String("incomplete last line")));
    }

    void emptyInput()
    {
        const CatalogChunk chunk = CatalogLog::parse(QByteArrayView());
        QVERIFY(chunk.events.isEmpty());
        QVERIFY(chunk.problems.isEmpty());
        QCOMPARE(chunk.consumedBytes, 0);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogLog)
#include "tst_CatalogLog.moc"
