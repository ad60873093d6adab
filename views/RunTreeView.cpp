#include "RunTreeView.h"

#include "RunTableDelegate.h"
#include "itemmodels/RunNestingProxy.h"
#include "itemmodels/RunTableModel.h"

#include <QHeaderView>
#include <QMouseEvent>

#include <algorithm>

namespace prov {

RunTreeView::RunTreeView(QWidget* parent)
    : QTreeView(parent)
    , m_nesting(new RunNestingProxy(RunTableModel::RunIdRole, RunTableModel::ParentRunIdRole, this))
    , m_delegate(new RunTableDelegate(this))
{
    m_delegate->setSelectionCheckBoxes(true);
    setItemDelegate(m_delegate);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection); // Ctrl/Shift-click runs to compare
    setAlternatingRowColors(true);
    setWordWrap(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setUniformRowHeights(true); // 10,000 runs scroll as a flat table does
    setAllColumnsShowFocus(true);
    // Child runs hang under their parent's name, as in MLflow's UI; the status dots stay aligned.
    setTreePosition(static_cast<int>(RunAttributeColumn::Name));
    setIndentation(fontMetrics().height());
    header()->setStretchLastSection(false);
    // Without parent runs the names need no room for arrows.
    connect(
        m_nesting, &QAbstractItemModel::modelReset, this, [this] { setRootIsDecorated(m_nesting->parentCount() > 0); });
    // Which parents are open survives reloads, filters and re-sorting (kept by run id).
    connect(
        this, &QTreeView::expanded, this, [this](const QModelIndex& index) { m_expandedRuns.insert(runIdAt(index)); });
    connect(
        this, &QTreeView::collapsed, this, [this](const QModelIndex& index) { m_expandedRuns.remove(runIdAt(index)); });
}

void RunTreeView::setRunModel(RunTableModel* runs)
{
    m_nesting->setSourceModel(runs);
    setModel(m_nesting);
}

QString RunTreeView::runIdAt(const QModelIndex& index) const
{
    return index.isValid() ? index.siblingAtColumn(0).data(RunTableModel::RunIdRole).toString() : QString();
}

QString RunTreeView::currentRunId() const
{
    return selectionModel() ? runIdAt(selectionModel()->currentIndex()) : QString();
}

QStringList RunTreeView::selectedRunIds() const
{
    if (!selectionModel())
        return {};
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex& a, const QModelIndex& b) {
        return m_nesting->sourceRow(a) < m_nesting->sourceRow(b);
    });
    QStringList ids;
    for (const QModelIndex& row : std::as_const(rows))
        ids.append(runIdAt(row));
    return ids;
}

bool RunTreeView::showRun(const QString& runId)
{
    const QModelIndex index = m_nesting->indexOfRun(runId);
    if (!index.isValid())
        return false;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        expand(parent);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
    return true;
}

void RunTreeView::selectRuns(const QStringList& runIds, const QString& current)
{
    QItemSelection selection;
    for (const QString& runId : runIds) {
        const QModelIndex index = m_nesting->indexOfRun(runId);
        if (!index.isValid())
            continue;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            expand(parent);
        selection.select(index, index.siblingAtColumn(m_nesting->columnCount() - 1));
    }
    const QModelIndex currentIndex = m_nesting->indexOfRun(current);
    if (currentIndex.isValid())
        selectionModel()->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (currentIndex.isValid())
        scrollTo(currentIndex);
}

void RunTreeView::selectChildRuns()
{
    const QStringList selected = selectedRunIds();
    QStringList withChildren = selected;
    for (const QString& runId : selected) {
        for (const QString& child : m_nesting->descendantRunIds(m_nesting->indexOfRun(runId))) {
            if (!withChildren.contains(child))
                withChildren << child;
        }
    }
    if (withChildren.size() != selected.size())
        selectRuns(withChildren, currentRunId());
}

qsizetype RunTreeView::childRunsOfSelection() const
{
    qsizetype children = 0;
    for (const QString& runId : selectedRunIds())
        children += m_nesting->descendantRunIds(m_nesting->indexOfRun(runId)).size();
    return children;
}

void RunTreeView::setNested(bool nested)
{
    if (m_nesting->isNested() == nested)
        return;
    const QStringList selected = selectedRunIds();
    const QString current = currentRunId();
    {
        const QSignalBlocker blocker(selectionModel());
        m_nesting->setNested(nested);
        restoreExpansion(false);
    }
    selectRuns(selected, current);
}

bool RunTreeView::isNested() const
{
    return m_nesting->isNested();
}

void RunTreeView::openAllParents()
{
    expandAll(); // emits no expanded() per parent: record them here
    for (int row = 0; row < m_nesting->sourceModel()->rowCount(); ++row) {
        const QModelIndex index = m_nesting->mapFromSource(m_nesting->sourceModel()->index(row, 0));
        if (m_nesting->hasChildren(index))
            m_expandedRuns.insert(runIdAt(index));
    }
}

void RunTreeView::closeAllParents()
{
    collapseAll();
    m_expandedRuns.clear();
}

void RunTreeView::restoreExpansion(bool openAll)
{
    if (openAll) {
        expandAll();
        return;
    }
    const QSet<QString> open = m_expandedRuns;
    for (const QString& runId : open) {
        const QModelIndex index = m_nesting->indexOfRun(runId);
        if (index.isValid())
            expand(index);
    }
    m_expandedRuns = open; // runs not listed now stay open for when they are again
}

QModelIndex RunTreeView::checkBoxAt(const QPoint& pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid() || !m_delegate->isSelectionCheckBoxColumn(index))
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return RunTableDelegate::checkBoxRect(option).adjusted(-2, -2, 2, 2).contains(pos) ? index : QModelIndex();
}

void RunTreeView::mousePressEvent(QMouseEvent* event)
{
    // A click on a row's check box adds it to or takes it from the selection, without the Ctrl
    // key; the press, release and double click there are the box's alone.
    const QModelIndex box = event->button() == Qt::LeftButton ? checkBoxAt(event->position().toPoint()) : QModelIndex();
    if (!box.isValid()) {
        QTreeView::mousePressEvent(event);
        return;
    }
    selectionModel()->setCurrentIndex(box, QItemSelectionModel::NoUpdate);
    selectionModel()->select(box, QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
    event->accept();
}

void RunTreeView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && checkBoxAt(event->position().toPoint()).isValid())
        event->accept();
    else
        QTreeView::mouseReleaseEvent(event);
}

void RunTreeView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && checkBoxAt(event->position().toPoint()).isValid())
        event->accept();
    else
        QTreeView::mouseDoubleClickEvent(event);
}

} // namespace prov
