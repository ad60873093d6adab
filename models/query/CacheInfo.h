#pragma once

#include <QString>

#include <optional>

namespace prov {

// What a cache says about itself and the store it mirrors: shown in the title bar
// ("showing cached data read <lastSyncFinished>") and by the command line.
struct CacheInfo
{
    QString cacheId;
    QString storeUri;
    QString storeKind;
    QString schemaRevision;
    QString mlflowGeneration;
    std::optional<qint64> lastSyncFinished;
};

} // namespace prov
