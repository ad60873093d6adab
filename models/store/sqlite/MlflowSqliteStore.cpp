#include "store/sqlite/MlflowSqliteStore.h"

#include "core/LogCategories.h"
#include "core/SqliteError.h"
#include "store/sqlite/MlflowSqliteExperiments.h"
#include "store/sqlite/MlflowSqliteFileHeader.h"
#include "store/sqlite/MlflowSqliteLoggedModels.h"
#include "store/sqlite/MlflowSqliteMetricReader.h"
#include "store/sqlite/MlflowSqliteRegistry.h"
#include "store/sqlite/MlflowSqliteRunReader.h"
#include "store/sqlite/MlflowSqliteRunScanner.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QThread>

namespace prov {
namespace {

constexpr int busyAttempts = 4;

// SQLite waits out a writer's lock for the connection's busy timeout; a training job that
// commits one batch after another can hold it longer. A read that still meets a lock is read
// again a few times, each after a longer pause, before it is reported.
template<typename Read> auto retryWhenBusy(const StoreLocation& location, Read read) -> decltype(read())
{
    for (int attempt = 1;; ++attempt) {
        auto result = read();
        if (result || !SqliteError::isBusy(result.error()) || attempt >= busyAttempts)
            return result;
        qCInfo(lcStore) << location.path << "is locked by a writer; reading again (attempt" << attempt + 1 << ")";
        QThread::msleep(static_cast<unsigned long>(250 * attempt));
    }
}

} // namespace

Result<std::unique_ptr<MlflowSqliteStore>> MlflowSqliteStore::open(const StoreLocation& location)
{
    if (location.kind != StoreLocation::Kind::SqliteBackend)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an SQLite backend location"), location.uri);
    if (auto status = MlflowSqliteFileHeader::check(location.path); !status)
        return status.error();
    // Never immutable: MLflow (or Provenance's own writer) may write this database while it is
    // read, and an immutable open would read stale or torn pages. A WAL-mode file (MLflow never
    // sets WAL, a user's tools may) then gets SQLite's -wal/-shm files beside it.
    auto db = SqliteDatabase::open(location.path, SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return db.error();
    // A run's pages are read twice in a row (metric stamps, then histories): a 32 MB page
    // cache (SQLite's default is 2 MB) keeps them for the second read. Connection state
    // only; nothing is written to the file.
    (void)db->exec(QStringLiteral("PRAGMA cache_size = -32768"));
    auto schema = MlflowSqliteSchema::inspect(*db);
    if (!schema)
        return schema.error();
    qCDebug(lcStore) << "opened MLflow SQLite backend" << location.path << "revision" << schema->revision();
    return std::unique_ptr<MlflowSqliteStore>(
        new MlflowSqliteStore(location, std::move(db).value(), std::move(schema).value()));
}

MlflowSqliteStore::MlflowSqliteStore(StoreLocation location, SqliteDatabase db, MlflowSqliteSchema schema)
    : m_location(std::move(location))
    , m_db(std::move(db))
    , m_schema(std::move(schema))
    , m_context(m_db, m_schema)
    , m_artifacts(m_location.path)
{ }

MlflowSqliteStore::~MlflowSqliteStore() = default;

StoreDescription MlflowSqliteStore::describe() const
{
    return StoreDescription { m_location.kindName(), m_schema.revision(), m_schema.generation() };
}

Result<ExperimentScan> MlflowSqliteStore::scanExperiments(const CancellationToken& cancel) const
{
    const QMutexLocker lock(&m_mutex);
    return retryWhenBusy(m_location, [&] { return MlflowSqliteExperiments(m_context).scan(cancel); });
}

Result<RunScan> MlflowSqliteStore::scanRuns(const Experiment& experiment, const CancellationToken& cancel) const
{
    const QMutexLocker lock(&m_mutex);
    return retryWhenBusy(m_location, [&] { return MlflowSqliteRunScanner(m_context).scan(experiment, cancel); });
}

Result<RunRecord> MlflowSqliteStore::readRun(const RunStamp& run) const
{
    const QMutexLocker lock(&m_mutex);
    return retryWhenBusy(m_location, [&] { return MlflowSqliteRunReader(m_context, m_artifacts).read(run.runId); });
}

Result<MetricRead> MlflowSqliteStore::readMetrics(const RunStamp& run, const QStringList& keys) const
{
    const QMutexLocker lock(&m_mutex);
    auto read
        = retryWhenBusy(m_location, [&] { return MlflowSqliteMetricReader(m_context).histories(run.runId, keys); });
    if (read) {
        for (StoreIssue& issue : read->issues)
            issue.experimentId = run.experimentId;
    }
    return read;
}

Result<LoggedModelScan> MlflowSqliteStore::scanLoggedModels(const Experiment& experiment) const
{
    const QMutexLocker lock(&m_mutex);
    return retryWhenBusy(m_location, [&] { return MlflowSqliteLoggedModels(m_context, m_artifacts).scan(experiment); });
}

Result<RegistryScan> MlflowSqliteStore::scanRegistry() const
{
    const QMutexLocker lock(&m_mutex);
    return retryWhenBusy(m_location, [&] { return MlflowSqliteRegistry(m_context).scan(); });
}

} // namespace prov
