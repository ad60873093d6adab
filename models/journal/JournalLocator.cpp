#include "journal/JournalLocator.h"

#include "cache/CacheLocator.h"

#include <QDir>
#include <QStandardPaths>

namespace prov {

QString JournalLocator::defaultJournalFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("provenance"));
}

QString JournalLocator::databasePath(const QString& journalFolder, const StoreLocation& store)
{
    return QDir(journalFolder)
        .filePath(QStringLiteral("journals/") + CacheLocator::fileStem(store) + QStringLiteral(".sqlite"));
}

} // namespace prov
