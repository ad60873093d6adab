#pragma once

#include "compare/MetricDecimation.h"
#include "compare/MetricXAxis.h"
#include "domain/MetricHistory.h"

#include <optional>
#include <span>

namespace prov {

// Reduces a metric history, from full data, to what can be drawn in `columns` pixel columns:
// the x range is split into equal columns and each keeps its first, lowest, highest and last
// finite point (in x order, de-duplicated), so a one-step spike stays visible while a
// million-point history draws at most 4 points per pixel. Histories with at most
// passThroughLimit() points in range are kept whole. Pure and O(n); safe on any thread.
class MetricDecimator
{
public:
    using Range = MetricDecimation::Range;

    // `columns` is clamped to at least 1.
    explicit MetricDecimator(int columns, MetricXAxis axis = MetricXAxis::Step);

    int columns() const { return m_columns; }
    MetricXAxis axis() const { return m_axis; }
    qsizetype passThroughLimit() const { return 2 * static_cast<qsizetype>(m_columns); }

    // Decimates only points with x in [min, max] (both included), splitting that range into
    // the columns -- for zooming. Without it the columns span the data's own x range.
    void setVisibleRange(double min, double max);
    void clearVisibleRange() { m_visibleRange.reset(); }
    std::optional<Range> visibleRange() const { return m_visibleRange; }

    MetricDecimation decimate(const MetricHistory& history) const;
    // `points` in MetricHistory order (sorted by step). Time axes tolerate timestamps that go
    // backwards (a resumed run): the points are then ordered by time first.
    MetricDecimation decimate(std::span<const MetricPoint> points) const;

    // The earliest timestamp (RelativeTime's zero); 0 for no points.
    static qint64 timeOrigin(std::span<const MetricPoint> points);
    // The x extent of `points` (any value) on `axis`; nullopt for no points.
    static std::optional<Range> xExtent(std::span<const MetricPoint> points, MetricXAxis axis);
    // Index of the point whose x is nearest to `x` in `points` (ascending x; the first of
    // equals); -1 when empty. For hover lookups on a decimated line.
    static qsizetype nearestByX(std::span<const DecimatedPoint> points, double x);

private:
    MetricDecimation decimateSorted(std::span<const MetricPoint> points, qint64 origin) const;

    int m_columns = 1;
    MetricXAxis m_axis = MetricXAxis::Step;
    std::optional<Range> m_visibleRange;
};

} // namespace prov
