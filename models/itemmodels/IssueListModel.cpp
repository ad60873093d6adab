#include "itemmodels/IssueListModel.h"

namespace prov {

IssueListModel::IssueListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void IssueListModel::setIssues(const StoreIssueList& issues)
{
    beginResetModel();
    m_issues = issues;
    endResetModel();
}

int IssueListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_issues.size());
}

int IssueListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IssueListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoreIssue& issue = m_issues[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return issue.severity == StoreIssue::Severity::Warning ? tr("Warning") : tr("Error");
        case MessageColumn:
            return issue.message;
        case LocationColumn:
            return issue.location;
        case RunColumn:
            return issue.runId;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return QString(issue.location + QLatin1Char(u'\n') + issue.message);
    case SeverityRole:
        return static_cast<int>(issue.severity);
    case RunIdRole:
        return issue.runId;
    case LocationRole:
        return issue.location;
    default:
        return {};
    }
}

QVariant IssueListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Problem");
    case LocationColumn:
        return tr("Where");
    case RunColumn:
        return tr("Run");
    default:
        return {};
    }
}

} // namespace prov
