#pragma once

#include "compare/CompareChart.h"
#include "compare/CompareChartBuilder.h"
#include "compare/CompareGrouping.h"
#include "compare/CompareRunFacts.h"
#include "core/CancellationToken.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

namespace prov {

class CacheReader;

// What the Compare page reads from the cache when runs are chosen.
struct CompareLoad
{
    QList<ComparedRun> runs;
    QStringList keys; // every metric key the runs logged
    std::vector<CompareRunFacts> facts;
};
using CompareSeriesByKey = std::map<QString, std::vector<CompareSeries>>;
// What the page draws: a chart per chosen key (and, when grouping, each group's band).
struct CompareChartSet
{
    std::vector<std::shared_ptr<const CompareChart>> charts;
    std::vector<std::shared_ptr<const std::vector<GroupBand>>> groups;
};

// The Compare page's background work, each step a plain function its jobs run: read the runs
// and their keys, read the histories of the shown keys, and build the charts (smoothing,
// decimation, grouping) from full data.
class CompareLoader
{
public:
    static Result<CompareLoad> loadRuns(const CacheReader& cache, const QString& store, const QStringList& runIds);
    // Histories are decoded, and charts decimated, on the job's `workers`.
    static Result<std::shared_ptr<const CompareSeriesByKey>> loadSeries(const CacheReader& cache, const QString& store,
        const QList<ComparedRun>& runs, const QStringList& keys, WorkerPool& workers);
    static CompareChartSet buildCharts(const CompareSeriesByKey& series, const QStringList& keys,
        const CompareChartOptions& options, const QHash<RunRef, QString>& groupOf, bool grouping,
        const CancellationToken& cancel, WorkerPool& workers);
};

} // namespace prov
