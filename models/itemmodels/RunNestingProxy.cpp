#include "RunNestingProxy.h"

#include <QHash>

namespace prov {

RunNestingProxy::RunNestingProxy(int runIdRole, int parentRunIdRole, QObject* parent)
    : QAbstractProxyModel(parent)
    , m_runIdRole(runIdRole)
    , m_parentRunIdRole(parentRunIdRole)
{ }

void RunNestingProxy::setSourceModel(QAbstractItemModel* source)
{
    beginResetModel();
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        // The source is flat: any change of rows or columns is a new tree.
        auto begin = [this] { beginResetModel(); };
        auto end = [this] {
            rebuild();
            endResetModel();
        };
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, begin);
        connect(source, &QAbstractItemModel::modelReset, this, end);
        connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
        connect(source, &QAbstractItemModel::rowsInserted, this, end);
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
        connect(source, &QAbstractItemModel::rowsRemoved, this, end);
        connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, begin);
        connect(source, &QAbstractItemModel::rowsMoved, this, end);
        connect(source, &QAbstractItemModel::columnsAboutToBeInserted, this, begin);
        connect(source, &QAbstractItemModel::columnsInserted, this, end);
        connect(source, &QAbstractItemModel::columnsAboutToBeRemoved, this, begin);
        connect(source, &QAbstractItemModel::columnsRemoved, this, end);
        connect(source, &QAbstractItemModel::columnsAboutToBeMoved, this, begin);
        connect(source, &QAbstractItemModel::columnsMoved, this, end);
        connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, &RunNestingProxy::onLayoutAboutToBeChanged);
        connect(source, &QAbstractItemModel::layoutChanged, this, &RunNestingProxy::onLayoutChanged);
        connect(source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
        connect(source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles) {
                // Rows of one source range may sit under different parents: one signal per row.
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                    Q_EMIT dataChanged(
                        mapFromSource(topLeft.siblingAtRow(row)), mapFromSource(bottomRight.siblingAtRow(row)), roles);
                }
            });
    }
    rebuild();
    endResetModel();
}

void RunNestingProxy::setNested(bool nested)
{
    if (m_nested == nested)
        return;
    beginResetModel();
    m_nested = nested;
    rebuild();
    endResetModel();
}

void RunNestingProxy::rebuild()
{
    const QAbstractItemModel* source = sourceModel();
    const int count = source ? source->rowCount() : 0;
    const auto n = static_cast<std::size_t>(count);
    m_top.clear();
    m_children.assign(n, {});
    m_parentOf.assign(n, -1);
    m_rowInParent.assign(n, 0);
    m_rowOfRun.clear();
    m_rowOfRun.reserve(count);
    for (int row = 0; row < count; ++row)
        m_rowOfRun.insert(source->index(row, 0).data(m_runIdRole).toString(), row);
    if (m_nested && count > 0) {
        for (int row = 0; row < count; ++row) {
            const QString parentId = source->index(row, 0).data(m_parentRunIdRole).toString();
            if (parentId.isEmpty())
                continue;
            const auto it = m_rowOfRun.constFind(parentId);
            if (it != m_rowOfRun.cend() && *it != row)
                m_parentOf[static_cast<std::size_t>(row)] = *it;
        }
        // Parent tags written by hand can form a cycle; the run that closes one becomes a root,
        // so every run stays reachable. Each run is walked once: 0 new, 1 on this walk, 2 done.
        std::vector<char> state(n, 0);
        std::vector<int> walk;
        for (int start = 0; start < count; ++start) {
            walk.clear();
            int at = start;
            while (at >= 0 && state[static_cast<std::size_t>(at)] == 0) {
                state[static_cast<std::size_t>(at)] = 1;
                walk.push_back(at);
                at = m_parentOf[static_cast<std::size_t>(at)];
            }
            if (at >= 0 && state[static_cast<std::size_t>(at)] == 1)
                m_parentOf[static_cast<std::size_t>(walk.back())] = -1;
            for (int row : walk)
                state[static_cast<std::size_t>(row)] = 2;
        }
    }
    for (int row = 0; row < count; ++row) {
        const int parentRow = m_parentOf[static_cast<std::size_t>(row)];
        std::vector<int>& siblings = parentRow < 0 ? m_top : m_children[static_cast<std::size_t>(parentRow)];
        m_rowInParent[static_cast<std::size_t>(row)] = static_cast<int>(siblings.size());
        siblings.push_back(row);
    }
}

void RunNestingProxy::onLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged();
    m_layoutProxy = persistentIndexList();
    m_layoutSource.clear();
    m_layoutSource.reserve(m_layoutProxy.size());
    for (const QModelIndex& index : std::as_const(m_layoutProxy))
        m_layoutSource.append(QPersistentModelIndex(mapToSource(index)));
}

void RunNestingProxy::onLayoutChanged()
{
    rebuild();
    QModelIndexList moved;
    moved.reserve(m_layoutSource.size());
    for (const QPersistentModelIndex& source : std::as_const(m_layoutSource))
        moved.append(mapFromSource(source));
    changePersistentIndexList(m_layoutProxy, moved);
    m_layoutProxy.clear();
    m_layoutSource.clear();
    Q_EMIT layoutChanged();
}

const std::vector<int>& RunNestingProxy::childrenOf(int node) const
{
    return node < 0 ? m_top : m_children[static_cast<std::size_t>(node)];
}

int RunNestingProxy::sourceRow(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    const std::vector<int>& siblings = childrenOf(static_cast<int>(index.internalId()) - 1);
    return index.row() < static_cast<int>(siblings.size()) ? siblings[static_cast<std::size_t>(index.row())] : -1;
}

QModelIndex RunNestingProxy::mapToSource(const QModelIndex& proxyIndex) const
{
    const int row = sourceRow(proxyIndex);
    return row < 0 ? QModelIndex() : sourceModel()->index(row, proxyIndex.column());
}

QModelIndex RunNestingProxy::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= static_cast<int>(m_parentOf.size()))
        return {};
    const auto row = static_cast<std::size_t>(sourceIndex.row());
    return createIndex(m_rowInParent[row], sourceIndex.column(), static_cast<quintptr>(m_parentOf[row] + 1));
}

QModelIndex RunNestingProxy::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= columnCount() || (parent.isValid() && parent.column() != 0))
        return {};
    const int parentRow = parent.isValid() ? sourceRow(parent) : -1;
    if (parent.isValid() && parentRow < 0)
        return {};
    if (row >= static_cast<int>(childrenOf(parentRow).size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(parentRow + 1));
}

QModelIndex RunNestingProxy::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int parentRow = static_cast<int>(child.internalId()) - 1;
    if (parentRow < 0)
        return {};
    const auto row = static_cast<std::size_t>(parentRow);
    return createIndex(m_rowInParent[row], 0, static_cast<quintptr>(m_parentOf[row] + 1));
}

int RunNestingProxy::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_top.size());
    if (parent.column() != 0)
        return 0;
    const int row = sourceRow(parent);
    return row < 0 ? 0 : static_cast<int>(m_children[static_cast<std::size_t>(row)].size());
}

int RunNestingProxy::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent)
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

bool RunNestingProxy::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags RunNestingProxy::flags(const QModelIndex& index) const
{
    // A table model's items say they never have children; a view would refuse to open them.
    return QAbstractProxyModel::flags(index) & ~Qt::ItemNeverHasChildren;
}

QModelIndex RunNestingProxy::sibling(int row, int column, const QModelIndex& index) const
{
    return index.isValid() ? this->index(row, column, index.parent()) : QModelIndex();
}

void RunNestingProxy::sort(int column, Qt::SortOrder order)
{
    if (sourceModel())
        sourceModel()->sort(column, order); // the source re-sorts; its layoutChanged re-nests
}

QVariant RunNestingProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The base class maps sections through row 0, which an empty table does not have.
    if (!sourceModel())
        return {};
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}

QModelIndex RunNestingProxy::indexOfRun(const QString& runId) const
{
    const auto it = m_rowOfRun.constFind(runId);
    return it == m_rowOfRun.cend() ? QModelIndex() : mapFromSource(sourceModel()->index(*it, 0));
}

QStringList RunNestingProxy::descendantRunIds(const QModelIndex& index) const
{
    QStringList ids;
    const int start = sourceRow(index);
    if (start < 0)
        return ids;
    std::vector<int> pending(
        m_children[static_cast<std::size_t>(start)].rbegin(), m_children[static_cast<std::size_t>(start)].rend());
    while (!pending.empty()) {
        const int row = pending.back();
        pending.pop_back();
        ids.append(sourceModel()->index(row, 0).data(m_runIdRole).toString());
        const std::vector<int>& children = m_children[static_cast<std::size_t>(row)];
        pending.insert(pending.end(), children.rbegin(), children.rend());
    }
    return ids;
}

int RunNestingProxy::parentCount() const
{
    int parents = 0;
    for (const std::vector<int>& children : m_children)
        parents += children.empty() ? 0 : 1;
    return parents;
}

} // namespace prov
