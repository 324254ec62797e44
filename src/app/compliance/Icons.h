#pragma once

namespace dr {

/// Registers resources/drconsole.qrc (the SVG icons). A static library's resources are not registered by
/// themselves; every widget that shows an icon calls this first. Cheap after the first call.
void ensureIconsLoaded();

} // namespace dr
