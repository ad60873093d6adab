#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "store/StoreReader.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace prov {

class WorkerPool;

// Lists the runs of one file-store experiment and fingerprints each of them from the
// relative path, size and mtime (ns) of every file below the run folder, so that any change
// (a metric line appended, a tag set, an artifact logged) changes the fingerprint. This is
// the warm re-sync path: stat work fans out over up to `threads` workers of the pool, with
// fd-relative POSIX calls.
class FileStoreRunScanner
{
public:
    FileStoreRunScanner(WorkerPool& workers, int threads);

    Result<RunScan> scan(
        const Experiment& experiment, const std::string& experimentFolder, const CancellationToken& cancel);
    // True when some run has an outputs/ folder (MLflow 3 logged-model outputs).
    bool sawRunOutputs() const { return m_sawOutputs; }

    // The fingerprint of one run folder (deterministic: entries are visited in name order).
    static QByteArray fingerprint(const std::string& runFolder, bool* sawOutputs = nullptr);

private:
    std::vector<std::string> findRunFolders(const std::string& experimentFolder, RunScan& scan) const;
    bool fingerprintAll(
        const std::vector<std::string>& folders, std::vector<QByteArray>& prints, const CancellationToken& cancel);

    WorkerPool& m_workers;
    int m_threads = 1;
    bool m_sawOutputs = false;
};

} // namespace prov
