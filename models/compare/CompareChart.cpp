#include "compare/CompareChart.h"

#include <algorithm>

namespace prov {

qsizetype CompareChart::recordedPoints() const
{
    qsizetype total = 0;
    for (const CompareLine& line : lines)
        total += line.history ? line.history->size() : 0;
    return total;
}

qsizetype CompareChart::drawnPoints() const
{
    qsizetype total = 0;
    for (const CompareLine& line : lines) {
        const MetricDecimation& d = line.drawn();
        total
            += qsizetype(d.line.size() + d.nanPoints.size() + d.positiveInfPoints.size() + d.negativeInfPoints.size());
    }
    return total;
}

std::vector<DecimatedPoint> drawnPointsOf(const MetricDecimation& decimation)
{
    std::vector<DecimatedPoint> out;
    out.reserve(decimation.line.size() + decimation.nanPoints.size() + decimation.positiveInfPoints.size()
        + decimation.negativeInfPoints.size());
    out.insert(out.end(), decimation.line.begin(), decimation.line.end());
    for (const auto* markers : { &decimation.nanPoints, &decimation.positiveInfPoints, &decimation.negativeInfPoints })
        out.insert(out.end(), markers->begin(), markers->end());
    std::stable_sort(
        out.begin(), out.end(), [](const DecimatedPoint& a, const DecimatedPoint& b) { return a.x < b.x; });
    return out;
}

} // namespace prov
