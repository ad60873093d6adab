#pragma once

#include "store/StoreWriter.h"
#include "store/rest/RestClient.h"

namespace prov {

// Writes to a tracking server's model registry through MLflow's REST API, with the requests
// MLflow's own client sends (mlflow/protos/model_registry.proto): model-versions/set-tag (POST)
// and delete-tag (DELETE), registered-models/alias (POST, DELETE), model-versions/
// transition-stage (POST) and update (PATCH); the server sets every timestamp. A server takes
// one write per request, so a batch is sent in order and stops at the first failure; each write
// is idempotent, so sending the whole batch again (the outbox does) completes it. Reading back
// asks only for the models and versions written (registered-models/get, model-versions/get).
// A missing model or version is refused (InvalidArgument); a server that cannot be reached,
// fails, refuses the credentials (401/403) or does not offer the endpoint (a 404 page, e.g. a
// wrong path prefix) keeps the write queued.
class MlflowRestStoreWriter final : public StoreWriter
{
public:
    MlflowRestStoreWriter(StoreLocation location, RestOptions options);

    const StoreLocation& location() const override { return m_location; }

protected:
    Status write(const RegistryWrites& writes) override;
    Result<RegistryScan> readRegistry(const RegistryWrites& writes) const override;

private:
    const StoreLocation m_location;
    RestClient m_client;
};

} // namespace prov
