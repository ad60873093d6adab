#pragma once

#include "compare/ParallelCoordinates.h"

#include <QColor>
#include <QSet>
#include <QWidget>

#include <optional>
#include <vector>

namespace prov {

// Parallel coordinates of the compared runs: an axis per dimension (param or latest metric),
// a polyline per run in its page colour. Dragging along an axis brushes a range of it; a click
// on the axis clears that brush; the runs outside any brush are drawn faint. A right click on
// an axis offers a log scale (where every value is > 0). Filtering the rest of the page is
// the page's business: this view reports brushesChanged and the runs passing().
class ParallelCoordinatesView : public QWidget
{
    Q_OBJECT

public:
    explicit ParallelCoordinatesView(QWidget* parent = nullptr);

    // The dimensions to draw, and per run (same order as the dimensions' values) its colour.
    void setData(std::vector<CompareDimension> dims, std::vector<QColor> runColors);
    const std::vector<CompareDimension>& dimensions() const { return m_dims; }
    void setBrushes(const ParallelCoordinates::Brushes& brushes);
    const ParallelCoordinates::Brushes& brushes() const { return m_brushes; }
    void setLogAxis(const QString& id, bool log);
    bool isLogAxis(const QString& id) const { return m_logAxes.contains(id); }
    std::vector<bool> passing() const;

    // Geometry, in widget pixels: the x of axis `i`, and the y of height `position` (0..1).
    double axisX(int i) const;
    double yAt(double position) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void brushesChanged(const prov::ParallelCoordinates::Brushes& brushes);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    int axisNear(double x) const;
    double positionAt(double y) const;
    void paintRuns(QPainter& painter, const std::vector<bool>& pass) const;
    void paintAxis(QPainter& painter, int i) const;
    void brushFromDrag();

    std::vector<CompareDimension> m_dims;
    std::vector<QColor> m_colors;
    ParallelCoordinates::Brushes m_brushes;
    QSet<QString> m_logAxes;
    struct Drag
    {
        int axis = -1;
        double fromY = 0;
        double toY = 0;
    };
    std::optional<Drag> m_drag;
};

} // namespace prov
