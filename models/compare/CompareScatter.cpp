#include "compare/CompareScatter.h"

#include <algorithm>
#include <cmath>

namespace prov {

std::vector<CompareScatter::Point> CompareScatter::points(const CompareDimension& x, const CompareDimension& y)
{
    std::vector<Point> out;
    const size_t runs = std::min(x.values.size(), y.values.size());
    for (size_t r = 0; r < runs; ++r) {
        if (x.values[r] && y.values[r])
            out.push_back({ r, *x.values[r], *y.values[r] });
    }
    return out;
}

CompareScatter::Axis CompareScatter::axis(const CompareDimension& d, bool logAsked)
{
    if (!d.min)
        return {};
    if (!d.isNumeric())
        return { -0.5, double(d.categories.size()) - 0.5, false };
    if (logAsked && d.allowsLog()) {
        const double factor = *d.max > *d.min ? std::pow(*d.max / *d.min, 0.05) : 2.0;
        return { *d.min / factor, *d.max * factor, true };
    }
    const double pad = *d.max > *d.min ? (*d.max - *d.min) * 0.05 : std::max(std::abs(*d.min) * 0.1, 1.0);
    return { *d.min - pad, *d.max + pad, false };
}

} // namespace prov
