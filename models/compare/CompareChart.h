#pragma once

#include "compare/ComparedRun.h"
#include "compare/MetricDecimation.h"
#include "compare/MetricSmoothing.h"
#include "compare/MetricXAxis.h"
#include "domain/MetricHistory.h"

#include <QString>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace prov {

// How the charts of a comparison are drawn: the x axis, the smoothing, and how many pixel
// columns the plot has (what decimation reduces each curve to).
struct CompareChartOptions
{
    MetricXAxis axis = MetricXAxis::Step;
    MetricSmoothing smoothing;
    int columns = 1600;
    // Zoom: only this x range, at full resolution; the union of the runs' ranges otherwise.
    std::optional<MetricDecimation::Range> visibleRange;
};

// One run's curve in a chart: the recorded history, its smoothed values (when smoothing),
// and what decimation kept of each for the plot's width. With smoothing the chart draws
// `smoothedDrawn` over a faint copy of `raw`; without, `raw` alone.
struct CompareLine
{
    ComparedRun run;
    std::shared_ptr<const MetricHistory> history;
    std::shared_ptr<const std::vector<MetricPoint>> smoothed; // null without smoothing
    MetricDecimation raw;
    MetricDecimation smoothedDrawn;

    bool isSmoothed() const { return smoothed != nullptr; }
    // What the chart draws as this run's main curve.
    const MetricDecimation& drawn() const { return smoothed ? smoothedDrawn : raw; }
    // One value per recorded point: smoothed when smoothing, as recorded otherwise.
    std::span<const MetricPoint> values() const
    {
        return smoothed ? std::span<const MetricPoint>(*smoothed) : std::span<const MetricPoint>(history->points());
    }
};

// One metric key's chart: a line per run that logged the key, decimated over the same x range
// so the runs' pixel columns line up.
struct CompareChart
{
    QString key;
    CompareChartOptions options;
    std::optional<MetricDecimation::Range> xRange; // union of the lines' x extents
    std::vector<CompareLine> lines;

    // Points logged by every run for this key.
    qsizetype recordedPoints() const;
    // Points of the main curves the chart draws (line points and non-finite markers).
    qsizetype drawnPoints() const;
};

// The points a decimation draws, line and non-finite markers together, in ascending x (line
// points first among equal x).
std::vector<DecimatedPoint> drawnPointsOf(const MetricDecimation& decimation);

} // namespace prov
