#include "compare/CompareGrouping.h"

#include "compare/MetricDecimator.h"

#include <algorithm>
#include <cmath>

namespace prov {
namespace {

struct ColumnSum
{
    double sum = 0.0;
    int count = 0;
};

struct Accumulator
{
    std::vector<double> sum;
    std::vector<double> min;
    std::vector<double> max;
    std::vector<int> runs;
    int runCount = 0;

    explicit Accumulator(int columns)
        : sum(size_t(columns), 0.0)
        , min(size_t(columns), 0.0)
        , max(size_t(columns), 0.0)
        , runs(size_t(columns), 0)
    { }

    void add(int column, double value)
    {
        const auto c = size_t(column);
        min[c] = runs[c] == 0 ? value : std::min(min[c], value);
        max[c] = runs[c] == 0 ? value : std::max(max[c], value);
        sum[c] += value;
        ++runs[c];
    }
};

// The mean of each column of one run's finite values inside `span`.
std::vector<ColumnSum> columnMeans(const CompareLine& line, MetricXAxis axis, MetricDecimation::Range span, int columns)
{
    std::vector<ColumnSum> out(static_cast<size_t>(columns));
    const std::span<const MetricPoint> values = line.values();
    const qint64 origin = MetricDecimator::timeOrigin(values);
    const double width = span.max - span.min;
    const double scale = width > 0 ? columns / width : 0.0;
    for (const MetricPoint& p : values) {
        const double x = metricX(p, axis, origin);
        if (!std::isfinite(p.value) || x < span.min || x > span.max)
            continue;
        const int column = std::clamp(int(std::floor((x - span.min) * scale)), 0, columns - 1);
        out[size_t(column)].sum += p.value;
        ++out[size_t(column)].count;
    }
    return out;
}

} // namespace

std::vector<GroupBand> CompareGrouping::bands(const CompareChart& chart, const QHash<RunRef, QString>& groupOf)
{
    std::vector<GroupBand> out;
    if (!chart.xRange || chart.lines.empty())
        return out;
    const MetricDecimation::Range span = chart.options.visibleRange.value_or(*chart.xRange);
    const int columns = std::max(chart.options.columns, 1);
    std::vector<QString> labels;
    std::vector<Accumulator> groups;
    for (const CompareLine& line : chart.lines) {
        const QString label = groupOf.value(line.run.key, noValueLabel());
        auto found = std::find(labels.begin(), labels.end(), label);
        if (found == labels.end()) {
            labels.push_back(label);
            groups.emplace_back(columns);
            found = labels.end() - 1;
        }
        Accumulator& group = groups[size_t(found - labels.begin())];
        ++group.runCount;
        const std::vector<ColumnSum> means = columnMeans(line, chart.options.axis, span, columns);
        for (int c = 0; c < columns; ++c) {
            if (means[size_t(c)].count > 0)
                group.add(c, means[size_t(c)].sum / means[size_t(c)].count);
        }
    }
    const double width = span.max - span.min;
    for (size_t g = 0; g < groups.size(); ++g) {
        GroupBand band { labels[g], groups[g].runCount, {} };
        for (int c = 0; c < columns; ++c) {
            const auto i = size_t(c);
            if (groups[g].runs[i] == 0)
                continue;
            const double x = width > 0 ? span.min + (c + 0.5) * width / columns : span.min;
            band.points.push_back(
                { x, groups[g].sum[i] / groups[g].runs[i], groups[g].min[i], groups[g].max[i], groups[g].runs[i] });
        }
        out.push_back(std::move(band));
    }
    return out;
}

} // namespace prov
