#include "CompareRunViews.h"

#include "CompareDiffPanel.h"
#include "ComparePalette.h"
#include "CompareScatterPanel.h"
#include "ParallelCoordinatesView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace prov {

CompareRunViews::CompareRunViews(QWidget* parent)
    : QTabWidget(parent)
    , m_diff(new CompareDiffPanel)
    , m_parallel(new ParallelCoordinatesView)
    , m_scatter(new CompareScatterPanel)
{
    setObjectName(QStringLiteral("compareRunViews"));
    auto* parallelTab = new QWidget;
    auto* hint = new QLabel(
        tr("Drag along an axis to keep only the runs in that range, everywhere on this page; click the axis to "
           "clear it. Right-click an axis for a log scale."));
    hint->setWordWrap(true);
    auto* clear = new QPushButton(tr("Clear Filters"));
    clear->setObjectName(QStringLiteral("clearFiltersButton"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(hint, 1);
    bar->addWidget(clear);
    auto* layout = new QVBoxLayout(parallelTab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_parallel, 1);
    addTab(m_diff, tr("Differences"));
    addTab(parallelTab, tr("Parallel Coordinates"));
    addTab(m_scatter, tr("Scatter"));
    connect(m_parallel, &ParallelCoordinatesView::brushesChanged, this, &CompareRunViews::applyBrushes);
    connect(clear, &QPushButton::clicked, m_parallel, [this] { m_parallel->setBrushes({}); });
}

void CompareRunViews::setRuns(std::vector<CompareRunFacts> runs, const QHash<RunRef, int>& colors)
{
    m_runs = std::move(runs);
    std::vector<QColor> runColors;
    QStringList labels;
    for (const CompareRunFacts& facts : m_runs) {
        runColors.push_back(ComparePalette::color(colors.value(facts.run.key, 0)));
        labels.append(facts.run.label());
    }
    auto dims = CompareDimension::of(m_runs, true);
    m_parallel->setData(dims, runColors);
    m_scatter->setRuns(std::move(dims), labels, std::move(runColors));
    m_parallel->setBrushes({}); // also shows every run in the diff table
}

void CompareRunViews::applyBrushes()
{
    const std::vector<bool> passing = m_parallel->passing();
    QSet<RunRef> out;
    std::vector<CompareRunFacts> kept;
    for (size_t r = 0; r < m_runs.size(); ++r) {
        if (r < passing.size() && !passing[r])
            out.insert(m_runs[r].run.key);
        else
            kept.push_back(m_runs[r]);
    }
    m_diff->setRuns(std::move(kept));
    m_scatter->setPassing(passing);
    if (out != m_filteredOut) {
        m_filteredOut = out;
        Q_EMIT filterChanged();
    }
}

} // namespace prov
