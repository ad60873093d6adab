#include "LineageImageExport.h"

#include "LineagePainter.h"

#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>

namespace prov {
namespace {

// PNG pixels per point: twice the layout's resolution, within what an image can hold.
double pngScale(const QRectF& rect)
{
    const double longest = std::max(rect.width(), rect.height());
    return std::clamp(16000.0 / std::max(longest, 1.0), 0.25, 2.0);
}

// Draws the whole layout, with a margin, onto `painter` whose device is `target` large.
void paint(QPainter& painter, const LineageGraph& graph, const LineageLayout& layout, const QRectF& source,
    const QSizeF& target)
{
    painter.scale(target.width() / source.width(), target.height() / source.height());
    painter.translate(-source.topLeft());
    LineagePainter::paintGraph(painter, graph, layout);
}

bool draw(const LineageGraph& graph, const LineageLayout& layout, LineageImageExport::Format format, QIODevice& device)
{
    const QRectF source = layout.bounds.adjusted(-20, -20, 20, 20);
    switch (format) {
    case LineageImageExport::Format::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&device);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(QStringLiteral("Lineage"));
        QPainter painter(&svg);
        paint(painter, graph, layout, source, source.size());
        return painter.end();
    }
    case LineageImageExport::Format::Png: {
        const double factor = pngScale(source);
        QImage image((source.size() * factor).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        paint(painter, graph, layout, source, image.size());
        painter.end();
        return image.save(&device, "PNG");
    }
    case LineageImageExport::Format::Pdf: {
        QPdfWriter pdf(&device);
        pdf.setTitle(QStringLiteral("Lineage"));
        pdf.setPageSize(QPageSize(source.size(), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(72);
        QPainter painter(&pdf);
        paint(painter, graph, layout, source, source.size());
        return painter.end();
    }
    }
    return false;
}

} // namespace

std::optional<LineageImageExport::Format> LineageImageExport::formatNamed(const QString& name)
{
    if (name == QLatin1String("svg"))
        return Format::Svg;
    if (name == QLatin1String("png"))
        return Format::Png;
    if (name == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

Status LineageImageExport::write(const std::shared_ptr<const LineageGraph>& graph,
    const std::shared_ptr<const LineageLayout>& layout, Format format, const QString& path)
{
    if (!graph || !layout)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("there is no graph to draw"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(
            ErrorCode::Io, QStringLiteral("the file could not be created (%1)").arg(file.errorString()), path);
    if (!draw(*graph, *layout, format, file) || !file.commit())
        return makeError(
            ErrorCode::Io, QStringLiteral("the image could not be written (%1)").arg(file.errorString()), path);
    return {};
}

} // namespace prov
