#include "core/ShellQuote.h"

#include <QCoreApplication>

namespace dr {

Result<QByteArray> ShellQuote::quote(const QString& argument)
{
    if (argument.contains(QChar(0)))
        return makeError(Error::Code::InvalidInput,
            QCoreApplication::translate("ShellQuote", "an argument contains a NUL byte: %1")
                .arg(argument.left(40).replace(QChar(0), u'?')));
    const QByteArray utf8 = argument.toUtf8();
    // Plain words need no quotes; it keeps the log readable.
    bool plain = !utf8.isEmpty();
    for (const char c : utf8) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
            || c == '-' || c == '.' || c == '/' || c == ',' || c == ':' || c == '+' || c == '@';
        if (!safe) {
            plain = false;
            break;
        }
    }
    if (plain)
        return utf8;
    QByteArray quoted;
    quoted.reserve(utf8.size() + 2);
    quoted.append('\'');
    for (const char c : utf8) {
        if (c == '\'')
            quoted.append("'\\''");
        else
            quoted.append(c);
    }
    quoted.append('\'');
    return quoted;
}

Result<QByteArray> ShellQuote::command(const QStringList& argv)
{
    QByteArray line;
    for (const QString& argument : argv) {
        auto quoted = quote(argument);
        if (!quoted)
            return quoted.error();
        if (!line.isEmpty())
            line.append(' ');
        line.append(*quoted);
    }
    return line;
}

QString ShellQuote::display(const QStringList& argv)
{
    QStringList shown = argv;
    if (shown.size() >= 4 && shown[0] == QLatin1String("sh") && shown[1] == QLatin1String("-c")
        && shown[2].contains(u'\n'))
        shown[2] = QStringLiteral("<%1: %2 lines>").arg(shown[3]).arg(shown[2].count(u'\n') + 1);
    QStringList quoted;
    for (const QString& argument : std::as_const(shown)) {
        const auto one = quote(argument);
        quoted.append(one ? QString::fromUtf8(*one) : QStringLiteral("<invalid>"));
    }
    return quoted.join(u' ');
}

} // namespace dr
