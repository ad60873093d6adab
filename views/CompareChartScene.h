#pragma once

#include "compare/CompareChart.h"
#include "compare/CompareGrouping.h"

#include <QHash>
#include <QSet>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace prov {

// How a comparison chart is drawn: each run's palette position (its colour on the whole page),
// runs hidden from the legend, the y scale, and groups drawn instead of runs.
struct CompareChartStyle
{
    QHash<RunRef, int> colorIndex;
    QSet<RunRef> hidden;
    bool logY = false;
    bool compact = false;
    bool clipOutliers = false; // the y axis leaves out outliers (CompareYRange::clipped)
    const std::vector<GroupBand>* groups = nullptr; // when set, each group's mean and min-max band
};

// Fills a QChart with a CompareChart: per run its main curve (smoothed, over a faint copy of
// the recorded curve when smoothing), NaN / +inf / -inf markers on the plot edges, and the
// axes; or per group its mean line over a min-max band. Series are named for tests and
// exports: "line:<run id>" (empty for a hidden run, whose legend entry stays, dimmed, to show it
// again), "raw:<run id>", "mean:<group>", "band:<group>", "nanMarkers",
// "positiveInfMarkers", "negativeInfMarkers". A chart of more runs than a legend can name
// (over 24) has no legend, and one CompareLinesItem draws every curve instead of the "line:"
// and "raw:" series. Shared by the Compare page and headless exports.
class CompareLinesItem;

class CompareChartScene
{
public:
    struct Outcome
    {
        bool logApplied = false; // false when asked for but a value <= 0 is shown
        bool yClipped = false; // clipOutliers narrowed the y axis
        double xScale = 1.0; // chart x per display x (relative time is shown in s, min, h or d)
        MetricDecimation::Range xDisplay; // the data's x range, in display units
    };

    // The alpha of a hidden run's legend entry.
    static constexpr int HiddenAlpha = 70;

    // Removes what `chart` showed and draws `data` with `style`.
    static Outcome populate(QChart* chart, const CompareChart& data, const CompareChartStyle& style);
    // The item drawing the curves of a chart of many runs, or null.
    static CompareLinesItem* linesItem(const QChart* chart);
};

} // namespace prov
