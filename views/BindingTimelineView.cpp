#include "BindingTimelineView.h"

#include "TimelineScale.h"
#include "core/DisplayFormat.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace prov {
namespace {

constexpr int labelWidth = 120;
constexpr int laneHeight = 30;
constexpr int laneGap = 6;
constexpr int axisHeight = 34;
constexpr int margin = 8;

// A stable, distinct colour per version number, readable with black text.
QColor versionColor(qint64 version)
{
    return QColor::fromHsv(int((version * 67) % 360), 90, 235);
}

} // namespace

BindingTimelineView::BindingTimelineView(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void BindingTimelineView::setTimeline(const BindingTimeline& timeline)
{
    m_timeline = timeline;
    m_message.clear();
    updateGeometry();
    update();
}

void BindingTimelineView::setMessage(const QString& message)
{
    m_message = message;
    update();
}

void BindingTimelineView::setMarker(std::optional<qint64> moment)
{
    m_marker = moment;
    update();
}

QSize BindingTimelineView::sizeHint() const
{
    return { 520,
        margin * 2 + axisHeight + int(std::max<qsizetype>(2, m_timeline.lanes.size())) * (laneHeight + laneGap) };
}

QSize BindingTimelineView::minimumSizeHint() const
{
    return { 300, sizeHint().height() };
}

TimelineScale BindingTimelineView::scale() const
{
    return TimelineScale(m_timeline.start, m_timeline.end, labelWidth + margin, width() - labelWidth - margin * 3);
}

QRectF BindingTimelineView::laneRect(int lane) const
{
    return QRectF(
        labelWidth + margin, margin + lane * (laneHeight + laneGap), width() - labelWidth - margin * 3, laneHeight);
}

void BindingTimelineView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_message.isEmpty() || m_timeline.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
            m_message.isEmpty() ? tr("No alias or stage has been observed for this model yet.") : m_message);
        return;
    }
    const TimelineScale s = scale();
    for (int lane = 0; lane < m_timeline.lanes.size(); ++lane)
        paintLane(painter, s, lane);
    paintAxis(painter, s);
    if (m_marker) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        const double x = s.x(*m_marker);
        painter.drawLine(QPointF(x, margin / 2.0), QPointF(x, laneRect(int(m_timeline.lanes.size()) - 1).bottom() + 4));
    }
}

void BindingTimelineView::paintLane(QPainter& painter, const TimelineScale& s, int lane) const
{
    const TimelineLane& l = m_timeline.lanes[lane];
    const QRectF r = laneRect(lane);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRectF(margin, r.top(), labelWidth - margin, r.height()), Qt::AlignVCenter | Qt::AlignLeft,
        painter.fontMetrics().elidedText(l.label(), Qt::ElideRight, labelWidth - margin));
    painter.fillRect(r, palette().color(QPalette::AlternateBase));
    for (const TimelineSegment& seg : l.segments) {
        const double x0 = s.x(seg.from);
        const double x1 = std::max(s.x(seg.to), x0 + 6);
        if (seg.nextSight) { // the gap: the binding moved at some moment in here
            const QRectF gap(x1, r.top() + 4, std::max(2.0, s.x(*seg.nextSight) - x1), r.height() - 8);
            painter.fillRect(gap, QBrush(palette().color(QPalette::Mid), Qt::BDiagPattern));
        }
        const QRectF bar(x0, r.top() + 3, x1 - x0, r.height() - 6);
        QPainterPath path;
        path.addRoundedRect(bar, 4, 4);
        painter.fillPath(path, versionColor(seg.version));
        painter.setPen(QColor(40, 40, 40));
        const QString text = QStringLiteral("v%1").arg(seg.version);
        if (painter.fontMetrics().horizontalAdvance(text) + 6 < bar.width())
            painter.drawText(bar, Qt::AlignCenter, text);
    }
}

void BindingTimelineView::paintAxis(QPainter& painter, const TimelineScale& s) const
{
    const double top = laneRect(int(m_timeline.lanes.size()) - 1).bottom() + laneGap;
    const QColor muted = palette().color(QPalette::PlaceholderText);
    painter.setPen(muted);
    painter.drawLine(QPointF(labelWidth + margin, top), QPointF(width() - margin * 2, top));
    for (const qint64 observed : m_timeline.observations) // one tick per sync that read the registry
        painter.drawLine(QPointF(s.x(observed), top - 5), QPointF(s.x(observed), top));
    for (const TimelineScale::Tick& tick : s.ticks()) {
        painter.drawLine(QPointF(tick.x, top), QPointF(tick.x, top + 4));
        painter.drawText(
            QRectF(tick.x - 60, top + 5, 120, axisHeight - 8), Qt::AlignHCenter | Qt::AlignTop, tick.label);
    }
}

BindingTimelineView::Hit BindingTimelineView::hitAt(const QPointF& at) const
{
    if (m_timeline.isEmpty())
        return {};
    const TimelineScale s = scale();
    for (int lane = 0; lane < m_timeline.lanes.size(); ++lane) {
        if (!laneRect(lane).contains(at))
            continue;
        const auto& segments = m_timeline.lanes[lane].segments;
        for (int i = 0; i < segments.size(); ++i) {
            const double x0 = s.x(segments[i].from);
            const double x1 = std::max(s.x(segments[i].to), x0 + 6);
            if (at.x() >= x0 && at.x() <= x1)
                return { lane, i, false };
            if (segments[i].nextSight && at.x() > x1 && at.x() <= s.x(*segments[i].nextSight))
                return { lane, i, true };
        }
        return { lane, -1, false };
    }
    return {};
}

QString BindingTimelineView::describe(const Hit& hit) const
{
    const TimelineLane& lane = m_timeline.lanes[hit.lane];
    const TimelineSegment& seg = lane.segments[hit.segment];
    if (hit.gap)
        return tr("Not observed: %1 was last seen on version %2 by the sync at %3 and no longer by the sync at %4. "
                  "It changed at some moment in between.")
            .arg(lane.label())
            .arg(seg.version)
            .arg(DisplayFormat::timestamp(seg.to), DisplayFormat::timestamp(*seg.nextSight));
    QString text = tr("%1 → version %2\nobserved at sync %3")
                       .arg(lane.label())
                       .arg(seg.version)
                       .arg(DisplayFormat::timestamp(seg.from));
    if (seg.to != seg.from)
        text += tr(" … %1 (%2 syncs)").arg(DisplayFormat::timestamp(seg.to)).arg(seg.sightings);
    text += seg.nextSight ? tr("\nno longer seen at sync %1").arg(DisplayFormat::timestamp(*seg.nextSight))
                          : tr("\nstill held at the last sync");
    return text;
}

bool BindingTimelineView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const Hit hit = hitAt(help->pos());
        if (hit.segment >= 0)
            QToolTip::showText(help->globalPos(), describe(hit), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void BindingTimelineView::mousePressEvent(QMouseEvent* event)
{
    const Hit hit = hitAt(event->position());
    if (hit.lane < 0 || event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const TimelineLane& lane = m_timeline.lanes[hit.lane];
    Q_EMIT momentClicked(scale().moment(event->position().x()), lane.kind, lane.binding);
}

} // namespace prov
