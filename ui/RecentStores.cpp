#include "RecentStores.h"

#include "store/StoreLocation.h"

#include <QMenu>
#include <QSettings>

namespace prov {
namespace {

const QString settingsKey = QStringLiteral("recentStores");

} // namespace

RecentStores::RecentStores(QObject* parent)
    : QObject(parent)
    , m_uris(QSettings().value(settingsKey).toStringList())
{ }

void RecentStores::add(const QString& uri)
{
    m_uris.removeAll(uri);
    m_uris.prepend(uri);
    while (m_uris.size() > MaxEntries)
        m_uris.removeLast();
    save();
}

void RecentStores::clear()
{
    m_uris.clear();
    save();
}

void RecentStores::save()
{
    QSettings().setValue(settingsKey, m_uris);
    Q_EMIT changed();
}

void RecentStores::populate(QMenu* menu)
{
    menu->clear();
    for (qsizetype i = 0; i < m_uris.size(); ++i) {
        const QString uri = m_uris[i];
        const auto location = StoreLocation::fromUri(uri);
        const QString label = location ? location->displayName() : uri;
        QAction* action
            = menu->addAction(QStringLiteral("&%1  %2").arg(i + 1 < 10 ? QString::number(i + 1) : QString(), label),
                this, [this, uri] { Q_EMIT activated(uri); });
        action->setToolTip(uri);
        action->setStatusTip(location ? location->where() : uri);
    }
    if (m_uris.isEmpty())
        menu->addAction(tr("No recent stores"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("Clear Recent Stores"), this, &RecentStores::clear)->setEnabled(!m_uris.isEmpty());
}

} // namespace prov
