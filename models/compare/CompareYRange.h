#pragma once

#include "compare/CompareChart.h"
#include "compare/CompareGrouping.h"

#include <QSet>

#include <optional>
#include <vector>

namespace prov {

// The y range of a chart whose outliers are clipped ("Clip outliers" on the Compare page).
// The rule is Tukey's fences, the whiskers of a box plot: with Q1 and Q3 the quartiles
// (linear interpolation between closest ranks, NumPy's default) and IQR = Q3 - Q1, a value
// outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR] is an outlier; the range runs from the lowest to the
// highest value inside the fences. Quartiles ignore a few extreme values at any series length
// (a percentile rule needs 100 points before one spike stops counting). On a log axis the
// fences are taken on log10 of the values > 0. NaN and infinities never count. Pure.
class CompareYRange
{
public:
    using Range = MetricDecimation::Range;
    static constexpr double FenceFactor = 1.5;

    // nullopt when no value counts (none finite, or none > 0 on a log axis).
    static std::optional<Range> clipped(std::vector<double> values, bool logarithmic);
    // The values a chart draws as its main curves (smoothed when smoothing), in its visible x
    // range: the finite points of the runs not in `hidden`, or, with `groups`, each band's
    // mean, min and max.
    static std::vector<double> drawnValues(
        const CompareChart& chart, const QSet<RunRef>& hidden, const std::vector<GroupBand>* groups);
};

} // namespace prov
