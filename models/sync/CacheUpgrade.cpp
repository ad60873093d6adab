#include "sync/CacheUpgrade.h"

#include "cache/CacheWriter.h"
#include "core/LogCategories.h"
#include "journal/CacheHistoryImport.h"
#include "journal/JournalDatabase.h"

#include <QFileInfo>

namespace prov {

Status CacheUpgrade::run(const QString& cachePath, const QString& journalPath)
{
    if (!QFileInfo::exists(cachePath))
        return {};
    auto writer = CacheWriter::open(cachePath); // migrates under the cache's lock
    if (!writer)
        return writer.error();
    if (journalPath.isEmpty())
        return {};
    auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Write);
    if (!journal)
        return journal.error();
    auto moved = CacheHistoryImport::run((*writer)->database(), *journal);
    if (!moved)
        return moved.error();
    if (*moved > 0)
        qCInfo(lcSync) << "moved" << *moved << "alias and stage intervals of an offline store's cache to its journal";
    return {};
}

} // namespace prov
