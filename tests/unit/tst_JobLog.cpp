#include "core/JobLog.h"

#include <QTest>

using namespace dr;

class tst_JobLog : public QObject
{
    Q_OBJECT

private slots:
    void markersAcrossChunkBoundaries()
    {
        JobLogParser parser;
        QList<JobLogEntry> entries;
        const QByteArray log
            = "starting\n##step pre-flight\nfree space ok\r\n##result rto_seconds=512\n##resultless\ntail";
        // Byte by byte: a marker split anywhere is still read whole.
        for (char c : log)
            entries += parser.feed(QByteArrayView(&c, 1));
        QCOMPARE(entries.size(), 5);
        entries += parser.finish();
        QCOMPARE(entries.size(), 6);
        QCOMPARE(entries[0].type, JobLogEntry::Type::Line);
        QCOMPARE(entries[1].type, JobLogEntry::Type::Step);
        QCOMPARE(entries[1].text, QStringLiteral("pre-flight"));
        QCOMPARE(entries[2].text, QStringLiteral("free space ok"));
        QCOMPARE(entries[3].type, JobLogEntry::Type::Result);
        QCOMPARE(entries[3].text, QStringLiteral("rto_seconds"));
        QCOMPARE(entries[3].value, QStringLiteral("512"));
        QCOMPARE(entries[4].type, JobLogEntry::Type::Line);
        QCOMPARE(entries[5].text, QStringLiteral("tail"));
        QVERIFY(parser.finish().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_JobLog)
#include "tst_JobLog.moc"
