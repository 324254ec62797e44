#include "app/compliance/Icons.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerDrconsoleResources()
{
    Q_INIT_RESOURCE(drconsole);
}

namespace dr {

void ensureIconsLoaded()
{
    static const bool registered = [] {
        registerDrconsoleResources();
        return true;
    }();
    Q_UNUSED(registered)
}

} // namespace dr
