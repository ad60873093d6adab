#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace prov {

// The hand-written fields of a model card, named as in Google's Model Card Toolkit (snake_case)
// and grouped by its sections. Everything else on a card (name, version, parameters, metrics,
// datasets, signature, lineage, users) is filled in from MLflow and never typed by hand.
// `risk_rating` is not in the toolkit's schema; it is SageMaker Model Cards' rating, kept
// under considerations.
struct ModelCardField
{
    enum class Section { ModelDetails, ModelParameters, Considerations };
    enum class Shape { Text, Lines, Rating }; // Lines: one list item per line

    QString name; // "intended_use"
    QString label; // "Intended uses"
    QString hint; // what to write, shown as the editor's placeholder
    Section section = Section::ModelDetails;
    Shape shape = Shape::Text;
    bool counted = true; // part of the completeness meter
};

class ModelCardSchema
{
public:
    static const QList<ModelCardField>& fields();
    // The field named `name`, accepting the toolkit's own spellings where Provenance uses a
    // simpler one (use_cases -> intended_use, licenses -> license); nullopt when unknown.
    static std::optional<ModelCardField> field(const QString& name);
    static QStringList names();
    // The ratings risk_rating accepts.
    static const QStringList& riskRatings();
};

} // namespace prov
