#include "cache/CacheWriter.h"

#include "cache/CacheDatabase.h"
#include "store/StoreReader.h"

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace prov {

namespace {

// A clear holds the use lock only for a moment; a sync of a large store may take many minutes.
constexpr int clearWaitMs = 10000;
constexpr int syncWaitMs = 30 * 60 * 1000;

} // namespace

Result<std::unique_ptr<CacheWriter>> CacheWriter::open(
    const QString& path, const CancellationToken& cancel, const std::function<void()>& onWait)
{
    auto useLock = CacheLock::acquire(path, CacheLock::Kind::Use, cancel, clearWaitMs);
    if (!useLock)
        return useLock.error();
    auto syncLock = CacheLock::acquire(path, CacheLock::Kind::Sync, cancel, syncWaitMs, onWait);
    if (!syncLock)
        return syncLock.error();
    auto db = CacheDatabase::open(path, CacheDatabase::Access::Write);
    if (!db)
        return db.error();
    std::unique_ptr<CacheWriter> writer(
        new CacheWriter(std::move(useLock).value(), std::move(syncLock).value(), std::move(db).value()));
    if (Status s = writer->m_runs.prepare(); !s)
        return s.error();
    return writer;
}

CacheWriter::CacheWriter(CacheLock useLock, CacheLock syncLock, SqliteDatabase db)
    : m_useLock(std::move(useLock))
    , m_syncLock(std::move(syncLock))
    , m_db(std::move(db))
    , m_runs(m_db)
    , m_registry(m_db)
{ }

Status CacheWriter::begin()
{
    if (Status s = m_db.exec(QStringLiteral("BEGIN IMMEDIATE")); !s)
        return s;
    m_inTransaction = true;
    return {};
}

Status CacheWriter::commit()
{
    m_inTransaction = false;
    Status s = m_db.exec(QStringLiteral("COMMIT"));
    if (!s)
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
    return s;
}

void CacheWriter::rollback()
{
    if (m_inTransaction)
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
}

Status CacheWriter::setInfo(const QString& key, const QString& value)
{
    auto stmt = m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO cache_info (key, value) VALUES (?1, ?2)"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key);
    stmt->bind(2, value);
    return stmt->exec();
}

Status CacheWriter::writeStoreInfo(const StoreLocation& location, const StoreDescription& description)
{
    // A cache gets a random identity once; later features (audit logs, evidence packs) cite it.
    auto existing = m_db.prepare(QStringLiteral("SELECT 1 FROM cache_info WHERE key = 'cache_id'"));
    if (!existing)
        return existing.error();
    if (!existing->step()) {
        const std::string id = boost::uuids::to_string(boost::uuids::random_generator()());
        if (Status s = setInfo(QStringLiteral("cache_id"), QString::fromStdString(id)); !s)
            return s;
    }
    const std::pair<QString, QString> entries[] = {
        { QStringLiteral("store_uri"), location.uri },
        { QStringLiteral("store_kind"), location.kindName() },
        { QStringLiteral("store_schema_revision"), description.schemaRevision },
        { QStringLiteral("mlflow_generation"), description.mlflowGeneration },
    };
    for (const auto& [key, value] : entries) {
        if (Status s = setInfo(key, value); !s)
            return s;
    }
    return {};
}

Status CacheWriter::writeExperiments(const QList<Experiment>& experiments)
{
    auto upsert = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time,"
        " last_update_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    auto clearTags = m_db.prepare(QStringLiteral("DELETE FROM experiment_tags WHERE experiment_id = ?1"));
    auto insertTag = m_db.prepare(
        QStringLiteral("INSERT OR REPLACE INTO experiment_tags (experiment_id, key, value) VALUES (?1, ?2, ?3)"));
    for (const Result<SqliteStatement>* stmt : { &upsert, &clearTags, &insertTag }) {
        if (!*stmt)
            return stmt->error();
    }
    for (const Experiment& e : experiments) {
        upsert->bind(1, e.experimentId);
        upsert->bind(2, e.name);
        upsert->bind(3, e.artifactLocation);
        upsert->bind(4, lifecycleStageName(e.lifecycleStage));
        upsert->bind(5, e.creationTime);
        upsert->bind(6, e.lastUpdateTime);
        clearTags->bind(1, e.experimentId);
        if (Status s = upsert->exec(); !s)
            return s;
        if (Status s = clearTags->exec(); !s)
            return s;
        for (const KeyValue& tag : e.tags) {
            insertTag->bind(1, e.experimentId);
            insertTag->bind(2, tag.key);
            insertTag->bind(3, tag.value);
            if (Status s = insertTag->exec(); !s)
                return s;
        }
    }
    return {};
}

Status CacheWriter::removeExperimentsExcept(const QStringList& keepIds)
{
    QStringList gone;
    auto cached = m_db.prepare(QStringLiteral("SELECT experiment_id FROM experiments"));
    if (!cached)
        return cached.error();
    while (cached->step()) {
        QString id = cached->text(0);
        if (!keepIds.contains(id))
            gone << id;
    }
    for (const QString& experimentId : std::as_const(gone)) {
        QStringList runIds;
        auto runs = m_db.prepare(QStringLiteral("SELECT run_id FROM runs WHERE experiment_id = ?1"));
        if (!runs)
            return runs.error();
        runs->bind(1, experimentId);
        while (runs->step())
            runIds << runs->text(0);
        if (Status s = m_runs.remove(runIds); !s)
            return s;
        for (const auto& origin : { LoggedModel::Origin::LoggedModelEntity, LoggedModel::Origin::LogModelHistoryTag }) {
            if (Status s = m_registry.replaceLoggedModels(experimentId, origin, {}); !s)
                return s;
        }
        for (const QString& table : { QStringLiteral("experiment_tags"), QStringLiteral("experiments") }) {
            auto del
                = m_db.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE experiment_id = ?1"));
            if (!del)
                return del.error();
            del->bind(1, experimentId);
            if (Status s = del->exec(); !s)
                return s;
        }
    }
    return {};
}

Status CacheWriter::replaceStoreIssues(const StoreIssueList& issues)
{
    if (Status s = m_db.exec(QStringLiteral("DELETE FROM issues WHERE scope = 'store'")); !s)
        return s;
    auto insert = m_db.prepare(QStringLiteral("INSERT INTO issues (scope, run_id, experiment_id, severity, location, "
                                              "message) VALUES ('store', ?1, ?2, ?3, ?4, ?5)"));
    if (!insert)
        return insert.error();
    for (const StoreIssue& issue : issues) {
        if (issue.runId.isEmpty())
            insert->bindNull(1);
        else
            insert->bind(1, issue.runId);
        insert->bind(2, issue.experimentId);
        insert->bind(3, StoreIssue::severityName(issue.severity));
        insert->bind(4, issue.location);
        insert->bind(5, issue.message);
        if (Status s = insert->exec(); !s)
            return s;
    }
    return {};
}

Status CacheWriter::recordSync(const SyncRecord& r)
{
    auto stmt = m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO syncs (sync_id, started, finished, outcome, "
                                            "experiments, runs, runs_read, metric_points,"
                                            " issues, seconds) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, r.syncId);
    stmt->bind(2, r.started);
    stmt->bind(3, r.finished);
    stmt->bind(4, r.outcome);
    stmt->bind(5, r.experiments);
    stmt->bind(6, r.runs);
    stmt->bind(7, r.runsRead);
    stmt->bind(8, r.metricPoints);
    stmt->bind(9, r.issues);
    stmt->bind(10, r.seconds);
    if (Status s = stmt->exec(); !s)
        return s;
    if (r.outcome == QLatin1String("completed")) {
        if (Status s = setInfo(QStringLiteral("last_sync_finished"), QString::number(r.finished)); !s)
            return s;
    }
    return setInfo(QStringLiteral("last_sync_id"), r.syncId);
}

} // namespace prov
