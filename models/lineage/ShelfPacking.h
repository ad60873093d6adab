#pragma once

#include <QList>
#include <QPointF>
#include <QSizeF>

namespace prov {

// Places rectangles (laid-out graph components) side by side in rows ("shelves") about as
// wide as a drawing of the given aspect ratio would be: the tallest first, each row as high
// as its tallest rectangle, `gap` points between neighbours. Pure geometry and deterministic:
// equal heights keep their input order.
class ShelfPacking
{
public:
    // The top-left corner of each rectangle, by input index; the packing's origin is (0, 0).
    static QList<QPointF> pack(const QList<QSizeF>& sizes, double gap, double aspect = 1.6);
};

} // namespace prov
