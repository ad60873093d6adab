#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace prov {

// The stores opened recently, newest first, kept in QSettings as canonical URIs. A store
// whose folder is gone stays listed: its cache can still be shown.
class RecentStores : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxEntries = 10;

    explicit RecentStores(QObject* parent = nullptr);

    QStringList uris() const { return m_uris; }
    void add(const QString& uri);
    void clear();
    // Fills `menu` with one action per store (and "Clear Recent Stores").
    void populate(QMenu* menu);

Q_SIGNALS:
    void changed();
    void activated(const QString& uri);

private:
    void save();

    QStringList m_uris;
};

} // namespace prov
