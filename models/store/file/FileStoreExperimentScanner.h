#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "store/file/FileStoreIssueSink.h"
#include "store/file/PosixDirectory.h"
#include "store/StoreReader.h"

#include <QSet>

#include <optional>
#include <string>

namespace prov {

// Finds the experiments of a file store: `<root>/<id>/meta.yaml` and, deleted,
// `<root>/.trash/<id>/meta.yaml`. An experiment whose meta.yaml is missing (but which holds
// runs) or damaged is still returned under its folder name, with an issue, so that its runs
// stay reachable. Also notes whether any experiment has MLflow 3 logged models.
class FileStoreExperimentScanner
{
public:
    explicit FileStoreExperimentScanner(std::string root);

    Result<ExperimentScan> scan(const CancellationToken& cancel);
    bool sawLoggedModels() const { return m_sawLoggedModels; }

    // Folders inside an experiment folder that are never runs.
    static bool isReservedFolder(const std::string& name);
    // Whether a folder holds at least one run-like sub-folder (one with a meta.yaml).
    static bool containsRuns(const std::string& folder);

private:
    Status scanFolder(const PosixDirectory& parent, bool trash, ExperimentScan& out, const CancellationToken& cancel);
    std::optional<Experiment> readExperiment(
        const PosixDirectory& parent, const std::string& name, bool trash, FileStoreIssueSink& issues);
    static Experiment placeholder(const std::string& path, const QString& folderName, bool trash);
    static KeyValueList readTags(const std::string& path, const KeyValueList& inlineTags, FileStoreIssueSink& issues);

    std::string m_root;
    QSet<QString> m_seenIds;
    bool m_sawLoggedModels = false;
};

} // namespace prov
