#include "CompareScatterPanel.h"

#include "CompareScatterView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace prov {

CompareScatterPanel::CompareScatterPanel(QWidget* parent)
    : QWidget(parent)
    , m_x(new QComboBox)
    , m_y(new QComboBox)
    , m_logX(new QCheckBox(tr("Log x")))
    , m_logY(new QCheckBox(tr("Log y")))
    , m_view(new CompareScatterView)
{
    m_x->setObjectName(QStringLiteral("scatterXCombo"));
    m_y->setObjectName(QStringLiteral("scatterYCombo"));
    m_logX->setObjectName(QStringLiteral("scatterLogXCheck"));
    m_logY->setObjectName(QStringLiteral("scatterLogYCheck"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("x:")));
    bar->addWidget(m_x);
    bar->addWidget(m_logX);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("y:")));
    bar->addWidget(m_y);
    bar->addWidget(m_logY);
    bar->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    for (QComboBox* combo : { m_x, m_y }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &CompareScatterPanel::redraw);
    }
    for (QCheckBox* check : { m_logX, m_logY })
        connect(check, &QCheckBox::toggled, this, &CompareScatterPanel::redraw);
}

void CompareScatterPanel::setRuns(std::vector<CompareDimension> dims, QStringList labels, std::vector<QColor> colors)
{
    m_dims = std::move(dims);
    m_labels = std::move(labels);
    m_colors = std::move(colors);
    m_passing.assign(m_colors.size(), true);
    const QSignalBlocker bx(m_x);
    const QSignalBlocker by(m_y);
    m_x->clear();
    m_y->clear();
    for (const CompareDimension& d : m_dims) {
        const QString text = d.source == CompareDimension::Source::Metric ? tr("metric %1").arg(d.label())
                                                                          : tr("param %1").arg(d.label());
        m_x->addItem(text);
        m_y->addItem(text);
    }
    // At first: the first param (or metric) against the last metric, a setting against a result.
    m_x->setCurrentIndex(m_dims.empty() ? -1 : 0);
    m_y->setCurrentIndex(int(m_dims.size()) - 1);
    redraw();
}

void CompareScatterPanel::setPassing(std::vector<bool> passing)
{
    m_passing = std::move(passing);
    redraw();
}

void CompareScatterPanel::choose(int x, int y)
{
    const QSignalBlocker bx(m_x);
    m_x->setCurrentIndex(x);
    m_y->setCurrentIndex(y);
    redraw();
}

void CompareScatterPanel::redraw()
{
    const int x = m_x->currentIndex() >= 0 ? m_x->currentIndex() : 0;
    const int y = m_y->currentIndex();
    if (m_dims.size() < 2 || y < 0) {
        m_view->clear(tr("The runs differ in fewer than two params or metrics."));
        return;
    }
    m_view->setData(
        m_dims[size_t(x)], m_dims[size_t(y)], m_labels, m_colors, m_passing, m_logX->isChecked(), m_logY->isChecked());
}

} // namespace prov
