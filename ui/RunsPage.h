#pragma once

#include "itemmodels/RunTableColumns.h"
#include "query/CacheReader.h"
#include "query/RunSelectionQuery.h"
#include "query/RunTable.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace prov {

namespace Ui {
class RunsPage;
}

// What loading the run table brings: every run's values, and the ids the current
// selection shows (or why the filter could not be applied).
struct RunsLoad
{
    std::shared_ptr<const RunTable> table;
    Result<RunIdSelection> selection;
};

class EmptyStateOverlay;
class ExperimentListModel;
class RunDetailsPanel;
class RunTableModel;
class StoreSession;

// The run browser: experiments on the left, the run table with an MLflow-syntax filter in
// the middle, the selected run's details on the right. Loads everything from the cache off
// the GUI thread, keeps the selected run across reloads, and says what to do when there is
// nothing to show.
class RunsPage : public QWidget
{
    Q_OBJECT

public:
    explicit RunsPage(StoreSession* session, QWidget* parent = nullptr);
    ~RunsPage() override;

    // Shows a run, widening the experiment choice and clearing the filter if it is hidden.
    void selectRun(const QString& runId);
    QString selectedRunId() const;
    // How many runs the table lists (after the filter), whether nested or not.
    int listedRunCount() const;
    // Every selected run (Ctrl/Shift-click), in table order.
    QStringList selectedRunIds() const;
    // Asks to compare the selected runs (the context menu's Compare, Ctrl+Shift+C); needs two.
    void compareSelected();
    // Adds every child run (at any depth) of the selected runs to the selection (Ctrl+Shift+A).
    void selectChildRuns();
    // Child runs under their parent run (on by default), or one flat list.
    void setNested(bool nested);
    bool isNested() const;
    void focusFilter();
    void setShowDeleted(bool show);
    bool showDeleted() const;
    void chooseColumns();
    void setColumnChoice(const RunColumnChoice& choice);
    RunColumnChoice columnChoice() const;
    // The runs currently listed (for exports), or null before the first load.
    std::shared_ptr<const RunTable> currentTable() const;
    RunDetailsPanel* details() const { return m_details; }
    QByteArray saveState() const;
    void restoreState(const QByteArray& state);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    void versionActivated(const QString& modelName, qint64 version);
    void loggedModelActivated(const QString& modelId);
    void columnChoiceChanged(const prov::RunColumnChoice& choice);
    void showDeletedChanged(bool show);
    void nestedChanged(bool nested);
    // The table shows a new set of runs (count after filtering).
    void runsLoaded(int count);
    // The user asked to compare these runs.
    void compareRequested(const QStringList& runIds);

private:
    void setupTable();
    void reloadExperiments();
    void presentExperiments(const QList<ExperimentEntry>& experiments);
    RunSelection currentSelection() const;
    void reloadTable();
    void reloadRuns();
    void presentNothing();
    void presentTable(const Result<RunsLoad>& load, quint64 generation);
    void presentSelection(const std::optional<RunIdSelection>& selection);
    void sizeAttributeColumns();
    void showFilterError(const Error& error);
    void updateEmptyState();
    void updateCount();
    void onCurrentRunChanged();
    void showHeaderMenu(const QPoint& pos);
    void showRunMenu(const QPoint& pos);
    void hideColumn(RunColumnKind kind, const QString& key);
    QStringList selectedExperimentIds() const;

    std::unique_ptr<Ui::RunsPage> m_ui;
    StoreSession* m_session;
    ExperimentListModel* m_experiments;
    RunTableModel* m_runs;
    RunDetailsPanel* m_details;
    EmptyStateOverlay* m_emptyState;
    QTimer m_filterDebounce;
    QString m_pendingRunId; // to select once the next load arrives
    QString m_askedRunId; // selectRun()'s run while the widened listing loads
    QStringList m_keepSelected; // the selection before a table load, to restore after it
    QString m_selectedExperimentId;
    bool m_loading = false;
    bool m_searchedNames = false;
    quint64 m_selectionGeneration = 0; // a table load's selection is stale once this moves
    bool m_columnsSized = false;
};

} // namespace prov
