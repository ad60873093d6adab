#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "ComparePage.h"
#include "ConnectServerDialog.h"
#include "IssuesDock.h"
#include "LineagePage.h"
#include "ModelsPage.h"
#include "RecentStores.h"
#include "ResourcePaths.h"
#include "RunsPage.h"
#include "SampleStore.h"
#include "ServerSignIn.h"
#include "SyncStatusBar.h"
#include "WelcomePage.h"
#include "core/DisplayFormat.h"
#include "lineage/LineageIds.h"
#include "query/RunTableExport.h"
#include "store/StoreReachability.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>

namespace prov {

MainWindow::MainWindow(SessionOptions options, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_session(new StoreSession(std::move(options), this))
    , m_recent(new RecentStores(this))
    , m_signIn(new ServerSignIn(m_session, this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(ResourcePaths::applicationIcon()));
    setupPages();
    setupLineage();
    setupActions();
    setupSessionFeedback();
    restoreSettings();
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::setupPages()
{
    m_welcome = new WelcomePage(this);
    m_ui->centralStack->insertWidget(0, m_welcome);
    m_ui->centralStack->removeWidget(m_ui->welcomeSlot);
    m_runsPage = new RunsPage(m_session, this);
    m_modelsPage = new ModelsPage(m_session, this);
    m_ui->workspaceTabs->addTab(m_runsPage, tr("Runs"));
    m_ui->workspaceTabs->addTab(m_modelsPage, tr("Registry"));
    m_comparePage = new ComparePage(m_session, this);
    m_ui->workspaceTabs->addTab(m_comparePage, tr("Compare"));
    m_issuesDock = new IssuesDock(m_session, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_issuesDock);
    m_issuesDock->hide();
    m_welcome->setRecentStores(m_recent->uris());
    m_ui->centralStack->setCurrentWidget(m_welcome);

    connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::openFolderDialog);
    connect(m_welcome, &WelcomePage::openDatabaseRequested, this, &MainWindow::openDatabaseDialog);
    connect(m_welcome, &WelcomePage::openSampleRequested, this, &MainWindow::openSampleStore);
    connect(m_welcome, &WelcomePage::recentActivated, this, &MainWindow::openUri);
    connect(m_runsPage, &RunsPage::versionActivated, this, &MainWindow::showVersion);
    connect(m_runsPage, &RunsPage::loggedModelActivated, this, [this](const QString& modelId) {
        m_ui->workspaceTabs->setCurrentWidget(m_modelsPage);
        m_modelsPage->showLoggedModel(modelId);
    });
    connect(m_modelsPage, &ModelsPage::runActivated, this, &MainWindow::showRun);
    connect(m_modelsPage, &ModelsPage::lineageRequested, this, &MainWindow::showLineageOf);
    connect(m_runsPage, &RunsPage::compareRequested, this, &MainWindow::compareRuns);
    connect(m_modelsPage, &ModelsPage::statusMessage, this,
        [this](const QString& message) { m_ui->statusbar->showMessage(message, 10000); });
    connect(m_issuesDock, &IssuesDock::runActivated, this, &MainWindow::showRun);
    connect(m_recent, &RecentStores::activated, this, &MainWindow::openUri);
    connect(m_recent, &RecentStores::changed, this, [this] { m_welcome->setRecentStores(m_recent->uris()); });
}

void MainWindow::setupLineage()
{
    m_lineagePage = new LineagePage(m_session, this);
    m_ui->workspaceTabs->addTab(m_lineagePage, tr("Lineage"));
    connect(m_lineagePage, &LineagePage::runActivated, this, &MainWindow::showRun);
    connect(m_lineagePage, &LineagePage::versionActivated, this, &MainWindow::showVersion);
    connect(m_lineagePage, &LineagePage::loggedModelActivated, this, [this](const QString& modelId) {
        m_ui->workspaceTabs->setCurrentWidget(m_modelsPage);
        m_modelsPage->showLoggedModel(modelId);
    });
    auto* lineage = new QAction(tr("&Lineage"), this);
    lineage->setObjectName(QStringLiteral("actionLineage"));
    lineage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    connect(lineage, &QAction::triggered, this, [this] { m_ui->workspaceTabs->setCurrentWidget(m_lineagePage); });
    auto* showLineage = new QAction(tr("Show &Lineage of the Selection"), this);
    showLineage->setObjectName(QStringLiteral("actionShowLineage"));
    showLineage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(showLineage, &QAction::triggered, this, &MainWindow::showLineageOfSelection);
    m_ui->menuView->insertActions(m_ui->actionIssues, { lineage, showLineage });
}

// The selected run, or on the Registry page the version or logged model shown there.
void MainWindow::showLineageOfSelection()
{
    const bool registry = m_ui->workspaceTabs->currentWidget() == m_modelsPage;
    const QString runId = registry ? QString() : m_runsPage->selectedRunId();
    showLineageOf(registry    ? m_modelsPage->lineageNodeOfSelection()
            : runId.isEmpty() ? QString()
                              : LineageIds::run(runId));
}

void MainWindow::showLineageOf(const QString& nodeId)
{
    m_ui->workspaceTabs->setCurrentWidget(m_lineagePage);
    if (!nodeId.isEmpty())
        m_lineagePage->showNode(nodeId);
}

void MainWindow::setupActions()
{
    const auto& ui = *m_ui;
    connect(ui.actionOpenFolder, &QAction::triggered, this, &MainWindow::openFolderDialog);
    connect(ui.actionOpenDatabase, &QAction::triggered, this, &MainWindow::openDatabaseDialog);
    connect(ui.actionConnectServer, &QAction::triggered, this, &MainWindow::connectServerDialog);
    connect(ui.actionOpenSample, &QAction::triggered, this, &MainWindow::openSampleStore);
    connect(ui.menuRecent, &QMenu::aboutToShow, this, [this] { m_recent->populate(m_ui->menuRecent); });
    connect(ui.actionSync, &QAction::triggered, m_session, &StoreSession::syncNow);
    connect(ui.actionCancelSync, &QAction::triggered, m_session, &StoreSession::cancelSync);
    connect(ui.actionExportCsv, &QAction::triggered, this, &MainWindow::exportCsv);
    connect(ui.actionClearCache, &QAction::triggered, this, &MainWindow::clearCache);
    connect(ui.actionForgetCredentials, &QAction::triggered, m_signIn, &ServerSignIn::forgetSaved);
    connect(m_signIn, &ServerSignIn::readyToOpen, this, &MainWindow::openPrepared);
    connect(m_signIn, &ServerSignIn::statusMessage, this,
        [this](const QString& message) { m_ui->statusbar->showMessage(message, 10000); });
    connect(ui.actionCloseStore, &QAction::triggered, m_session, &StoreSession::close);
    connect(ui.actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(ui.actionRuns, &QAction::triggered, this, [this] { m_ui->workspaceTabs->setCurrentWidget(m_runsPage); });
    connect(
        ui.actionModels, &QAction::triggered, this, [this] { m_ui->workspaceTabs->setCurrentWidget(m_modelsPage); });
    connect(ui.actionIssues, &QAction::toggled, m_issuesDock, &QDockWidget::setVisible);
    connect(m_issuesDock, &QDockWidget::visibilityChanged, ui.actionIssues, &QAction::setChecked);
    connect(ui.actionFilter, &QAction::triggered, this, [this] {
        if (m_ui->workspaceTabs->currentWidget() == m_modelsPage)
            m_modelsPage->focusFilter();
        else
            m_runsPage->focusFilter();
    });
    connect(ui.actionColumns, &QAction::triggered, m_runsPage, &RunsPage::chooseColumns);
    connect(ui.actionShowDeleted, &QAction::toggled, m_runsPage, &RunsPage::setShowDeleted);
    connect(m_runsPage, &RunsPage::showDeletedChanged, ui.actionShowDeleted, &QAction::setChecked);
    connect(ui.actionNestRuns, &QAction::toggled, m_runsPage, &RunsPage::setNested);
    connect(m_runsPage, &RunsPage::nestedChanged, ui.actionNestRuns, &QAction::setChecked);
    connect(ui.actionCacheLocation, &QAction::triggered, this, &MainWindow::showCacheLocation);
    connect(ui.actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::setupSessionFeedback()
{
    m_syncBar = new SyncStatusBar(m_ui->statusbar);
    connect(m_syncBar, &SyncStatusBar::cancelRequested, m_session, &StoreSession::cancelSync);
    connect(m_syncBar, &SyncStatusBar::retryRequested, m_session, &StoreSession::syncNow);
    connect(m_syncBar, &SyncStatusBar::issuesRequested, m_issuesDock, &QWidget::show);
    connect(m_issuesDock, &IssuesDock::issueCountChanged, m_syncBar, &SyncStatusBar::setIssueCount);
    connect(m_session, &StoreSession::syncStarted, m_syncBar, &SyncStatusBar::syncStarted);
    connect(m_session, &StoreSession::syncStarted, this, &MainWindow::updateActions);
    connect(m_session, &StoreSession::syncProgress, m_syncBar, &SyncStatusBar::showProgress);
    connect(m_session, &StoreSession::syncFinished, this, &MainWindow::onSyncFinished);
    connect(m_session, &StoreSession::syncFailed, this, &MainWindow::onSyncFailed);
    connect(m_session, &StoreSession::infoChanged, this, &MainWindow::updateTitle);
    connect(m_session, &StoreSession::storeChanged, this, [this] {
        m_ui->centralStack->setCurrentWidget(
            m_session->isOpen() ? static_cast<QWidget*>(m_ui->workspaceTabs) : m_welcome);
        m_ui->statusbar->clearMessage();
        updateTitle();
        updateActions();
    });
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_runsPage->restoreState(settings.value(QStringLiteral("window/runsPage")).toByteArray());
    m_ui->actionShowDeleted->setChecked(settings.value(QStringLiteral("runs/showDeleted"), false).toBool());
    m_ui->actionNestRuns->setChecked(settings.value(QStringLiteral("runs/nested"), true).toBool());
    RunColumnChoice choice;
    choice.allMetrics = settings.value(QStringLiteral("runs/allMetrics"), true).toBool();
    choice.allParams = settings.value(QStringLiteral("runs/allParams"), true).toBool();
    choice.metrics = settings.value(QStringLiteral("runs/metrics")).toStringList();
    choice.params = settings.value(QStringLiteral("runs/params")).toStringList();
    choice.tags = settings.value(QStringLiteral("runs/tags")).toStringList();
    m_runsPage->setColumnChoice(choice);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/runsPage"), m_runsPage->saveState());
    settings.setValue(QStringLiteral("runs/showDeleted"), m_runsPage->showDeleted());
    settings.setValue(QStringLiteral("runs/nested"), m_runsPage->isNested());
    const RunColumnChoice choice = m_runsPage->columnChoice();
    settings.setValue(QStringLiteral("runs/allMetrics"), choice.allMetrics);
    settings.setValue(QStringLiteral("runs/allParams"), choice.allParams);
    settings.setValue(QStringLiteral("runs/metrics"), choice.metrics);
    settings.setValue(QStringLiteral("runs/params"), choice.params);
    settings.setValue(QStringLiteral("runs/tags"), choice.tags);
    settings.setValue(QStringLiteral("lastStore"), m_session->location() ? m_session->location()->uri : QString());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    m_session->cancelSync();
    event->accept();
}

bool MainWindow::openArgument(const QString& argument)
{
    auto location = StoreLocation::fromArgument(argument, QDir::currentPath());
    if (!location) {
        showError(tr("Cannot open store"), tr("Could not open “%1”:\n%2").arg(argument, location.error().message));
        return false;
    }
    openLocation(*location);
    return true;
}

// A server may first need the credentials remembered for it: ServerSignIn says when to open.
void MainWindow::openLocation(const StoreLocation& location)
{
    m_signIn->prepare(location);
}

void MainWindow::openPrepared(const StoreLocation& location)
{
    m_recent->add(location.uri);
    m_session->open(location);
    m_ui->statusbar->showMessage(tr("Opened %1").arg(location.where()), 4000);
}

void MainWindow::openUri(const QString& uri)
{
    auto location = StoreLocation::fromUri(uri);
    if (!location) {
        showError(tr("Cannot open store"), location.error().describe());
        return;
    }
    openLocation(*location);
}

void MainWindow::openSampleStore()
{
    // Unpacking writes ~900 files the first time: off the GUI thread.
    m_ui->statusbar->showMessage(tr("Preparing the sample store…"));
    m_session->jobs()->run<QString>(
        QStringLiteral("sample-store"), [](JobContext&) { return SampleStore::unpack(); }, this,
        [this](const Result<QString>& path) {
            if (path)
                openArgument(*path);
            else
                showError(tr("Cannot open the sample store"), path.error().describe());
        });
}

void MainWindow::openStartupStore()
{
    const QString last = QSettings().value(QStringLiteral("lastStore")).toString();
    if (!last.isEmpty())
        openUri(last);
    else
        openSampleStore();
}

void MainWindow::openFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open MLflow Store Folder"), QDir::homePath());
    if (!dir.isEmpty())
        openArgument(dir);
}

void MainWindow::openDatabaseDialog()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open MLflow SQLite Database"), QDir::homePath(),
        tr("MLflow databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!file.isEmpty())
        openArgument(file);
}

void MainWindow::connectServerDialog()
{
    ConnectServerDialog dialog(this);
    dialog.setObjectName(QStringLiteral("connectServerDialog"));
    dialog.setKeychain(m_signIn->keychain());
    if (m_session->location() && m_session->location()->isRemote())
        dialog.setAddress(m_session->location()->uri);
    if (dialog.exec() != QDialog::Accepted || !dialog.location())
        return;
    m_signIn->useCredentials(*dialog.location(), dialog.typedCredentials(), dialog.rememberCredentials());
    openLocation(*dialog.location());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        openArgument(urls.first().toLocalFile());
    }
}

void MainWindow::updateTitle()
{
    const auto& location = m_session->location();
    if (!location) {
        setWindowTitle(tr("Provenance"));
        m_syncBar->setSourceText(QString(), QString());
        return;
    }
    const CacheInfo& info = m_session->cacheInfo();
    const QString read = DisplayFormat::timestamp(info.lastSyncFinished);
    QString title = location->displayName();
    if (m_session->isOffline())
        title += read.isEmpty() ? tr(" — store not reachable, nothing cached") : tr(" — cached data read %1").arg(read);
    setWindowTitle(title + tr(" — Provenance"));
    const QString source = m_session->isOffline() ? tr("Offline — last synced %1").arg(read)
                                                  : (read.isEmpty() ? QString() : tr("Synced %1").arg(read));
    m_syncBar->setOffline(m_session->isOffline());
    m_syncBar->setSourceText(source,
        location->kindName() + QStringLiteral("\n") + location->where() + QStringLiteral("\n")
            + tr("Cache: %1").arg(m_session->cachePath()));
}

void MainWindow::updateActions()
{
    const bool open = m_session->isOpen();
    m_ui->actionSync->setEnabled(open && !m_session->isSyncing());
    m_ui->actionCancelSync->setEnabled(m_session->isSyncing());
    m_ui->actionExportCsv->setEnabled(open);
    m_ui->actionClearCache->setEnabled(open);
    m_ui->actionForgetCredentials->setEnabled(open && m_session->location()->isRemote());
    m_ui->actionCloseStore->setEnabled(open);
    m_ui->actionColumns->setEnabled(open);
    m_ui->actionFilter->setEnabled(open);
}

void MainWindow::onSyncFinished(const SyncSummary& summary)
{
    m_syncBar->syncStopped();
    updateActions();
    const SyncRecord& r = summary.record;
    m_ui->statusbar->showMessage(tr("Synced in %1 s: %2 runs (%3 read, %4 unchanged), %5 metric points")
                                     .arg(r.seconds, 0, 'f', 2)
                                     .arg(r.runs)
                                     .arg(r.runsRead)
                                     .arg(summary.runsUnchanged)
                                     .arg(QLocale().toString(r.metricPoints)),
        10000);
    updateTitle();
}

void MainWindow::onSyncFailed(const Error& error)
{
    m_syncBar->syncStopped();
    updateActions();
    updateTitle();
    if (error.code == ErrorCode::Cancelled) {
        m_ui->statusbar->showMessage(tr("Sync cancelled; runs read so far are kept."), 10000);
    } else if (StoreReachability::isOffline(error)) {
        m_ui->statusbar->showMessage(error.message + QLatin1Char(' ') + error.location);
    } else if (error.code == ErrorCode::AccessDenied && m_session->location() && m_session->location()->isRemote()) {
        m_ui->statusbar->showMessage(tr("Sync failed: %1").arg(error.message));
        m_signIn->askToSignIn(*m_session->location(), error.message);
    } else {
        m_ui->statusbar->showMessage(tr("Sync failed: %1").arg(error.message));
        showError(tr("Sync failed"), tr("The store could not be read:\n%1").arg(error.describe()));
    }
}

void MainWindow::showVersion(const QString& modelName, qint64 version)
{
    m_ui->workspaceTabs->setCurrentWidget(m_modelsPage);
    m_modelsPage->showVersion(modelName, version);
}

void MainWindow::compareRuns(const QStringList& runIds)
{
    m_ui->workspaceTabs->setCurrentWidget(m_comparePage);
    m_comparePage->compare(runIds);
}

void MainWindow::showRun(const QString& runId)
{
    m_ui->workspaceTabs->setCurrentWidget(m_runsPage);
    m_runsPage->selectRun(runId);
}

void MainWindow::exportCsv()
{
    const auto table = m_runsPage->currentTable();
    if (!table)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Runs as CSV"), QDir::home().filePath(QStringLiteral("runs.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    m_ui->statusbar->showMessage(tr("Exporting %1…").arg(DisplayFormat::count(table->size(), tr("run"), tr("runs"))));
    // The snapshot is immutable, so a job can write it while the window goes on.
    m_session->jobs()->run<void>(
        QStringLiteral("export-csv"),
        [table, path](JobContext&) -> Status {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || !RunTableExport::writeCsv(*table, file) || !file.commit())
                return makeError(ErrorCode::Io, file.errorString(), path);
            return {};
        },
        this,
        [this, path, count = table->size()](const Status& written) {
            if (!written)
                showError(tr("Export failed"), tr("Could not write %1:\n%2").arg(path, written.error().message));
            else
                m_ui->statusbar->showMessage(
                    tr("Exported %1 to %2").arg(DisplayFormat::count(count, tr("run"), tr("runs")), path), 8000);
        });
}

void MainWindow::clearCache()
{
    const auto answer = QMessageBox::question(this, tr("Clear Cached Data"),
        tr("Delete the cached copy of this store?\n\n%1\n\nThe store itself is not touched; it is read again now if "
           "it is reachable. A store that is not reachable can no longer be shown.")
            .arg(m_session->cachePath()));
    if (answer != QMessageBox::Yes)
        return;
    if (Status s = m_session->clearCache(); !s)
        showError(tr("Cannot clear the cache"), s.error().describe());
}

void MainWindow::showCacheLocation()
{
    QMessageBox::information(this, tr("Cache Location"),
        tr("Provenance keeps one cache database per store in:\n%1\n\nThis store's cache:\n%2\n\nDeleting a file there "
           "only removes the cached copy; the store is read again the next time it is opened.")
            .arg(m_session->options().cacheFolder,
                m_session->cachePath().isEmpty() ? tr("(no store open)") : m_session->cachePath()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Provenance"),
        tr("<h3>Provenance %1</h3><p>Where did this model come from, and who approved it?</p>"
           "<p>Browse MLflow runs and registered models from a local, offline cache of file stores and "
           "SQLite backends.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::showError(const QString& title, const QString& text)
{
    // Non-modal so a failed open never blocks the window (or a test driving it).
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorMessageBox"));
    box->open();
}

} // namespace prov
