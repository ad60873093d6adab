#pragma once

#include "core/Result.h"
#include "domain/StoreIssue.h"

#include <QDockWidget>

class QAction;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace prov {

class EmptyStateOverlay;
class IssueListDelegate;
class IssueListModel;
class StoreSession;

// The Issues dock: every problem found while reading the store (a corrupt meta.yaml, a metric
// line that does not parse, ...) with where it was and the run it belongs to, so users see
// what is missing and why while the rest of the store works. Reloads from the cache off the
// GUI thread whenever the session says it changed; activating an issue opens its run.
class IssuesDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit IssuesDock(StoreSession* session, QWidget* parent = nullptr);

    int issueCount() const;

Q_SIGNALS:
    void issueCountChanged(int count);
    void runActivated(const QString& runId);

private:
    void setupTable();
    void onStoreChanged();
    void reload();
    void onIssuesLoaded(const Result<StoreIssueList>& result);
    void setIssues(const StoreIssueList& issues);
    void onActivated(const QModelIndex& index);
    void copySelection();
    void resizeRows();
    void updateSummary();

    StoreSession* m_session;
    IssueListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    IssueListDelegate* m_delegate = nullptr;
    QLabel* m_summary;
    QTableView* m_table;
    QAction* m_copyAction;
    EmptyStateOverlay* m_emptyState;
    bool m_loaded = false;
    QString m_error;
};

} // namespace prov
