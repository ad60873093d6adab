#pragma once

#include "registry/ModelCard.h"

#include <QByteArray>
#include <QJsonObject>

namespace prov {

// A model card as JSON with the Model Card Toolkit's field names (schema 0.0.2: model_details,
// model_parameters, quantitative_analysis, considerations), auto-filled facts and hand-written
// fields together. What the toolkit has no field for is added inside its sections under
// descriptive names: model_details.lineage (run, code, logged model, users),
// model_parameters.parameters, a dataset's digest / source / schema / profile, a metric's
// dataset digest, and considerations.risk_rating.
class ModelCardJson
{
public:
    static QJsonObject toObject(const ModelCard& card);
    static QByteArray toJson(const ModelCard& card);
};

} // namespace prov
