#include "WelcomePage.h"
#include "ui_WelcomePage.h"

#include "ResourcePaths.h"
#include "store/StoreLocation.h"

#include <QIcon>

namespace prov {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WelcomePage>())
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(QIcon(ResourcePaths::applicationIcon()).pixmap(96, 96));
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    connect(m_ui->openFolderButton, &QPushButton::clicked, this, &WelcomePage::openFolderRequested);
    connect(m_ui->openDatabaseButton, &QPushButton::clicked, this, &WelcomePage::openDatabaseRequested);
    connect(m_ui->openSampleButton, &QPushButton::clicked, this, &WelcomePage::openSampleRequested);
    connect(m_ui->recentList, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { Q_EMIT recentActivated(item->data(Qt::UserRole).toString()); });
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::setRecentStores(const QStringList& uris)
{
    m_ui->recentList->clear();
    for (const QString& uri : uris) {
        const auto location = StoreLocation::fromUri(uri);
        auto* item
            = new QListWidgetItem(location ? location->displayName() + QStringLiteral("  —  ") + location->where() : uri);
        item->setData(Qt::UserRole, uri);
        item->setToolTip(uri);
        m_ui->recentList->addItem(item);
    }
    m_ui->recentTitle->setVisible(!uris.isEmpty());
    m_ui->recentList->setVisible(!uris.isEmpty());
}

} // namespace prov
