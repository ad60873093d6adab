#pragma once

#include "domain/MetricHistory.h"

#include <QAbstractTableModel>

namespace prov {

// A run's metrics with their latest value (MLflow's definition), step, range and number of
// points. RawValueRole gives numbers for sorting; KeyRole the metric key for chart lookups.
class MetricSummaryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, LatestColumn, StepColumn, MinColumn, MaxColumn, PointsColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, KeyRole, NonFiniteRole };

    explicit MetricSummaryModel(QObject* parent = nullptr);

    void setMetrics(const QList<MetricSummary>& metrics);
    const QList<MetricSummary>& metrics() const { return m_metrics; }
    int rowOf(const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant rawValue(const MetricSummary& m, int column) const;

    QList<MetricSummary> m_metrics;
};

} // namespace prov
