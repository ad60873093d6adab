#include "itemmodels/MetricSummaryModel.h"

#include "core/DisplayFormat.h"

#include <cmath>

namespace prov {

MetricSummaryModel::MetricSummaryModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void MetricSummaryModel::setMetrics(const QList<MetricSummary>& metrics)
{
    beginResetModel();
    m_metrics = metrics;
    endResetModel();
}

int MetricSummaryModel::rowOf(const QString& key) const
{
    for (qsizetype i = 0; i < m_metrics.size(); ++i) {
        if (m_metrics[i].key == key)
            return static_cast<int>(i);
    }
    return -1;
}

int MetricSummaryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_metrics.size());
}

int MetricSummaryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricSummaryModel::rawValue(const MetricSummary& m, int column) const
{
    switch (column) {
    case KeyColumn:
        return m.key;
    case LatestColumn:
        return m.latest.value;
    case StepColumn:
        return m.latest.step;
    case MinColumn:
        return m.minValue ? QVariant(*m.minValue) : QVariant();
    case MaxColumn:
        return m.maxValue ? QVariant(*m.maxValue) : QVariant();
    case PointsColumn:
        return m.pointCount;
    default:
        return {};
    }
}

QVariant MetricSummaryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MetricSummary& m = m_metrics[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        const QVariant raw = rawValue(m, index.column());
        if (index.column() == KeyColumn || index.column() == StepColumn || index.column() == PointsColumn)
            return raw.toString();
        return raw.isValid() ? DisplayFormat::metricValue(raw.toDouble()) : QString();
    }
    case Qt::ToolTipRole:
        if (index.column() == LatestColumn)
            return tr("%1 at step %2, %3")
                .arg(DisplayFormat::exactValue(m.latest.value))
                .arg(m.latest.step)
                .arg(DisplayFormat::timestamp(m.latest.timestamp));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == KeyColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case RawValueRole:
        return rawValue(m, index.column());
    case KeyRole:
        return m.key;
    case NonFiniteRole:
        return index.column() == LatestColumn && !std::isfinite(m.latest.value);
    default:
        return {};
    }
}

QVariant MetricSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Metric");
    case LatestColumn:
        return tr("Latest");
    case StepColumn:
        return tr("Step");
    case MinColumn:
        return tr("Min");
    case MaxColumn:
        return tr("Max");
    case PointsColumn:
        return tr("Points");
    default:
        return {};
    }
}

} // namespace prov
