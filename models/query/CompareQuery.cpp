#include "query/CompareQuery.h"

#include "cache/MetricHistoryCodec.h"
#include "core/SqliteDatabase.h"
#include "jobs/WorkerPool.h"
#include "query/CacheRows.h"

#include <QSet>

namespace prov {

CompareQuery::CompareQuery(const SqliteDatabase& db, QString store)
    : m_db(db)
    , m_store(std::move(store))
{ }

Result<QList<ComparedRun>> CompareQuery::matching(const QString& idOrName) const
{
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT r.run_id, r.run_name, r.experiment_id, coalesce(e.name, ''), r.start_time, r.run_id = ?1"
                       " FROM runs r LEFT JOIN experiments e ON e.experiment_id = r.experiment_id"
                       " WHERE r.run_id = ?1 OR r.run_name = ?1 ORDER BY r.run_id = ?1 DESC, r.start_time DESC"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, idOrName);
    QList<ComparedRun> found;
    while (stmt->step()) {
        ComparedRun run { { m_store, stmt->text(0) }, stmt->text(1), stmt->text(2), stmt->text(3),
            stmt->optionalInt64(4) };
        if (stmt->int64(5) != 0) // an exact id wins over names
            return QList<ComparedRun> { run };
        found.append(run);
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return found;
}

Result<QList<ComparedRun>> CompareQuery::runs(const QStringList& idsOrNames) const
{
    QList<ComparedRun> out;
    QSet<QString> seen;
    QStringList unknown;
    QStringList ambiguous;
    for (const QString& wanted : idsOrNames) {
        auto found = matching(wanted.trimmed());
        if (!found)
            return found.error();
        if (found->isEmpty())
            unknown.append(wanted.trimmed());
        else if (found->size() > 1)
            ambiguous.append(wanted.trimmed());
        else if (!seen.contains(found->first().runId())) {
            seen.insert(found->first().runId());
            out.append(found->first());
        }
    }
    if (!unknown.isEmpty())
        return makeError(ErrorCode::NotFound,
            QStringLiteral("no run with the id or name %1 in this store").arg(unknown.join(QStringLiteral(", "))));
    if (!ambiguous.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("several runs are named %1; give their run ids instead")
                .arg(ambiguous.join(QStringLiteral(", "))));
    return out;
}

Result<QStringList> CompareQuery::metricKeys(const QList<ComparedRun>& runs) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT key FROM latest_metrics WHERE run_id = ?1"));
    if (!stmt)
        return stmt.error();
    QSet<QString> keys;
    for (const ComparedRun& run : runs) {
        stmt->reset();
        stmt->bind(1, run.runId());
        while (stmt->step())
            keys.insert(stmt->text(0));
        if (!stmt->lastStatus())
            return stmt->lastStatus().error();
    }
    QStringList sorted(keys.begin(), keys.end());
    sorted.sort();
    return sorted;
}

Result<std::vector<CompareSeries>> CompareQuery::series(
    const QList<ComparedRun>& runs, const QString& key, WorkerPool* workers) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT points FROM metric_histories WHERE run_id = ?1 AND key = ?2"));
    if (!stmt)
        return stmt.error();
    struct Stored
    {
        ComparedRun run;
        QByteArray blob;
        Result<MetricHistory> history = MetricHistory {};
    };
    std::vector<Stored> stored;
    for (const ComparedRun& run : runs) {
        stmt->reset();
        stmt->bind(1, run.runId());
        stmt->bind(2, key);
        if (!stmt->step()) {
            if (!stmt->lastStatus())
                return stmt->lastStatus().error();
            continue; // this run did not log the key
        }
        stored.push_back({ run,
            QByteArray(static_cast<const char*>(stmt->blobData(0)), qsizetype(stmt->blobSize(0))), MetricHistory {} });
    }
    WorkerPool::forEachIndex(workers, qsizetype(stored.size()), [&stored](qsizetype i) {
        Stored& s = stored[size_t(i)];
        s.history = MetricHistoryCodec::decode(s.blob.constData(), s.blob.size());
        s.blob = QByteArray();
    });
    std::vector<CompareSeries> out;
    out.reserve(stored.size());
    for (Stored& s : stored) {
        if (!s.history)
            return Error { s.history.error().code, s.history.error().message, s.run.runId() };
        out.push_back({ s.run, std::make_shared<const MetricHistory>(std::move(*s.history)) });
    }
    return out;
}

Result<std::vector<CompareRunFacts>> CompareQuery::facts(const QList<ComparedRun>& runs) const
{
    std::vector<CompareRunFacts> out;
    out.reserve(size_t(runs.size()));
    for (const ComparedRun& run : runs) {
        CompareRunFacts facts { run, {}, {}, {} };
        if (Status s = loadKeyValues(facts); !s)
            return s.error();
        if (Status s = loadMetrics(facts); !s)
            return s.error();
        out.push_back(std::move(facts));
    }
    return out;
}

Status CompareQuery::loadKeyValues(CompareRunFacts& facts) const
{
    for (auto [table, target] : { std::pair { "params", &facts.params }, std::pair { "tags", &facts.tags } }) {
        auto stmt = m_db.prepare(QStringLiteral("SELECT key, value FROM ") + QLatin1String(table)
            + QStringLiteral(" WHERE run_id = ?1 ORDER BY key"));
        if (!stmt)
            return stmt.error();
        stmt->bind(1, facts.run.runId());
        while (stmt->step())
            target->append({ stmt->text(0), stmt->text(1) });
        if (!stmt->lastStatus())
            return stmt->lastStatus();
    }
    return {};
}

Status CompareQuery::loadMetrics(CompareRunFacts& facts) const
{
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT key, value, step, timestamp, point_count, min_value, max_value FROM latest_metrics"
                       " WHERE run_id = ?1 ORDER BY key"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, facts.run.runId());
    while (stmt->step()) {
        MetricSummary summary;
        summary.key = stmt->text(0);
        summary.latest = { stmt->int64(2), stmt->int64(3), CacheRows::metricValue(*stmt, 1) };
        summary.pointCount = stmt->int64(4);
        if (!stmt->isNull(5)) {
            summary.minValue = stmt->real(5);
            summary.maxValue = stmt->real(6);
        }
        facts.metrics.append(summary);
    }
    return stmt->lastStatus();
}

} // namespace prov
