#include "registry/ModelCardSchema.h"

namespace prov {
namespace {

using Section = ModelCardField::Section;
using Shape = ModelCardField::Shape;

ModelCardField make(
    const char* name, const char* label, const char* hint, Section section, Shape shape, bool counted = true)
{
    return { QString::fromUtf8(name), QString::fromUtf8(label), QString::fromUtf8(hint), section, shape, counted };
}

} // namespace

const QList<ModelCardField>& ModelCardSchema::fields()
{
    static const QList<ModelCardField> all {
        make("overview", "Overview", "A one-line summary of what the model does.", Section::ModelDetails, Shape::Text),
        make("documentation", "Documentation", "How the model works and how to use it, in more detail.",
            Section::ModelDetails, Shape::Text, false),
        make("owners", "Owners", "One owner per line: a name, then a contact, e.g. “Risk team <risk@example.com>”.",
            Section::ModelDetails, Shape::Lines),
        make("license", "License", "An SPDX identifier (e.g. Apache-2.0), “proprietary”, or the license text.",
            Section::ModelDetails, Shape::Text),
        make("references", "References", "One link per line: papers, design documents, dashboards.",
            Section::ModelDetails, Shape::Lines, false),
        make("citation", "Citation", "How to cite this model.", Section::ModelDetails, Shape::Text, false),
        make("model_architecture", "Model architecture",
            "The algorithm and its structure, e.g. “gradient-boosted "
            "trees, 400 rounds”.",
            Section::ModelParameters, Shape::Text),
        make("intended_use", "Intended uses", "One use case per line: what the model is for.", Section::Considerations,
            Shape::Lines),
        make("users", "Intended users", "One kind of user per line.", Section::Considerations, Shape::Lines),
        make("limitations", "Limitations", "One per line: data or situations the model is known to handle badly.",
            Section::Considerations, Shape::Lines),
        make("tradeoffs", "Trade-offs", "One per line: accuracy or performance trade-offs that were made.",
            Section::Considerations, Shape::Lines, false),
        make("ethical_considerations", "Ethical considerations",
            "One risk per line; add its mitigation after “ — ”, e.g. “Bias against new customers — reviewed "
            "monthly”.",
            Section::Considerations, Shape::Lines),
        make("risk_rating", "Risk rating", "Low, Medium, High or Unknown.", Section::Considerations, Shape::Rating),
    };
    return all;
}

std::optional<ModelCardField> ModelCardSchema::field(const QString& name)
{
    QString key = name.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (key == QLatin1String("use_cases") || key == QLatin1String("intended_uses"))
        key = QStringLiteral("intended_use");
    else if (key == QLatin1String("licenses"))
        key = QStringLiteral("license");
    else if (key == QLatin1String("citations"))
        key = QStringLiteral("citation");
    for (const ModelCardField& f : fields()) {
        if (f.name == key)
            return f;
    }
    return std::nullopt;
}

QStringList ModelCardSchema::names()
{
    QStringList names;
    for (const ModelCardField& f : fields())
        names << f.name;
    return names;
}

const QStringList& ModelCardSchema::riskRatings()
{
    static const QStringList ratings { QStringLiteral("Low"), QStringLiteral("Medium"), QStringLiteral("High"),
        QStringLiteral("Unknown") };
    return ratings;
}

} // namespace prov
