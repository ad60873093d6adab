#include "query/FilterTokenizer.h"

#include "query/FilterError.h"

#include <QRegularExpression>

namespace prov {
namespace {

using Kind = FilterToken::Kind;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The number forms sqlparse (and so MLflow) accepts, plus a leading '+'.
const QRegularExpression& numberPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)"));
    return pattern;
}

} // namespace

FilterTokenizer::FilterTokenizer(const QString& expression)
    : m_text(expression)
{ }

Result<QList<FilterToken>> FilterTokenizer::tokenize(const QString& expression)
{
    FilterTokenizer tokenizer(expression);
    QList<FilterToken> tokens;
    for (;;) {
        Result<FilterToken> token = tokenizer.next();
        if (!token)
            return token.error();
        tokens.append(*token);
        if (token->kind == Kind::End)
            return tokens;
    }
}

Result<FilterToken> FilterTokenizer::next()
{
    while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
        ++m_pos;
    if (m_pos >= m_text.size())
        return make(Kind::End, m_pos, {});

    const QChar c = m_text.at(m_pos);
    Result<FilterToken> token = [&]() -> Result<FilterToken> {
        if (c == u'`' || c == u'"' || c == u'\'')
            return quoted(c);
        // After "metrics." the next word is a key even when it starts with a digit.
        if (m_previous == Kind::Dot && isWordChar(m_pos))
            return word();
        if (startsNumber())
            return number();
        if (isWordChar(m_pos))
            return word();
        return symbol();
    }();
    if (token)
        m_previous = token->kind;
    return token;
}

FilterToken FilterTokenizer::make(FilterToken::Kind kind, qsizetype start, QString text) const
{
    FilterToken token;
    token.kind = kind;
    token.text = std::move(text);
    token.source = m_text.mid(start, m_pos - start);
    token.column = static_cast<int>(start) + 1;
    return token;
}

FilterToken FilterTokenizer::word()
{
    const qsizetype start = m_pos;
    while (qsizetype length = wordCharLength(m_pos))
        m_pos += length;
    return make(Kind::Word, start, m_text.mid(start, m_pos - start));
}

Result<FilterToken> FilterTokenizer::quoted(QChar quote)
{
    // As sqlparse (and so MLflow) reads quoted text: a doubled quote, and in '...' and "..."
    // also a backslash before the quote or before a backslash, stay inside the text. MLflow then
    // only trims the outer quotes, so nothing inside is decoded: 'it''s' is the five characters
    // it''s and 'it\'s' is it\'s (lists after IN are read differently: RunFilterParser).
    const qsizetype start = m_pos++;
    QString text;
    const bool backslashEscapes = quote != u'`';
    while (m_pos < m_text.size()) {
        const QChar c = m_text.at(m_pos++);
        if (backslashEscapes && c == u'\\' && (at(m_pos) == quote || at(m_pos) == u'\\')) {
            text.append(c);
            text.append(m_text.at(m_pos++));
            continue;
        }
        if (c != quote) {
            text.append(c);
            continue;
        }
        if (at(m_pos) == quote) {
            text.append(quote);
            text.append(quote);
            ++m_pos;
            continue;
        }
        const Kind kind = quote == u'`' ? Kind::BacktickQuoted
            : quote == u'"'             ? Kind::DoubleQuoted
                                        : Kind::SingleQuoted;
        return make(kind, start, text);
    }
    return makeFilterError(
        QStringLiteral("unterminated quoted text %1: add the closing %2")
            .arg(m_text.mid(start, 12) + (m_text.size() - start > 12 ? QStringLiteral("...") : QString()),
                QString(quote)),
        static_cast<int>(start) + 1);
}

bool FilterTokenizer::startsNumber() const
{
    const QChar c = at(m_pos);
    if (isAsciiDigit(c))
        return true;
    if (c == u'-' || c == u'+')
        return isAsciiDigit(at(m_pos + 1)) || (at(m_pos + 1) == u'.' && isAsciiDigit(at(m_pos + 2)));
    // ".5" is a number, but in "metrics.5" the dot separates the entity from its key.
    const bool afterName
        = m_previous == Kind::Word || m_previous == Kind::BacktickQuoted || m_previous == Kind::DoubleQuoted;
    return c == u'.' && !afterName && isAsciiDigit(at(m_pos + 1));
}

Result<FilterToken> FilterTokenizer::number()
{
    const qsizetype start = m_pos;
    const QRegularExpressionMatch match = numberPattern().match(
        m_text, m_pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    m_pos += match.capturedLength();
    if (isWordChar(m_pos) || at(m_pos) == u'.') {
        // "1abc", "1.2.3": neither a number nor a name; say which text to fix.
        while (isWordChar(m_pos) || at(m_pos) == u'.')
            m_pos += qMax<qsizetype>(1, wordCharLength(m_pos));
        return makeFilterError(
            QStringLiteral("'%1' is not a number; quote it if it is text").arg(m_text.mid(start, m_pos - start)),
            static_cast<int>(start) + 1);
    }
    return make(Kind::Number, start, match.captured());
}

Result<FilterToken> FilterTokenizer::symbol()
{
    const qsizetype start = m_pos;
    const QChar c = m_text.at(m_pos);
    const QChar n = at(m_pos + 1);
    const bool twoChars = (c == u'!' && n == u'=') || (c == u'<' && (n == u'>' || n == u'='))
        || (c == u'>' && n == u'=') || (c == u'=' && n == u'=');
    if (twoChars || c == u'<' || c == u'>' || c == u'=') {
        m_pos += twoChars ? 2 : 1;
        return make(Kind::Operator, start, m_text.mid(start, m_pos - start));
    }
    const Kind kind = c == u'.' ? Kind::Dot
        : c == u','             ? Kind::Comma
        : c == u'('             ? Kind::OpenParen
        : c == u')'             ? Kind::CloseParen
                                : Kind::End;
    if (kind != Kind::End) {
        ++m_pos;
        return make(kind, start, QString(c));
    }
    const QString shown = m_text.mid(start, c.isHighSurrogate() ? 2 : 1);
    const QString hint = c == u'!' ? QStringLiteral("; did you mean '!='?")
        : c == u'&'                ? QStringLiteral("; join conditions with AND")
        : c == u'|'                ? QStringLiteral("; only AND is supported between conditions")
                                   : QStringLiteral("; quote keys and values that contain it");
    return makeFilterError(QStringLiteral("unexpected character '%1'").arg(shown) + hint, static_cast<int>(start) + 1);
}

bool FilterTokenizer::isWordChar(qsizetype index) const
{
    return wordCharLength(index) > 0;
}

qsizetype FilterTokenizer::wordCharLength(qsizetype index) const
{
    const QChar c = at(index);
    if (c.isLetterOrNumber() || c == u'_')
        return 1;
    // Letters outside the BMP arrive as surrogate pairs.
    const QChar low = at(index + 1);
    if (c.isHighSurrogate() && low.isLowSurrogate() && QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, low)))
        return 2;
    return 0;
}

} // namespace prov
