#pragma once

#include "query/RegistryQuery.h"

#include <QList>
#include <QString>

#include <optional>

namespace prov {

// The Models page's details pane as HTML: a registered model (aliases, tags, versions, the
// alias/stage history Provenance observed) or one version (stage, lineage to its run and
// logged model, tags, history). Store text is escaped; links use DetailsHtml's schemes.
// `history` is empty while the observations are still being read.
class ModelDetailsHtml
{
public:
    using History = std::optional<QList<BindingObservation>>;

    static QString model(const RegisteredModelEntry& entry, const History& history);
    static QString version(const RegisteredModelEntry& entry, const ModelVersionEntry& version, const History& history);
    static QString emptyRegistry();
    static QString loadError(const QString& message);
};

} // namespace prov
