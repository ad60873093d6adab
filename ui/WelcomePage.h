#pragma once

#include <QWidget>

#include <memory>

namespace prov {

namespace Ui {
class WelcomePage;
}

// What the window shows when no store is open: how to open one (folder, database, sample,
// drag and drop) and the recent stores, so the next step is always one click away.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);
    ~WelcomePage() override;

    void setRecentStores(const QStringList& uris);

Q_SIGNALS:
    void openFolderRequested();
    void openDatabaseRequested();
    void openSampleRequested();
    void recentActivated(const QString& uri);

private:
    std::unique_ptr<Ui::WelcomePage> m_ui;
};

} // namespace prov
