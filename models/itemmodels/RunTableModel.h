#pragma once

#include "itemmodels/RunTableColumns.h"
#include "query/RunTable.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

namespace prov {

// The run browser's table over an immutable RunTable snapshot: fixed attribute columns,
// then the chosen metric, param and tag columns. setVisibleRuns() narrows it to the runs a
// filter selected without reloading any value, and only keys those runs have become
// columns. Sorting is done here on raw values (numbers as numbers, times as times), with
// runs lacking a value last in either order; it permutes an index vector, so sorting 10,000
// runs is instant. The view decides colours: the model exposes status, lifecycle and
// column kinds as roles.
class RunTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        RawValueRole, // number, qint64 time, or string; invalid when absent
        StatusRole, // int(RunStatus)
        DeletedRole,
        ExperimentIdRole,
        ParentRunIdRole,
        ColumnKindRole, // int(RunColumnKind), also as header data
        ColumnKeyRole, // the param/metric/tag key, also as header data
    };

    explicit RunTableModel(QObject* parent = nullptr);

    void setTable(std::shared_ptr<const RunTable> table);
    const std::shared_ptr<const RunTable>& table() const { return m_table; }
    // Shows only these runs, in this order (until sorted); ids not in the table are skipped.
    // The choice is kept when a new table arrives.
    void setVisibleRuns(const QStringList& runIds);
    void showAllRuns();
    // The runs shown, in the shown order and with the shown columns' keys, for exports.
    std::shared_ptr<const RunTable> visibleTable() const;
    void setColumnChoice(const RunColumnChoice& choice);
    const RunColumnChoice& columnChoice() const { return m_choice; }

    // Row of a run in the current order, or -1.
    int rowOfRun(const QString& runId) const;
    QString runIdAt(int row) const;
    RunColumnKind columnKind(int column) const;
    QString columnKey(int column) const;
    // Column showing `key` of `kind`, or -1.
    int columnOf(RunColumnKind kind, const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Column
    {
        RunColumnKind kind = RunColumnKind::Attribute;
        int attribute = 0; // RunAttributeColumn when kind is Attribute
        std::size_t source = 0; // index into the table's metrics/params/tags
    };

    void rebuildColumns();
    void rebuildVisibleRows();
    bool anyVisibleValue(RunColumnKind kind, std::size_t source) const;
    void applySort();
    QVariant rawValue(const Column& column, std::size_t row) const;
    QVariant displayValue(const Column& column, std::size_t row) const;
    QVariant attributeRaw(int attribute, const RunTable::Row& row) const;
    QVariant attributeDisplay(int attribute, const RunTable::Row& row) const;

    std::shared_ptr<const RunTable> m_table;
    RunColumnChoice m_choice;
    std::vector<Column> m_columns;
    std::optional<QStringList> m_visibleIds; // empty optional: every run
    std::vector<int> m_visibleRows; // table rows shown, in selection order
    std::vector<int> m_order; // view row -> table row
    // The sort survives new snapshots and column changes: it is kept by what it sorts on.
    std::optional<std::pair<RunColumnKind, QString>> m_sortKey; // key: attribute number or param/metric/tag key
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace prov
