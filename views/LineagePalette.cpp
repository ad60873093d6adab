#include "LineagePalette.h"

#include "lineage/DotExport.h"

#include <QObject>

namespace prov {
namespace {

QPainterPath cylinder(const QRectF& r)
{
    const double cap = std::min(10.0, r.height() / 4);
    QPainterPath path;
    path.moveTo(r.left(), r.top() + cap / 2);
    path.arcTo(QRectF(r.left(), r.top(), r.width(), cap), 180, -180);
    path.lineTo(r.right(), r.bottom() - cap / 2);
    path.arcTo(QRectF(r.left(), r.bottom() - cap, r.width(), cap), 0, -180);
    path.closeSubpath();
    path.moveTo(r.left(), r.top() + cap / 2);
    path.arcTo(QRectF(r.left(), r.top(), r.width(), cap), 180, 180);
    return path;
}

QPainterPath note(const QRectF& r)
{
    const double fold = std::min(10.0, r.height() / 3);
    QPainterPath path;
    path.moveTo(r.topLeft());
    path.lineTo(r.right() - fold, r.top());
    path.lineTo(r.right(), r.top() + fold);
    path.lineTo(r.bottomRight());
    path.lineTo(r.bottomLeft());
    path.closeSubpath();
    path.moveTo(r.right() - fold, r.top());
    path.lineTo(r.right() - fold, r.top() + fold);
    path.lineTo(r.right(), r.top() + fold);
    return path;
}

QPainterPath octagon(const QRectF& r)
{
    const double c = std::min(r.height() / 3, 12.0);
    QPainterPath path;
    path.moveTo(r.left() + c, r.top());
    path.lineTo(r.right() - c, r.top());
    path.lineTo(r.right(), r.top() + c);
    path.lineTo(r.right(), r.bottom() - c);
    path.lineTo(r.right() - c, r.bottom());
    path.lineTo(r.left() + c, r.bottom());
    path.lineTo(r.left(), r.bottom() - c);
    path.lineTo(r.left(), r.top() + c);
    path.closeSubpath();
    return path;
}

QPainterPath house(const QRectF& r)
{
    const double roof = r.height() / 3;
    QPainterPath path;
    path.moveTo(r.center().x(), r.top());
    path.lineTo(r.right(), r.top() + roof);
    path.lineTo(r.bottomRight());
    path.lineTo(r.bottomLeft());
    path.lineTo(r.left(), r.top() + roof);
    path.closeSubpath();
    return path;
}

QPainterPath tab(const QRectF& r)
{
    QPainterPath path;
    path.addRect(r.adjusted(0, 5, 0, 0));
    path.addRect(QRectF(r.left(), r.top(), std::min(24.0, r.width() / 3), 5));
    return path;
}

QPainterPath component(const QRectF& r)
{
    QPainterPath path;
    path.addRect(r);
    for (double y : { r.top() + r.height() * 0.25, r.top() + r.height() * 0.6 })
        path.addRect(QRectF(r.left() - 4, y, 8, r.height() * 0.15));
    return path;
}

} // namespace

QColor LineagePalette::fill(LineageNodeKind kind)
{
    return QColor(QLatin1String(LineageNodeStyle::of(kind).fill));
}

QColor LineagePalette::border(LineageNodeKind kind)
{
    return fill(kind).darker(170);
}

QColor LineagePalette::highlight()
{
    return QColor(0xd9, 0x48, 0x1c);
}

QString LineagePalette::kindTitle(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::DatasetVersion:
        return QObject::tr("Dataset version");
    case LineageNodeKind::CodeVersion:
        return QObject::tr("Code version");
    case LineageNodeKind::Run:
        return QObject::tr("Run");
    case LineageNodeKind::LoggedModel:
        return QObject::tr("Logged model");
    case LineageNodeKind::ModelVersion:
        return QObject::tr("Model version");
    case LineageNodeKind::Deployment:
        return QObject::tr("Deployment");
    case LineageNodeKind::Agent:
        return QObject::tr("User");
    }
    return {};
}

QPainterPath LineagePalette::shape(LineageNodeKind kind, const QRectF& box)
{
    switch (kind) {
    case LineageNodeKind::DatasetVersion:
        return cylinder(box);
    case LineageNodeKind::CodeVersion:
        return note(box);
    case LineageNodeKind::LoggedModel:
        return component(box);
    case LineageNodeKind::ModelVersion:
        return tab(box);
    case LineageNodeKind::Deployment:
        return octagon(box);
    case LineageNodeKind::Agent:
        return house(box);
    case LineageNodeKind::Run:
        break;
    }
    QPainterPath path;
    path.addRoundedRect(box, 8, 8);
    return path;
}

} // namespace prov
