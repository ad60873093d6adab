#pragma once

#include <QAbstractProxyModel>
#include <QHash>
#include <QStringList>

#include <vector>

namespace prov {

// Nests a flat run table as MLflow's UI does: a run whose parent run (the
// mlflow.parentRunId tag) is listed becomes that parent's child, at any depth; a run whose
// parent is not listed (filtered out, deleted, in another experiment) stays at the top, so
// no listed run is ever hidden. Siblings keep the source's order, so sorting the source
// (sort() is forwarded) sorts every level. The source must be flat and give each row's run
// id and parent run id under the roles passed in; it may reset or re-sort (layoutChanged),
// and the proxy follows, keeping persistent indexes (the selection). With nesting off the
// proxy is the source, row for row.
class RunNestingProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    RunNestingProxy(int runIdRole, int parentRunIdRole, QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* source) override;
    void setNested(bool nested);
    bool isNested() const { return m_nested; }

    // Proxy index (column 0) of a run, or invalid when it is not listed.
    QModelIndex indexOfRun(const QString& runId) const;
    // The run ids of every listed descendant of a run (children first, then theirs), in order.
    QStringList descendantRunIds(const QModelIndex& index) const;
    // The source row under an index (in any column), or -1.
    int sourceRow(const QModelIndex& index) const;
    // Listed runs that have at least one listed child.
    int parentCount() const;

    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();
    const std::vector<int>& childrenOf(int node) const; // node -1: the top level

    int m_runIdRole;
    int m_parentRunIdRole;
    bool m_nested = true;
    std::vector<int> m_top; // source rows at the top level, in source order
    std::vector<std::vector<int>> m_children; // per source row
    std::vector<int> m_parentOf; // per source row: its parent's source row, or -1
    std::vector<int> m_rowInParent; // per source row: its row among its siblings
    QHash<QString, int> m_rowOfRun; // source row of each run id
    // Across a source layout change: the persistent proxy indexes and their source rows' runs.
    QModelIndexList m_layoutProxy;
    QList<QPersistentModelIndex> m_layoutSource;
};

} // namespace prov
