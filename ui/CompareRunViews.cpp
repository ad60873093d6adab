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
           "clear it. Right-click an axis for a log scale; Axes… chooses the axes and their order."));
    hint->setWordWrap(true);
    auto* clear = new QPushButton(tr("Clear Filters"));
    clear->setObjectName(QStringLiteral("clearFiltersButton"));
    auto* axes = new QPushButton(tr("Axes…"));
    axes->setObjectName(QStringLiteral("parallelAxesButton"));
    axes->setToolTip(tr("Choose which params and metrics are axes, and their order"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(hint, 1);
    bar->addWidget(axes);
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
    connect(axes, &QPushButton::clicked, this, &CompareRunViews::chooseAxes);
}

void CompareRunViews::setRuns(std::vector<CompareRunFacts> runs, const QHash<RunRef, int>& colors)
{
    m_runs = std::move(runs);
    m_runColors.clear();
    QStringList labels;
    for (const CompareRunFacts& facts : m_runs) {
        m_runColors.push_back(ComparePalette::color(colors.value(facts.run.key, 0)));
        labels.append(facts.run.label());
    }
    auto varying = CompareDimension::of(m_runs, true);
    m_varyingAxes.clear();
    for (const CompareDimension& d : varying)
        m_varyingAxes.append(ParallelCoordinates::id(d));
    m_allDims = CompareDimension::of(m_runs, false);
    m_scatter->setRuns(std::move(varying), labels, m_runColors);
    showAxes();
    m_parallel->setBrushes({}); // also shows every run in the diff table
}

QStringList CompareRunViews::axes() const
{
    QStringList ids;
    for (const CompareDimension& d : m_parallel->dimensions())
        ids.append(ParallelCoordinates::id(d));
    return ids;
}

void CompareRunViews::setAxes(const QStringList& ids)
{
    m_chosenAxes = ids;
    m_axesChosen = true;
    showAxes();
    // Brushes on axes no longer shown stop filtering.
    ParallelCoordinates::Brushes kept;
    const QStringList shown = axes();
    for (auto it = m_parallel->brushes().cbegin(); it != m_parallel->brushes().cend(); ++it) {
        if (shown.contains(it.key()))
            kept.insert(it.key(), it.value());
    }
    m_parallel->setBrushes(kept);
}

void CompareRunViews::showAxes()
{
    const QStringList& wanted = m_axesChosen ? m_chosenAxes : m_varyingAxes;
    std::vector<CompareDimension> dims;
    for (const QString& id : wanted) {
        for (const CompareDimension& d : m_allDims) {
            if (ParallelCoordinates::id(d) == id) {
                dims.push_back(d);
                break;
            }
        }
    }
    m_parallel->setData(std::move(dims), m_runColors);
}

QList<ParallelAxesDialog::Axis> CompareRunViews::axisChoices() const
{
    QList<ParallelAxesDialog::Axis> choices;
    const QStringList shown = axes();
    for (const CompareDimension& d : m_parallel->dimensions())
        choices.append(ParallelAxesDialog::Axis { ParallelCoordinates::id(d), d.label(), true });
    for (const CompareDimension& d : m_allDims) {
        if (!shown.contains(ParallelCoordinates::id(d)))
            choices.append(ParallelAxesDialog::Axis { ParallelCoordinates::id(d), d.label(), false });
    }
    return choices;
}

void CompareRunViews::chooseAxes()
{
    auto* dialog = new ParallelAxesDialog(axisChoices(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setAxes(dialog->chosen()); });
    dialog->open();
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
