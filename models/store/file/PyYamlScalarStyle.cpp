#include "store/file/PyYamlScalarStyle.h"

#include <QRegularExpression>

namespace prov {
namespace {

struct Analysis
{
    bool multiline = false;
    bool flowPlainAllowed = true;
    bool blockPlainAllowed = true;
    bool singleQuotedAllowed = true;
};

unsigned char byteAt(const QByteArray& s, qsizetype i)
{
    return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; // libyaml reads the terminating NUL
}

bool isSpace(const QByteArray& s, qsizetype i)
{
    return byteAt(s, i) == ' ';
}

bool isBlankz(const QByteArray& s, qsizetype i)
{
    const unsigned char c = byteAt(s, i);
    return c == ' ' || c == '\t' || c == 0 || PyYamlScalarStyle::isBreak(s, i);
}

bool oneOf(unsigned char c, const char* set)
{
    for (const char* p = set; *p; ++p) {
        if (static_cast<unsigned char>(*p) == c)
            return true;
    }
    return false;
}

struct Flags
{
    bool blockIndicators = false, flowIndicators = false, lineBreaks = false, special = false;
    bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
    bool breakSpace = false, spaceBreak = false;
};

void indicators(const QByteArray& s, qsizetype i, bool followed, bool preceded, Flags& f)
{
    const unsigned char c = byteAt(s, i);
    if (i == 0) {
        if (oneOf(c, "#,[]{}&*!|>'\"%@`"))
            f.flowIndicators = f.blockIndicators = true;
        if (c == '?' || c == ':') {
            f.flowIndicators = true;
            f.blockIndicators = f.blockIndicators || followed;
        }
        if (c == '-' && followed)
            f.flowIndicators = f.blockIndicators = true;
        return;
    }
    if (oneOf(c, ",?[]{}"))
        f.flowIndicators = true;
    if (c == ':') {
        f.flowIndicators = true;
        f.blockIndicators = f.blockIndicators || followed;
    }
    if (c == '#' && preceded)
        f.flowIndicators = f.blockIndicators = true;
}

Analysis analyze(const QByteArray& s)
{
    Analysis a;
    if (s.isEmpty()) {
        a.flowPlainAllowed = false;
        return a;
    }
    Flags f;
    if (s.startsWith("---") || s.startsWith("..."))
        f.blockIndicators = f.flowIndicators = true;
    bool preceded = true;
    bool followed = isBlankz(s, PyYamlScalarStyle::width(s[0]));
    bool previousSpace = false, previousBreak = false;
    for (qsizetype i = 0; i < s.size();) {
        const int w = std::max(1, PyYamlScalarStyle::width(s[i]));
        indicators(s, i, followed, preceded, f);
        if (!PyYamlScalarStyle::isPrintable(s, i))
            f.special = true;
        const bool isBreak = PyYamlScalarStyle::isBreak(s, i);
        f.lineBreaks = f.lineBreaks || isBreak;
        if (isSpace(s, i)) {
            f.leadingSpace = f.leadingSpace || i == 0;
            f.trailingSpace = f.trailingSpace || i + w == s.size();
            f.breakSpace = f.breakSpace || previousBreak;
            previousSpace = true;
            previousBreak = false;
        } else if (isBreak) {
            f.leadingBreak = f.leadingBreak || i == 0;
            f.trailingBreak = f.trailingBreak || i + w == s.size();
            f.spaceBreak = f.spaceBreak || previousSpace;
            previousSpace = false;
            previousBreak = true;
        } else {
            previousSpace = previousBreak = false;
        }
        preceded = isBlankz(s, i);
        i += w;
        if (i < s.size())
            followed = isBlankz(s, i + std::max(1, PyYamlScalarStyle::width(s[i])));
    }
    a.multiline = f.lineBreaks;
    if (f.leadingSpace || f.leadingBreak || f.trailingSpace || f.trailingBreak || f.lineBreaks)
        a.flowPlainAllowed = a.blockPlainAllowed = false;
    if (f.breakSpace || f.spaceBreak || f.special)
        a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = false;
    if (f.flowIndicators)
        a.flowPlainAllowed = false;
    if (f.blockIndicators)
        a.blockPlainAllowed = false;
    return a;
}

} // namespace

int PyYamlScalarStyle::width(char leadByte)
{
    const auto c = static_cast<unsigned char>(leadByte);
    return (c & 0x80) == 0x00 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
}

bool PyYamlScalarStyle::isPrintable(const QByteArray& s, qsizetype i)
{
    const unsigned char c = byteAt(s, i);
    const unsigned char c1 = byteAt(s, i + 1);
    const unsigned char c2 = byteAt(s, i + 2);
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) || (c > 0xC2 && c < 0xED)
        || (c == 0xED && c1 < 0xA0) || c == 0xEE
        || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
}

bool PyYamlScalarStyle::isBreak(const QByteArray& s, qsizetype i)
{
    const unsigned char c = byteAt(s, i);
    const unsigned char c1 = byteAt(s, i + 1);
    const unsigned char c2 = byteAt(s, i + 2);
    return c == '\r' || c == '\n' || (c == 0xC2 && c1 == 0x85)
        || (c == 0xE2 && c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9));
}

bool PyYamlScalarStyle::plainReadsAsString(const QString& text)
{
    // yaml/resolver.py, first-character dispatch included; `$` matches before a final newline
    // in both Python's re and PCRE.
    static const QRegularExpression boolean(
        QStringLiteral("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"));
    static const QRegularExpression floating(
        QStringLiteral("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                       "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"));
    static const QRegularExpression integer(
        QStringLiteral("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                       "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"));
    static const QRegularExpression merge(QStringLiteral("^(?:<<)$"));
    static const QRegularExpression null(QStringLiteral("^(?:~|null|Null|NULL|)$"));
    static const QRegularExpression timestamp(
        QStringLiteral("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                       "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                       "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"));
    static const QRegularExpression value(QStringLiteral("^(?:=)$"));
    static const QRegularExpression yaml(QStringLiteral("^(?:!|&|\\*)$"));
    if (text.isEmpty())
        return !null.match(text).hasMatch();
    const QChar first = text.front();
    const auto starts = [first](const char* set) { return QLatin1String(set).contains(first); };
    const QList<std::pair<const char*, const QRegularExpression*>> resolvers { { "yYnNtTfFoO", &boolean },
        { "-+0123456789.", &floating }, { "-+0123456789", &integer }, { "<", &merge }, { "~nN", &null },
        { "0123456789", &timestamp }, { "=", &value }, { "!&*", &yaml } };
    for (const auto& [set, regex] : resolvers) {
        if (starts(set) && regex->match(text).hasMatch())
            return false;
    }
    return true;
}

PyYamlScalarStyle::Style PyYamlScalarStyle::choose(const QByteArray& utf8, Context context)
{
    const Analysis a = analyze(utf8);
    const bool flow = context == Context::FlowValue;
    const bool simpleKey = context == Context::SimpleKey;
    if (simpleKey && a.multiline)
        return Style::DoubleQuoted;
    Style style = Style::Plain;
    if ((flow && !a.flowPlainAllowed) || (!flow && !a.blockPlainAllowed))
        style = Style::SingleQuoted;
    if (utf8.isEmpty() && (flow || simpleKey))
        style = Style::SingleQuoted;
    if (!plainReadsAsString(QString::fromUtf8(utf8)))
        style = Style::SingleQuoted;
    if (style == Style::SingleQuoted && !a.singleQuotedAllowed)
        style = Style::DoubleQuoted;
    return style;
}

} // namespace prov
