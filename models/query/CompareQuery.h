#pragma once

#include "compare/CompareChartBuilder.h"
#include "compare/CompareRunFacts.h"
#include "compare/ComparedRun.h"
#include "core/Result.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace prov {

class SqliteDatabase;
class WorkerPool;

// Reads what a comparison needs from one store's cache: the runs (by id, or by a run name
// that names exactly one run), the metric keys they logged, and whole metric histories (one
// indexed read per run and key). Runs are keyed by `store` + run id. For one thread.
class CompareQuery
{
public:
    CompareQuery(const SqliteDatabase& db, QString store);

    // The runs in the order asked for (repeats dropped). Fails with a sentence naming every
    // id or name that matches no run, or a name that matches several.
    Result<QList<ComparedRun>> runs(const QStringList& idsOrNames) const;
    // Every metric key any of `runs` logged, sorted.
    Result<QStringList> metricKeys(const QList<ComparedRun>& runs) const;
    // The history of `key` for each run that logged it, in the order of `runs`. With `workers`,
    // the stored histories are decoded on every core (the reads stay on this thread).
    Result<std::vector<CompareSeries>> series(
        const QList<ComparedRun>& runs, const QString& key, WorkerPool* workers = nullptr) const;
    // Params, tags and metric summaries of each run, in the order of `runs`.
    Result<std::vector<CompareRunFacts>> facts(const QList<ComparedRun>& runs) const;

private:
    Result<QList<ComparedRun>> matching(const QString& idOrName) const;
    Status loadKeyValues(CompareRunFacts& facts) const;
    Status loadMetrics(CompareRunFacts& facts) const;

    const SqliteDatabase& m_db;
    QString m_store;
};

} // namespace prov
