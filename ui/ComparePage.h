#pragma once

#include "CompareChartScene.h"
#include "CompareImageExport.h"
#include "CompareLoader.h"
#include "compare/CompareKeyOrder.h"

#include <QHash>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QMenu;
class QSpinBox;
class QToolButton;
QT_END_NAMESPACE

namespace prov {

class CompareChartView;
class CompareDiffModel;
class CompareExporter;
class CompareRunViews;
class StoreSession;

// The Compare page: the runs chosen in the run table side by side -- a grid of metric charts
// (one per key; x axis, smoothing, log y, outlier clipping, grouping by a param or tag, 1-4 columns) and, below,
// the diff table, parallel coordinates and a scatter view; runs filtered out by brushing the
// parallel coordinates leave every chart. Reading histories, smoothing, decimation and grouping run
// as jobs; the page shows "Loading…" meanwhile and never waits. Each run keeps one colour.
// Each chart's context menu (and the Export button, for all of them) saves it as PNG, SVG or
// CSV through the page's CompareExporter.
class ComparePage : public QWidget
{
    Q_OBJECT

public:
    explicit ComparePage(StoreSession* session, QWidget* parent = nullptr);
    ~ComparePage() override;

    // Loads and shows `runIds` (of the session's store).
    void compare(const QStringList& runIds);
    // Groups the charts by the param (else tag) `key` once the runs are loaded ("" for none).
    void setGroupBy(const QString& key);
    const QList<ComparedRun>& runs() const { return m_load.runs; }
    QStringList shownKeys() const { return m_shownKeys; }
    void setShownKeys(const QStringList& keys);
    QList<CompareChartView*> chartViews() const { return m_views; }
    CompareDiffModel* diffModel() const;
    // The diff table, parallel coordinates and scatter tabs.
    CompareRunViews* runViews() const { return m_runViews; }
    CompareChartOptions chartOptions() const;
    // What the charts show now, one per shown key in order (empty while loading).
    const CompareChartSet& shownCharts() const { return m_shown; }
    // How the charts are drawn: run colours, hidden and filtered-out runs, log y.
    CompareChartStyle chartStyle() const;
    // What an exported image says about itself: the store, the runs drawn, smoothing, grouping.
    CompareImageFooter imageFooter() const;
    int gridColumns() const;
    CompareExporter* exporter() const { return m_exporter; }
    // The context menu of the chart of `key`: reset zoom, save as PNG / SVG / CSV, move it
    // left or right, hide it.
    QMenu* chartMenu(const QString& key);
    // Moves the chart of `key` by `delta` places among the shown charts (the order is kept
    // while the page is open, for later comparisons too).
    void moveChart(const QString& key, int delta);
    void hideChart(const QString& key);

Q_SIGNALS:
    // The charts show the current runs and options.
    void chartsShown();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildControls();
    void onLoaded(const Result<CompareLoad>& load);
    void fillChoices();
    void fillMetricsMenu();
    void arrangeShown();
    void requestSeries();
    void onSeries(const Result<std::shared_ptr<const CompareSeriesByKey>>& series);
    void rebuildCharts();
    void onCharts(const CompareChartSet& set);
    void zoomChart(const QString& key, std::optional<MetricDecimation::Range> range);
    void onZoomed(const QString& key, const CompareChartSet& set);
    void onMetricsChosen();
    void toggleRun(const RunRef& run);
    void layoutCharts();
    void restyleCharts();
    QHash<RunRef, QString> groupOf() const;
    int chartColumns() const;
    void updateSmoothingControls();
    void checkResolution();
    void onExported(const QString& path, const QString& error);

    StoreSession* m_session;
    CompareRunViews* m_runViews = nullptr;
    CompareLoad m_load;
    std::shared_ptr<const CompareSeriesByKey> m_series;
    CompareChartSet m_shown;
    QStringList m_shownKeys; // in the user's order
    CompareKeyOrder m_order;
    QSet<RunRef> m_hidden;
    QString m_wantedGroup;
    QHash<RunRef, int> m_colors;
    QList<CompareChartView*> m_views;
    int m_builtColumns = 0;
    QTimer m_resizeTimer;
    CompareExporter* m_exporter = nullptr;

    QLabel* m_summary = nullptr;
    QToolButton* m_metricsButton = nullptr;
    QMenu* m_metricsMenu = nullptr;
    QComboBox* m_xAxis = nullptr;
    QComboBox* m_smoothing = nullptr;
    QDoubleSpinBox* m_smoothingValue = nullptr;
    QCheckBox* m_logY = nullptr;
    QCheckBox* m_clipOutliers = nullptr;
    QComboBox* m_groupBy = nullptr;
    QSpinBox* m_gridColumns = nullptr;
    QToolButton* m_exportButton = nullptr;
    QLabel* m_exportStatus = nullptr;
    QGridLayout* m_grid = nullptr;
    QWidget* m_gridHost = nullptr;
};

} // namespace prov
