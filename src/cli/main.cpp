#include "cli/CliApp.h"
#include "core/AppIdentity.h"
#include "core/Translations.h"

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    dr::setApplicationIdentity();
    dr::installTranslations(application);
    dr::CliApp cli;
    return cli.run(application.arguments().mid(1));
}
