#pragma once

#include "registry/BindingTimeline.h"

#include <QWidget>

#include <optional>

namespace prov {

class TimelineScale;

// Draws a model's alias and stage history: one lane per alias or stage, a bar per version
// that held it (from the first to the last sync that saw it, labelled v<n>), a hatched gap
// where the binding moved at some moment no sync saw, and a tick per sync on the time axis.
// Nothing is drawn between syncs as if it were known. Hovering a bar or gap says exactly what
// was observed; clicking asks which version held a binding then (momentClicked).
class BindingTimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit BindingTimelineView(QWidget* parent = nullptr);

    void setTimeline(const BindingTimeline& timeline);
    void setMessage(const QString& message); // shown instead of lanes (empty history, loading)
    const BindingTimeline& timeline() const { return m_timeline; }
    // A moment to mark with a vertical line (the question being asked), or none.
    void setMarker(std::optional<qint64> moment);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void momentClicked(qint64 moment, const QString& kind, const QString& binding);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Hit
    {
        int lane = -1;
        int segment = -1;
        bool gap = false;
    };

    TimelineScale scale() const;
    QRectF laneRect(int lane) const;
    Hit hitAt(const QPointF& at) const;
    QString describe(const Hit& hit) const;
    void paintLane(QPainter& painter, const TimelineScale& scale, int lane) const;
    void paintAxis(QPainter& painter, const TimelineScale& scale) const;

    BindingTimeline m_timeline;
    QString m_message;
    std::optional<qint64> m_marker;
};

} // namespace prov
