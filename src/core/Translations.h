#pragma once

#include <QLocale>

class QCoreApplication;

namespace dr {

/// Installs the console's translations on @p application (the GUI and the command line alike): the English plural
/// forms ("1 backup", "2 backups") under every language, the translation for @p locale's languages over them when
/// there is one, and Qt's own strings. Returns the language whose translation was found ("de"), or "en".
QString installTranslations(QCoreApplication& application, const QLocale& locale = QLocale());

} // namespace dr
