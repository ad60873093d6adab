#pragma once

#include "StoreSession.h"

#include <QMainWindow>

#include <memory>

namespace prov {

namespace Ui {
class MainWindow;
}

class ComparePage;
class IssuesDock;
class LineagePage;
class ModelsPage;
class RecentStores;
class RunsPage;
class ServerSignIn;
class SyncStatusBar;
class WelcomePage;

// The application window: opens stores (menus, recent list, drag and drop, command line),
// hosts the Runs, Registry and Lineage pages and the Issues dock, shows sync progress with a Cancel
// button, and says in its title when it is showing cached data of an unreachable store.
// Reads and writes its settings (QSettings); everything below gets options passed in.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(SessionOptions options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens what a user typed or dropped (path, file:// or sqlite:// URI); reports errors in
    // a message box and returns false.
    bool openArgument(const QString& argument);
    void openLocation(const StoreLocation& location);
    void openSampleStore();
    // The last store of the previous session, else the sample store.
    void openStartupStore();

    StoreSession* session() const { return m_session; }
    RunsPage* runsPage() const { return m_runsPage; }
    ModelsPage* modelsPage() const { return m_modelsPage; }
    ComparePage* comparePage() const { return m_comparePage; }
    // Opens the Compare page on `runIds`.
    void compareRuns(const QStringList& runIds);
    IssuesDock* issuesDock() const { return m_issuesDock; }
    LineagePage* lineagePage() const { return m_lineagePage; }
    // Which credentials servers are signed in to with (environment, keychain, typed).
    ServerSignIn* serverSignIn() const { return m_signIn; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void setupPages();
    void setupActions();
    void setupSessionFeedback();
    void setupLineage();
    void showLineageOfSelection();
    void showLineageOf(const QString& nodeId);
    void restoreSettings();
    void saveSettings() const;
    void openFolderDialog();
    void openDatabaseDialog();
    void connectServerDialog();
    void openUri(const QString& uri);
    void openPrepared(const StoreLocation& location);
    void updateTitle();
    void updateActions();
    void onSyncFinished(const SyncSummary& summary);
    void onSyncFailed(const Error& error);
    void showVersion(const QString& modelName, qint64 version);
    void showRun(const QString& runId);
    void exportCsv();
    void clearCache();
    void showCacheLocation();
    void showAbout();
    void showError(const QString& title, const QString& text);

    std::unique_ptr<Ui::MainWindow> m_ui;
    StoreSession* m_session;
    RecentStores* m_recent;
    ServerSignIn* m_signIn;
    WelcomePage* m_welcome;
    RunsPage* m_runsPage;
    ModelsPage* m_modelsPage;
    ComparePage* m_comparePage;
    IssuesDock* m_issuesDock;
    LineagePage* m_lineagePage = nullptr;
    SyncStatusBar* m_syncBar;
};

} // namespace prov
