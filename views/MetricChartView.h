#pragma once

#include "MetricChartAxes.h"
#include "MetricChartHover.h"
#include "MetricChartLayer.h"
#include "MetricChartSeries.h"
#include "compare/MetricXAxis.h"

#include <QScatterSeries>
#include <QTimer>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLabel;
class QStackedLayout;
class QXYSeries;
QT_END_NAMESPACE

namespace prov {

class JobRunner;

// Draws metric histories as lines against step, wall time or relative time. Each history is
// decimated to the plot's pixel width (again on every resize) as a job of the job runner, so
// a million-point history costs what a screen-wide one does, spikes stay visible and the GUI
// thread never waits; the previous drawing stays until the new one is ready (redrawn()). Values that cannot be plotted
// are marked on the plot edge: NaN (diamonds, bottom), +inf (triangles, top), -inf
// (triangles, bottom). Hovering shows the nearest logged point. Without data it shows a
// centred hint instead. Knows nothing about runs or the cache: screens hand it histories.
class MetricChartView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode {
        Normal, // axis titles, legend, ~6 ticks per axis
        Compact, // a sparkline-like history for detail panels: no legend, thin margins, 3 ticks
    };

    explicit MetricChartView(JobRunner& jobs, QWidget* parent = nullptr);
    ~MetricChartView() override;

    void setSeries(std::vector<MetricChartSeries> series);
    // Shows a single history (a convenience for setSeries).
    void setHistory(const QString& label, std::shared_ptr<const MetricHistory> history);
    void clear();
    const std::vector<MetricChartSeries>& series() const { return m_series; }

    void setXAxis(MetricXAxis axis);
    MetricXAxis xAxis() const { return m_xAxis; }

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    // Asks for a logarithmic y axis; returns whether it is in effect. The request is kept but
    // not applied while a finite value <= 0 is shown (see logScaleAvailable()).
    bool setLogScale(bool enabled);
    bool isLogScale() const;
    bool logScaleRequested() const { return m_logRequested; }
    bool logScaleAvailable() const { return m_logAvailable; }

    void setEmptyText(const QString& text);
    QString emptyText() const;

    // The chart, for screens that export it (and tests). Its series are rebuilt on every
    // change; marker series are named "nanMarkers", "positiveInfMarkers", "negativeInfMarkers".
    QChart* chart() const { return m_chart; }
    // The pixel columns the histories are currently decimated to.
    int decimationColumns() const { return m_columns; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // Emitted when the data shown changes whether a log scale can be applied.
    void logScaleAvailableChanged(bool available);
    // The chart shows the current series (decimated, or the empty state).
    void redrawn();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void clearChart();
    void requestDecimation(int columns);
    void applyDecimation(const std::vector<MetricDecimation>& decimations, int columns);
    void buildChart();
    void applyTheme();
    void applyMode();
    void buildAxes(const MetricChartAxes::TimeUnit& unit, std::optional<MetricChartAxes::Range> yRange);
    void attach(QXYSeries* series);
    void buildMarkerSeries();
    QScatterSeries* addMarkerSeries(
        const QString& objectName, QScatterSeries::MarkerShape shape, qsizetype count, const QString& legend);
    void updateLogAvailability(std::optional<MetricChartAxes::Range> yRange);
    int plotColumns() const;
    void fillSeries();
    void fillMarkers();
    using MarkerPoints = std::vector<DecimatedPoint> MetricDecimation::*;
    void fillMarkerSeries(QScatterSeries* series, MarkerPoints points, double y);
    double edgeY(bool top) const;
    void scheduleRedecimation();
    void redecimateIfNeeded();
    double displayX(double x) const { return x / m_xScale; }

    JobRunner& m_jobs;
    const QString m_channel;
    std::vector<MetricChartSeries> m_series;
    std::vector<MetricChartLayer> m_layers; // the series with points, in order, as drawn
    // What the next drawing shows, while it is being decimated (m_needsRebuild).
    std::vector<MetricChartLayer> m_pending;
    MetricChartAxes::Range m_pendingXRange;
    bool m_needsRebuild = false;
    quint64 m_drawGeneration = 0;
    MetricXAxis m_xAxis = MetricXAxis::Step;
    Mode m_mode = Mode::Normal;
    bool m_logRequested = false;
    bool m_logAvailable = true;
    int m_columns = 0;
    double m_xScale = 1.0; // decimation x per display x (the relative time unit)
    MetricChartAxes::Range m_xRange; // decimation units
    MetricChartAxes::Range m_yDisplay;

    QStackedLayout* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QChartView* m_chartView = nullptr;
    QChart* m_chart = nullptr;
    MetricChartHover* m_hover = nullptr;
    QScatterSeries* m_nanMarkers = nullptr;
    QScatterSeries* m_positiveInfMarkers = nullptr;
    QScatterSeries* m_negativeInfMarkers = nullptr;
    QTimer m_redecimateTimer;
};

} // namespace prov
