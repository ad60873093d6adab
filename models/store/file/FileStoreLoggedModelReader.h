#pragma once

#include "domain/LoggedModel.h"
#include "store/StoreReader.h"
#include "store/file/FileStoreIssueSink.h"

#include <optional>
#include <string>

namespace prov {

// Reads the MLflow 3 logged models of one experiment: `<experiment>/models/<model_id>/`
// with meta.yaml (status as proto int: 1 PENDING, 2 READY, 3 UPLOAD_FAILED), params/, tags/,
// metrics/ (6-field lines linking run and dataset) and the flavors and signature of
// artifacts/MLmodel.
// No models/ folder (MLflow 2, or nothing logged) is an empty result, not an issue.
class FileStoreLoggedModelReader
{
public:
    FileStoreLoggedModelReader(std::string experimentFolder, Experiment experiment);

    LoggedModelScan scan();

    static QString statusName(const QString& written);

private:
    std::optional<LoggedModel> readModel(
        const std::string& folder, const std::string& name, FileStoreIssueSink& issues);
    QList<LoggedModelMetric> readMetrics(const std::string& folder, FileStoreIssueSink& issues);
    void readMlmodel(const std::string& path, LoggedModel& model, FileStoreIssueSink& issues);

    std::string m_folder;
    Experiment m_experiment;
};

} // namespace prov
