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

} // namespace dr
