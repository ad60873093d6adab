#include "query/LikePattern.h"

#include <QList>

namespace prov {
namespace {

void appendCodePoint(QString& out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar(QChar::highSurrogate(c)));
        out.append(QChar(QChar::lowSurrogate(c)));
    } else {
        out.append(QChar(static_cast<char16_t>(c)));
    }
}

// The simple (one-to-one) case forms of `c`, itself first; one entry for uncased characters.
QList<char32_t> caseForms(char32_t c)
{
    QList<char32_t> forms { c };
    for (char32_t form : { QChar::toLower(c), QChar::toUpper(c), QChar::toTitleCase(c) }) {
        if (!forms.contains(form))
            forms.append(form);
    }
    return forms;
}

void appendLiteral(QString& out, char32_t c, LikePattern::Case sensitivity)
{
    // GLOB's own metacharacters stand for themselves inside a one-character class.
    if (c == U'*' || c == U'?' || c == U'[') {
        out += u'[';
        appendCodePoint(out, c);
        out += u']';
        return;
    }
    const QList<char32_t> forms = sensitivity == LikePattern::Case::Insensitive ? caseForms(c) : QList<char32_t> { c };
    if (forms.size() == 1) {
        appendCodePoint(out, c);
        return;
    }
    // Cased letters are never ']', '-' or '^', so the class needs no escaping.
    out += u'[';
    for (char32_t form : forms)
        appendCodePoint(out, form);
    out += u']';
}

} // namespace

QString LikePattern::toGlob(QStringView likePattern, Case sensitivity)
{
    QString glob;
    glob.reserve(likePattern.size() + 8);
    for (char32_t c : likePattern.toUcs4()) {
        if (c == U'%')
            glob += u'*';
        else if (c == U'_')
            glob += u'?';
        else
            appendLiteral(glob, c, sensitivity);
    }
    return glob;
}

QString LikePattern::containing(QStringView literal, Case sensitivity)
{
    QString glob = QStringLiteral("*");
    for (char32_t c : literal.toUcs4())
        appendLiteral(glob, c, sensitivity);
    return glob + u'*';
}

} // namespace prov
