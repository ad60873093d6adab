#pragma once

#include "domain/MetricHistory.h"
#include "query/RunDetail.h"

#include <QWidget>

#include <memory>
#include <optional>

class QSortFilterProxyModel;
class QUrl;

namespace prov {

namespace Ui {
class RunDetailsPanel;
}

class ArtifactTreeModel;
class KeyValueTableModel;
class MetricChartView;
class MetricSummaryModel;
class StoreSession;

// The right-hand panel of the run browser: one run's overview (status, times, user, source
// and git commit, parent and child runs, note, datasets, models), params, metrics with a
// history chart, tags and artifacts. Everything is read from the cache off the GUI thread;
// links to other runs and to registered versions are emitted for the window to follow.
class RunDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunDetailsPanel(StoreSession* session, QWidget* parent = nullptr);
    ~RunDetailsPanel() override;

    void showRun(const QString& runId);
    void clear();
    const QString& runId() const { return m_runId; }
    const std::optional<RunDetail>& detail() const { return m_detail; }

Q_SIGNALS:
    void runActivated(const QString& runId);
    void versionActivated(const QString& modelName, qint64 version);
    void loggedModelActivated(const QString& modelId);
    // Emitted when a run's details are on screen (tests and status messages use it).
    void runShown(const QString& runId);

private:
    void setupViews();
    void reload();
    void present(const RunDetail& detail);
    void updateTabTitles(const RunDetail& detail);
    void showOverview(const RunDetail& detail);
    void showSelectedMetric();
    void showHistory(const QString& key, const MetricHistory& history);
    void filterTags();
    void openLink(const QUrl& url);
    void copyRunId();

    std::unique_ptr<Ui::RunDetailsPanel> m_ui;
    StoreSession* m_session;
    QString m_runId;
    QString m_emptyText; // what the empty page says when no run is asked for
    std::optional<RunDetail> m_detail;
    KeyValueTableModel* m_params;
    KeyValueTableModel* m_tags;
    MetricSummaryModel* m_metrics;
    ArtifactTreeModel* m_artifacts;
    QSortFilterProxyModel* m_paramsProxy;
    QSortFilterProxyModel* m_tagsProxy;
    QSortFilterProxyModel* m_metricsProxy;
    MetricChartView* m_chart;
};

} // namespace prov
