#include "compare/ParallelCoordinates.h"

#include <cmath>

namespace prov {
namespace {

// The axis range in plot units (log10 when `log`); categories get half a slot of room each side.
std::pair<double, double> span(const CompareDimension& d, bool log)
{
    if (!d.min)
        return { 0, 1 };
    if (!d.isNumeric())
        return { -0.5, double(d.categories.size()) - 0.5 };
    return log ? std::pair { std::log10(*d.min), std::log10(*d.max) } : std::pair { *d.min, *d.max };
}

} // namespace

QString ParallelCoordinates::id(const CompareDimension& d)
{
    return (d.source == CompareDimension::Source::Metric ? QStringLiteral("metric:") : QStringLiteral("param:"))
        + d.key;
}

double ParallelCoordinates::position(const CompareDimension& d, double value, bool log)
{
    log = isLog(d, log);
    const auto [low, high] = span(d, log);
    if (high <= low)
        return 0.5;
    const double v = log ? std::log10(value) : value;
    return (v - low) / (high - low);
}

double ParallelCoordinates::valueAt(const CompareDimension& d, double position, bool log)
{
    log = isLog(d, log);
    const auto [low, high] = span(d, log);
    if (high <= low)
        return d.min.value_or(0.0);
    const double v = low + position * (high - low);
    return log ? std::pow(10.0, v) : v;
}

std::vector<bool> ParallelCoordinates::passing(
    const std::vector<CompareDimension>& dims, const Brushes& brushes, size_t runs)
{
    std::vector<bool> out(runs, true);
    for (const CompareDimension& d : dims) {
        const auto brush = brushes.constFind(id(d));
        if (brush == brushes.constEnd())
            continue;
        for (size_t r = 0; r < runs; ++r) {
            const std::optional<double> v = r < d.values.size() ? d.values[r] : std::nullopt;
            if (!v || !brush->contains(*v))
                out[r] = false;
        }
    }
    return out;
}

} // namespace prov
