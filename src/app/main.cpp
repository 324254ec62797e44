#include "app/ConsoleWindow.h"
#include "core/AppIdentity.h"
#include "core/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    dr::setApplicationIdentity();
    application.setApplicationDisplayName(QStringLiteral("DR Console"));
    application.setWindowIcon(QIcon(QStringLiteral(":/icons/drconsole.svg")));
    application.setDesktopFileName(QStringLiteral("io.drconsole.DrConsole"));

    dr::installTranslations(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Backup and disaster recovery console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), QCoreApplication::translate("main", "Open the embedded demo host (needs no server)."));
    const QCommandLineOption catalogOption(
        QStringLiteral("catalog"), QCoreApplication::translate("main", "Catalog file."), QStringLiteral("PATH"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "Save a picture of the window to FILE once the first sync has ended, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption tab(QStringLiteral("tab"),
        QCoreApplication::translate("main", "Open on tab N (0 backups, 1 verification, 2 compliance, 3 charts)."),
        QStringLiteral("N"));
    const QCommandLineOption syncAll(
        QStringLiteral("sync-all"), QCoreApplication::translate("main", "Sync every host at start."));
    parser.addOptions({ demo, catalogOption, screenshot, tab, syncAll });
    parser.process(application);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString catalogPath = parser.isSet(catalogOption) ? parser.value(catalogOption) : dr::Catalog::defaultPath();
    if (parser.isSet(demo) && !parser.isSet(catalogOption))
        catalogPath = dataDir + QStringLiteral("/demo/catalog.sqlite");
    dr::Catalog catalog(catalogPath);
    if (auto opened = catalog.open(); !opened) {
        QMessageBox::critical(nullptr, QStringLiteral("DR Console"), opened.error().fullText());
        return 2;
    }
    dr::ConsoleWindow window(&catalog);
    if (parser.isSet(demo))
        window.setWindowTitle(QCoreApplication::translate("main", "DR Console — demo"));
    window.resize(1280, 800);
    window.show();
    if (parser.isSet(tab))
        window.findChild<QTabWidget*>(QStringLiteral("mainTabWidget"))->setCurrentIndex(parser.value(tab).toInt());
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QObject::connect(&window, &dr::ConsoleWindow::operationFinished, &window, [&window, file] {
            QTimer::singleShot(1500, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        });
    }
    if (parser.isSet(syncAll))
        window.syncAll();
    if (parser.isSet(demo))
        window.openDemo(dataDir + QStringLiteral("/demo/host"));
    return application.exec();
}
