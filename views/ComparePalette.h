#pragma once

#include <QColor>
#include <QPen>

namespace prov {

// Colours of the runs of a comparison: Okabe & Ito's colour-blind-safe set, then Paul Tol's
// muted set, then the same colours dashed, dotted, ... A run keeps its position on the Compare
// page, so it has the same colour in every chart and view of the page.
class ComparePalette
{
public:
    static int distinctColors();
    static QColor color(int index);
    // The pen of the index'th run's line: its colour, solid for the first distinctColors()
    // runs, then dashed, dotted, dash-dotted.
    static QPen pen(int index, double width);
};

} // namespace prov
