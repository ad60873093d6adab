#include "ComparePage.h"

#include "CompareChartView.h"
#include "CompareDiffPanel.h"
#include "CompareExporter.h"
#include "CompareRunViews.h"
#include "StoreSession.h"
#include "core/DisplayFormat.h"
#include "itemmodels/CompareDiffModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace prov {
namespace {

constexpr int InitialKeys = 12; // charts shown at first; the Metrics menu adds the others

} // namespace

ComparePage::ComparePage(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    m_exporter = new CompareExporter(this, m_session);
    buildControls();
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(250);
    connect(&m_resizeTimer, &QTimer::timeout, this, &ComparePage::checkResolution);
    connect(m_session, &StoreSession::storeChanged, this, [this] { compare({}); });
}

ComparePage::~ComparePage() = default;

CompareDiffModel* ComparePage::diffModel() const
{
    return m_runViews->diff()->model();
}

void ComparePage::buildControls()
{
    m_summary = new QLabel(tr("Select runs in the run table and choose Compare (Ctrl+Shift+C)."));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_metricsButton = new QToolButton;
    m_metricsButton->setObjectName(QStringLiteral("metricsButton"));
    m_metricsButton->setText(tr("Metrics"));
    m_metricsButton->setPopupMode(QToolButton::InstantPopup);
    m_metricsMenu = new QMenu(m_metricsButton);
    m_metricsButton->setMenu(m_metricsMenu);
    m_xAxis = new QComboBox;
    m_xAxis->setObjectName(QStringLiteral("xAxisCombo"));
    m_xAxis->addItems({ tr("Step"), tr("Wall time"), tr("Relative time") });
    m_smoothing = new QComboBox;
    m_smoothing->setObjectName(QStringLiteral("smoothingCombo"));
    m_smoothing->addItems({ tr("No smoothing"), tr("EMA"), tr("Running average"), tr("Gaussian") });
    m_smoothingValue = new QDoubleSpinBox;
    m_smoothingValue->setObjectName(QStringLiteral("smoothingSpin"));
    m_logY = new QCheckBox(tr("Log y"));
    m_logY->setObjectName(QStringLiteral("logYCheck"));
    m_clipOutliers = new QCheckBox(tr("Clip outliers"));
    m_clipOutliers->setObjectName(QStringLiteral("clipOutliersCheck"));
    m_clipOutliers->setToolTip(tr("The y axis leaves out values beyond 1.5 interquartile ranges of the quartiles "
                                  "(Tukey's fences); lines beyond it are cut at the edge"));
    m_groupBy = new QComboBox;
    m_groupBy->setObjectName(QStringLiteral("groupByCombo"));
    m_groupBy->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_gridColumns = new QSpinBox;
    m_gridColumns->setObjectName(QStringLiteral("gridColumnsSpin"));
    m_gridColumns->setRange(1, 4);
    m_gridColumns->setValue(2);
    m_gridColumns->setSuffix(tr(" columns"));
    updateSmoothingControls();
    m_exportButton = new QToolButton;
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save every chart as an image, their series or the diff table as CSV"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setMenu(m_exporter->createPageMenu(m_exportButton));
    m_exportStatus = new QLabel;
    m_exportStatus->setObjectName(QStringLiteral("exportStatus"));
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*> { m_metricsButton, new QLabel(tr("x:")), m_xAxis, m_smoothing,
             m_smoothingValue, m_logY, m_clipOutliers, new QLabel(tr("Group by:")), m_groupBy, m_gridColumns })
        bar->addWidget(w);
    bar->addStretch();
    bar->addWidget(m_exportStatus);
    bar->addWidget(m_exportButton);

    m_gridHost = new QWidget;
    m_grid = new QGridLayout(m_gridHost);
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("chartScroll"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_gridHost);
    m_runViews = new CompareRunViews;
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("compareSplitter"));
    splitter->addWidget(scroll);
    splitter->addWidget(m_runViews);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 3000, 2000 }); // the tabs' size hints would otherwise squeeze the charts

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_xAxis, &QComboBox::currentIndexChanged, this, &ComparePage::rebuildCharts);
    connect(m_smoothing, &QComboBox::currentIndexChanged, this, &ComparePage::updateSmoothingControls);
    connect(m_smoothing, &QComboBox::currentIndexChanged, this, &ComparePage::rebuildCharts);
    connect(m_smoothingValue, &QDoubleSpinBox::valueChanged, this, &ComparePage::rebuildCharts);
    connect(m_logY, &QCheckBox::toggled, this, &ComparePage::restyleCharts);
    connect(m_clipOutliers, &QCheckBox::toggled, this, &ComparePage::restyleCharts);
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, &ComparePage::rebuildCharts);
    connect(m_gridColumns, &QSpinBox::valueChanged, this, &ComparePage::layoutCharts);
    connect(m_runViews, &CompareRunViews::filterChanged, this, &ComparePage::restyleCharts);
    connect(m_runViews->diff(), &CompareDiffPanel::saveRequested, m_exporter, &CompareExporter::askTable);
    connect(m_exporter, &CompareExporter::exported, this, &ComparePage::onExported);
}

void ComparePage::updateSmoothingControls()
{
    const QSignalBlocker blocker(m_smoothingValue);
    switch (m_smoothing->currentIndex()) {
    case 1:
        m_smoothingValue->setRange(0.0, 0.999);
        m_smoothingValue->setDecimals(3);
        m_smoothingValue->setSingleStep(0.05);
        m_smoothingValue->setValue(0.6);
        break;
    case 2:
        m_smoothingValue->setRange(1, MetricSmoothing::MaxWindow);
        m_smoothingValue->setDecimals(0);
        m_smoothingValue->setSingleStep(1);
        m_smoothingValue->setValue(10);
        break;
    case 3:
        m_smoothingValue->setRange(0.1, MetricSmoothing::MaxSigma);
        m_smoothingValue->setDecimals(1);
        m_smoothingValue->setSingleStep(0.5);
        m_smoothingValue->setValue(2.0);
        break;
    default:
        break;
    }
    m_smoothingValue->setVisible(m_smoothing->currentIndex() > 0);
}

CompareChartOptions ComparePage::chartOptions() const
{
    CompareChartOptions options;
    options.axis = static_cast<MetricXAxis>(m_xAxis->currentIndex());
    const double v = m_smoothingValue->value();
    switch (m_smoothing->currentIndex()) {
    case 1:
        options.smoothing = MetricSmoothing::ema(v);
        break;
    case 2:
        options.smoothing = MetricSmoothing::runningAverage(int(v));
        break;
    case 3:
        options.smoothing = MetricSmoothing::gaussian(v);
        break;
    default:
        break;
    }
    options.columns = chartColumns();
    return options;
}

int ComparePage::gridColumns() const
{
    return m_gridColumns->value();
}

CompareImageFooter ComparePage::imageFooter() const
{
    CompareImageFooter footer;
    footer.store = m_session->location() ? m_session->location()->uri : QString();
    const CompareChartStyle drawn = chartStyle();
    for (const ComparedRun& run : m_load.runs) {
        if (!drawn.hidden.contains(run.key))
            footer.runs.append(run.label());
    }
    footer.smoothing = chartOptions().smoothing.describe();
    if (m_groupBy->currentIndex() > 0)
        footer.grouping = m_groupBy->currentText();
    footer.outliersClipped = drawn.clipOutliers;
    return footer;
}

int ComparePage::chartColumns() const
{
    if (!m_views.isEmpty() && m_views.first()->isVisible())
        return m_views.first()->plotColumns();
    const int available = std::max(width(), 400) / std::max(m_gridColumns->value(), 1);
    return std::max(available - 90, 100); // the y axis and margins take the rest
}

void ComparePage::compare(const QStringList& runIds)
{
    m_load = {};
    m_series.reset();
    m_hidden.clear();
    m_colors.clear();
    m_runViews->setRuns({}, {});
    m_shown = {};
    layoutCharts();
    if (runIds.isEmpty() || !m_session->location()) {
        m_summary->setText(tr("Select runs in the run table and choose Compare (Ctrl+Shift+C)."));
        return;
    }
    m_summary->setText(tr("Loading %1…").arg(DisplayFormat::count(runIds.size(), tr("run"), tr("runs"))));
    const QString store = m_session->location()->uri;
    m_session->queries()->run<CompareLoad>(
        QStringLiteral("compare"),
        [store, runIds](const CacheReader& cache) { return CompareLoader::loadRuns(cache, store, runIds); }, this,
        [this](const Result<CompareLoad>& load) { onLoaded(load); });
}

void ComparePage::onLoaded(const Result<CompareLoad>& load)
{
    if (!load) {
        m_summary->setText(tr("These runs cannot be compared: %1").arg(load.error().message));
        return;
    }
    m_load = *load;
    for (qsizetype i = 0; i < m_load.runs.size(); ++i)
        m_colors.insert(m_load.runs[i].key, int(i));
    m_runViews->setRuns(m_load.facts, m_colors);
    m_order.learn(m_load.keys);
    m_shownKeys = m_order.arrange(m_load.keys).mid(0, InitialKeys);
    fillChoices();
    m_summary->setText(tr("%1, %2 logged")
                           .arg(DisplayFormat::count(m_load.runs.size(), tr("run"), tr("runs")),
                               DisplayFormat::count(m_load.keys.size(), tr("metric"), tr("metrics"))));
    requestSeries();
}

void ComparePage::fillMetricsMenu()
{
    m_metricsMenu->clear();
    const QStringList keys = m_order.arrange(m_load.keys); // the charts' order
    for (const QString& key : keys) {
        QAction* action = m_metricsMenu->addAction(key);
        action->setCheckable(true);
        action->setChecked(m_shownKeys.contains(key));
        connect(action, &QAction::toggled, this, &ComparePage::onMetricsChosen);
    }
}

void ComparePage::fillChoices()
{
    fillMetricsMenu();
    const QSignalBlocker blocker(m_groupBy);
    m_groupBy->clear();
    m_groupBy->addItem(tr("No grouping"));
    QStringList params, tags;
    for (const CompareRunFacts& facts : m_load.facts) {
        for (const KeyValue& kv : facts.params)
            params.append(kv.key);
        for (const KeyValue& kv : facts.tags)
            tags.append(kv.key);
    }
    params.removeDuplicates();
    params.sort();
    tags.removeDuplicates();
    tags.sort();
    for (const QString& key : params)
        m_groupBy->addItem(tr("param %1").arg(key), QStringList { QStringLiteral("param"), key });
    for (const QString& key : tags)
        m_groupBy->addItem(tr("tag %1").arg(key), QStringList { QStringLiteral("tag"), key });
    if (!m_wantedGroup.isEmpty())
        setGroupBy(m_wantedGroup);
}

void ComparePage::setGroupBy(const QString& key)
{
    m_wantedGroup = key;
    for (int i = 1; i < m_groupBy->count(); ++i) {
        if (m_groupBy->itemData(i).toStringList().value(1) == key) {
            m_groupBy->setCurrentIndex(i); // the first match: params come before tags
            return;
        }
    }
}

void ComparePage::onMetricsChosen()
{
    QStringList keys;
    const auto actions = m_metricsMenu->actions();
    for (const QAction* action : actions) {
        if (action->isChecked())
            keys.append(action->text());
    }
    setShownKeys(keys);
}

void ComparePage::setShownKeys(const QStringList& keys)
{
    QStringList known;
    for (const QString& key : m_load.keys) {
        if (keys.contains(key))
            known.append(key);
    }
    m_shownKeys = m_order.arrange(known); // the user's order, whatever order `keys` came in
    requestSeries();
}

void ComparePage::requestSeries()
{
    m_shown = {};
    layoutCharts();
    if (m_load.runs.isEmpty())
        return;
    const QString store = m_session->location() ? m_session->location()->uri : QString();
    m_session->queries()->runJob<std::shared_ptr<const CompareSeriesByKey>>(
        QStringLiteral("compare-series"),
        [store, runs = m_load.runs, keys = m_shownKeys](const CacheReader& cache, JobContext& job) {
            return CompareLoader::loadSeries(cache, store, runs, keys, job.workers());
        },
        this, [this](const Result<std::shared_ptr<const CompareSeriesByKey>>& series) { onSeries(series); });
}

void ComparePage::onSeries(const Result<std::shared_ptr<const CompareSeriesByKey>>& series)
{
    if (!series) {
        m_summary->setText(tr("The metric histories cannot be read: %1").arg(series.error().message));
        return;
    }
    m_series = *series;
    rebuildCharts();
}

QHash<RunRef, QString> ComparePage::groupOf() const
{
    QHash<RunRef, QString> groups;
    const QStringList choice = m_groupBy->currentData().toStringList();
    if (choice.size() != 2)
        return groups;
    const bool param = choice[0] == QLatin1String("param");
    for (const CompareRunFacts& facts : m_load.facts) {
        const QString value = valueOf(param ? facts.params : facts.tags, choice[1]);
        if (!value.isNull())
            groups.insert(facts.run.key, value);
    }
    return groups;
}

void ComparePage::rebuildCharts()
{
    if (!m_series)
        return;
    const CompareChartOptions options = chartOptions();
    m_builtColumns = options.columns;
    const bool grouping = m_groupBy->currentIndex() > 0;
    for (CompareChartView* view : std::as_const(m_views))
        view->setLoading(tr("Drawing…"));
    m_session->jobs()->run<std::shared_ptr<const CompareChartSet>>(
        QStringLiteral("compare:charts"),
        [series = m_series, keys = m_shownKeys, options, groups = groupOf(), grouping](
            JobContext& job) -> Result<std::shared_ptr<const CompareChartSet>> {
            return std::make_shared<const CompareChartSet>(CompareLoader::buildCharts(
                *series, keys, options, groups, grouping, job.cancellation(), job.workers()));
        },
        this,
        [this](const Result<std::shared_ptr<const CompareChartSet>>& set) {
            if (set)
                onCharts(**set);
        });
}

void ComparePage::onCharts(const CompareChartSet& set)
{
    m_shown = set;
    arrangeShown(); // charts moved while the job ran
    layoutCharts();
    Q_EMIT chartsShown();
}

CompareChartStyle ComparePage::chartStyle() const
{
    CompareChartStyle style;
    style.colorIndex = m_colors;
    style.hidden = m_hidden;
    style.hidden.unite(m_runViews->filteredOut());
    style.logY = m_logY->isChecked();
    style.clipOutliers = m_clipOutliers->isChecked();
    return style;
}

void ComparePage::layoutCharts()
{
    // Views are reused across rebuilds so a chart never flickers through "Loading…".
    while (m_views.size() > qsizetype(m_shown.charts.size()))
        delete m_views.takeLast();
    while (m_views.size() < qsizetype(m_shown.charts.size())) {
        auto* view = new CompareChartView(m_gridHost);
        connect(view, &CompareChartView::runToggled, this, &ComparePage::toggleRun);
        connect(view, &CompareChartView::runHovered, this, [this](const RunRef& run, bool entered) {
            for (CompareChartView* chart : std::as_const(m_views))
                chart->setHighlightedRun(entered ? std::optional<RunRef>(run) : std::nullopt);
        });
        connect(view, &CompareChartView::menuRequested, this, [this, view](const QPoint& globalPos) {
            if (view->data())
                chartMenu(view->data()->key)->popup(globalPos);
        });
        connect(
            view, &CompareChartView::zoomRequested, this, [this, view](std::optional<MetricDecimation::Range> range) {
                if (view->data())
                    zoomChart(view->data()->key, range);
            });
        m_views.append(view);
    }
    for (CompareChartView* view : std::as_const(m_views))
        m_grid->removeWidget(view);
    const int columns = m_gridColumns->value();
    for (qsizetype i = 0; i < m_views.size(); ++i) {
        m_views[i]->setObjectName(QStringLiteral("chart:") + m_shown.charts[size_t(i)]->key);
        m_views[i]->setChart(m_shown.charts[size_t(i)], chartStyle(), m_shown.groups[size_t(i)]);
        m_grid->addWidget(m_views[i], int(i) / columns, int(i) % columns);
        m_views[i]->setMinimumHeight(260);
    }
}

void ComparePage::arrangeShown()
{
    CompareChartSet arranged;
    for (const QString& key : std::as_const(m_shownKeys)) {
        for (size_t i = 0; i < m_shown.charts.size(); ++i) {
            if (m_shown.charts[i]->key == key) {
                arranged.charts.push_back(m_shown.charts[i]);
                arranged.groups.push_back(m_shown.groups[i]);
                break;
            }
        }
    }
    m_shown = std::move(arranged);
}

void ComparePage::moveChart(const QString& key, int delta)
{
    if (!m_order.move(key, delta, m_shownKeys))
        return;
    m_shownKeys = m_order.arrange(m_shownKeys);
    arrangeShown();
    layoutCharts(); // the views stay; each draws the chart now at its place
    fillMetricsMenu();
}

void ComparePage::hideChart(const QString& key)
{
    // The chart leaves at once, without reading the other keys' histories again.
    m_shownKeys.removeAll(key);
    arrangeShown();
    layoutCharts();
    fillMetricsMenu();
}

QMenu* ComparePage::chartMenu(const QString& key)
{
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* reset = menu->addAction(tr("Reset Zoom"));
    reset->setObjectName(QStringLiteral("resetZoomAction"));
    connect(reset, &QAction::triggered, this, [this, key] { zoomChart(key, std::nullopt); });
    menu->addSeparator();
    m_exporter->addChartActions(menu, key);
    menu->addSeparator();
    const qsizetype at = m_shownKeys.indexOf(key);
    QAction* left = menu->addAction(tr("Move Left"));
    left->setObjectName(QStringLiteral("moveLeftAction"));
    left->setEnabled(at > 0);
    connect(left, &QAction::triggered, this, [this, key] { moveChart(key, -1); });
    QAction* right = menu->addAction(tr("Move Right"));
    right->setObjectName(QStringLiteral("moveRightAction"));
    right->setEnabled(at >= 0 && at + 1 < m_shownKeys.size());
    connect(right, &QAction::triggered, this, [this, key] { moveChart(key, 1); });
    QAction* hide = menu->addAction(tr("Hide Chart"));
    hide->setObjectName(QStringLiteral("hideChartAction"));
    connect(hide, &QAction::triggered, this, [this, key] { hideChart(key); });
    return menu;
}

void ComparePage::onExported(const QString& path, const QString& error)
{
    if (error.isEmpty()) {
        m_exportStatus->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        return;
    }
    m_exportStatus->setText(tr("Not saved"));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"), error, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("exportErrorBox"));
    box->open(); // not exec(): the page goes on while the message waits
}

void ComparePage::restyleCharts()
{
    for (qsizetype i = 0; i < m_views.size(); ++i)
        m_views[i]->setChart(m_shown.charts[size_t(i)], chartStyle(), m_shown.groups[size_t(i)]);
}

void ComparePage::toggleRun(const RunRef& run)
{
    if (!m_hidden.remove(run))
        m_hidden.insert(run);
    restyleCharts();
}

void ComparePage::zoomChart(const QString& key, std::optional<MetricDecimation::Range> range)
{
    if (!m_series)
        return;
    CompareChartOptions options = chartOptions();
    options.visibleRange = range;
    const bool grouping = m_groupBy->currentIndex() > 0;
    m_session->jobs()->run<std::shared_ptr<const CompareChartSet>>(
        QStringLiteral("compare:zoom:") + key,
        [series = m_series, key, options, groups = groupOf(), grouping](
            JobContext& job) -> Result<std::shared_ptr<const CompareChartSet>> {
            return std::make_shared<const CompareChartSet>(CompareLoader::buildCharts(
                *series, { key }, options, groups, grouping, job.cancellation(), job.workers()));
        },
        this,
        [this, key](const Result<std::shared_ptr<const CompareChartSet>>& set) {
            if (set)
                onZoomed(key, **set);
        });
}

void ComparePage::onZoomed(const QString& key, const CompareChartSet& set)
{
    const auto found = std::find_if(m_shown.charts.begin(), m_shown.charts.end(),
        [&key](const std::shared_ptr<const CompareChart>& chart) { return chart->key == key; });
    const qsizetype i = found - m_shown.charts.begin();
    if (found == m_shown.charts.end() || i >= m_views.size() || set.charts.empty())
        return;
    m_shown.charts[size_t(i)] = set.charts.front();
    m_shown.groups[size_t(i)] = set.groups.front();
    m_views[i]->setChart(m_shown.charts[size_t(i)], chartStyle(), m_shown.groups[size_t(i)]);
}

void ComparePage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_resizeTimer.start();
}

void ComparePage::checkResolution()
{
    const int columns = chartColumns();
    if (m_series && std::abs(columns - m_builtColumns) > m_builtColumns / 10)
        rebuildCharts();
}

} // namespace prov
