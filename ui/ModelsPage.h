#pragma once

#include "core/Result.h"
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

class EmptyStateOverlay;
class RegistrySortFilterProxy;
class RegistryTreeModel;
class StoreSession;

// The Models page: registered models and their versions in a filterable tree, and the
// selected model's or version's details (lineage links, tags, the alias/stage history that
// Provenance observed). Reads the cache off the GUI thread whenever the session says it
// changed, keeping the selection; run links leave the page through runActivated().
class ModelsPage : public QWidget
{
    Q_OBJECT

public:
    explicit ModelsPage(StoreSession* session, QWidget* parent = nullptr);
    ~ModelsPage() override;

    // Ctrl+F belongs to the main window, which calls this when this page is shown.
    void focusFilter();

public Q_SLOTS:
    // Selects and scrolls to a version (or waits for it when the registry is still loading).
    void showVersion(const QString& modelName, qint64 version);

Q_SIGNALS:
    void runActivated(const QString& runId);

private:
    using HistoryByModel = QHash<QString, QList<BindingObservation>>;

    struct Selection
    {
        QString modelName;
        qint64 version = -1; // -1: the model itself
    };

    void setupTree();
    void onStoreChanged();
    void reload();
    void onModelsLoaded(const Result<QList<RegisteredModelEntry>>& result);
    void loadHistory(const QStringList& modelNames);
    void onHistoryLoaded(const Result<HistoryByModel>& result);
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
    HistoryByModel m_history;
    bool m_historyLoaded = false;
    bool m_loaded = false;
    QString m_loadError;
    std::optional<Selection> m_pending; // asked for before the registry was loaded
    QSet<QString> m_collapsed; // models the user folded; others are shown expanded
    QString m_detailsKey; // what the details pane shows ("model/version"), to keep its scroll position
};

} // namespace prov
