#pragma once

#include "registry/ModelCard.h"

#include <QString>

namespace prov {

// A model card as HTML in the subset Qt's rich text engine renders (QTextBrowser in the app,
// QTextDocument for PDF): the same sections as the Markdown export, with hand-written fields
// marked when they are still empty. Store text is escaped.
class ModelCardHtml
{
public:
    struct Options
    {
        bool forPrint = false; // no links, no "still to write" hints
    };

    static QString toHtml(const ModelCard& card, Options options);
    static QString toHtml(const ModelCard& card) { return toHtml(card, Options {}); }
};

} // namespace prov
