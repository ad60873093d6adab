#include "cache/CacheLocator.h"

#include "store/StoreLocation.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace prov {

QString CacheLocator::defaultCacheFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
        .filePath(QStringLiteral("provenance"));
}

QString CacheLocator::databasePath(const QString& cacheFolder, const StoreLocation& store)
{
    return QDir(cacheFolder).filePath(QStringLiteral("stores/") + fileStem(store) + QStringLiteral(".sqlite"));
}

QString CacheLocator::fileStem(const StoreLocation& store)
{
    const QByteArray hash = QCryptographicHash::hash(store.uri.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    QString slug;
    const QString name = store.isRemote() ? store.displayName() : QFileInfo(store.path).fileName();
    for (const QChar c : name) {
        if (slug.size() >= 40)
            break;
        slug += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_' ? c : QChar(u'_');
    }
    if (slug.isEmpty())
        slug = QStringLiteral("store");
    return slug + QLatin1Char('-') + QString::fromLatin1(hash);
}

} // namespace prov
