#pragma once

#include "query/RegistryQuery.h"

#include <QWidget>

class QComboBox;

namespace prov {

class VersionTrendChart;

// The Trend tab of the Registry page: one metric (chosen from those the versions share)
// across a model's versions, from the runs and logged models they came from. Clicking a
// version's point selects it.
class VersionTrendPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VersionTrendPanel(QWidget* parent = nullptr);

    void showModel(const RegisteredModelEntry* entry);
    QString metric() const;
    int pointCount() const;

Q_SIGNALS:
    void versionActivated(const QString& modelName, qint64 version);

private:
    void redraw();

    QComboBox* m_metric;
    VersionTrendChart* m_chart;
    QString m_model;
    QList<ModelVersionEntry> m_versions;
};

} // namespace prov
