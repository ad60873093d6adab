#pragma once

#include "sync/SyncProgress.h"
#include "sync/SyncSummary.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace prov {

// The status bar's sync area: a progress bar with a Cancel button while a sync runs, the
// issue count (a button that shows the Issues dock) and where the data comes from.
class SyncStatusBar : public QObject
{
    Q_OBJECT

public:
    explicit SyncStatusBar(QStatusBar* bar);

    void syncStarted();
    void showProgress(const SyncProgress& progress);
    void syncStopped();
    void setIssueCount(int count);
    void setSourceText(const QString& text, const QString& toolTip);
    // Offline: the source text is shown as a warning, with a Retry button.
    void setOffline(bool offline);

Q_SIGNALS:
    void cancelRequested();
    void issuesRequested();
    void retryRequested();

private:
    QStatusBar* m_bar;
    QLabel* m_phase;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QToolButton* m_issues;
    QLabel* m_source;
    QToolButton* m_retry;
};

} // namespace prov
