#include "query/PythonStringLiteral.h"

namespace prov {
namespace {

// Appends the character an escape stands for; returns how many characters after the
// backslash it used. Unknown escapes keep their backslash, as Python does.
qsizetype appendEscape(QStringView rest, QString& out)
{
    if (rest.isEmpty()) {
        out += u'\\';
        return 0;
    }
    const QChar c = rest.front();
    switch (c.unicode()) {
    case u'\\':
    case u'\'':
    case u'"':
        out += c;
        return 1;
    case u'n':
        out += u'\n';
        return 1;
    case u't':
        out += u'\t';
        return 1;
    case u'r':
        out += u'\r';
        return 1;
    case u'0':
        out += QChar(0);
        return 1;
    case u'\n': // a backslash before a line break joins the lines
        return 1;
    default:
        out += u'\\';
        out += c;
        return 1;
    }
}

} // namespace

QString PythonStringLiteral::decode(QStringView source)
{
    QString out;
    qsizetype i = 0;
    while (i < source.size()) {
        const QChar quote = source.at(i++);
        if (quote != u'\'' && quote != u'"')
            continue; // whitespace between adjacent literals
        while (i < source.size() && source.at(i) != quote) {
            const QChar c = source.at(i++);
            if (c == u'\\')
                i += appendEscape(source.mid(i), out);
            else
                out += c;
        }
        ++i; // the closing quote
    }
    return out;
}

bool PythonStringLiteral::isLower(QStringView text)
{
    bool cased = false;
    for (const QChar c : text) {
        if (c.isUpper() || c.isTitleCase())
            return false;
        cased = cased || c.isLower();
    }
    return cased;
}

} // namespace prov
