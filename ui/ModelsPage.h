#pragma once

#include "core/Result.h"
#include "query/LoggedModelQuery.h"
#include "query/RegistryQuery.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>
#include <optional>

class QUrl;

namespace prov {

namespace Ui {
class ModelsPage;
}

class BindingHistoryPanel;
class EmptyStateOverlay;
class ModelCardPanel;
class RegistrySortFilterProxy;
class VersionTrendPanel;
class RegistryTreeModel;
class StoreSession;

// The Registry page: registered models and their versions in a filterable tree, and beside it
// the selection's Overview (description, tags, aliases, stages; for a version its run, logged
// model, code, datasets, metrics, who and when; logged models too, so version, run and logged
// model link both ways), its History (the alias and stage timeline Provenance observed), a
// metric's Trend across versions, and the version's Model card. Reads the cache and journal
// as jobs whenever the session says they changed, keeping the selection; run links leave the
// page through runActivated().
class ModelsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ModelsPage(StoreSession* session, QWidget* parent = nullptr);
    ~ModelsPage() override;

    enum class Tab { Overview, History, Trend, Card };

    // Ctrl+F belongs to the main window, which calls this when this page is shown.
    void focusFilter();
    void showTab(Tab tab);
    BindingHistoryPanel* historyPanel() const { return m_history; }
    VersionTrendPanel* trendPanel() const { return m_trend; }
    ModelCardPanel* cardPanel() const { return m_card; }

public Q_SLOTS:
    // Selects and scrolls to a version (or waits for it when the registry is still loading).
    void showVersion(const QString& modelName, qint64 version);
    // Shows a logged model's details (its run and the versions registered from it).
    void showLoggedModel(const QString& modelId);

public:
    // The lineage node of what the page shows: the logged model shown, else the selected
    // version (LineageIds); empty for a registered model or nothing.
    QString lineageNodeOfSelection() const;

Q_SIGNALS:
    void runActivated(const QString& runId);
    // A "lineage" link was followed: show the Lineage page on this node.
    void lineageRequested(const QString& nodeId);
    // A save or export of a model card finished: a sentence for the status bar.
    void statusMessage(const QString& message, bool ok);

private:
    struct Selection
    {
        QString modelName;
        qint64 version = -1; // -1: the model itself
    };

    void setupTree();
    void onStoreChanged();
    void reload();
    void onModelsLoaded(const Result<QList<RegisteredModelEntry>>& result);
    void onSelectionChanged();
    void updatePanels();
    void onFilterChanged(const QString& text);
    void onAnchorClicked(const QUrl& url);
    void onCollapsed(const QModelIndex& index);
    void onExpanded(const QModelIndex& index);
    std::optional<Selection> currentSelection() const;
    bool select(const Selection& selection);
    void expandModels();
    void showDetails();
    void updateEmptyState();

    std::unique_ptr<Ui::ModelsPage> m_ui;
    StoreSession* m_session;
    RegistryTreeModel* m_model;
    RegistrySortFilterProxy* m_proxy;
    EmptyStateOverlay* m_emptyState;
    EmptyStateOverlay* m_detailsEmptyState;
    BindingHistoryPanel* m_history;
    VersionTrendPanel* m_trend;
    ModelCardPanel* m_card;
    std::optional<LoggedModelDetail> m_loggedModel; // shown instead of the selection
    QString m_panelModel; // the model the History and Trend tabs show
    bool m_loaded = false;
    QString m_loadError;
    std::optional<Selection> m_pending; // asked for before the registry was loaded
    QSet<QString> m_collapsed; // models the user folded; others are shown expanded
    QString m_detailsKey; // what the details pane shows ("model/version"), to keep its scroll position
};

} // namespace prov
