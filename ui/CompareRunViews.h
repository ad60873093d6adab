#pragma once

#include "ParallelAxesDialog.h"
#include "compare/CompareDimension.h"
#include "compare/CompareRunFacts.h"
#include "compare/ParallelCoordinates.h"

#include <QHash>
#include <QSet>
#include <QTabWidget>

#include <vector>

namespace prov {

class CompareDiffPanel;
class CompareScatterPanel;
class ParallelCoordinatesView;

// The lower half of the Compare page, a tab each: the diff table, parallel coordinates and
// the scatter view. Brushing the parallel coordinates filters the runs: the diff table keeps
// the runs that pass, the scatter greys the others, and filterChanged tells the page so its
// charts can leave them out. The parallel coordinates show the params and metrics where the runs
// differ until the user chooses axes and their order ("Axes…"); the choice holds for later
// comparisons while the page is open.
class CompareRunViews : public QTabWidget
{
    Q_OBJECT

public:
    explicit CompareRunViews(QWidget* parent = nullptr);

    // The runs of the page (their facts) and each run's palette position.
    void setRuns(std::vector<CompareRunFacts> runs, const QHash<RunRef, int>& colors);
    // The runs outside the brushed ranges.
    const QSet<RunRef>& filteredOut() const { return m_filteredOut; }
    CompareDiffPanel* diff() const { return m_diff; }
    ParallelCoordinatesView* parallel() const { return m_parallel; }
    // The parallel coordinates' axes (ParallelCoordinates::id), left to right.
    QStringList axes() const;
    // Shows these axes, in this order (ids the runs do not offer are left out).
    void setAxes(const QStringList& ids);
    // Every axis the runs offer, the shown ones first: what the Axes dialog lists.
    QList<ParallelAxesDialog::Axis> axisChoices() const;
    // Opens the Axes dialog (objectName parallelAxesDialog); accepting it calls setAxes().
    void chooseAxes();
    CompareScatterPanel* scatter() const { return m_scatter; }

Q_SIGNALS:
    void filterChanged();

private:
    void applyBrushes();
    void showAxes();

    std::vector<CompareRunFacts> m_runs;
    std::vector<QColor> m_runColors;
    std::vector<CompareDimension> m_allDims; // every param and metric, varying or not
    QStringList m_varyingAxes; // the default axes
    QStringList m_chosenAxes; // the user's, in order
    bool m_axesChosen = false;
    QSet<RunRef> m_filteredOut;
    CompareDiffPanel* m_diff;
    ParallelCoordinatesView* m_parallel;
    CompareScatterPanel* m_scatter;
};

} // namespace prov
