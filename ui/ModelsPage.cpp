#include "ModelsPage.h"
#include "ui_ModelsPage.h"

#include "BindingHistoryPanel.h"
#include "EmptyStateOverlay.h"
#include "ModelCardPanel.h"
#include "ModelDetailsHtml.h"
#include "RegistrySortFilterProxy.h"
#include "StoreSession.h"
#include "VersionTrendPanel.h"
#include "itemmodels/RegistryTreeModel.h"
#include "lineage/LineageIds.h"

#include <QAction>
#include <QDesktopServices>
#include <QHeaderView>
#include <QScrollBar>
#include <QUrl>

namespace prov {

ModelsPage::ModelsPage(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ModelsPage>())
    , m_session(session)
    , m_model(new RegistryTreeModel(this))
    , m_proxy(new RegistrySortFilterProxy(this))
    , m_history(new BindingHistoryPanel(session, this))
    , m_trend(new VersionTrendPanel(this))
    , m_card(new ModelCardPanel(session, this))
{
    m_ui->setupUi(this);
    m_ui->detailTabs->addTab(m_history, tr("H&istory"));
    m_ui->detailTabs->addTab(m_trend, tr("&Trend"));
    m_ui->detailTabs->addTab(m_card, tr("Model &Card"));
    setupTree();
    // The tabs beside the tree (timeline, card editor and preview) need the room.
    m_ui->splitter->setStretchFactor(0, 2);
    m_ui->splitter->setStretchFactor(1, 3);
    m_ui->splitter->setSizes({ 430, 670 });

    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &ModelsPage::onFilterChanged);
    connect(m_ui->detailsBrowser, &QTextBrowser::anchorClicked, this, &ModelsPage::onAnchorClicked);
    connect(m_session, &StoreSession::storeChanged, this, &ModelsPage::onStoreChanged);
    connect(m_session, &StoreSession::cacheChanged, this, &ModelsPage::reload);
    connect(m_session, &StoreSession::syncStarted, this, &ModelsPage::updateEmptyState);
    connect(m_session, &StoreSession::syncFailed, this, &ModelsPage::updateEmptyState);
    connect(m_history, &BindingHistoryPanel::versionActivated, this, &ModelsPage::showVersion);
    connect(m_trend, &VersionTrendPanel::versionActivated, this, &ModelsPage::showVersion);
    connect(m_card, &ModelCardPanel::finished, this, &ModelsPage::statusMessage);

    showDetails();
    updateEmptyState();
    if (m_session->hasCache())
        reload();
}

ModelsPage::~ModelsPage() = default;

void ModelsPage::setupTree()
{
    m_proxy->setSourceModel(m_model);
    QTreeView* tree = m_ui->modelTree;
    tree->setModel(m_proxy);
    tree->sortByColumn(RegistryTreeModel::NameColumn, Qt::AscendingOrder);
    QHeaderView* header = tree->header();
    // These fit the tree's share of a 1100-pixel window without a scroll bar; the registration
    // time is in the details and can be shown from the header's context menu.
    header->setStretchLastSection(true);
    header->resizeSection(RegistryTreeModel::NameColumn, 180);
    header->resizeSection(RegistryTreeModel::StageColumn, 85);
    header->resizeSection(RegistryTreeModel::AliasesColumn, 140);
    header->resizeSection(RegistryTreeModel::RunColumn, 130);
    tree->setColumnHidden(RegistryTreeModel::CreatedColumn, true);
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = RegistryTreeModel::StageColumn; column < RegistryTreeModel::ColumnCount; ++column) {
        auto* action = new QAction(m_model->headerData(column, Qt::Horizontal).toString(), header);
        action->setCheckable(true);
        action->setChecked(!tree->isColumnHidden(column));
        connect(action, &QAction::toggled, tree, [tree, column](bool shown) { tree->setColumnHidden(column, !shown); });
        header->addAction(action);
    }
    m_emptyState = new EmptyStateOverlay(tree->viewport());
    m_detailsEmptyState = new EmptyStateOverlay(m_ui->detailsBrowser->viewport());
    connect(tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &ModelsPage::onSelectionChanged);
    connect(tree, &QTreeView::collapsed, this, &ModelsPage::onCollapsed);
    connect(tree, &QTreeView::expanded, this, &ModelsPage::onExpanded);
}

void ModelsPage::showTab(Tab tab)
{
    m_ui->detailTabs->setCurrentIndex(static_cast<int>(tab));
}

void ModelsPage::focusFilter()
{
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

void ModelsPage::showVersion(const QString& modelName, qint64 version)
{
    const Selection selection { modelName, version };
    if (!m_loaded) {
        m_pending = selection;
        return;
    }
    select(selection);
}

void ModelsPage::onStoreChanged()
{
    m_loaded = false;
    m_loadError.clear();
    m_pending.reset();
    m_loggedModel.reset();
    m_panelModel.clear();
    m_collapsed.clear();
    m_model->setModels({});
    showDetails();
    updatePanels();
    updateEmptyState();
}

void ModelsPage::reload()
{
    if (!m_session->hasCache()) {
        onStoreChanged();
        return;
    }
    m_session->queries()->run<QList<RegisteredModelEntry>>(
        QStringLiteral("models"), [](const CacheReader& cache) { return RegistryQuery(cache.database()).models(); },
        this, [this](const Result<QList<RegisteredModelEntry>>& result) { onModelsLoaded(result); });
}

void ModelsPage::onModelsLoaded(const Result<QList<RegisteredModelEntry>>& result)
{
    const std::optional<Selection> keep = m_pending ? m_pending : currentSelection();
    m_pending.reset();
    m_loaded = true;
    m_loadError = result ? QString() : result.error().message;
    m_model->setModels(result ? *result : QList<RegisteredModelEntry>());
    expandModels();
    if (!keep || !select(*keep))
        showDetails();
    updateEmptyState();
    m_panelModel.clear(); // new data: the History and Trend tabs read again
    updatePanels();
}

void ModelsPage::onSelectionChanged()
{
    m_loggedModel.reset();
    showDetails();
    updatePanels();
}

void ModelsPage::updatePanels()
{
    const QModelIndex source = m_proxy->mapToSource(m_ui->modelTree->currentIndex());
    const RegisteredModelEntry* model = m_model->modelAt(source);
    const ModelVersionEntry* version = m_model->versionAt(source);
    const QString name = model ? model->model.name : QString();
    if (name != m_panelModel || name.isEmpty()) {
        m_panelModel = name;
        m_history->showModel(name);
    }
    m_trend->showModel(model);
    m_card->showVersion(name, version ? version->version.version : 0);
}

void ModelsPage::showLoggedModel(const QString& modelId)
{
    m_session->queries()->run<LoggedModelDetail>(
        QStringLiteral("logged-model"),
        [modelId](const CacheReader& cache) { return LoggedModelQuery(cache.database()).load(modelId); }, this,
        [this](const Result<LoggedModelDetail>& detail) {
            if (!detail)
                return;
            m_loggedModel = *detail;
            m_ui->detailTabs->setCurrentWidget(m_ui->overviewTab);
            showDetails();
        });
}

void ModelsPage::onFilterChanged(const QString& text)
{
    m_proxy->setFilterFixedString(text);
    expandModels();
    updateEmptyState();
}

void ModelsPage::onAnchorClicked(const QUrl& url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("run")) {
        Q_EMIT runActivated(url.path(QUrl::FullyDecoded));
    } else if (scheme == QLatin1String("model")) {
        showLoggedModel(url.path(QUrl::FullyDecoded));
    } else if (scheme == QLatin1String("lineage")) {
        Q_EMIT lineageRequested(url.path(QUrl::FullyDecoded));
    } else if (scheme == QLatin1String("version")) {
        const QString path = url.path(QUrl::FullyDecoded);
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        bool ok = false;
        const qint64 version = path.mid(slash + 1).toLongLong(&ok);
        if (slash > 0 && ok)
            showVersion(path.left(slash), version);
    } else if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        QDesktopServices::openUrl(url);
    }
}

void ModelsPage::onCollapsed(const QModelIndex& index)
{
    if (!index.parent().isValid())
        m_collapsed.insert(index.data(RegistryTreeModel::ModelNameRole).toString());
}

void ModelsPage::onExpanded(const QModelIndex& index)
{
    m_collapsed.remove(index.data(RegistryTreeModel::ModelNameRole).toString());
}

QString ModelsPage::lineageNodeOfSelection() const
{
    if (m_loggedModel)
        return LineageIds::loggedModel(m_loggedModel->model.modelId);
    const auto selection = currentSelection();
    if (!selection || selection->version < 0)
        return {};
    return LineageIds::modelVersion(selection->modelName, selection->version);
}

std::optional<ModelsPage::Selection> ModelsPage::currentSelection() const
{
    const QModelIndex current = m_ui->modelTree->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const bool isVersion = current.data(RegistryTreeModel::IsVersionRole).toBool();
    return Selection { current.data(RegistryTreeModel::ModelNameRole).toString(),
        isVersion ? current.data(RegistryTreeModel::VersionRole).toLongLong() : -1 };
}

bool ModelsPage::select(const Selection& selection)
{
    const QModelIndex source = m_model->indexOf(selection.modelName, selection.version);
    if (!source.isValid())
        return false;
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) { // hidden by the filter: the user asked for it, so show it
        m_ui->filterEdit->clear();
        index = m_proxy->mapFromSource(source);
    }
    QTreeView* tree = m_ui->modelTree;
    if (index.parent().isValid())
        tree->expand(index.parent());
    tree->setCurrentIndex(index);
    tree->scrollTo(index);
    m_loggedModel.reset();
    showDetails();
    return true;
}

void ModelsPage::expandModels()
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (!m_collapsed.contains(index.data(RegistryTreeModel::ModelNameRole).toString()))
            m_ui->modelTree->expand(index);
    }
}

void ModelsPage::showDetails()
{
    const QModelIndex source = m_proxy->mapToSource(m_ui->modelTree->currentIndex());
    const RegisteredModelEntry* model = m_model->modelAt(source);
    const ModelVersionEntry* version = m_model->versionAt(source);

    QString html;
    QString key;
    if (!m_loadError.isEmpty())
        html = ModelDetailsHtml::loadError(m_loadError);
    else if (m_loaded && m_model->rowCount() == 0)
        html = ModelDetailsHtml::emptyRegistry();
    else if (m_loggedModel)
        html = ModelDetailsHtml::loggedModel(*m_loggedModel);
    else if (version)
        html = ModelDetailsHtml::version(*model, *version);
    else if (model)
        html = ModelDetailsHtml::model(*model);
    m_detailsEmptyState->setMessage(html.isEmpty() && m_loaded ? tr("Select a model or version") : QString());

    // Re-showing the same item (new history, a reload) keeps the reader's place.
    QTextBrowser* browser = m_ui->detailsBrowser;
    if (m_loggedModel)
        key = QStringLiteral("model:") + m_loggedModel->model.modelId;
    else if (model)
        key = model->model.name + QLatin1Char('/') + QString::number(version ? version->version.version : -1);
    const int scroll = key == m_detailsKey ? browser->verticalScrollBar()->value() : 0;
    browser->setHtml(html);
    m_detailsKey = key;
    browser->verticalScrollBar()->setValue(scroll);
}

void ModelsPage::updateEmptyState()
{
    QString message;
    if (!m_loadError.isEmpty())
        message = tr("The registry could not be read from the cache");
    else if (!m_loaded && m_session->isOpen())
        message = m_session->isSyncing() || m_session->hasCache() ? tr("Reading the registry…")
                                                                  : tr("This store has not been read yet");
    else if (m_loaded && m_model->rowCount() == 0)
        message = tr("No registered models in this store");
    else if (m_proxy->rowCount() == 0 && !m_ui->filterEdit->text().isEmpty())
        message = tr("No model names contain “%1”").arg(m_ui->filterEdit->text());
    m_emptyState->setMessage(message);
    m_ui->modelTree->header()->setVisible(m_model->rowCount() > 0);
    m_ui->filterEdit->setEnabled(m_model->rowCount() > 0 || !m_ui->filterEdit->text().isEmpty());
}

} // namespace prov
