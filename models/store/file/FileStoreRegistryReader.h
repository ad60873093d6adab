#pragma once

#include "domain/RegisteredModel.h"
#include "store/file/FileStoreIssueSink.h"
#include "store/file/PosixDirectory.h"
#include "store/StoreReader.h"

#include <optional>
#include <string>

namespace prov {

// Reads the model registry of a file store: `<root>/models/<name>/` with meta.yaml, tags/,
// aliases/<alias> (file content = version; the only copy MLflow itself reads -- the
// `aliases:` map in meta.yaml can be stale) and `version-<n>/` with meta.yaml and tags/.
// Soft-deleted versions (current_stage Deleted_Internal) are skipped, as MLflow does.
class FileStoreRegistryReader
{
public:
    enum class Generation { Unknown, Mlflow2, Mlflow3 };

    explicit FileStoreRegistryReader(std::string root);

    RegistryScan scan();
    // What the version meta.yaml files reveal: MLflow 3 writes model_id and
    // deployment_job_state on every version, MLflow 2 neither.
    Generation generation() const { return m_generation; }

private:
    std::optional<RegisteredModel> readModel(
        const PosixDirectory& models, const std::string& name, StoreIssueList& issues);
    QList<ModelAlias> readAliases(const std::string& folder, FileStoreIssueSink& issues);
    std::optional<ModelVersion> readVersion(
        const std::string& folder, const RegisteredModel& model, FileStoreIssueSink& issues);
    QList<ModelVersion> readVersions(
        const std::string& folder, const RegisteredModel& model, FileStoreIssueSink& issues, bool* any);

    std::string m_root;
    Generation m_generation = Generation::Unknown;
    bool m_sawVersions = false;
    bool m_sawMlflow3Fields = false;
};

} // namespace prov
