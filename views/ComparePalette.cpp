#include "ComparePalette.h"

#include <algorithm>
#include <iterator>

namespace prov {
namespace {

// Okabe & Ito (2008) without yellow (unreadable on white), then Tol's "muted" scheme.
constexpr QRgb colors[] = { 0x0072b2, 0xe69f00, 0x009e73, 0xd55e00, 0x56b4e9, 0xcc79a7, 0x000000, 0x332288, 0x44aa99,
    0x117733, 0x999933, 0xddcc77, 0xcc6677, 0x882255, 0xaa4499, 0x88ccee };

} // namespace

int ComparePalette::distinctColors()
{
    return int(std::size(colors));
}

QColor ComparePalette::color(int index)
{
    const int n = distinctColors();
    return QColor::fromRgb(colors[((index % n) + n) % n]);
}

QPen ComparePalette::pen(int index, double width)
{
    QPen pen(color(index), width);
    static constexpr Qt::PenStyle styles[] = { Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine };
    pen.setStyle(styles[(std::max(index, 0) / distinctColors()) % int(std::size(styles))]);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

} // namespace prov
