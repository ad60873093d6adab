#include "CompareLoader.h"

#include "query/CacheReader.h"
#include "query/CompareQuery.h"

namespace prov {

Result<CompareLoad> CompareLoader::loadRuns(const CacheReader& cache, const QString& store, const QStringList& runIds)
{
    const CompareQuery query(cache.database(), store);
    auto runs = query.runs(runIds);
    if (!runs)
        return runs.error();
    auto keys = query.metricKeys(*runs);
    if (!keys)
        return keys.error();
    auto facts = query.facts(*runs);
    if (!facts)
        return facts.error();
    return CompareLoad { *runs, *keys, std::move(*facts) };
}

Result<std::shared_ptr<const CompareSeriesByKey>> CompareLoader::loadSeries(const CacheReader& cache,
    const QString& store, const QList<ComparedRun>& runs, const QStringList& keys, WorkerPool& workers)
{
    const CompareQuery query(cache.database(), store);
    auto out = std::make_shared<CompareSeriesByKey>();
    for (const QString& key : keys) {
        auto series = query.series(runs, key, &workers);
        if (!series)
            return series.error();
        out->emplace(key, std::move(*series));
    }
    return std::shared_ptr<const CompareSeriesByKey>(std::move(out));
}

CompareChartSet CompareLoader::buildCharts(const CompareSeriesByKey& series, const QStringList& keys,
    const CompareChartOptions& options, const QHash<RunRef, QString>& groupOf, bool grouping,
    const CancellationToken& cancel, WorkerPool& workers)
{
    CompareChartSet set;
    for (const QString& key : keys) {
        if (cancel.isCancelled())
            break;
        const auto found = series.find(key);
        auto chart = std::make_shared<const CompareChart>(CompareChartBuilder::build(
            key, found == series.end() ? std::vector<CompareSeries> {} : found->second, options, cancel, &workers));
        set.groups.push_back(grouping
                ? std::make_shared<const std::vector<GroupBand>>(CompareGrouping::bands(*chart, groupOf))
                : nullptr);
        set.charts.push_back(std::move(chart));
    }
    return set;
}

} // namespace prov
