#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "domain/Experiment.h"
#include "domain/LoggedModel.h"
#include "domain/MetricHistory.h"
#include "domain/RegisteredModel.h"
#include "domain/RunRecord.h"
#include "domain/StoreIssue.h"
#include "domain/StoreStamp.h"
#include "store/StoreLocation.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace prov {

// Facts about an opened store, recorded in the cache header and shown to the user.
struct StoreDescription
{
    QString kindName; // "MLflow file store", ...
    QString schemaRevision; // alembic revision for SQLite backends, empty for file stores
    QString mlflowGeneration; // "MLflow 3.x", "MLflow 2.x" when it can be told, else empty
};

struct ExperimentScan
{
    QList<Experiment> experiments; // active and deleted
    StoreIssueList issues;
};

struct RunScan
{
    QList<RunStamp> runs;
    StoreIssueList issues;
    // False when part of the experiment could not be listed: runs missing from `runs` may
    // still exist, so sync must not drop them from the cache.
    bool complete = true;
};

struct MetricHistoryRead
{
    QString key;
    MetricHistory history;
};

struct MetricRead
{
    QList<MetricHistoryRead> histories;
    StoreIssueList issues;
};

struct LoggedModelScan
{
    QList<LoggedModel> models;
    StoreIssueList issues;
};

struct RegistryScan
{
    QList<RegisteredModel> models;
    StoreIssueList issues;
};

// Requests made and bytes received by a reader that talks to a server; zero for local stores.
struct StoreTraffic
{
    qint64 requests = 0;
    qint64 bytesReceived = 0;
};

// Reads one MLflow tracking store. Readers never modify a store: a write-back (a tag or
// alias set by an approved promotion) goes through a separate StoreWriter created for the
// same StoreLocation, so that reading can never write by accident.
//
// Sync calls scanExperiments, then scanRuns per experiment (cheap: stamps only), then
// readRun / readMetrics only for runs and metrics whose stamps changed. A failed call
// returns an Error for the whole request (store gone, database unreadable); bad data inside
// an otherwise readable store is reported as StoreIssues and skipped.
//
// Thread safety: readRun and readMetrics may be called concurrently from up to
// maxConcurrentReads() threads; everything else is called from one thread at a time.
class StoreReader
{
public:
    virtual ~StoreReader() = default;

    virtual const StoreLocation& location() const = 0;
    virtual StoreDescription describe() const = 0;
    virtual int maxConcurrentReads() const = 0;

    virtual Result<ExperimentScan> scanExperiments(const CancellationToken& cancel) const = 0;
    virtual Result<RunScan> scanRuns(const Experiment& experiment, const CancellationToken& cancel) const = 0;
    virtual Result<RunRecord> readRun(const RunStamp& run) const = 0;
    virtual Result<MetricRead> readMetrics(const RunStamp& run, const QStringList& keys) const = 0;
    virtual Result<LoggedModelScan> scanLoggedModels(const Experiment& experiment) const = 0;
    virtual Result<RegistryScan> scanRegistry() const = 0;

    // Called once by sync between scanRuns and the first readRun, with the runs it will read in
    // the order it will ask for them, and how to tell a metric history the cache already holds.
    // A reader that reads many runs' histories per request (a tracking server) plans its batches
    // here; local readers have nothing to plan.
    using MetricIsCurrent = std::function<bool(const RunStamp& run, const MetricStamp& metric)>;
    virtual void prepareReads(const QList<RunStamp>& runs, const MetricIsCurrent& isCurrent) const
    {
        Q_UNUSED(runs);
        Q_UNUSED(isCurrent);
    }
    virtual StoreTraffic traffic() const { return {}; }
    // Set when the store went out of reach part-way (a tracking server that stopped answering):
    // the sync stops there instead of failing every remaining run one by one.
    virtual std::optional<Error> lostConnection() const { return std::nullopt; }
};

} // namespace prov
