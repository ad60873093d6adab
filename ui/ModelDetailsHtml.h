#pragma once

#include "query/LoggedModelQuery.h"
#include "query/RegistryQuery.h"

#include <QString>
#include <QUrl>

namespace prov {

// The Registry page's Overview as HTML: a registered model (description, tags, aliases,
// stages, its versions with their runs and key metrics), one version (stage, aliases, the run,
// logged model, code and datasets it came from, key metrics, who registered it and when, tags)
// or one logged model (its run, signature, parameters, metrics, the versions made from it).
// Store text is escaped; links use DetailsHtml's schemes (run:, version:, model:).
class ModelDetailsHtml
{
public:
    static QString model(const RegisteredModelEntry& entry);
    static QString version(const RegisteredModelEntry& entry, const ModelVersionEntry& version);
    static QString loggedModel(const LoggedModelDetail& detail);
    static QString emptyRegistry();
    static QString loadError(const QString& message);
    static QUrl loggedModelUrl(const QString& modelId);
};

} // namespace prov
