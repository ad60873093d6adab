#include "LineageLegend.h"

#include "LineagePalette.h"

#include <QPainter>

namespace prov {
namespace {

constexpr double swatchWidth = 26;
constexpr double swatchHeight = 16;
constexpr double gap = 8;
constexpr double spacing = 18;

} // namespace

LineageLegend::LineageLegend(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize LineageLegend::sizeHint() const
{
    double width = 8;
    for (LineageNodeKind kind : LineagePalette::kinds)
        width += swatchWidth + gap + fontMetrics().horizontalAdvance(LineagePalette::kindTitle(kind)) + spacing;
    return QSize(int(width), int(swatchHeight) + 10);
}

void LineageLegend::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    double x = 8;
    const double y = (height() - swatchHeight) / 2;
    for (LineageNodeKind kind : LineagePalette::kinds) {
        const QRectF swatch(x, y, swatchWidth, swatchHeight);
        painter.setPen(QPen(LineagePalette::border(kind), 1));
        painter.setBrush(LineagePalette::fill(kind));
        painter.drawPath(LineagePalette::shape(kind, swatch));
        x += swatchWidth + gap;
        const QString title = LineagePalette::kindTitle(kind);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(x, 0, fontMetrics().horizontalAdvance(title) + 2, height()), Qt::AlignVCenter, title);
        x += fontMetrics().horizontalAdvance(title) + spacing;
    }
}

} // namespace prov
