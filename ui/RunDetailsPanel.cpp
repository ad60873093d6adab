#include "RunDetailsPanel.h"
#include "ui_RunDetailsPanel.h"

#include "DetailsHtml.h"
#include "MetricChartView.h"
#include "RunOverviewHtml.h"
#include "StatusPalette.h"
#include "StoreSession.h"
#include "core/DisplayFormat.h"
#include "itemmodels/ArtifactTreeModel.h"
#include "itemmodels/KeyValueTableModel.h"
#include "itemmodels/MetricSummaryModel.h"
#include "query/RunDetailQuery.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>

namespace prov {
namespace {

QSortFilterProxyModel* filterProxy(QAbstractItemModel* source, QObject* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    return proxy;
}

void setupTable(QTableView* view, QAbstractItemModel* model)
{
    view->setModel(model);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

} // namespace

RunDetailsPanel::RunDetailsPanel(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RunDetailsPanel>())
    , m_session(session)
    , m_params(new KeyValueTableModel(this))
    , m_tags(new KeyValueTableModel(this))
    , m_metrics(new MetricSummaryModel(this))
    , m_artifacts(new ArtifactTreeModel(this))
    , m_paramsProxy(filterProxy(m_params, this))
    , m_tagsProxy(filterProxy(m_tags, this))
    , m_metricsProxy(filterProxy(m_metrics, this))
    , m_chart(new MetricChartView(*session->jobs(), this))
{
    m_ui->setupUi(this);
    setupViews();
    connect(m_session, &StoreSession::cacheChanged, this, &RunDetailsPanel::reload);
    connect(m_ui->overviewBrowser, &QTextBrowser::anchorClicked, this, &RunDetailsPanel::openLink);
    connect(m_ui->copyIdButton, &QToolButton::clicked, this, &RunDetailsPanel::copyRunId);
    connect(m_ui->paramsFilter, &QLineEdit::textChanged, m_paramsProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->tagsFilter, &QLineEdit::textChanged, this, &RunDetailsPanel::filterTags);
    connect(m_ui->systemTagsCheck, &QCheckBox::toggled, this, &RunDetailsPanel::filterTags);
    connect(m_ui->metricsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &RunDetailsPanel::showSelectedMetric);
    connect(m_ui->logScaleCheck, &QCheckBox::toggled, m_chart, &MetricChartView::setLogScale);
    connect(m_chart, &MetricChartView::logScaleAvailableChanged, m_ui->logScaleCheck, &QCheckBox::setEnabled);
    connect(m_ui->xAxisCombo, &QComboBox::currentIndexChanged, this,
        [this](int index) { m_chart->setXAxis(static_cast<MetricXAxis>(m_ui->xAxisCombo->itemData(index).toInt())); });
}

RunDetailsPanel::~RunDetailsPanel() = default;

void RunDetailsPanel::setupViews()
{
    m_paramsProxy->setSortRole(Qt::EditRole);
    m_metricsProxy->setSortRole(MetricSummaryModel::RawValueRole);
    setupTable(m_ui->paramsView, m_paramsProxy);
    setupTable(m_ui->tagsView, m_tagsProxy);
    setupTable(m_ui->metricsView, m_metricsProxy);
    // The key takes what the panel has left; numbers take what they need.
    m_ui->metricsView->horizontalHeader()->setStretchLastSection(false);
    m_ui->metricsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->metricsView->horizontalHeader()->setSectionResizeMode(MetricSummaryModel::KeyColumn, QHeaderView::Stretch);
    m_ui->paramsView->setColumnWidth(KeyValueTableModel::KeyColumn, 180);
    m_ui->tagsView->setColumnWidth(KeyValueTableModel::KeyColumn, 220);
    m_ui->artifactsView->setModel(m_artifacts);
    m_ui->artifactsView->setUniformRowHeights(true);
    m_ui->artifactsView->header()->setStretchLastSection(false);
    m_ui->artifactsView->header()->setSectionResizeMode(ArtifactTreeModel::NameColumn, QHeaderView::Stretch);
    m_ui->artifactsView->header()->setSectionResizeMode(ArtifactTreeModel::SizeColumn, QHeaderView::ResizeToContents);
    m_chart->setMode(MetricChartView::Mode::Compact);
    m_chart->setEmptyText(tr("Select a metric to see its history"));
    m_chart->setMinimumHeight(160);
    m_ui->chartLayout->addWidget(m_chart, 1);
    m_ui->xAxisCombo->addItem(tr("Step"), static_cast<int>(MetricXAxis::Step));
    m_ui->xAxisCombo->addItem(tr("Wall time"), static_cast<int>(MetricXAxis::WallTime));
    m_ui->xAxisCombo->addItem(tr("Relative time"), static_cast<int>(MetricXAxis::RelativeTime));
    m_ui->metricsSplitter->setStretchFactor(0, 1);
    m_ui->metricsSplitter->setStretchFactor(1, 2);
    QFont title = m_ui->nameLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_ui->nameLabel->setFont(title);
    m_ui->emptyLabel->setEnabled(false);
    m_ui->emptyLabel->setTextFormat(Qt::PlainText); // run ids in messages come from links and arguments
    m_emptyText = m_ui->emptyLabel->text();
    m_ui->stack->setCurrentWidget(m_ui->emptyPage);
}

void RunDetailsPanel::showRun(const QString& runId)
{
    if (runId == m_runId && m_detail)
        return;
    m_runId = runId;
    reload();
}

void RunDetailsPanel::clear()
{
    m_runId.clear();
    m_detail.reset();
    m_ui->emptyLabel->setText(m_emptyText);
    m_ui->stack->setCurrentWidget(m_ui->emptyPage);
}

void RunDetailsPanel::reload()
{
    if (m_runId.isEmpty() || !m_session->hasCache()) {
        clear();
        return;
    }
    const QString runId = m_runId;
    m_session->queries()->run<RunDetail>(
        QStringLiteral("detail"),
        [runId](const CacheReader& cache) { return RunDetailQuery(cache.database()).load(runId); }, this,
        [this, runId](const Result<RunDetail>& detail) {
            if (detail) {
                present(*detail);
                return;
            }
            if (runId != m_runId)
                return; // another run was asked for meanwhile
            // Asked for by a link or --show runs:ID: say which run is missing, not "select a run".
            clear();
            m_ui->emptyLabel->setText(detail.error().code == ErrorCode::NotFound
                    ? tr("No run with the id “%1” is in this store's cache.").arg(runId)
                    : tr("The run “%1” could not be read from the cache: %2").arg(runId, detail.error().describe()));
        });
}

void RunDetailsPanel::present(const RunDetail& detail)
{
    const bool sameRun = m_detail && m_detail->info.runId == detail.info.runId;
    const QString selectedMetric = m_ui->metricsView->currentIndex().data(MetricSummaryModel::KeyRole).toString();
    m_detail = detail;
    m_ui->stack->setCurrentWidget(m_ui->runPage);
    m_ui->nameLabel->setText(detail.info.runName.isEmpty() ? detail.info.runId : detail.info.runName);
    m_ui->statusLabel->setText(QStringLiteral("<span style=\"color:%1; font-size:large;\">●</span>")
                                   .arg(StatusPalette::colorFor(detail.info.status).name()));
    m_ui->statusLabel->setToolTip(runStatusName(detail.info.status));
    m_ui->subtitleLabel->setText(detail.experimentName + QStringLiteral("  ·  ") + detail.info.runId);
    showOverview(detail);
    m_params->setEntries(detail.params);
    m_tags->setEntries(detail.tags);
    m_metrics->setMetrics(detail.metrics);
    m_artifacts->setArtifacts(detail.artifacts);
    m_ui->artifactsView->expandToDepth(0);
    m_ui->artifactsNote->setText(detail.artifacts.isEmpty()
            ? tr("No artifacts were found for this run at the last sync.")
            : tr("%1, as listed at the last sync. Stored at %2")
                  .arg(DisplayFormat::count(m_artifacts->fileCount(), tr("file"), tr("files")),
                      detail.info.artifactUri));
    updateTabTitles(detail);
    const int row = m_metrics->rowOf(sameRun && !selectedMetric.isEmpty() ? selectedMetric : QString());
    const QModelIndex source = m_metrics->index(row >= 0 ? row : 0, 0);
    m_ui->metricsView->setCurrentIndex(m_metricsProxy->mapFromSource(source));
    if (m_metrics->rowCount() == 0)
        m_chart->clear();
    Q_EMIT runShown(detail.info.runId);
}

void RunDetailsPanel::updateTabTitles(const RunDetail& detail)
{
    const auto titled = [this](QWidget* tab, const QString& name, qsizetype count) {
        m_ui->tabs->setTabText(m_ui->tabs->indexOf(tab), count ? QStringLiteral("%1 (%2)").arg(name).arg(count) : name);
    };
    titled(m_ui->paramsTab, tr("Parameters"), detail.params.size());
    titled(m_ui->metricsTab, tr("Metrics"), detail.metrics.size());
    titled(m_ui->tagsTab, tr("Tags"), detail.tags.size());
    titled(m_ui->artifactsTab, tr("Artifacts"), m_artifacts->fileCount());
}

void RunDetailsPanel::showOverview(const RunDetail& detail)
{
    const int scroll = m_ui->overviewBrowser->verticalScrollBar()->value();
    m_ui->overviewBrowser->setHtml(RunOverviewHtml::build(detail));
    if (m_detail && m_detail->info.runId == detail.info.runId)
        m_ui->overviewBrowser->verticalScrollBar()->setValue(scroll);
}

void RunDetailsPanel::showSelectedMetric()
{
    const QString key = m_ui->metricsView->currentIndex().data(MetricSummaryModel::KeyRole).toString();
    if (key.isEmpty() || m_runId.isEmpty()) {
        m_chart->clear();
        m_ui->chartTitle->clear();
        return;
    }
    const QString runId = m_runId;
    m_session->queries()->run<MetricHistory>(
        QStringLiteral("history"),
        [runId, key](const CacheReader& cache) { return RunDetailQuery(cache.database()).metricHistory(runId, key); },
        this,
        [this, key](const Result<MetricHistory>& history) {
            if (history)
                showHistory(key, *history);
            else
                m_chart->clear();
        });
}

void RunDetailsPanel::showHistory(const QString& key, const MetricHistory& history)
{
    m_ui->chartTitle->setText(
        QStringLiteral("%1 — %2").arg(key, DisplayFormat::count(history.size(), tr("point"), tr("points"))));
    m_chart->setHistory(key, std::make_shared<const MetricHistory>(history));
}

void RunDetailsPanel::filterTags()
{
    const QString text = m_ui->tagsFilter->text();
    const bool system = m_ui->systemTagsCheck->isChecked();
    // mlflow.* tags are MLflow's bookkeeping; hiding them leaves the user's own tags.
    QString pattern = QRegularExpression::escape(text);
    m_tagsProxy->setFilterKeyColumn(system ? -1 : KeyValueTableModel::KeyColumn);
    if (system) {
        m_tagsProxy->setFilterRegularExpression(QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption));
    } else {
        m_tagsProxy->setFilterRegularExpression(QRegularExpression(
            QStringLiteral("^(?!mlflow\\.).*") + pattern, QRegularExpression::CaseInsensitiveOption));
    }
}

void RunDetailsPanel::openLink(const QUrl& url)
{
    if (url.scheme() == QLatin1String("run")) {
        Q_EMIT runActivated(url.path());
    } else if (url.scheme() == QLatin1String("version")) {
        const QString path = url.path();
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        Q_EMIT versionActivated(path.left(slash), path.mid(slash + 1).toLongLong());
    } else if (url.scheme() == QLatin1String("model")) {
        Q_EMIT loggedModelActivated(url.path());
    }
}

void RunDetailsPanel::copyRunId()
{
    if (!m_runId.isEmpty())
        QGuiApplication::clipboard()->setText(m_runId);
}

} // namespace prov
