#pragma once

#include "lineage/LineageGraph.h"
#include "lineage/LineageLayout.h"

#include <QGraphicsView>

#include <memory>

namespace prov {

class LineageScene;

// Shows a laid-out lineage graph: drag to pan, wheel to zoom (around the pointer), fitAll()
// to see everything. Clicking a node selects it (nodeSelected); selectNode() does the same
// from code (search) and brings the node into view.
class LineageGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit LineageGraphView(QWidget* parent = nullptr);

    void setLineage(std::shared_ptr<const LineageGraph> graph, std::shared_ptr<const LineageLayout> layout);
    LineageScene* lineageScene() const { return m_scene; }
    int nodeCount() const;
    int selectedNode() const;
    void selectNode(int index);
    void highlightPath(const QList<int>& nodes);
    void fitAll();
    void zoomBy(double factor);
    double zoom() const { return transform().m11(); }

Q_SIGNALS:
    // The selected node changed (-1: none).
    void nodeSelected(int index);

protected:
    void wheelEvent(QWheelEvent* event) override;

private:
    void onSelectionChanged();

    LineageScene* m_scene;
    int m_lastSelected = -1;
};

} // namespace prov
