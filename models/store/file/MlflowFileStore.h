#pragma once

#include "store/StoreReader.h"

#include <mutex>
#include <string>

namespace prov {

class WorkerPool;

// Reads a local MLflow file store (`mlruns/`, MLflow 2.x and 3.x layouts) without ever
// writing to it: every file is opened O_RDONLY and nothing is created. Damaged files become
// StoreIssues naming the file; a run whose meta.yaml is missing or damaged fails alone.
// readRun/readMetrics are thread-safe (no shared mutable state besides describe()'s cache);
// scanning a large experiment fans out over `workers`.
class MlflowFileStore final : public StoreReader
{
public:
    MlflowFileStore(StoreLocation location, WorkerPool& workers);

    const StoreLocation& location() const override { return m_location; }
    // mlflowGeneration is known once scans have seen MLflow 3 entities (or a 2.x registry).
    StoreDescription describe() const override;
    int maxConcurrentReads() const override;

    Result<ExperimentScan> scanExperiments(const CancellationToken& cancel) const override;
    Result<RunScan> scanRuns(const Experiment& experiment, const CancellationToken& cancel) const override;
    Result<RunRecord> readRun(const RunStamp& run) const override;
    Result<MetricRead> readMetrics(const RunStamp& run, const QStringList& keys) const override;
    Result<LoggedModelScan> scanLoggedModels(const Experiment& experiment) const override;
    Result<RegistryScan> scanRegistry() const override;

private:
    enum class Evidence { Mlflow2, Mlflow3 };

    // The folder of an experiment or run: its locator, else found from its ids (a stamp
    // rebuilt from the cache has no locator).
    Result<std::string> experimentFolder(const Experiment& experiment) const;
    Result<std::string> runFolder(const RunStamp& run) const;
    void note(Evidence evidence) const;

    StoreLocation m_location;
    WorkerPool& m_workers;
    std::string m_root;
    mutable std::mutex m_mutex;
    mutable bool m_sawMlflow2 = false;
    mutable bool m_sawMlflow3 = false;
};

} // namespace prov
