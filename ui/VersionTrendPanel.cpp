#include "VersionTrendPanel.h"

#include "VersionTrendChart.h"
#include "registry/VersionTrend.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace prov {

VersionTrendPanel::VersionTrendPanel(QWidget* parent)
    : QWidget(parent)
    , m_metric(new QComboBox(this))
    , m_chart(new VersionTrendChart(this))
{
    m_metric->setObjectName(QStringLiteral("trendMetricCombo"));
    m_chart->setObjectName(QStringLiteral("trendChart"));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Metric"), this));
    row->addWidget(m_metric, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_chart, 1);
    connect(m_metric, &QComboBox::currentTextChanged, this, &VersionTrendPanel::redraw);
    connect(m_chart, &VersionTrendChart::versionClicked, this,
        [this](qint64 version) { Q_EMIT versionActivated(m_model, version); });
    showModel(nullptr);
}

QString VersionTrendPanel::metric() const
{
    return m_metric->currentText();
}

int VersionTrendPanel::pointCount() const
{
    return m_chart->pointCount();
}

void VersionTrendPanel::showModel(const RegisteredModelEntry* entry)
{
    const QString keep = m_metric->currentText();
    const QString previousModel = m_model;
    m_model = entry ? entry->model.name : QString();
    m_versions = entry ? entry->versions : QList<ModelVersionEntry>();
    const QSignalBlocker blocker(m_metric);
    m_metric->clear();
    m_metric->addItems(VersionTrend::keys(m_versions));
    if (m_model == previousModel && m_metric->findText(keep) >= 0)
        m_metric->setCurrentText(keep);
    m_metric->setEnabled(m_metric->count() > 0);
    redraw();
}

void VersionTrendPanel::redraw()
{
    if (m_model.isEmpty()) {
        m_chart->setMessage(tr("Select a registered model to compare its versions."));
        return;
    }
    if (m_metric->count() == 0) {
        m_chart->setMessage(tr("None of this model's versions has metrics in the cache."));
        return;
    }
    m_chart->setSeries(m_metric->currentText(), VersionTrend::series(m_versions, m_metric->currentText()));
}

} // namespace prov
