#include "cli/CliApp.h"
#include "core/AppIdentity.h"

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    dr::setApplicationIdentity();
    dr::CliApp cli;
    return cli.run(application.arguments().mid(1));
}
