#pragma once

#include "core/CancellationToken.h"
#include "store/StoreReader.h"
#include "store/rest/RestClient.h"

namespace prov {

// Reads what a tracking server knows about models: the logged models of an experiment
// (MLflow 3; with each one's MLmodel for flavors and signature) and the model registry
// (registered models with tags and aliases, and every version with its stage and tags).
// Per-model requests travel together, up to the client's concurrency.
class MlflowRestModels
{
public:
    explicit MlflowRestModels(const RestClient& client);

    // Fails with NotFound / Unsupported on a server without logged models (MLflow 2.x: 404).
    Result<LoggedModelScan> loggedModels(const Experiment& experiment, const CancellationToken& cancel) const;
    Result<RegistryScan> registry(const CancellationToken& cancel) const;

private:
    Status readMlmodels(LoggedModelScan& scan, const CancellationToken& cancel) const;
    Status readVersions(QList<RegisteredModel>& models, const CancellationToken& cancel) const;

    const RestClient& m_client;
};

} // namespace prov
