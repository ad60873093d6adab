#include "compare/MetricDecimator.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace prov {
namespace {

// Keeps, per pixel column, the first, lowest, highest and last finite point and the first
// point of each non-finite kind. Points arrive in ascending x; a column is flushed to the
// output as soon as a point lands in a later one, so memory stays O(1) per column.
class ColumnReducer
{
public:
    ColumnReducer(MetricDecimation& out, MetricDecimation::Range span, int columns)
        : m_out(out)
        , m_start(span.min)
        , m_scale(span.max > span.min ? columns / (span.max - span.min) : 0.0)
        , m_lastColumn(columns - 1)
    { }

    void add(const DecimatedPoint& p)
    {
        const int column = columnOf(p.x);
        if (column != m_column) {
            flush();
            m_column = column;
        }
        const double v = p.point.value;
        if (std::isnan(v))
            keepFirst(m_out.nanPoints, m_haveNan, p);
        else if (std::isinf(v))
            keepFirst(
                v > 0 ? m_out.positiveInfPoints : m_out.negativeInfPoints, v > 0 ? m_havePosInf : m_haveNegInf, p);
        else
            addFinite(p);
        ++m_sequence;
    }

    void flush()
    {
        if (m_first.sequence >= 0) {
            std::array<Candidate, 4> kept { m_first, m_min, m_max, m_last };
            std::sort(kept.begin(), kept.end(),
                [](const Candidate& a, const Candidate& b) { return a.sequence < b.sequence; });
            qsizetype previous = -1;
            for (const Candidate& c : kept) {
                if (c.sequence != previous)
                    m_out.line.push_back(c.point);
                previous = c.sequence;
            }
        }
        m_first = m_min = m_max = m_last = Candidate {};
        m_haveNan = m_havePosInf = m_haveNegInf = false;
    }

private:
    struct Candidate
    {
        qsizetype sequence = -1;
        DecimatedPoint point;
    };

    int columnOf(double x) const
    {
        const double column = std::floor((x - m_start) * m_scale);
        return static_cast<int>(std::clamp(column, 0.0, static_cast<double>(m_lastColumn)));
    }

    void addFinite(const DecimatedPoint& p)
    {
        const Candidate c { m_sequence, p };
        if (m_first.sequence < 0) {
            m_first = m_min = m_max = c;
        } else {
            // Strict comparisons: of equal extremes the earliest is kept, which often is
            // `first` already and so saves a point.
            if (p.point.value < m_min.point.point.value)
                m_min = c;
            if (p.point.value > m_max.point.point.value)
                m_max = c;
        }
        m_last = c;
    }

    static void keepFirst(std::vector<DecimatedPoint>& into, bool& have, const DecimatedPoint& p)
    {
        if (!have)
            into.push_back(p);
        have = true;
    }

    MetricDecimation& m_out;
    const double m_start;
    const double m_scale;
    const int m_lastColumn;
    int m_column = -1;
    qsizetype m_sequence = 0;
    Candidate m_first, m_min, m_max, m_last;
    bool m_haveNan = false, m_havePosInf = false, m_haveNegInf = false;
};

void include(std::optional<MetricDecimation::Range>& range, double v)
{
    if (!range)
        range = MetricDecimation::Range { v, v };
    else {
        range->min = std::min(range->min, v);
        range->max = std::max(range->max, v);
    }
}

void countNonFinite(MetricDecimation& out, double v)
{
    if (std::isnan(v))
        ++out.nanCount;
    else if (v > 0)
        ++out.positiveInfCount;
    else
        ++out.negativeInfCount;
}

void keepWhole(MetricDecimation& out, const DecimatedPoint& p)
{
    const double v = p.point.value;
    if (std::isnan(v))
        out.nanPoints.push_back(p);
    else if (std::isinf(v))
        (v > 0 ? out.positiveInfPoints : out.negativeInfPoints).push_back(p);
    else
        out.line.push_back(p);
}

} // namespace

MetricDecimator::MetricDecimator(int columns, MetricXAxis axis)
    : m_columns(std::max(columns, 1))
    , m_axis(axis)
{ }

void MetricDecimator::setVisibleRange(double min, double max)
{
    if (std::isnan(min) || std::isnan(max)) {
        m_visibleRange.reset();
        return;
    }
    m_visibleRange = Range { std::min(min, max), std::max(min, max) };
}

MetricDecimation MetricDecimator::decimate(const MetricHistory& history) const
{
    return decimate(std::span<const MetricPoint>(history.points()));
}

MetricDecimation MetricDecimator::decimate(std::span<const MetricPoint> points) const
{
    const qint64 origin = timeOrigin(points);
    const bool byTime = m_axis != MetricXAxis::Step;
    const auto timeLess = [](const MetricPoint& a, const MetricPoint& b) { return a.timestamp < b.timestamp; };
    if (!byTime || std::is_sorted(points.begin(), points.end(), timeLess))
        return decimateSorted(points, origin);
    // Rare: a resumed run logged later steps with earlier clocks. Order by time, keeping
    // history order among equal timestamps.
    std::vector<MetricPoint> byTimestamp(points.begin(), points.end());
    std::stable_sort(byTimestamp.begin(), byTimestamp.end(), timeLess);
    return decimateSorted(byTimestamp, origin);
}

MetricDecimation MetricDecimator::decimateSorted(std::span<const MetricPoint> points, qint64 origin) const
{
    MetricDecimation out;
    out.axis = m_axis;
    out.timeOrigin = origin;
    const auto xOf = [&](const MetricPoint& p) { return metricX(p, m_axis, origin); };

    auto begin = points.begin();
    auto end = points.end();
    if (m_visibleRange) {
        begin = std::partition_point(begin, end, [&](const MetricPoint& p) { return xOf(p) < m_visibleRange->min; });
        end = std::partition_point(begin, end, [&](const MetricPoint& p) { return xOf(p) <= m_visibleRange->max; });
        // The nearest finite neighbours outside carry the line on to the plot edges.
        const auto before = std::find_if(std::make_reverse_iterator(begin), points.rend(),
            [](const MetricPoint& p) { return std::isfinite(p.value); });
        if (before != points.rend())
            out.line.push_back({ xOf(*before), *before });
    }

    out.sourceCount = static_cast<qsizetype>(end - begin);
    out.reduced = out.sourceCount > passThroughLimit();
    std::optional<ColumnReducer> reducer;
    if (out.reduced && begin != end) {
        const Range span = m_visibleRange.value_or(Range { xOf(*begin), xOf(*(end - 1)) });
        reducer.emplace(out, span, m_columns);
    }
    for (auto it = begin; it != end; ++it) {
        const DecimatedPoint p { xOf(*it), *it };
        include(out.xRange, p.x);
        if (std::isfinite(p.point.value))
            include(out.yRange, p.point.value);
        else
            countNonFinite(out, p.point.value);
        if (reducer)
            reducer->add(p);
        else
            keepWhole(out, p);
    }
    if (reducer)
        reducer->flush();

    if (m_visibleRange) {
        const auto after = std::find_if(end, points.end(), [](const MetricPoint& p) { return std::isfinite(p.value); });
        if (after != points.end())
            out.line.push_back({ xOf(*after), *after });
    }
    return out;
}

qint64 MetricDecimator::timeOrigin(std::span<const MetricPoint> points)
{
    if (points.empty())
        return 0;
    return std::min_element(points.begin(), points.end(), [](const MetricPoint& a, const MetricPoint& b) {
        return a.timestamp < b.timestamp;
    })->timestamp;
}

std::optional<MetricDecimator::Range> MetricDecimator::xExtent(std::span<const MetricPoint> points, MetricXAxis axis)
{
    if (points.empty())
        return std::nullopt;
    if (axis == MetricXAxis::Step) // MetricHistory order: sorted by step
        return Range { static_cast<double>(points.front().step), static_cast<double>(points.back().step) };
    const auto [lo, hi] = std::minmax_element(points.begin(), points.end(),
        [](const MetricPoint& a, const MetricPoint& b) { return a.timestamp < b.timestamp; });
    const qint64 origin = axis == MetricXAxis::RelativeTime ? lo->timestamp : 0;
    return Range { metricX(*lo, axis, origin), metricX(*hi, axis, origin) };
}

qsizetype MetricDecimator::nearestByX(std::span<const DecimatedPoint> points, double x)
{
    if (points.empty() || std::isnan(x))
        return -1;
    const auto it = std::lower_bound(
        points.begin(), points.end(), x, [](const DecimatedPoint& p, double value) { return p.x < value; });
    if (it == points.begin())
        return 0;
    if (it == points.end())
        return static_cast<qsizetype>(points.size()) - 1;
    const auto previous = it - 1;
    // Ties go left; step back to the first of equal x values.
    auto nearest = (x - previous->x) <= (it->x - x) ? previous : it;
    while (nearest != points.begin() && (nearest - 1)->x == nearest->x)
        --nearest;
    return static_cast<qsizetype>(nearest - points.begin());
}

} // namespace prov
