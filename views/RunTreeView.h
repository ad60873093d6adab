#pragma once

#include <QSet>
#include <QStringList>
#include <QTreeView>

namespace prov {

class RunNestingProxy;
class RunTableDelegate;
class RunTableModel;

// The run browser's table: a RunTableModel shown through a RunNestingProxy, so that child runs
// hang under their parent's name (Right / Left or the arrow open and close it). Each row's
// selection is also a check box, ticked without a modifier key. Rows are addressed by run id:
// which parents are open survives resets, filters and sorting; selectRuns() reopens what it
// selects. Sorting by a header sorts every level.
class RunTreeView : public QTreeView
{
    Q_OBJECT

public:
    explicit RunTreeView(QWidget* parent = nullptr);

    // Shows `runs` (not owned) nested by parent run.
    void setRunModel(RunTableModel* runs);
    RunNestingProxy* nesting() const { return m_nesting; }

    QString runIdAt(const QModelIndex& index) const;
    // The current row's run (the keyboard focus), or empty.
    QString currentRunId() const;
    // Every selected run, in the table's order (its sort), at any depth.
    QStringList selectedRunIds() const;
    // Selects a listed run alone, opening its parents; false when it is not listed.
    bool showRun(const QString& runId);
    // Selects these runs (opening their parents) and makes `current` the current run.
    void selectRuns(const QStringList& runIds, const QString& current);
    // Adds every listed child run (at any depth) of the selected runs to the selection.
    void selectChildRuns();
    // How many listed child runs the selected runs have, at any depth.
    qsizetype childRunsOfSelection() const;
    // Child runs under their parent (the default), or one flat list; keeps the selection.
    void setNested(bool nested);
    bool isNested() const;
    // Opens or closes every parent run, and remembers it across reloads.
    void openAllParents();
    void closeAllParents();
    // After the model was reset: reopens the parents that were open, or every parent.
    void restoreExpansion(bool openAll);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    // The index whose check box is under `pos`, or invalid.
    QModelIndex checkBoxAt(const QPoint& pos) const;

    RunNestingProxy* m_nesting;
    RunTableDelegate* m_delegate;
    QSet<QString> m_expandedRuns; // parent runs the user opened
};

} // namespace prov
