#pragma once

#include "store/StoreReader.h"
#include "store/rest/RestClient.h"
#include "store/rest/RestHistoryFetcher.h"

#include <QHash>
#include <QMutex>

#include <atomic>

namespace prov {

// Reads an MLflow tracking server through its REST API (/api/2.0/mlflow/, and /ajax-api/ for
// bulk metric histories). Each run comes whole with the runs search (info, params, tags, inputs,
// latest metrics), so readRun only lists its artifacts; histories are read in bulk batches
// planned by prepareReads() (RestHistoryFetcher). The sync's cancellation token, given to
// scanExperiments, also stops every request in flight. Never writes to the server.
class MlflowRestStore final : public StoreReader
{
public:
    MlflowRestStore(StoreLocation location, RestOptions options);
    ~MlflowRestStore() override;

    const StoreLocation& location() const override { return m_location; }
    StoreDescription describe() const override;
    int maxConcurrentReads() const override { return m_client.options().maxInFlight; }

    Result<ExperimentScan> scanExperiments(const CancellationToken& cancel) const override;
    Result<RunScan> scanRuns(const Experiment& experiment, const CancellationToken& cancel) const override;
    Result<RunRecord> readRun(const RunStamp& run) const override;
    Result<MetricRead> readMetrics(const RunStamp& run, const QStringList& keys) const override;
    Result<LoggedModelScan> scanLoggedModels(const Experiment& experiment) const override;
    Result<RegistryScan> scanRegistry() const override;
    void prepareReads(const QList<RunStamp>& runs, const MetricIsCurrent& isCurrent) const override;
    StoreTraffic traffic() const override;
    std::optional<Error> lostConnection() const override { return m_client.lostConnection(); }

private:
    Result<RunRecord> fetchRun(const QString& runId) const;
    Status listArtifacts(RunRecord& record) const;

    const StoreLocation m_location;
    RestClient m_client;
    mutable RestHistoryFetcher m_histories;
    mutable QMutex m_mutex; // guards m_scanned
    mutable QHash<QString, RunRecord> m_scanned; // runs of the searches, until read
    mutable CancellationToken m_cancel; // the running sync's
    mutable QString m_version;
    mutable std::atomic<bool> m_hasLoggedModels { true };
};

} // namespace prov
