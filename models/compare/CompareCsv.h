#pragma once

#include "compare/CompareChart.h"
#include "core/Result.h"

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace prov {

// Which points of a comparison an export holds.
enum class CompareSeriesKind {
    Raw, // every recorded point (smoothed values when the charts smooth)
    Drawn, // exactly the points the charts draw at their width (main curves and markers)
};

// Writes the series of a comparison as RFC 4180 CSV with the columns
// run_id,run_name,key,step,timestamp,value -- charts in order, then runs, then points in x
// order. Values are written in the shortest form that reads back exactly; NaN and infinities
// as NaN, Infinity, -Infinity. Streams in blocks, so a million points never sit in memory as text.
class CompareCsv
{
public:
    static Status write(const std::vector<CompareChart>& charts, CompareSeriesKind kind, QIODevice& out);
    // The same for the charts a page shows (shared with its views, never copied).
    static Status write(
        const std::vector<std::shared_ptr<const CompareChart>>& charts, CompareSeriesKind kind, QIODevice& out);
    // The number of data rows write() produces.
    static qsizetype rowCount(const std::vector<CompareChart>& charts, CompareSeriesKind kind);
};

} // namespace prov
