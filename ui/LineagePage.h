#pragma once

#include "core/Result.h"
#include "lineage/LineageGraph.h"
#include "lineage/LineageLayout.h"

#include <QWidget>

#include <memory>

class QUrl;

namespace prov {

namespace Ui {
class LineagePage;
}

class LineageGraphView;
class LineageLegend;
class StoreSession;

// A graph and its layout, as a layout job delivers them.
struct LaidOutLineage
{
    std::shared_ptr<const LineageGraph> graph;
    std::shared_ptr<const LineageLayout> layout;
};

// The Lineage page: the store's lineage graph drawn left to right (data and code, runs,
// logged models, versions, deployments) with a legend; search by name or id, focus on the
// selection's k hops upstream and downstream, highlight the path between two nodes, pan, zoom
// and fit; clicking a node fills the details pane, whose links open the run, version or
// logged model on their pages. The graph is built from the cache and laid out by Graphviz as
// jobs, with progress and Cancel; a newer layout makes an older one stale.
class LineagePage : public QWidget
{
    Q_OBJECT

public:
    explicit LineagePage(StoreSession* session, QWidget* parent = nullptr);
    ~LineagePage() override;

    LineageGraphView* graphView() const { return m_view; }
    std::shared_ptr<const LineageGraph> wholeGraph() const { return m_whole; }
    std::shared_ptr<const LineageGraph> shownGraph() const { return m_shown.graph; }
    bool isBusy() const;

public Q_SLOTS:
    // Shows a node ("run:<id>", "version:<name>/<n>", ...; see LineageIds), focusing the view
    // on its neighbourhood; waits for the graph when it is still loading.
    void showNode(const QString& nodeId);
    // Highlights the shortest path between two nodes (ids as for showNode) in what is shown,
    // once it is laid out; says so in the status when there is none.
    void showPath(const QString& fromId, const QString& toId);

Q_SIGNALS:
    void runActivated(const QString& runId);
    void versionActivated(const QString& modelName, qint64 version);
    void loggedModelActivated(const QString& modelId);
    // A layout was drawn (the number of nodes shown); for status bars and tests.
    void graphShown(int nodes);

private:
    void reload();
    void onGraphLoaded(const Result<std::shared_ptr<const LineageGraph>>& result);
    void onLaidOut(const Result<LaidOutLineage>& result, const QString& selectId);
    void applyFocus();
    void onNodeSelected(int index);
    void loadRunFacts(int index);
    void applyPendingPath();
    void onSearch();
    void onAnchorClicked(const QUrl& url);
    void setBusy(bool busy, const QString& message = {});
    void updateCount();
    void setupExportMenu();
    void exportAs(const QString& format);

    std::unique_ptr<Ui::LineagePage> m_ui;
    StoreSession* m_session;
    LineageGraphView* m_view;
    LineageLegend* m_legend;
    std::shared_ptr<const LineageGraph> m_whole;
    LaidOutLineage m_shown;
    QString m_pendingNode; // to show once the graph is loaded
    QString m_focusId; // the node the focus view is centred on
    QString m_detailsId; // the node the details pane shows
    QStringList m_pendingPath; // from and to ids, highlighted after each layout until Path… is used
    QList<int> m_matches;
    qsizetype m_match = -1;
    int m_pathStart = -1;
};

} // namespace prov
