#pragma once

#include "core/CancellationToken.h"
#include "store/StoreReader.h"
#include "store/rest/RestClient.h"

#include <QHash>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace prov {

// Reads complete metric histories from a tracking server with few requests. Sync says up
// front which runs it will read, in which order, and which histories of each it lacks
// (plan()); the fetcher groups them into batches of consecutive runs and asks MLflow's bulk
// endpoint (/ajax-api/2.0/mlflow/metrics/get-history-bulk: one key, up to 100 runs) for each
// key of a batch, the next batch already in flight while one is handed out. Never the sampled
// endpoints: a bulk answer that reached the server's cap (25,000 points), or that lacks a
// run's latest point, is completed with paged metrics/get-history, never silently cut.
// Request lines stay under gunicorn's 4 KB. read() may be called from many threads at once.
class RestHistoryFetcher
{
public:
    struct PlannedKey
    {
        QString key;
        qint64 latestStep = 0;
        qint64 latestTimestamp = 0;
    };
    struct PlannedRun
    {
        QString runId;
        QList<PlannedKey> keys;
    };

    explicit RestHistoryFetcher(const RestClient& client);
    ~RestHistoryFetcher();

    void plan(const QList<PlannedRun>& runs);
    Result<MetricRead> read(const QString& runId, const QStringList& keys, const CancellationToken& cancel);

    // Largest number of points the server returns per bulk answer (MLflow: 25,000).
    static constexpr int bulkCap = 25'000;

private:
    struct Batch;
    using Points = std::vector<MetricPoint>;
    using RunPoints = QHash<QString, Points>; // key -> points

    void submit(Batch& batch);
    void finish(Batch& batch, const CancellationToken& cancel);
    void takeBulk(Batch& batch, const QString& key, const QStringList& runIds, const Result<RestReply>& reply,
        const CancellationToken& cancel);
    void fetchBulk(Batch& batch, const QString& key, const QStringList& runIds, const CancellationToken& cancel);
    Result<Points> fetchPaged(const QString& runId, const QString& key, const CancellationToken& cancel) const;
    void completeOne(Batch& batch, const QString& runId, const QString& key, const CancellationToken& cancel);
    QList<QStringList> split(const QString& key, const QList<std::pair<QString, qint64>>& runs) const;
    RestRequest bulkRequest(const QString& key, const QStringList& runIds) const;
    Result<MetricRead> readDirect(const QString& runId, const QStringList& keys, const CancellationToken& cancel);

    const RestClient& m_client;
    std::atomic<int> m_maxRunsPerRequest { 100 };
    std::atomic<bool> m_bulkAvailable { true };
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::unique_ptr<Batch>> m_batches;
    QHash<QString, int> m_batchOfRun;
    QHash<QString, QHash<QString, PlannedKey>> m_expected; // run -> key -> latest point from the search
};

} // namespace prov
