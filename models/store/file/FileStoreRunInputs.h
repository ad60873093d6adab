#pragma once

#include "domain/Dataset.h"
#include "store/file/FileStoreIssueSink.h"

#include <QHash>
#include <QList>

#include <optional>
#include <string>

namespace prov {

// Reads a run's lineage links: `inputs/<id>/meta.yaml` (DATASET inputs, resolved through
// `<experiment>/datasets/<source_id>/meta.yaml`, and MLflow 3 MODEL inputs) and
// `outputs/<model_id>/meta.yaml` (logged models the run produced). A bad input or dataset
// becomes an issue and is skipped; the run's other inputs still read.
class FileStoreRunInputs
{
public:
    FileStoreRunInputs(std::string runFolder, std::string experimentFolder, FileStoreIssueSink& issues);

    void read();

    // Sorted by (dataset name, digest, context) / model id, so every reader agrees.
    QList<DatasetInput> datasetInputs;
    QList<ModelInput> modelInputs;
    QList<ModelOutput> modelOutputs;

private:
    void readInput(const std::string& folder);
    void readOutput(const std::string& folder, const std::string& name);
    std::optional<Dataset> dataset(const QString& datasetId, const std::string& inputPath);
    // Names of the sub-folders of `folder` (empty when it is missing).
    std::vector<std::string> subFolders(const std::string& folder);

    std::string m_runFolder;
    std::string m_experimentFolder;
    FileStoreIssueSink& m_issues;
    QHash<QString, std::optional<Dataset>> m_datasets;
};

} // namespace prov
