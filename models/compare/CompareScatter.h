#pragma once

#include "compare/CompareDimension.h"

#include <vector>

namespace prov {

// The points of a scatter view: one per run that has a value on both dimensions, in run
// order, and the padded ranges the axes show (log where asked and every value is > 0).
class CompareScatter
{
public:
    struct Point
    {
        size_t run = 0;
        double x = 0;
        double y = 0;
    };
    struct Axis
    {
        double min = 0;
        double max = 1;
        bool log = false;
    };

    static std::vector<Point> points(const CompareDimension& x, const CompareDimension& y);
    // The range an axis shows: the values' range plus 5% each side (a factor on log axes), or
    // one unit around a single value; categories from -0.5 to count - 0.5.
    static Axis axis(const CompareDimension& d, bool logAsked);
};

} // namespace prov
