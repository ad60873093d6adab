#include "compare/CompareChartBuilder.h"

#include "compare/MetricDecimator.h"

#include <algorithm>
#include <optional>

namespace prov {
namespace {

void include(std::optional<MetricDecimation::Range>& into, const std::optional<MetricDecimation::Range>& range)
{
    if (!range)
        return;
    if (!into)
        into = range;
    else
        into = MetricDecimation::Range { std::min(into->min, range->min), std::max(into->max, range->max) };
}

} // namespace

CompareChart CompareChartBuilder::build(const QString& key, const std::vector<CompareSeries>& series,
    const CompareChartOptions& options, const CancellationToken& cancel, WorkerPool* workers)
{
    CompareChart chart;
    chart.key = key;
    chart.options = options;
    for (const CompareSeries& s : series) {
        if (s.history && !s.history->isEmpty())
            include(chart.xRange, MetricDecimator::xExtent(s.history->points(), options.axis));
    }
    if (!chart.xRange)
        return chart;
    const MetricDecimation::Range span = options.visibleRange.value_or(*chart.xRange);
    MetricDecimator decimator(options.columns, options.axis);
    decimator.setVisibleRange(span.min, span.max);

    std::vector<std::optional<CompareLine>> lines(series.size());
    WorkerPool::forEachIndex(workers, qsizetype(series.size()), [&](qsizetype i) {
        const CompareSeries& s = series[size_t(i)];
        if (cancel.isCancelled() || !s.history || s.history->isEmpty())
            return;
        CompareLine line;
        line.run = s.run;
        line.history = s.history;
        line.raw = decimator.decimate(*s.history);
        if (!options.smoothing.isNone()) {
            auto smoothed
                = std::make_shared<const std::vector<MetricPoint>>(options.smoothing.apply(s.history->points()));
            line.smoothedDrawn = decimator.decimate(std::span<const MetricPoint>(*smoothed));
            line.smoothed = std::move(smoothed);
        }
        lines[size_t(i)] = std::move(line);
    });
    for (std::optional<CompareLine>& line : lines) {
        if (line)
            chart.lines.push_back(std::move(*line));
    }
    return chart;
}

} // namespace prov
