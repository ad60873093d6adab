#pragma once

#include "lineage/LineageNode.h"

#include <QColor>
#include <QPainterPath>
#include <QRectF>
#include <QString>

namespace prov {

// How each kind of lineage node looks on screen and in exported images: fill colour and an
// outline shape (cylinder for data, folded note for code, rounded box for runs, ...), and the
// name the legend gives the kind. One place, so the view, the legend and exports agree.
class LineagePalette
{
public:
    static QColor fill(LineageNodeKind kind);
    static QColor border(LineageNodeKind kind);
    static QString kindTitle(LineageNodeKind kind);
    // The outline of a node of `kind` filling `box`.
    static QPainterPath shape(LineageNodeKind kind, const QRectF& box);
    static QColor highlight();

    static constexpr LineageNodeKind kinds[] = { LineageNodeKind::DatasetVersion, LineageNodeKind::CodeVersion,
        LineageNodeKind::Run, LineageNodeKind::LoggedModel, LineageNodeKind::ModelVersion, LineageNodeKind::Deployment,
        LineageNodeKind::Agent };
};

} // namespace prov
