#include "lineage/GraphvizText.h"

#include <QStringList>

namespace prov {
namespace {

// Backslashes and quotes escaped; control characters (newlines included) turned into spaces.
QString escaped(const QString& text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            out += QStringLiteral("\\\"");
        else if (c.category() == QChar::Other_Control)
            out += QLatin1Char(' ');
        else
            out += c;
    }
    return out;
}

} // namespace

QString GraphvizText::label(const QStringList& lines, int maxLine)
{
    QStringList parts;
    for (const QString& line : lines) {
        for (QString piece : line.split(QLatin1Char('\n'))) {
            piece = piece.trimmed();
            if (piece.isEmpty())
                continue;
            if (piece.size() > maxLine) {
                const qsizetype keep = piece.at(maxLine - 2).isHighSurrogate() ? maxLine - 2 : maxLine - 1;
                piece = piece.left(keep) + QChar(0x2026);
            }
            parts.append(escaped(piece));
        }
    }
    return parts.join(QStringLiteral("\\n"));
}

QString GraphvizText::quoted(const QString& text)
{
    return QLatin1Char('"') + escaped(text) + QLatin1Char('"');
}

} // namespace prov
