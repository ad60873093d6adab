#pragma once

#include "CompareChartScene.h"
#include "core/Result.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <vector>

namespace prov {

// What an exported image says about itself in its footer.
struct CompareImageFooter
{
    QString store; // as the user knows it (a path or URI)
    QStringList runs; // run labels, in page order
    QString smoothing; // MetricSmoothing::describe()
    QString grouping; // "param lr" when the charts draw groups; empty otherwise
    bool outliersClipped = false; // the style clips outliers off the y axes
    // Per chart (same order), the groups drawn instead of its runs; empty when not grouping.
    std::vector<const std::vector<GroupBand>*> groups;
};

// Writes the charts of a comparison to a PNG or SVG file (chosen by the suffix): a grid of
// charts, one per metric key, titled with the key, and a footer naming the store, the runs,
// the smoothing and, per metric, how many points were drawn of how many recorded. Needs a
// QApplication (the command line runs it on the offscreen platform).
class CompareImageExport
{
public:
    // `width` is the whole image's; charts are laid out in up to `gridColumns` columns.
    static Status write(const std::vector<CompareChart>& charts, const CompareChartStyle& style,
        const CompareImageFooter& footer, const QString& path, int width, int gridColumns = 2);
    // The pixel width each chart gets for an image `width` wide holding `chartCount` charts:
    // the columns their curves are decimated to.
    static int chartWidth(int width, int chartCount, int gridColumns = 2);
    static int gridColumnsFor(int width, int chartCount, int gridColumns);
    // The footer's lines.
    static QStringList footerLines(const std::vector<CompareChart>& charts, const CompareImageFooter& footer);
};

} // namespace prov
