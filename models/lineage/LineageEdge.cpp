#include "lineage/LineageEdge.h"

namespace prov {

QString LineageEdge::kindName(LineageEdgeKind kind)
{
    switch (kind) {
    case LineageEdgeKind::Used:
        return QStringLiteral("used");
    case LineageEdgeKind::WasGeneratedBy:
        return QStringLiteral("wasGeneratedBy");
    case LineageEdgeKind::WasDerivedFrom:
        return QStringLiteral("wasDerivedFrom");
    case LineageEdgeKind::WasInformedBy:
        return QStringLiteral("wasInformedBy");
    case LineageEdgeKind::WasAssociatedWith:
        return QStringLiteral("wasAssociatedWith");
    case LineageEdgeKind::WasAttributedTo:
        return QStringLiteral("wasAttributedTo");
    case LineageEdgeKind::Binding:
        return QStringLiteral("binding");
    }
    return {};
}

} // namespace prov
