#pragma once

#include "compare/CompareRunFacts.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>
#include <vector>

namespace prov {

// The diff table of a comparison: params, each metric's latest / min / max, and tags as rows;
// runs as columns. "Only differences" hides rows where every run holds the same value (a run
// without the key differs from one with it). With a reference run, numeric cells of the
// other runs carry their difference to it (DeltaRole, and in the display text). Values are
// formatted as everywhere else (DisplayFormat); RawValueRole gives the number or text.
class CompareDiffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class RowKind {
        Param,
        MetricLatest,
        MetricMin,
        MetricMax,
        Tag,
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // double for metrics, QString for params and tags; invalid when absent
        DeltaRole, // double: value minus the reference run's (numeric cells only)
        DiffersRole, // bool, on any cell: the row's runs do not all agree
        RowKindRole, // int(RowKind)
        KeyRole, // the param, metric or tag key
    };

    explicit CompareDiffModel(QObject* parent = nullptr);

    void setRuns(std::vector<CompareRunFacts> runs);
    const std::vector<CompareRunFacts>& runs() const { return m_runs; }

    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDifferences; }
    // The column deltas are taken against; -1 for none.
    void setReferenceRun(int column);
    int referenceRun() const { return m_reference; }

    // The selected cells with row and column headers (the first row; its first cell empty):
    // numbers written exactly (DisplayFormat::exactValue), deltas left out, absent cells empty.
    QList<QStringList> cells(const QModelIndexList& indexes) const;
    // Every row the table shows, headed "row" and the run labels: what "Save Table as CSV" writes.
    QList<QStringList> allCells() const;
    // The selected cells as tab-separated text with row and column headers, for the clipboard.
    QString copyText(const QModelIndexList& indexes) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        RowKind kind = RowKind::Param;
        QString key;
        bool differs = false;
    };

    void rebuildRows();
    std::vector<Row> allRows() const;
    // The cell's value: a double for metrics, a QString for params and tags; invalid if absent.
    QVariant rawValue(const Row& row, int column) const;
    std::optional<double> numberOf(const Row& row, int column) const;
    QString displayText(const Row& row, int column) const;
    bool rowDiffers(const Row& row) const;

    std::vector<CompareRunFacts> m_runs;
    std::vector<Row> m_rows;
    bool m_onlyDifferences = false;
    int m_reference = -1;
};

} // namespace prov
