#pragma once

#include "core/SqliteDatabase.h"
#include "store/sqlite/MlflowSqliteArtifacts.h"
#include "store/sqlite/MlflowSqliteContext.h"
#include "store/sqlite/MlflowSqliteSchema.h"
#include "store/StoreReader.h"

#include <QMutex>

#include <memory>

namespace prov {

// Reads an MLflow SQLite backend (`mlflow.db`) through one read-only connection (`?mode=ro`:
// no byte of the database changes, no journal appears; MLflow never switches to WAL mode, in
// which SQLite would still create -wal/-shm files). open() checks that the file is an MLflow
// tracking database before anything reads it. The connection is shared by all calls under a
// mutex, so sync may call from any thread (maxConcurrentReads() is 1: one statement at a time).
class MlflowSqliteStore final : public StoreReader
{
public:
    static Result<std::unique_ptr<MlflowSqliteStore>> open(const StoreLocation& location);

    ~MlflowSqliteStore() override;
    MlflowSqliteStore(const MlflowSqliteStore&) = delete;
    MlflowSqliteStore& operator=(const MlflowSqliteStore&) = delete;

    const StoreLocation& location() const override { return m_location; }
    StoreDescription describe() const override;
    int maxConcurrentReads() const override { return 1; }

    Result<ExperimentScan> scanExperiments(const CancellationToken& cancel) const override;
    Result<RunScan> scanRuns(const Experiment& experiment, const CancellationToken& cancel) const override;
    Result<RunRecord> readRun(const RunStamp& run) const override;
    // Histories of `keys` (sorted by key); keys the run has no points for are left out, with
    // a warning issue each.
    Result<MetricRead> readMetrics(const RunStamp& run, const QStringList& keys) const override;
    Result<LoggedModelScan> scanLoggedModels(const Experiment& experiment) const override;
    Result<RegistryScan> scanRegistry() const override;

private:
    MlflowSqliteStore(StoreLocation location, SqliteDatabase db, MlflowSqliteSchema schema);

    const StoreLocation m_location;
    const SqliteDatabase m_db;
    const MlflowSqliteSchema m_schema;
    const MlflowSqliteContext m_context; // refers to m_db and m_schema
    const MlflowSqliteArtifacts m_artifacts;
    mutable QMutex m_mutex; // one statement at a time on the connection
};

} // namespace prov
