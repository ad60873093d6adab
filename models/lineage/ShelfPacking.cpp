#include "lineage/ShelfPacking.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace prov {

QList<QPointF> ShelfPacking::pack(const QList<QSizeF>& sizes, double gap, double aspect)
{
    QList<QPointF> corners(sizes.size());
    if (sizes.isEmpty())
        return corners;
    double area = 0;
    double widest = 0;
    for (const QSizeF& size : sizes) {
        area += (size.width() + gap) * (size.height() + gap);
        widest = std::max(widest, size.width());
    }
    // A row is as wide as the drawing of `area` at `aspect` would be, and never narrower than
    // the widest rectangle.
    const double rowWidth = std::max(widest, std::sqrt(area * std::max(aspect, 0.1)));
    QList<int> order(sizes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [&sizes](int a, int b) { return sizes.at(a).height() > sizes.at(b).height(); });
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    for (int index : std::as_const(order)) {
        const QSizeF& size = sizes.at(index);
        if (x > 0 && x + size.width() > rowWidth) {
            x = 0;
            y += rowHeight + gap;
            rowHeight = 0;
        }
        corners[index] = QPointF(x, y);
        x += size.width() + gap;
        rowHeight = std::max(rowHeight, size.height());
    }
    return corners;
}

} // namespace prov
