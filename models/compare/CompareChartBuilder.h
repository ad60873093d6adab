#pragma once

#include "compare/CompareChart.h"
#include "core/CancellationToken.h"
#include "jobs/WorkerPool.h"

#include <memory>
#include <vector>

namespace prov {

// One run's recorded history of the key being charted.
struct CompareSeries
{
    ComparedRun run;
    std::shared_ptr<const MetricHistory> history;
};

// Turns the histories of one metric key into a CompareChart: smooths each full history, then
// decimates the recorded and smoothed curves to the options' pixel columns over the union of
// the runs' x ranges (or the zoomed range). Runs without points are left out. Pure; meant to
// run as a job (it checks `cancel` between runs and returns what it has when cancelled). With
// `workers`, runs are decimated on every core, the result is the same.
class CompareChartBuilder
{
public:
    static CompareChart build(const QString& key, const std::vector<CompareSeries>& series,
        const CompareChartOptions& options, const CancellationToken& cancel = {}, WorkerPool* workers = nullptr);
};

} // namespace prov
