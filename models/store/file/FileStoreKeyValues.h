#pragma once

#include "domain/KeyValue.h"
#include "store/file/FileStoreIssueSink.h"

#include <optional>
#include <string>

namespace prov {

// Reads an MLflow "one file per key" folder (params/, tags/ of runs, experiments, logged
// models, registered models and versions). Keys containing '/' are sub-folders; the file
// content is the value, verbatim (no trimming: MLflow writes no newline). A missing folder
// is empty -- git drops MLflow's empty folders -- and a bad file becomes an issue, skipped.
class FileStoreKeyValues
{
public:
    // Sorted by key.
    static KeyValueList read(const std::string& folder, FileStoreIssueSink& issues);

    // A file-name path as a key, or nullopt when it is not UTF-8 (`why` says so).
    static std::optional<QString> decodeKey(const std::string& relativePath, QString* why = nullptr);
};

} // namespace prov
