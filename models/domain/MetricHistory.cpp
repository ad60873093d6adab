#include "domain/MetricHistory.h"

#include <algorithm>
#include <cmath>

namespace prov {
namespace {

// A strict weak order on values in which NaN sorts before every number.
bool valueLess(double a, double b)
{
    const bool aNan = std::isnan(a);
    const bool bNan = std::isnan(b);
    if (aNan || bNan)
        return aNan && !bNan;
    return a < b;
}

bool pointLess(const MetricPoint& a, const MetricPoint& b)
{
    if (a.step != b.step)
        return a.step < b.step;
    if (a.timestamp != b.timestamp)
        return a.timestamp < b.timestamp;
    return valueLess(a.value, b.value);
}

bool samePoint(const MetricPoint& a, const MetricPoint& b)
{
    if (a.step != b.step || a.timestamp != b.timestamp)
        return false;
    if (std::isnan(a.value) || std::isnan(b.value))
        return std::isnan(a.value) && std::isnan(b.value);
    return a.value == b.value;
}

} // namespace

MetricHistory MetricHistory::fromPoints(std::vector<MetricPoint> points)
{
    // Histories are almost always logged in step order: skip the sort when they are.
    if (!std::is_sorted(points.begin(), points.end(), pointLess))
        std::stable_sort(points.begin(), points.end(), pointLess);
    points.erase(std::unique(points.begin(), points.end(), samePoint), points.end());
    MetricHistory history;
    history.m_points = std::move(points);
    return history;
}

std::optional<MetricPoint> MetricHistory::latest() const
{
    if (m_points.empty())
        return std::nullopt;
    return m_points.back();
}

MetricSummary MetricSummary::of(const QString& key, const MetricHistory& history)
{
    MetricSummary summary;
    summary.key = key;
    summary.pointCount = history.size();
    if (auto latest = history.latest())
        summary.latest = *latest;
    for (const MetricPoint& p : history.points()) {
        if (!std::isfinite(p.value))
            continue;
        summary.minValue = summary.minValue ? std::min(*summary.minValue, p.value) : p.value;
        summary.maxValue = summary.maxValue ? std::max(*summary.maxValue, p.value) : p.value;
    }
    return summary;
}

} // namespace prov
