#pragma once

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
// charts can leave them out.
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
    CompareScatterPanel* scatter() const { return m_scatter; }

Q_SIGNALS:
    void filterChanged();

private:
    void applyBrushes();

    std::vector<CompareRunFacts> m_runs;
    QSet<RunRef> m_filteredOut;
    CompareDiffPanel* m_diff;
    ParallelCoordinatesView* m_parallel;
    CompareScatterPanel* m_scatter;
};

} // namespace prov
