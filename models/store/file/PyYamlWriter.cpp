#include "store/file/PyYamlWriter.h"

#include "store/file/PyYamlScalarStyle.h"

namespace prov {
namespace {

using Style = PyYamlScalarStyle::Style;
using Context = PyYamlScalarStyle::Context;

// The part of libyaml's emitter state that scalars depend on (emitter.c).
class Emitter
{
public:
    QByteArray out;

    void writeIndent()
    {
        const int target = std::max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace))
            putBreak();
        while (column < target)
            put(' ');
        whitespace = true;
        indention = true;
    }

    void indicator(const char* text, bool needWhitespace, bool isWhitespace, bool isIndention)
    {
        if (needWhitespace && !whitespace)
            put(' ');
        for (const char* p = text; *p; ++p)
            put(*p);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    void scalar(const QString& text, Context context)
    {
        const QByteArray utf8 = text.toUtf8();
        const int saved = indent;
        indent = indent < 0 ? 2 : indent + 2; // increase_indent(flow=1)
        const bool allowBreaks = context != Context::SimpleKey;
        switch (PyYamlScalarStyle::choose(utf8, context)) {
        case Style::Plain:
            plain(utf8, allowBreaks);
            break;
        case Style::SingleQuoted:
            singleQuoted(utf8, allowBreaks);
            break;
        case Style::DoubleQuoted:
            doubleQuoted(utf8, allowBreaks);
            break;
        }
        indent = saved;
    }

    void raw(const char* text) // a plain scalar known to need no analysis (numbers, null)
    {
        if (!whitespace)
            put(' ');
        for (const char* p = text; *p; ++p)
            put(*p);
        whitespace = indention = false;
    }

    int column = 0;
    int indent = -1;
    bool whitespace = true;
    bool indention = true;

private:
    void put(char c)
    {
        out.append(c);
        ++column;
    }
    void putBreak()
    {
        out.append('\n');
        column = 0;
    }
    // Copies one UTF-8 character; a column is one character, whatever its width.
    qsizetype write(const QByteArray& s, qsizetype i)
    {
        const int w = std::max(1, PyYamlScalarStyle::width(s[i]));
        out.append(s.mid(i, w));
        ++column;
        return i + w;
    }
    qsizetype writeBreak(const QByteArray& s, qsizetype i)
    {
        if (s[i] == '\n') {
            putBreak();
            return i + 1;
        }
        const int w = std::max(1, PyYamlScalarStyle::width(s[i]));
        out.append(s.mid(i, w));
        column = 0;
        return i + w;
    }
    bool spaceAt(const QByteArray& s, qsizetype i) const { return i < s.size() && s[i] == ' '; }

    void plain(const QByteArray& s, bool allowBreaks);
    void singleQuoted(const QByteArray& s, bool allowBreaks);
    void doubleQuoted(const QByteArray& s, bool allowBreaks);
    qsizetype escape(const QByteArray& s, qsizetype i);
};

void Emitter::plain(const QByteArray& s, bool allowBreaks)
{
    if (!whitespace && !s.isEmpty())
        put(' ');
    bool spaces = false, breaks = false;
    for (qsizetype i = 0; i < s.size();) {
        if (s[i] == ' ') {
            if (allowBreaks && !spaces && column > 80 && !spaceAt(s, i + 1)) {
                writeIndent();
                ++i;
            } else {
                i = write(s, i);
            }
            spaces = true;
        } else if (PyYamlScalarStyle::isBreak(s, i)) {
            if (!breaks && s[i] == '\n')
                putBreak();
            i = writeBreak(s, i);
            indention = true;
            breaks = true;
        } else {
            if (breaks)
                writeIndent();
            i = write(s, i);
            indention = false;
            spaces = breaks = false;
        }
    }
    whitespace = indention = false;
}

void Emitter::singleQuoted(const QByteArray& s, bool allowBreaks)
{
    indicator("'", true, false, false);
    bool spaces = false, breaks = false;
    for (qsizetype i = 0; i < s.size();) {
        if (s[i] == ' ') {
            if (allowBreaks && !spaces && column > 80 && i != 0 && i != s.size() - 1 && !spaceAt(s, i + 1)) {
                writeIndent();
                ++i;
            } else {
                i = write(s, i);
            }
            spaces = true;
        } else if (PyYamlScalarStyle::isBreak(s, i)) {
            if (!breaks && s[i] == '\n')
                putBreak();
            i = writeBreak(s, i);
            indention = true;
            breaks = true;
        } else {
            if (breaks)
                writeIndent();
            if (s[i] == '\'')
                put('\'');
            i = write(s, i);
            indention = false;
            spaces = breaks = false;
        }
    }
    if (breaks)
        writeIndent();
    indicator("'", false, false, false);
    whitespace = indention = false;
}

qsizetype Emitter::escape(const QByteArray& s, qsizetype i)
{
    // Decoded from the bytes as libyaml does (QString would drop a byte order mark).
    const int w = std::max(1, PyYamlScalarStyle::width(s[i]));
    const auto lead = static_cast<unsigned char>(s[i]);
    char32_t value = w == 1 ? lead & 0x7F : w == 2 ? lead & 0x1F : w == 3 ? lead & 0x0F : lead & 0x07;
    for (int k = 1; k < w && i + k < s.size(); ++k)
        value = (value << 6) + (static_cast<unsigned char>(s[i + k]) & 0x3F);
    put('\\');
    static const QList<std::pair<char32_t, char>> named { { 0x00, '0' }, { 0x07, 'a' }, { 0x08, 'b' }, { 0x09, 't' },
        { 0x0A, 'n' }, { 0x0B, 'v' }, { 0x0C, 'f' }, { 0x0D, 'r' }, { 0x1B, 'e' }, { 0x22, '"' }, { 0x5C, '\\' },
        { 0x85, 'N' }, { 0xA0, '_' }, { 0x2028, 'L' }, { 0x2029, 'P' } };
    for (const auto& [code, letter] : named) {
        if (code == value) {
            put(letter);
            return i + w;
        }
    }
    const int digits = value <= 0xFF ? 2 : value <= 0xFFFF ? 4 : 8;
    put(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
    for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
        const int digit = (value >> k) & 0x0F;
        put(static_cast<char>(digit + (digit < 10 ? '0' : 'A' - 10)));
    }
    return i + w;
}

void Emitter::doubleQuoted(const QByteArray& s, bool allowBreaks)
{
    indicator("\"", true, false, false);
    bool spaces = false;
    for (qsizetype i = 0; i < s.size();) {
        const bool bom = s.mid(i, 3) == "\xEF\xBB\xBF";
        if (!PyYamlScalarStyle::isPrintable(s, i) || bom || PyYamlScalarStyle::isBreak(s, i) || s[i] == '"'
            || s[i] == '\\') {
            i = escape(s, i);
            spaces = false;
        } else if (s[i] == ' ') {
            if (allowBreaks && !spaces && column > 80 && i != 0 && i != s.size() - 1) {
                writeIndent();
                if (spaceAt(s, i + 1))
                    put('\\');
                ++i;
            } else {
                i = write(s, i);
            }
            spaces = true;
        } else {
            i = write(s, i);
            spaces = false;
        }
    }
    indicator("\"", false, false, false);
    whitespace = indention = false;
}

// Emits `key:` of a top-level block mapping (or of a nested one at indent 2), as libyaml's
// emit_block_mapping_key / _value do, leaving the emitter after the ':' indicator.
void key(Emitter& e, const QString& text)
{
    e.writeIndent();
    const QByteArray utf8 = text.toUtf8();
    bool multiline = false;
    for (qsizetype i = 0; i < utf8.size(); ++i)
        multiline = multiline || PyYamlScalarStyle::isBreak(utf8, i);
    const bool simple = utf8.size() <= 128 && !multiline; // libyaml's check_simple_key
    if (simple) {
        e.scalar(text, Context::SimpleKey);
        e.indicator(":", false, false, false);
        return;
    }
    e.indicator("?", true, false, true);
    e.scalar(text, Context::BlockValue);
    e.writeIndent();
    e.indicator(":", true, false, true);
}

QByteArray finished(Emitter& e)
{
    e.indent = -1;
    e.writeIndent(); // the next key's (or the document end's) line break
    return e.out;
}

Emitter topLevelKey(const QString& name)
{
    Emitter e;
    e.indent = 0;
    key(e, name);
    return e;
}

} // namespace

QByteArray PyYamlWriter::scalarEntry(const QString& name, const std::optional<QString>& value)
{
    Emitter e = topLevelKey(name);
    if (value)
        e.scalar(*value, Context::BlockValue);
    else
        e.raw("null");
    return finished(e);
}

QByteArray PyYamlWriter::integerEntry(const QString& name, qint64 value)
{
    Emitter e = topLevelKey(name);
    e.raw(QByteArray::number(value).constData());
    return finished(e);
}

QByteArray PyYamlWriter::stringMapEntry(const QString& name, const StringMap& map)
{
    Emitter e = topLevelKey(name);
    if (map.isEmpty()) {
        e.indicator("{", true, true, false);
        e.indicator("}", false, false, false);
        return finished(e);
    }
    e.indent = 2;
    for (const auto& [k, v] : map) {
        key(e, k);
        e.scalar(v, Context::BlockValue);
    }
    return finished(e);
}

QByteArray PyYamlWriter::stringListEntry(const QString& name, const QStringList& items)
{
    Emitter e = topLevelKey(name);
    if (items.isEmpty()) {
        e.indicator("[", true, true, false);
        e.indicator("]", false, false, false);
        return finished(e);
    }
    for (const QString& item : items) {
        e.writeIndent(); // indentless: a sequence in a mapping stays at the mapping's indent
        e.indicator("-", true, false, true);
        e.scalar(item, Context::BlockValue);
    }
    return finished(e);
}

} // namespace prov
