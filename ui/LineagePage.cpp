#include "LineagePage.h"
#include "ui_LineagePage.h"

#include "LineageDetailsHtml.h"
#include "LineageGraphView.h"
#include "LineageImageExport.h"
#include "LineageLegend.h"
#include "StoreSession.h"
#include "lineage/DotExport.h"
#include "lineage/GraphvizLayout.h"
#include "lineage/LineageBindingHistory.h"
#include "lineage/LineageBuilder.h"
#include "lineage/LineageCollapse.h"
#include "lineage/LineageLog.h"
#include "lineage/LineageSelection.h"
#include "lineage/OpenLineageExport.h"
#include "lineage/ProvJsonExport.h"
#include "query/RunDetailQuery.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QSaveFile>
#include <QUrl>

namespace prov {
namespace {

const QString layoutChannel = QStringLiteral("lineage-layout");
const QString runFactsChannel = QStringLiteral("lineage-run-facts");

} // namespace

LineagePage::LineagePage(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LineagePage>())
    , m_session(session)
    , m_view(new LineageGraphView(this))
    , m_legend(new LineageLegend(this))
{
    m_ui->setupUi(this);
    m_view->setObjectName(QStringLiteral("lineageView"));
    m_ui->graphLayout->addWidget(m_view, 1);
    m_ui->graphLayout->addWidget(m_legend);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({ 900, 300 });
    m_ui->progressFrame->hide();
    setupExportMenu();

    connect(m_view, &LineageGraphView::nodeSelected, this, &LineagePage::onNodeSelected);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &LineagePage::onSearch);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] { m_match = -1; });
    connect(m_ui->focusCheck, &QCheckBox::toggled, this, &LineagePage::applyFocus);
    connect(m_ui->upstreamSpin, &QSpinBox::valueChanged, this, &LineagePage::applyFocus);
    connect(m_ui->downstreamSpin, &QSpinBox::valueChanged, this, &LineagePage::applyFocus);
    connect(m_ui->collapseCombo, &QComboBox::currentIndexChanged, this, &LineagePage::applyFocus);
    connect(m_ui->usersCheck, &QCheckBox::toggled, this, &LineagePage::applyFocus);
    connect(m_ui->fitButton, &QToolButton::clicked, m_view, &LineageGraphView::fitAll);
    connect(m_ui->pathButton, &QToolButton::toggled, this, [this](bool on) {
        m_pathStart = on ? m_view->selectedNode() : -1;
        m_pendingPath.clear();
        if (!on)
            m_view->highlightPath({});
    });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, [this] { m_session->jobs()->cancel(layoutChannel); });
    connect(m_ui->detailsBrowser, &QTextBrowser::anchorClicked, this, &LineagePage::onAnchorClicked);
    connect(m_session, &StoreSession::cacheChanged, this, &LineagePage::reload);
    connect(m_session, &StoreSession::storeChanged, this, [this] {
        m_whole.reset();
        m_shown = {};
        setBusy(false);
        m_view->setLineage(nullptr, nullptr);
        m_ui->detailsBrowser->clear();
        updateCount();
    });
    updateCount();
    if (m_session->hasCache())
        reload();
}

LineagePage::~LineagePage() = default;

bool LineagePage::isBusy() const
{
    return !m_ui->progressFrame->isHidden();
}

void LineagePage::reload()
{
    if (!m_session->hasCache())
        return;
    setBusy(true, tr("Reading the lineage from the cache…"));
    m_session->queries()->run<std::shared_ptr<const LineageGraph>>(
        QStringLiteral("lineage"),
        [journal = m_session->journalPath()](const CacheReader& cache) -> Result<std::shared_ptr<const LineageGraph>> {
            auto graph = LineageBuilder(cache.database()).build();
            if (!graph)
                return graph.error();
            // Without its history the graph is still right about the present: draw it anyway.
            if (Status history = LineageBindingHistory::addPastFromFile(*graph, journal); !history)
                qCWarning(lcLineage) << "deployment history left out:" << history.error().message;
            return std::make_shared<const LineageGraph>(std::move(graph).value());
        },
        this, [this](const Result<std::shared_ptr<const LineageGraph>>& result) { onGraphLoaded(result); });
}

void LineagePage::onGraphLoaded(const Result<std::shared_ptr<const LineageGraph>>& result)
{
    if (!result) {
        setBusy(false);
        m_ui->detailsBrowser->setPlainText(
            tr("The lineage could not be read from the cache: %1").arg(result.error().message));
        return;
    }
    m_whole = *result;
    if (!m_pendingNode.isEmpty()) {
        const QString node = std::exchange(m_pendingNode, QString());
        showNode(node);
        return;
    }
    applyFocus();
}

void LineagePage::showNode(const QString& nodeId)
{
    if (!m_whole) {
        m_pendingNode = nodeId;
        return;
    }
    if (m_whole->indexOf(nodeId) < 0)
        return;
    m_focusId = nodeId;
    const QSignalBlocker block(m_ui->focusCheck);
    m_ui->focusCheck->setChecked(true);
    applyFocus();
}

// Lays out the whole graph, or the focus node's neighbourhood when focus is on, with runs
// collapsed as chosen; cutting and folding the graph happen in the layout job too.
void LineagePage::applyFocus()
{
    if (!m_whole)
        return;
    const int focus = m_ui->focusCheck->isChecked() ? m_whole->indexOf(m_focusId) : -1;
    const int up = m_ui->upstreamSpin->value();
    const int down = m_ui->downstreamSpin->value();
    const int collapse = m_ui->collapseCombo->currentIndex();
    const bool users = m_ui->usersCheck->isChecked();
    const std::shared_ptr<const LineageGraph> whole = m_whole;
    const QString selectId = m_focusId;
    setBusy(true, tr("Laying out the graph…"));
    m_session->jobs()->run<LaidOutLineage>(
        layoutChannel,
        [whole, focus, up, down, collapse, users, selectId](JobContext& job) -> Result<LaidOutLineage> {
            LineageGraph view = focus >= 0 ? LineageSelection::around(*whole, { focus }, up, down) : *whole;
            if (!users) // a user in focus stays
                view = LineageSelection::withoutAgents(view, { focus >= 0 ? view.indexOf(selectId) : -1 });
            if (collapse == 1)
                view = LineageCollapse::byExperiment(view);
            else if (collapse == 2)
                view = LineageCollapse::childrenIntoParents(view);
            job.setProgress(
                JobProgress { 0, 0, QObject::tr("Laying out %1 nodes…").arg(view.nodes().size()), {} }, true);
            auto graph = std::make_shared<const LineageGraph>(std::move(view));
            auto layout = GraphvizLayout::layout(*graph, LineageLayoutOptions {}, job.cancellation());
            if (!layout)
                return layout.error();
            return LaidOutLineage { graph, std::make_shared<const LineageLayout>(std::move(layout).value()) };
        },
        this, [this, selectId](const Result<LaidOutLineage>& result) { onLaidOut(result, selectId); },
        [this](const JobProgress& progress) { m_ui->progressBar->setFormat(progress.message); });
}

void LineagePage::onLaidOut(const Result<LaidOutLineage>& result, const QString& selectId)
{
    setBusy(false);
    if (!result) {
        if (result.error().code != ErrorCode::Cancelled)
            m_ui->detailsBrowser->setPlainText(tr("The graph could not be laid out: %1").arg(result.error().message));
        return;
    }
    m_shown = *result;
    m_matches.clear();
    m_pathStart = -1;
    m_ui->pathButton->setChecked(false);
    m_view->setLineage(m_shown.graph, m_shown.layout);
    const int selected = m_shown.graph->indexOf(selectId);
    if (selected >= 0)
        m_view->selectNode(selected);
    updateCount();
    applyPendingPath();
    Q_EMIT graphShown(int(m_shown.graph->nodes().size()));
}

void LineagePage::showPath(const QString& fromId, const QString& toId)
{
    m_pendingPath = { fromId, toId };
    if (m_shown.graph && !isBusy())
        applyPendingPath();
}

void LineagePage::applyPendingPath()
{
    if (m_pendingPath.size() != 2 || !m_shown.graph)
        return;
    // Kept until the user starts a path of their own: a reload after a sync lays out again.
    const QStringList ids = m_pendingPath;
    const int from = m_shown.graph->indexOf(ids.at(0));
    const int to = m_shown.graph->indexOf(ids.at(1));
    const QList<int> path = from >= 0 && to >= 0 ? m_shown.graph->path(from, to) : QList<int>();
    m_view->highlightPath(path);
    m_ui->searchStatus->setText(
        path.isEmpty() ? tr("No path between these nodes") : tr("Path of %n hop(s)", nullptr, int(path.size() - 1)));
}

void LineagePage::onNodeSelected(int index)
{
    if (!m_shown.graph || index < 0)
        return;
    const LineageNode& node = m_shown.graph->node(index);
    m_detailsId = node.id;
    m_ui->detailsBrowser->setHtml(LineageDetailsHtml::of(*m_shown.graph, index));
    if (node.kind == LineageNodeKind::Run)
        loadRunFacts(index);
    if (m_ui->pathButton->isChecked()) {
        if (m_pathStart < 0) {
            m_pathStart = index;
        } else {
            const QList<int> path = m_shown.graph->path(m_pathStart, index);
            m_view->highlightPath(path);
            m_ui->searchStatus->setText(path.isEmpty() ? tr("No path between these nodes")
                                                       : tr("Path of %n hop(s)", nullptr, int(path.size() - 1)));
        }
    }
    if (!m_ui->focusCheck->isChecked())
        m_focusId = node.id;
}

// A run's parameters and metrics are not part of the graph (nor of its exports): they are
// read from the cache when the run is shown in the details pane.
void LineagePage::loadRunFacts(int index)
{
    const std::shared_ptr<const LineageGraph> graph = m_shown.graph;
    const QString nodeId = graph->node(index).id;
    const QString runId = graph->node(index).property(u"run_id");
    m_session->queries()->run<RunDetail>(
        runFactsChannel, [runId](const CacheReader& cache) { return RunDetailQuery(cache.database()).load(runId); },
        this,
        [this, graph, index, nodeId](const Result<RunDetail>& run) {
            if (run && m_detailsId == nodeId && m_shown.graph == graph)
                m_ui->detailsBrowser->setHtml(LineageDetailsHtml::of(*graph, index, &*run));
        });
}

void LineagePage::onSearch()
{
    if (!m_shown.graph)
        return;
    if (m_match < 0) {
        m_matches = LineageSelection::search(*m_shown.graph, m_ui->searchEdit->text());
        m_match = -1;
    }
    if (m_matches.isEmpty()) {
        m_ui->searchStatus->setText(tr("No match"));
        return;
    }
    m_match = (m_match + 1) % m_matches.size();
    m_ui->searchStatus->setText(tr("%1 of %2").arg(m_match + 1).arg(m_matches.size()));
    m_view->selectNode(m_matches.at(m_match));
}

void LineagePage::onAnchorClicked(const QUrl& url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("run")) {
        Q_EMIT runActivated(url.path());
    } else if (scheme == QLatin1String("version")) {
        const QString path = url.path();
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        Q_EMIT versionActivated(path.left(slash), path.mid(slash + 1).toLongLong());
    } else if (scheme == QLatin1String("model")) {
        Q_EMIT loggedModelActivated(url.path());
    } else if (scheme == QLatin1String("focus")) {
        showNode(url.path());
    }
}

void LineagePage::setBusy(bool busy, const QString& message)
{
    m_ui->progressFrame->setVisible(busy);
    m_ui->progressBar->setFormat(message);
}

void LineagePage::updateCount()
{
    if (!m_shown.graph) {
        m_ui->countLabel->setText(m_session->isOpen() ? QString() : tr("No store open"));
        return;
    }
    m_ui->countLabel->setText(
        tr("%1 of %2 nodes").arg(m_shown.graph->nodes().size()).arg(m_whole ? m_whole->nodes().size() : 0));
}

void LineagePage::setupExportMenu()
{
    auto* menu = new QMenu(this);
    for (const QString& format : { QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("pdf"),
             QStringLiteral("dot"), QStringLiteral("prov-json"), QStringLiteral("openlineage") }) {
        QAction* action = menu->addAction(tr("%1…").arg(format.toUpper()));
        connect(action, &QAction::triggered, this, [this, format] { exportAs(format); });
    }
    m_ui->exportButton->setMenu(menu);
}

void LineagePage::exportAs(const QString& format)
{
    if (!m_shown.graph)
        return;
    const QString suffix = format == QLatin1String("prov-json") ? QStringLiteral("json")
        : format == QLatin1String("openlineage")                ? QStringLiteral("ndjson")
                                                                : format;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Lineage"), QDir::home().filePath(QStringLiteral("lineage.") + suffix));
    if (path.isEmpty())
        return;
    const LaidOutLineage shown = m_shown;
    const QString storeUri = m_session->location() ? m_session->location()->uri : QString();
    m_session->jobs()->run<void>(
        QStringLiteral("lineage-export"),
        [shown, format, path, storeUri](JobContext&) -> Status {
            if (const auto image = LineageImageExport::formatNamed(format))
                return LineageImageExport::write(shown.graph, shown.layout, *image, path);
            QByteArray bytes;
            if (format == QLatin1String("dot"))
                bytes = DotExport::write(*shown.graph);
            else if (format == QLatin1String("prov-json"))
                bytes = ProvJsonExport::write(*shown.graph);
            else
                bytes = OpenLineageExport::write(*shown.graph,
                    OpenLineageOptions {
                        storeUri, QStringLiteral("urn:provenance"), QDateTime::currentMSecsSinceEpoch() });
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                return makeError(ErrorCode::Io, file.errorString(), path);
            return {};
        },
        this,
        [this, path](const Status& written) {
            m_ui->searchStatus->setText(
                written ? tr("Exported to %1").arg(path) : tr("Export failed: %1").arg(written.error().message));
        });
}

} // namespace prov
