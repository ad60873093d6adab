#pragma once

#include "domain/MetricPoint.h"

#include <QString>

#include <optional>
#include <vector>

namespace prov {

// The full history of one metric of one run, in canonical order: sorted by step, then
// timestamp, then value (NaN first), with exact duplicates (same step, timestamp and value)
// removed -- the file store repeats points when a model is logged at a step that already
// has metrics, while the SQLite backend collapses them through its primary key.
class MetricHistory
{
public:
    MetricHistory() = default;
    // Sorts and de-duplicates `points` as described above.
    static MetricHistory fromPoints(std::vector<MetricPoint> points);

    const std::vector<MetricPoint>& points() const { return m_points; }
    bool isEmpty() const { return m_points.empty(); }
    qsizetype size() const { return static_cast<qsizetype>(m_points.size()); }

    // MLflow's "latest" value: highest step, then latest timestamp, then largest value.
    std::optional<MetricPoint> latest() const;

private:
    std::vector<MetricPoint> m_points;
};

// Summary kept beside a history so tables and filters never need to open the history.
struct MetricSummary
{
    QString key;
    MetricPoint latest;
    qint64 pointCount = 0;
    std::optional<double> minValue; // over finite values only
    std::optional<double> maxValue;

    static MetricSummary of(const QString& key, const MetricHistory& history);
};

} // namespace prov
