#pragma once

#include "CompareChartScene.h"

#include <QHash>
#include <QPen>
#include <QWidget>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLabel;
class QStackedLayout;
QT_END_NAMESPACE

namespace prov {

// One chart of the Compare page: draws a prepared CompareChart (already decimated and
// smoothed off the GUI thread) with the page's run colours. Rubber-band zoom asks the page to
// re-read the visible x range at full resolution (zoomRequested). A right click (or the menu
// key) asks the page for the chart's menu (menuRequested: reset zoom, exports, order).
// Clicking a run in the legend asks the page to hide or show that run in every chart
// (runToggled); hovering an entry asks it to highlight the run in every chart (runHovered,
// answered with setHighlightedRun: the run's line drawn wider, the others faded). Hovering
// the plot shows every run's value at the x under the mouse. With clipOutliers in the style
// the y axis leaves out outliers.
class CompareChartView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareChartView(QWidget* parent = nullptr);
    ~CompareChartView() override;

    // Shows `chart`; `groups` (optional) are drawn instead of runs when grouping.
    void setChart(std::shared_ptr<const CompareChart> chart, const CompareChartStyle& style,
        std::shared_ptr<const std::vector<GroupBand>> groups = nullptr);
    void setLoading(const QString& text);
    // Draws `run` wider and every other run faded; nullopt draws all as styled.
    void setHighlightedRun(const std::optional<RunRef>& run);
    const std::optional<RunRef>& highlightedRun() const { return m_highlight; }
    const CompareChart* data() const { return m_data.get(); }
    QChart* chart() const { return m_chart; }
    bool isLogApplied() const { return m_outcome.logApplied; }
    // The y axis leaves out outliers (the style asked for it and some value lay outside).
    bool isYClipped() const { return m_outcome.yClipped; }
    // The plot's width in pixels: what the page decimates this chart's curves to.
    int plotColumns() const;
    // The text the hover tooltip shows for chart x `x` (data units): each shown run's value
    // at the drawn point nearest to x.
    QString valuesAt(double x) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    // The user zoomed to `range` (data x units) or reset the zoom (nullopt).
    void zoomRequested(std::optional<prov::MetricDecimation::Range> range);
    void runToggled(const prov::RunRef& run);
    // The mouse entered (true) or left (false) a run's legend entry.
    void runHovered(const prov::RunRef& run, bool entered);
    // The user asked for this chart's context menu at `globalPos`.
    void menuRequested(const QPoint& globalPos);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onXRangeChanged();
    void connectLegend();
    void showValuesAt(const QPoint& viewportPos);
    void applyHighlight();

    std::shared_ptr<const CompareChart> m_data;
    std::shared_ptr<const std::vector<GroupBand>> m_groups;
    CompareChartStyle m_style;
    CompareChartScene::Outcome m_outcome;
    bool m_populating = false;
    std::optional<RunRef> m_highlight;
    QHash<QString, QPen> m_basePens; // by series name ("line:<id>", "raw:<id>"), as populated

    QStackedLayout* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QChartView* m_view = nullptr;
    QChart* m_chart = nullptr;
};

} // namespace prov
