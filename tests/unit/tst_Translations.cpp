#include "TestEnvironment.h"
#include "app/BackupHistoryModel.h"
#include "app/HostListModel.h"
#include "core/BackupRecord.h"
#include "core/Proof.h"
#include "core/Translations.h"

#include <QApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace dr;

// The translations the console and the command line install (dr::installTranslations), from the .qm files
// embedded at build time: English plural forms in every language, German over them in a German locale.
class tst_Translations : public QObject
{
    Q_OBJECT

    struct PluralMessage
    {
        QString context;
        QString source;
        bool unfinished = false;
    };

    /// Every message with a plural in translations/drconsole_en.ts, as lupdate wrote it from the sources.
    static QList<PluralMessage> pluralMessages()
    {
        QFile file(test::sourceDir() + QStringLiteral("/translations/drconsole_en.ts"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<PluralMessage> messages;
        QString context;
        QXmlStreamReader xml(&file);
        while (xml.readNextStartElement() || !xml.atEnd()) {
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("source"))
                messages.append({ context, xml.readElementText() });
            else if (xml.name() == QLatin1String("translation") && !messages.isEmpty())
                messages.last().unfinished
                    = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
        }
        return messages;
    }

    static void removeInstalledTranslators()
    {
        for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

private slots:
    void cleanup() { removeInstalledTranslators(); }

    void englishSaysOneAndMany()
    {
        QCOMPARE(installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)), QStringLiteral("en"));
        // Through the classes' own tr(), as the host list and the coverage line call it.
        QCOMPARE(HostListModel::tr("%n backup(s) failed verification", nullptr, 1),
            QStringLiteral("1 backup failed verification"));
        QCOMPARE(HostListModel::tr("%n backup(s) failed verification", nullptr, 3),
            QStringLiteral("3 backups failed verification"));
        QCOMPARE(ProofCoverage::tr("no backups in the last %n day(s)", nullptr, 30),
            QStringLiteral("no backups in the last 30 days"));
        // A deep check's counts, from the host's fields or the workstation's restore.
        QCOMPARE(VerificationEntry::countsText(1, 2), QStringLiteral("1 table, 2 rows"));
        QCOMPARE(VerificationEntry::countsText(-1, -1, 1, 4096),
            QStringLiteral("1 file, ") + QLocale().formattedDataSize(4096, 1, QLocale::DataSizeTraditionalFormat));
        QCOMPARE(VerificationEntry::countsText(3, 1, 12, -1), QStringLiteral("3 tables, 1 row, 12 files"));
    }

    void everyPluralHasItsEnglishForms()
    {
        // A string with "(s)" added to the sources without its English forms shows "(s)" to the user.
        const QList<PluralMessage> messages = pluralMessages();
        QVERIFY2(messages.size() >= 20, "translations/drconsole_en.ts is missing or lost its messages");
        QTranslator english;
        QVERIFY(english.load(QStringLiteral(":/i18n/drconsole_en.qm")));
        for (const PluralMessage& message : messages) {
            QVERIFY2(
                !message.unfinished, qPrintable(QStringLiteral("unfinished in drconsole_en.ts: ") + message.source));
            for (int n : { 1, 2 }) {
                const QString shown = english.translate(
                    message.context.toUtf8().constData(), message.source.toUtf8().constData(), nullptr, n);
                QVERIFY2(!shown.isEmpty() && !shown.contains(QLatin1String("(s)")),
                    qPrintable(
                        message.context + QStringLiteral(": ") + message.source + QStringLiteral(" -> ") + shown));
            }
        }
    }

    void germanOverEnglish()
    {
        QCOMPARE(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)).left(2), QStringLiteral("de"));
        QCOMPARE(HostListModel::tr("%n backup(s) failed verification", nullptr, 1),
            QStringLiteral("1 Sicherung hat die Prüfung nicht bestanden"));
        QCOMPARE(HostListModel::tr("%n backup(s) failed verification", nullptr, 4),
            QStringLiteral("4 Sicherungen haben die Prüfung nicht bestanden"));
        QCOMPARE(ProofCoverage::tr("no backups in the last %n day(s)", nullptr, 1),
            QStringLiteral("keine Sicherungen innerhalb des letzten Tages"));
        QCOMPARE(VerificationEntry::countsText(1, 254), QStringLiteral("1 Tabelle, 254 Zeilen"));
        QCOMPARE(VerificationEntry::countsText(-1, -1, 1, -1), QStringLiteral("1 Datei"));
        // Kinds of backups, in the table and its filter (they were left in English).
        QCOMPARE(BackupHistoryModel::kindText(QStringLiteral("incremental")), QStringLiteral("inkrementell"));
        QCOMPARE(BackupHistoryModel::kindText(QStringLiteral("weekly")), QStringLiteral("weekly")); // unknown: as is
        // Qt's own strings too (qt6-translations-l10n): dialog buttons say "Abbrechen", not "Cancel".
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }
};

QTEST_MAIN(tst_Translations)
#include "tst_Translations.moc"
