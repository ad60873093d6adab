#include "itemmodels/ExperimentListModel.h"
#include "core/DisplayFormat.h"

namespace prov {

ExperimentListModel::ExperimentListModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

void ExperimentListModel::setExperiments(const QList<ExperimentEntry>& experiments)
{
    m_all = experiments;
    rebuild();
}

void ExperimentListModel::setShowDeleted(bool show)
{
    if (show == m_showDeleted)
        return;
    m_showDeleted = show;
    rebuild();
}

void ExperimentListModel::rebuild()
{
    beginResetModel();
    m_visible.clear();
    for (const ExperimentEntry& e : std::as_const(m_all)) {
        if (m_showDeleted || !e.deleted)
            m_visible.append(e);
    }
    endResetModel();
}

int ExperimentListModel::rowOf(const QString& experimentId) const
{
    if (experimentId.isEmpty())
        return 0;
    for (qsizetype i = 0; i < m_visible.size(); ++i) {
        if (m_visible[i].experimentId == experimentId)
            return static_cast<int>(i) + 1;
    }
    return -1;
}

int ExperimentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size()) + 1;
}

QVariant ExperimentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == 0) {
        qint64 total = 0;
        for (const ExperimentEntry& e : m_visible)
            total += e.runCount;
        switch (role) {
        case Qt::DisplayRole:
            return tr("All experiments");
        case Qt::ToolTipRole:
            return tr("Runs of every listed experiment");
        case RunCountRole:
            return total;
        case IsAllRole:
            return true;
        case ExperimentIdRole:
            return QString();
        case DeletedRole:
            return false;
        default:
            return {};
        }
    }
    const ExperimentEntry& e = m_visible[index.row() - 1];
    switch (role) {
    case Qt::DisplayRole:
        return e.name;
    case Qt::ToolTipRole: {
        QString tip = e.name + QStringLiteral("\nid ") + e.experimentId + QStringLiteral("\n")
            + DisplayFormat::count(e.runCount, tr("active run"), tr("active runs"));
        if (e.deleted)
            tip += QLatin1Char('\n') + tr("Deleted experiment");
        if (!e.description.isEmpty())
            tip += QStringLiteral("\n\n") + e.description;
        return tip;
    }
    case ExperimentIdRole:
        return e.experimentId;
    case RunCountRole:
        return e.runCount;
    case DeletedRole:
        return e.deleted;
    case IsAllRole:
        return false;
    default:
        return {};
    }
}

QHash<int, QByteArray> ExperimentListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(ExperimentIdRole, "experimentId");
    names.insert(RunCountRole, "runCount");
    names.insert(DeletedRole, "deleted");
    names.insert(IsAllRole, "isAll");
    return names;
}

} // namespace prov
