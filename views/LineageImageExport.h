#pragma once

#include "core/Result.h"
#include "lineage/LineageGraph.h"
#include "lineage/LineageLayout.h"

#include <memory>
#include <optional>

namespace prov {

// Writes a laid-out lineage graph as an SVG, PNG or PDF file, drawn by LineagePainter exactly as
// the Lineage page draws it (so the command line and the window produce the same picture).
// Needs a QGuiApplication (fonts); uses no scene or widget, so it may run on a worker thread.
class LineageImageExport
{
public:
    enum class Format { Svg, Png, Pdf };

    static std::optional<Format> formatNamed(const QString& name);
    static Status write(const std::shared_ptr<const LineageGraph>& graph,
        const std::shared_ptr<const LineageLayout>& layout, Format format, const QString& path);
};

} // namespace prov
