#pragma once

#include "registry/ModelCard.h"

#include <QString>

namespace prov {

// A model card as Markdown in the layout of Hugging Face's model card template: YAML front
// matter (license, library_name, tags, datasets, metrics), then Model Details, Uses, Bias,
// Risks and Limitations, How to Get Started, Training Details, Evaluation, Model Signature,
// Lineage and Model Card Contact. Store text is escaped so it cannot break tables or headings;
// sections without content say so instead of disappearing.
class ModelCardMarkdown
{
public:
    static QString toMarkdown(const ModelCard& card);
    // Text safe inside a Markdown table cell or paragraph.
    static QString escape(const QString& text);
};

} // namespace prov
