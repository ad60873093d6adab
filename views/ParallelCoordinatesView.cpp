#include "ParallelCoordinatesView.h"

#include "core/DisplayFormat.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace prov {
namespace {

constexpr double Left = 70;
constexpr double Right = 96; // room for the tick labels of the last axis
constexpr double Top = 44;
constexpr double Bottom = 28;
constexpr double GrabDistance = 14; // how close to an axis a press starts a brush
constexpr double BrushHalfWidth = 7;

} // namespace

ParallelCoordinatesView::ParallelCoordinatesView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("parallelCoordinates"));
    setMinimumHeight(200);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

QSize ParallelCoordinatesView::sizeHint() const
{
    return { 900, 320 };
}

void ParallelCoordinatesView::setData(std::vector<CompareDimension> dims, std::vector<QColor> runColors)
{
    m_dims = std::move(dims);
    m_colors = std::move(runColors);
    update();
}

void ParallelCoordinatesView::setBrushes(const ParallelCoordinates::Brushes& brushes)
{
    m_brushes = brushes;
    update();
    Q_EMIT brushesChanged(m_brushes);
}

void ParallelCoordinatesView::setLogAxis(const QString& id, bool log)
{
    if (log)
        m_logAxes.insert(id);
    else
        m_logAxes.remove(id);
    update();
}

std::vector<bool> ParallelCoordinatesView::passing() const
{
    return ParallelCoordinates::passing(m_dims, m_brushes, m_colors.size());
}

double ParallelCoordinatesView::axisX(int i) const
{
    const double span = std::max(double(width()) - Left - Right, 1.0);
    return m_dims.size() < 2 ? Left + span / 2 : Left + span * i / double(m_dims.size() - 1);
}

double ParallelCoordinatesView::yAt(double position) const
{
    const double span = std::max(double(height()) - Top - Bottom, 1.0);
    return Top + (1.0 - position) * span;
}

double ParallelCoordinatesView::positionAt(double y) const
{
    const double span = std::max(double(height()) - Top - Bottom, 1.0);
    return std::clamp(1.0 - (y - Top) / span, 0.0, 1.0);
}

int ParallelCoordinatesView::axisNear(double x) const
{
    for (int i = 0; i < int(m_dims.size()); ++i) {
        if (std::abs(axisX(i) - x) <= GrabDistance)
            return i;
    }
    return -1;
}

void ParallelCoordinatesView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_dims.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("The runs share every param and metric value."));
        return;
    }
    paintRuns(painter, passing());
    for (int i = 0; i < int(m_dims.size()); ++i)
        paintAxis(painter, i);
}

void ParallelCoordinatesView::paintRuns(QPainter& painter, const std::vector<bool>& pass) const
{
    // Runs filtered out first and faint, so the runs that pass are drawn over them.
    for (const bool drawPassing : { false, true }) {
        for (size_t r = 0; r < m_colors.size(); ++r) {
            if (pass[r] != drawPassing)
                continue;
            QColor color = drawPassing ? m_colors[r] : palette().color(QPalette::Mid);
            color.setAlpha(drawPassing ? 220 : 70);
            painter.setPen(QPen(color, drawPassing ? 1.6 : 1.0));
            QPainterPath path;
            bool open = false;
            for (int i = 0; i < int(m_dims.size()); ++i) {
                const CompareDimension& d = m_dims[size_t(i)];
                const std::optional<double> v = r < d.values.size() ? d.values[r] : std::nullopt;
                if (!v) { // no value: a gap in the line
                    open = false;
                    continue;
                }
                const QPointF p(axisX(i),
                    yAt(ParallelCoordinates::position(d, *v, m_logAxes.contains(ParallelCoordinates::id(d)))));
                open ? path.lineTo(p) : path.moveTo(p);
                open = true;
            }
            painter.drawPath(path);
        }
    }
}

void ParallelCoordinatesView::paintAxis(QPainter& painter, int i) const
{
    const CompareDimension& d = m_dims[size_t(i)];
    const QString id = ParallelCoordinates::id(d);
    const bool log = ParallelCoordinates::isLog(d, m_logAxes.contains(id));
    const double x = axisX(i);
    const QColor text = palette().color(QPalette::Text);
    painter.setPen(QPen(text, 1.2));
    painter.drawLine(QPointF(x, yAt(0)), QPointF(x, yAt(1)));
    const double slot = m_dims.size() < 2 ? width() : std::max(axisX(1) - axisX(0), 40.0);
    const QFontMetrics metrics(painter.font());
    const QString title
        = metrics.elidedText(d.label() + (log ? tr(" (log)") : QString()), Qt::ElideMiddle, int(slot - 6));
    painter.drawText(QRectF(x - slot / 2, 4, slot, Top - 18), Qt::AlignHCenter | Qt::AlignBottom, title);
    auto tick = [&](double position, const QString& label) {
        const double y = yAt(position);
        painter.drawLine(QPointF(x - 3, y), QPointF(x + 3, y));
        painter.drawText(QRectF(x + 5, y - 9, Right - 8, 18), Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(label, Qt::ElideRight, int(Right - 8)));
    };
    if (!d.isNumeric()) {
        for (qsizetype c = 0; c < d.categories.size(); ++c)
            tick(ParallelCoordinates::position(d, double(c), false), d.categories[c]);
    } else if (d.min) {
        tick(0, DisplayFormat::metricValue(*d.min));
        if (*d.max != *d.min)
            tick(1, DisplayFormat::metricValue(*d.max));
    }
    const auto brush = m_brushes.constFind(id);
    if (brush != m_brushes.constEnd()) {
        const double top = yAt(ParallelCoordinates::position(d, brush->high, m_logAxes.contains(id)));
        const double bottom = yAt(ParallelCoordinates::position(d, brush->low, m_logAxes.contains(id)));
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(70);
        painter.fillRect(QRectF(x - BrushHalfWidth, top, 2 * BrushHalfWidth, bottom - top), fill);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.0));
        painter.drawRect(QRectF(x - BrushHalfWidth, top, 2 * BrushHalfWidth, bottom - top));
    }
    if (m_drag && m_drag->axis == i) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(40);
        painter.fillRect(QRectF(QPointF(x - BrushHalfWidth, std::min(m_drag->fromY, m_drag->toY)),
                             QPointF(x + BrushHalfWidth, std::max(m_drag->fromY, m_drag->toY))),
            fill);
    }
}

void ParallelCoordinatesView::mousePressEvent(QMouseEvent* event)
{
    const int axis = event->button() == Qt::LeftButton ? axisNear(event->position().x()) : -1;
    if (axis < 0)
        return QWidget::mousePressEvent(event);
    m_drag = Drag { axis, event->position().y(), event->position().y() };
}

void ParallelCoordinatesView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_drag)
        return QWidget::mouseMoveEvent(event);
    m_drag->toY = event->position().y();
    update();
}

void ParallelCoordinatesView::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_drag)
        return QWidget::mouseReleaseEvent(event);
    m_drag->toY = event->position().y();
    brushFromDrag();
    m_drag.reset();
    update();
}

void ParallelCoordinatesView::brushFromDrag()
{
    const CompareDimension& d = m_dims[size_t(m_drag->axis)];
    const QString id = ParallelCoordinates::id(d);
    if (std::abs(m_drag->toY - m_drag->fromY) < 3) { // a click clears the axis
        if (m_brushes.remove(id) > 0)
            Q_EMIT brushesChanged(m_brushes);
        return;
    }
    const bool log = m_logAxes.contains(id);
    const double a = ParallelCoordinates::valueAt(d, positionAt(m_drag->fromY), log);
    const double b = ParallelCoordinates::valueAt(d, positionAt(m_drag->toY), log);
    m_brushes.insert(id, { std::min(a, b), std::max(a, b) });
    Q_EMIT brushesChanged(m_brushes);
}

void ParallelCoordinatesView::contextMenuEvent(QContextMenuEvent* event)
{
    const int axis = axisNear(event->pos().x());
    QMenu menu(this);
    if (axis >= 0) {
        const CompareDimension& d = m_dims[size_t(axis)];
        const QString id = ParallelCoordinates::id(d);
        QAction* log = menu.addAction(tr("Log scale"));
        log->setCheckable(true);
        log->setChecked(m_logAxes.contains(id));
        log->setEnabled(d.allowsLog());
        connect(log, &QAction::toggled, this, [this, id](bool on) { setLogAxis(id, on); });
        QAction* clear = menu.addAction(tr("Clear this filter"));
        clear->setEnabled(m_brushes.contains(id));
        connect(clear, &QAction::triggered, this, [this, id] {
            m_brushes.remove(id);
            setBrushes(m_brushes);
        });
    }
    QAction* all = menu.addAction(tr("Clear all filters"));
    all->setEnabled(!m_brushes.isEmpty());
    connect(all, &QAction::triggered, this, [this] { setBrushes({}); });
    menu.exec(event->globalPos());
}

} // namespace prov
