#pragma once

#include "domain/StoreIssue.h"

#include <QAbstractTableModel>

namespace prov {

// Every problem found in the store, for the Issues dock: severity, where (file or table
// row), the run it belongs to, and what was wrong. SeverityRole lets the view pick icons.
class IssueListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, MessageColumn, LocationColumn, RunColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1, RunIdRole, LocationRole };

    explicit IssueListModel(QObject* parent = nullptr);

    void setIssues(const StoreIssueList& issues);
    const StoreIssueList& issues() const { return m_issues; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    StoreIssueList m_issues;
};

} // namespace prov
