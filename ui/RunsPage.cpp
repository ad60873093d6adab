#include "RunsPage.h"
#include "core/DisplayFormat.h"
#include "ui_RunsPage.h"

#include "ColumnChooserDialog.h"
#include "EmptyStateOverlay.h"
#include "RunDetailsPanel.h"
#include "RunTreeView.h"
#include "StoreSession.h"
#include "itemmodels/ExperimentListModel.h"
#include "itemmodels/RunNestingProxy.h"
#include "itemmodels/RunTableModel.h"
#include "query/RunTableLoader.h"

#include <QAction>
#include <QDataStream>
#include <QHeaderView>
#include <QIODevice>
#include <QKeyEvent>
#include <QMenu>
#include <algorithm>

namespace prov {
namespace {

constexpr int filterDelayMs = 350;

} // namespace

RunsPage::RunsPage(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RunsPage>())
    , m_session(session)
    , m_experiments(new ExperimentListModel(this))
    , m_runs(new RunTableModel(this))
{
    m_ui->setupUi(this);
    m_details = new RunDetailsPanel(session, this);
    m_ui->splitter->addWidget(m_details);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setStretchFactor(2, 2);
    m_ui->splitter->setSizes({ 200, 640, 440 });
    m_ui->experimentsView->setModel(m_experiments);
    m_ui->filterError->hide();
    QPalette errorPalette = m_ui->filterError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_ui->filterError->setPalette(errorPalette);
    setupTable();
    m_filterDebounce.setSingleShot(true);
    m_filterDebounce.setInterval(filterDelayMs);

    connect(m_session, &StoreSession::cacheChanged, this, &RunsPage::reloadExperiments);
    connect(m_session, &StoreSession::storeChanged, this, [this] {
        m_selectedExperimentId.clear();
        m_columnsSized = false;
        m_details->clear();
    });
    connect(m_ui->experimentsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_selectedExperimentId
            = m_ui->experimentsView->currentIndex().data(ExperimentListModel::ExperimentIdRole).toString();
        reloadRuns();
    });
    connect(m_ui->filterEdit, &QLineEdit::textChanged, &m_filterDebounce, qOverload<>(&QTimer::start));
    connect(m_ui->filterEdit, &QLineEdit::returnPressed, this, &RunsPage::reloadRuns);
    connect(&m_filterDebounce, &QTimer::timeout, this, &RunsPage::reloadRuns);
    connect(m_ui->showDeletedCheck, &QCheckBox::toggled, this, &RunsPage::setShowDeleted);
    connect(m_ui->columnsButton, &QToolButton::clicked, this, &RunsPage::chooseColumns);
    connect(m_details, &RunDetailsPanel::runActivated, this, &RunsPage::selectRun);
    connect(m_details, &RunDetailsPanel::versionActivated, this, &RunsPage::versionActivated);
    connect(m_details, &RunDetailsPanel::loggedModelActivated, this, &RunsPage::loggedModelActivated);
    m_ui->filterEdit->installEventFilter(this);
}

RunsPage::~RunsPage() = default;

void RunsPage::setupTable()
{
    RunTreeView* view = m_ui->runsView;
    view->setRunModel(m_runs);
    QHeaderView* header = view->header();
    // No sort until the user clicks a header: runs stay in MLflow's order (newest first).
    // Enabling sorting would otherwise apply the header's default indicator (column 0).
    header->setSortIndicator(-1, Qt::DescendingOrder);
    view->setSortingEnabled(true);
    header->setSortIndicatorShown(false);
    header->setDefaultSectionSize(110);
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &RunsPage::showHeaderMenu);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [header] { header->setSortIndicatorShown(true); });
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RunsPage::onCurrentRunChanged);
    connect(m_ui->nestCheck, &QCheckBox::toggled, this, &RunsPage::setNested);
    m_emptyState = new EmptyStateOverlay(view->viewport());
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, &RunsPage::showRunMenu);
    auto* compare = new QAction(tr("Compare"), view);
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    compare->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(compare, &QAction::triggered, this, &RunsPage::compareSelected);
    addAction(compare);
    auto* withChildren = new QAction(tr("Select Child Runs Too"), view);
    withChildren->setObjectName(QStringLiteral("selectChildrenAction"));
    withChildren->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    withChildren->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(withChildren, &QAction::triggered, this, &RunsPage::selectChildRuns);
    addAction(withChildren);
}

void RunsPage::setNested(bool nested)
{
    if (m_ui->nestCheck->isChecked() != nested)
        m_ui->nestCheck->setChecked(nested); // re-enters through toggled()
    if (m_ui->runsView->isNested() == nested)
        return;
    m_ui->runsView->setNested(nested);
    Q_EMIT nestedChanged(nested);
}

bool RunsPage::isNested() const
{
    return m_ui->runsView->isNested();
}

void RunsPage::selectChildRuns()
{
    m_ui->runsView->selectChildRuns();
}

int RunsPage::listedRunCount() const
{
    return m_runs->rowCount();
}

QStringList RunsPage::selectedRunIds() const
{
    return m_ui->runsView->selectedRunIds();
}

void RunsPage::compareSelected()
{
    const QStringList ids = selectedRunIds();
    if (ids.size() >= 2)
        Q_EMIT compareRequested(ids);
}

void RunsPage::showRunMenu(const QPoint& pos)
{
    QMenu menu(this);
    const int selected = int(selectedRunIds().size());
    QAction* compare = menu.addAction(tr("Compare %1 Runs").arg(selected), this, &RunsPage::compareSelected);
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    compare->setEnabled(selected >= 2);
    const qsizetype children = m_ui->runsView->childRunsOfSelection();
    QAction* withChildren = menu.addAction(tr("Select Child Runs Too"), this, &RunsPage::selectChildRuns);
    withChildren->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    withChildren->setEnabled(children > 0);
    if (m_ui->runsView->nesting()->parentCount() > 0) {
        menu.addSeparator();
        menu.addAction(tr("Expand All Parent Runs"), m_ui->runsView, &RunTreeView::openAllParents);
        menu.addAction(tr("Collapse All Parent Runs"), m_ui->runsView, &RunTreeView::closeAllParents);
    }
    menu.exec(m_ui->runsView->viewport()->mapToGlobal(pos));
}

void RunsPage::reloadExperiments()
{
    if (!m_session->hasCache()) {
        m_experiments->setExperiments({});
        presentNothing();
        return;
    }
    m_session->queries()->run<QList<ExperimentEntry>>(
        QStringLiteral("experiments"), [](const CacheReader& cache) { return cache.experiments(); }, this,
        [this](const Result<QList<ExperimentEntry>>& list) {
            if (list)
                presentExperiments(*list);
        });
}

void RunsPage::presentExperiments(const QList<ExperimentEntry>& experiments)
{
    const QString keep = m_selectedExperimentId;
    {
        const QSignalBlocker blocker(m_ui->experimentsView->selectionModel());
        m_experiments->setExperiments(experiments);
        const int row = std::max(0, m_experiments->rowOf(keep));
        m_ui->experimentsView->setCurrentIndex(m_experiments->index(row));
        m_selectedExperimentId = m_experiments->index(row).data(ExperimentListModel::ExperimentIdRole).toString();
    }
    reloadTable();
}

QStringList RunsPage::selectedExperimentIds() const
{
    return m_selectedExperimentId.isEmpty() ? QStringList() : QStringList { m_selectedExperimentId };
}

RunSelection RunsPage::currentSelection() const
{
    RunSelection selection;
    selection.experimentIds = selectedExperimentIds();
    selection.includeDeleted = showDeleted();
    selection.filter = m_ui->filterEdit->text();
    selection.plainTextSearchesNames = true;
    return selection;
}

void RunsPage::reloadTable()
{
    m_filterDebounce.stop();
    if (!m_session->hasCache()) {
        presentNothing();
        return;
    }
    // Every run's values, loaded once per cache change; filters then only pick run ids.
    const RunSelection selection = currentSelection();
    const quint64 generation = ++m_selectionGeneration;
    m_loading = true;
    updateEmptyState();
    m_session->queries()->run<RunsLoad>(
        QStringLiteral("runs-table"),
        [selection](const CacheReader& cache) -> Result<RunsLoad> {
            RunSelection everything;
            everything.includeDeleted = true;
            auto table = RunTableLoader(cache.database()).load(everything);
            if (!table)
                return table.error();
            RunsLoad load { *table, RunSelectionQuery(cache.database()).select(selection) };
            return load;
        },
        this, [this, generation](const Result<RunsLoad>& load) { presentTable(load, generation); });
}

void RunsPage::reloadRuns()
{
    m_filterDebounce.stop();
    if (!m_runs->table()) {
        reloadTable();
        return;
    }
    const RunSelection selection = currentSelection();
    ++m_selectionGeneration;
    m_session->queries()->run<RunIdSelection>(
        QStringLiteral("runs"),
        [selection](const CacheReader& cache) { return RunSelectionQuery(cache.database()).select(selection); }, this,
        [this](const Result<RunIdSelection>& ids) {
            if (ids)
                presentSelection(*ids);
            else
                showFilterError(ids.error());
        });
}

void RunsPage::presentNothing()
{
    m_runs->setTable(nullptr);
    m_loading = false;
    updateEmptyState();
    updateCount();
}

void RunsPage::presentTable(const Result<RunsLoad>& load, quint64 generation)
{
    m_loading = false;
    if (!load) {
        presentNothing();
        return;
    }
    // A sync in the background keeps what the user picked: the new table resets the view.
    if (m_keepSelected.isEmpty())
        m_keepSelected = selectedRunIds();
    if (m_pendingRunId.isEmpty())
        m_pendingRunId = selectedRunId();
    {
        const QSignalBlocker blocker(m_ui->runsView->selectionModel());
        m_runs->setTable(load->table); // keeps the runs shown so far until the ids below
    }
    if (generation != m_selectionGeneration) {
        presentSelection(std::nullopt); // a newer selection is on its way or already shown
    } else if (load->selection) {
        presentSelection(*load->selection);
    } else {
        presentSelection(std::nullopt); // the runs shown so far stay, with their selection
        showFilterError(load->selection.error());
    }
}

void RunsPage::presentSelection(const std::optional<RunIdSelection>& selection)
{
    // Only a new selection settles the filter: a late table load keeps its error on screen.
    if (selection)
        m_ui->filterError->hide();
    const QString keep = m_pendingRunId.isEmpty() ? selectedRunId() : m_pendingRunId;
    const QStringList keepSelected = m_keepSelected.isEmpty() ? selectedRunIds() : m_keepSelected;
    m_keepSelected.clear();
    m_pendingRunId.clear();
    if (selection) {
        m_searchedNames = selection->searchedNames;
        const QSignalBlocker blocker(m_ui->runsView->selectionModel());
        m_runs->setVisibleRuns(selection->runIds);
    }
    {
        const QSignalBlocker blocker(m_ui->runsView->selectionModel());
        m_ui->runsView->restoreExpansion(!m_ui->filterEdit->text().trimmed().isEmpty());
    }
    // The runs selected before stay selected where they are still listed.
    bool shown = true;
    if (keepSelected.size() > 1 && keepSelected.contains(keep))
        m_ui->runsView->selectRuns(keepSelected, keep);
    else
        shown = m_ui->runsView->showRun(keep);
    if (!m_columnsSized && m_runs->rowCount() > 0)
        sizeAttributeColumns();
    // A run asked for by id (a link, --show runs:ID) that no listing holds keeps the details'
    // sentence saying so, instead of the "select a run" hint.
    if (shown || keep != m_askedRunId)
        onCurrentRunChanged();
    m_askedRunId.clear();
    updateEmptyState();
    updateCount();
    Q_EMIT runsLoaded(m_runs->rowCount());
}

void RunsPage::sizeAttributeColumns()
{
    // Once per store: fit the fixed columns to their content (sampling rows, so 10,000 runs
    // cost what 200 do), within limits so one long name cannot take the whole table.
    QHeaderView* header = m_ui->runsView->header();
    header->setResizeContentsPrecision(200);
    for (int c = 0; c < static_cast<int>(RunAttributeColumn::Count); ++c) {
        m_ui->runsView->resizeColumnToContents(c);
        header->resizeSection(c, std::clamp(header->sectionSize(c), 60, 260));
    }
    m_columnsSized = true;
}

void RunsPage::showFilterError(const Error& error)
{
    m_ui->filterError->setText(QStringLiteral("✗ ") + error.message);
    m_ui->filterError->show();
    updateEmptyState();
}

void RunsPage::updateEmptyState()
{
    QString message;
    if (!m_session->isOpen())
        message = tr("No store is open.");
    else if (!m_session->hasCache())
        message = m_session->isSyncing() ? tr("Reading the store into the local cache…")
                                         : tr("This store has not been read yet. Use File › Sync Now (F5).");
    else if (m_runs->rowCount() == 0 && !m_loading) {
        if (!m_ui->filterEdit->text().trimmed().isEmpty())
            message = tr("No runs match the filter.\nPress Esc in the filter box to clear it.");
        else if (!m_selectedExperimentId.isEmpty())
            message
                = tr("This experiment has no runs yet.\nRuns logged with MLflow appear here after the next sync (F5).");
        else
            message = tr("This store has no runs yet.\nRuns logged with MLflow appear here after the next sync (F5).");
    }
    m_emptyState->setMessage(message);
}

void RunsPage::updateCount()
{
    if (!m_runs->table()) {
        m_ui->countLabel->clear();
        return;
    }
    QString text = DisplayFormat::count(m_runs->rowCount(), tr("run"), tr("runs"));
    if (m_searchedNames)
        text += tr(" whose name contains “%1”").arg(m_ui->filterEdit->text().trimmed());
    else if (!m_ui->filterEdit->text().trimmed().isEmpty())
        text += tr(" match the filter");
    qint64 metrics = 0;
    qint64 params = 0;
    for (int c = 0; c < m_runs->columnCount(); ++c) {
        metrics += m_runs->columnKind(c) == RunColumnKind::Metric ? 1 : 0;
        params += m_runs->columnKind(c) == RunColumnKind::Param ? 1 : 0;
    }
    text += QStringLiteral(" · %1, %2")
                .arg(DisplayFormat::count(metrics, tr("metric column"), tr("metric columns")),
                    DisplayFormat::count(params, tr("parameter column"), tr("parameter columns")));
    m_ui->countLabel->setText(text);
}

void RunsPage::onCurrentRunChanged()
{
    const QString runId = selectedRunId();
    if (runId.isEmpty())
        m_details->clear();
    else
        m_details->showRun(runId);
}

QString RunsPage::selectedRunId() const
{
    // The current row, not the selection: the details follow the keyboard focus.
    return m_ui->runsView->currentRunId();
}

void RunsPage::selectRun(const QString& runId)
{
    if (m_ui->runsView->showRun(runId))
        return;
    // Not listed: show every experiment, deleted runs included, without a filter.
    m_pendingRunId = runId;
    m_askedRunId = runId;
    m_details->showRun(runId);
    const QSignalBlocker blockFilter(m_ui->filterEdit);
    m_ui->filterEdit->clear();
    m_selectedExperimentId.clear();
    {
        const QSignalBlocker blockList(m_ui->experimentsView->selectionModel());
        m_ui->experimentsView->setCurrentIndex(m_experiments->index(0));
    }
    if (!showDeleted())
        m_ui->showDeletedCheck->setChecked(true); // reloads
    else
        reloadRuns();
}

void RunsPage::focusFilter()
{
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

void RunsPage::setShowDeleted(bool show)
{
    if (m_ui->showDeletedCheck->isChecked() != show)
        m_ui->showDeletedCheck->setChecked(show); // re-enters through toggled()
    if (m_experiments->showDeleted() == show)
        return;
    const QSignalBlocker blocker(m_ui->experimentsView->selectionModel());
    m_experiments->setShowDeleted(show);
    const int row = std::max(0, m_experiments->rowOf(m_selectedExperimentId));
    m_ui->experimentsView->setCurrentIndex(m_experiments->index(row));
    m_selectedExperimentId = m_experiments->index(row).data(ExperimentListModel::ExperimentIdRole).toString();
    reloadRuns();
    Q_EMIT showDeletedChanged(show);
}

bool RunsPage::showDeleted() const
{
    return m_ui->showDeletedCheck->isChecked();
}

void RunsPage::chooseColumns()
{
    const auto table = m_runs->table();
    if (!table)
        return;
    ColumnChooserDialog dialog(*table, m_runs->columnChoice(), this);
    if (dialog.exec() == QDialog::Accepted)
        setColumnChoice(dialog.choice());
}

void RunsPage::setColumnChoice(const RunColumnChoice& choice)
{
    m_runs->setColumnChoice(choice);
    Q_EMIT columnChoiceChanged(choice);
}

RunColumnChoice RunsPage::columnChoice() const
{
    return m_runs->columnChoice();
}

std::shared_ptr<const RunTable> RunsPage::currentTable() const
{
    return m_runs->table() ? m_runs->visibleTable() : nullptr;
}

void RunsPage::showHeaderMenu(const QPoint& pos)
{
    const int column = m_ui->runsView->header()->logicalIndexAt(pos);
    QMenu menu(this);
    const RunColumnKind kind = m_runs->columnKind(column);
    if (column >= 0 && kind != RunColumnKind::Attribute) {
        const QString key = m_runs->columnKey(column);
        menu.addAction(tr("Hide “%1”").arg(key), this, [this, kind, key] { hideColumn(kind, key); });
    }
    menu.addAction(tr("Choose Columns…"), this, &RunsPage::chooseColumns);
    menu.exec(m_ui->runsView->header()->mapToGlobal(pos));
}

void RunsPage::hideColumn(RunColumnKind kind, const QString& key)
{
    RunColumnChoice choice = m_runs->columnChoice();
    const auto table = m_runs->table();
    // "All" choices become explicit lists without the hidden key.
    auto without = [&key](bool& all, QStringList& keys, const auto& columns) {
        if (all) {
            keys.clear();
            for (const auto& column : columns)
                keys << column.key;
            all = false;
        }
        keys.removeAll(key);
    };
    if (kind == RunColumnKind::Metric)
        without(choice.allMetrics, choice.metrics, table->metrics);
    else if (kind == RunColumnKind::Param)
        without(choice.allParams, choice.params, table->params);
    else
        choice.tags.removeAll(key);
    setColumnChoice(choice);
}

bool RunsPage::eventFilter(QObject* watched, QEvent* event)
{
    // Esc in the filter box clears it (a key filter works whether or not the window is active).
    if (watched == m_ui->filterEdit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && !m_ui->filterEdit->text().isEmpty()) {
        m_ui->filterEdit->clear();
        reloadRuns();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QByteArray RunsPage::saveState() const
{
    QByteArray state;
    QDataStream stream(&state, QIODevice::WriteOnly);
    stream << m_ui->splitter->saveState();
    return state;
}

void RunsPage::restoreState(const QByteArray& state)
{
    QDataStream stream(state);
    QByteArray splitter;
    stream >> splitter;
    if (!splitter.isEmpty())
        m_ui->splitter->restoreState(splitter);
}

} // namespace prov
