#pragma once

#include "compare/CompareDimension.h"

#include <QHash>

#include <optional>
#include <vector>

namespace prov {

// The geometry and filtering of a parallel coordinates plot, free of any drawing: where a
// run's value sits on an axis (0 = bottom, 1 = top; log10 where asked and possible), the value
// at a height (for tick labels and brushing), and which runs pass the brushed ranges. Brushes
// are kept in data units, so switching an axis to log keeps the runs it selects.
class ParallelCoordinates
{
public:
    struct Brush
    {
        double low = 0;
        double high = 0;
        bool contains(double v) const { return v >= low && v <= high; }
    };
    using Brushes = QHash<QString, Brush>; // by dimension key ("param:" / "metric:" prefixed)

    static QString id(const CompareDimension& d);
    // Log scale is only applied where every value is > 0.
    static bool isLog(const CompareDimension& d, bool logAsked) { return logAsked && d.allowsLog(); }
    // The height (0..1) of `value` on the axis of `d`; a constant axis puts everything at 0.5.
    static double position(const CompareDimension& d, double value, bool log);
    // The value at height `position`: the inverse of position().
    static double valueAt(const CompareDimension& d, double position, bool log);
    // Per run: whether it lies inside every brush (a run without a value on a brushed axis does
    // not). Brushes of dimensions not in `dims` are ignored.
    static std::vector<bool> passing(const std::vector<CompareDimension>& dims, const Brushes& brushes, size_t runs);
};

} // namespace prov
