#pragma once

#include <QString>

namespace prov {

// Text made safe for Graphviz. Graphviz reads escape sequences (\n, \l, \N, \G, ...) in
// labels and ends quoted strings at an unescaped quote, so a run named `a "b" \N` or holding
// a newline would break a DOT file or be drawn as something else. Names also hold HTML-like
// text (`<b>`), which is only HTML to Graphviz when it is not quoted: quoting is enough.
// Right-to-left and other Unicode text passes through unchanged (DOT is UTF-8).
class GraphvizText
{
public:
    // The text of a label as Graphviz should draw it, each line of `lines` on its own line:
    // backslashes doubled, quotes escaped, other control characters as spaces, and lines
    // longer than `maxLine` characters cut with an ellipsis.
    static QString label(const QStringList& lines, int maxLine = 48);
    // `text` as a double-quoted DOT string (ids, attribute values); newlines become spaces.
    static QString quoted(const QString& text);
};

} // namespace prov
