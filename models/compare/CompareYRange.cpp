#include "compare/CompareYRange.h"

#include <algorithm>
#include <cmath>

namespace prov {
namespace {

// The `q` quantile of `values` (reordered in place): linear interpolation between the closest
// ranks, at position q * (n - 1) of the sorted values. O(n) with nth_element.
double quantile(std::vector<double>& values, double q)
{
    const double position = q * double(values.size() - 1);
    const auto low = size_t(std::floor(position));
    std::nth_element(values.begin(), values.begin() + qsizetype(low), values.end());
    const double below = values[low];
    const double fraction = position - double(low);
    if (fraction == 0.0 || low + 1 >= values.size())
        return below;
    // After nth_element every later element is >= below: the next rank is their minimum.
    const double above = *std::min_element(values.begin() + qsizetype(low) + 1, values.end());
    return below + fraction * (above - below);
}

} // namespace

std::optional<CompareYRange::Range> CompareYRange::clipped(std::vector<double> values, bool logarithmic)
{
    std::erase_if(values, [logarithmic](double v) { return !std::isfinite(v) || (logarithmic && v <= 0); });
    if (values.empty())
        return std::nullopt;
    const auto scaled = [logarithmic](double v) { return logarithmic ? std::log10(v) : v; };
    std::vector<double> keys(values.size());
    std::transform(values.begin(), values.end(), keys.begin(), scaled);
    const double q1 = quantile(keys, 0.25);
    const double q3 = quantile(keys, 0.75);
    const double reach = FenceFactor * (q3 - q1);
    const double lowFence = q1 - reach;
    const double highFence = q3 + reach;
    std::optional<Range> range;
    for (const double v : values) {
        if (scaled(v) < lowFence || scaled(v) > highFence)
            continue;
        range = range ? Range { std::min(range->min, v), std::max(range->max, v) } : Range { v, v };
    }
    return range;
}

std::vector<double> CompareYRange::drawnValues(
    const CompareChart& chart, const QSet<RunRef>& hidden, const std::vector<GroupBand>* groups)
{
    const auto visible = [&chart](double x) {
        const auto& range = chart.options.visibleRange;
        return !range || (x >= range->min && x <= range->max);
    };
    std::vector<double> values;
    if (groups) {
        for (const GroupBand& band : *groups) {
            for (const GroupBandPoint& p : band.points) {
                if (visible(p.x))
                    values.insert(values.end(), { p.min, p.mean, p.max });
            }
        }
        return values;
    }
    for (const CompareLine& line : chart.lines) {
        if (hidden.contains(line.run.key))
            continue;
        for (const DecimatedPoint& p : line.drawn().line) {
            if (visible(p.x))
                values.push_back(p.point.value);
        }
    }
    return values;
}

} // namespace prov
