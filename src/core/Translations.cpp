#include "core/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace dr {

namespace {
const QString i18nFolder = QStringLiteral(":/i18n");
const QString baseName = QStringLiteral("drconsole");
} // namespace

QString installTranslations(QCoreApplication& application, const QLocale& locale)
{
    // Installed first, asked last: a full translation installed after it answers before it.
    auto* plurals = new QTranslator(&application);
    if (plurals->load(baseName + QStringLiteral("_en"), i18nFolder))
        QCoreApplication::installTranslator(plurals);
    else
        delete plurals;

    QString language = QStringLiteral("en");
    auto* translation = new QTranslator(&application);
    if (translation->load(locale, baseName, QStringLiteral("_"), i18nFolder) && translation->language() != language) {
        QCoreApplication::installTranslator(translation);
        language = translation->language();
    } else {
        delete translation;
    }

    auto* qtStrings = new QTranslator(&application);
    if (qtStrings->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtStrings);
    else
        delete qtStrings;
    return language;
}

} // namespace dr
