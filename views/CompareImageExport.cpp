#include "CompareImageExport.h"

#include "core/DisplayFormat.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <memory>

namespace prov {
namespace {

constexpr int ChartHeight = 420;
constexpr int FooterLineHeight = 20;
constexpr int FooterPadding = 12;

QString runList(const QStringList& runs)
{
    constexpr qsizetype shown = 12;
    QString text = runs.mid(0, shown).join(QStringLiteral(", "));
    if (runs.size() > shown)
        text += QStringLiteral(" and %1 more").arg(runs.size() - shown);
    return text;
}

std::unique_ptr<QChartView> chartView(const CompareChart& data, const CompareChartStyle& style, QSize size)
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTitle(data.key);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto view = std::make_unique<QChartView>(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->resize(size);
    CompareChartScene::populate(chart, data, style);
    view->show();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return view;
}

void paint(QPainter& painter, const std::vector<CompareChart>& charts, const CompareChartStyle& style,
    const CompareImageFooter& footer, const QStringList& lines, QSize chartSize, int gridColumns)
{
    painter.fillRect(painter.viewport(), Qt::white);
    for (size_t i = 0; i < charts.size(); ++i) {
        CompareChartStyle chartStyle = style;
        chartStyle.groups = i < footer.groups.size() ? footer.groups[i] : nullptr;
        const auto view = chartView(charts[i], chartStyle, chartSize);
        const QPoint offset(
            int(i % size_t(gridColumns)) * chartSize.width(), int(i / size_t(gridColumns)) * chartSize.height());
        static_cast<QWidget*>(view.get())->render(&painter, offset); // the widget, not the scene
    }
    const int rows = int((charts.size() + size_t(gridColumns) - 1) / size_t(gridColumns));
    QFont font = painter.font();
    font.setPixelSize(13);
    painter.setFont(font);
    painter.setPen(QColor(0x40, 0x40, 0x40));
    int y = rows * chartSize.height() + FooterPadding;
    for (const QString& line : lines) {
        painter.drawText(QRect(FooterPadding, y, gridColumns * chartSize.width() - 2 * FooterPadding, FooterLineHeight),
            Qt::AlignLeft | Qt::AlignVCenter, line);
        y += FooterLineHeight;
    }
}

} // namespace

int CompareImageExport::gridColumnsFor(int width, int chartCount, int gridColumns)
{
    const int wanted = std::clamp(gridColumns, 1, 4);
    const int fit = std::max(1, width / 500); // a chart narrower than ~500 px is hard to read
    return std::max(1, std::min({ wanted, fit, std::max(chartCount, 1) }));
}

int CompareImageExport::chartWidth(int width, int chartCount, int gridColumns)
{
    return std::max(1, width / gridColumnsFor(width, chartCount, gridColumns));
}

QStringList CompareImageExport::footerLines(const std::vector<CompareChart>& charts, const CompareImageFooter& footer)
{
    QStringList lines;
    QString first = QStringLiteral("Store: %1    Smoothing: %2").arg(footer.store, footer.smoothing);
    if (!footer.grouping.isEmpty())
        first += QStringLiteral("    Grouped by %1").arg(footer.grouping);
    if (footer.outliersClipped)
        first += QStringLiteral("    Outliers clipped off the y axis (Tukey's fences)");
    lines.append(first);
    lines.append(QStringLiteral("Runs (%1): %2").arg(footer.runs.size()).arg(runList(footer.runs)));
    for (const CompareChart& chart : charts)
        lines.append(
            QStringLiteral("Metric %1: %2 drawn of %3 recorded")
                .arg(chart.key,
                    DisplayFormat::count(chart.drawnPoints(), QStringLiteral("point"), QStringLiteral("points")),
                    QString::number(chart.recordedPoints())));
    return lines;
}

Status CompareImageExport::write(const std::vector<CompareChart>& charts, const CompareChartStyle& style,
    const CompareImageFooter& footer, const QString& path, int width, int gridColumns)
{
    const int columns = gridColumnsFor(width, int(charts.size()), gridColumns);
    const QSize chartSize(chartWidth(width, int(charts.size()), gridColumns), ChartHeight);
    const int rows = int((charts.size() + size_t(columns) - 1) / size_t(columns));
    const QStringList lines = footerLines(charts, footer);
    const QSize size(columns * chartSize.width(),
        rows * chartSize.height() + 2 * FooterPadding + int(lines.size()) * FooterLineHeight);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QStringLiteral("Provenance comparison"));
        svg.setDescription(lines.join(QLatin1Char('\n')));
        QPainter painter;
        if (!painter.begin(&svg))
            return makeError(ErrorCode::Io, QStringLiteral("cannot write the SVG file"), path);
        paint(painter, charts, style, footer, lines, chartSize, columns);
        painter.end();
        if (!QFileInfo::exists(path))
            return makeError(ErrorCode::Io, QStringLiteral("cannot write the SVG file"), path);
        return {};
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(painter, charts, style, footer, lines, chartSize, columns);
    }
    if (!image.save(path, "PNG"))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the PNG file"), path);
    return {};
}

} // namespace prov
