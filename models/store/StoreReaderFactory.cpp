#include "store/StoreReaderFactory.h"

#include "store/file/MlflowFileStore.h"
#include "store/rest/MlflowRestStore.h"
#include "store/rest/RestOptions.h"
#include "store/sqlite/MlflowSqliteStore.h"

namespace prov {

Result<std::unique_ptr<StoreReader>> StoreReaderFactory::open(const StoreLocation& location, WorkerPool& workers)
{
    return open(location, workers, RestOptions::fromEnvironment(location));
}

Result<std::unique_ptr<StoreReader>> StoreReaderFactory::open(
    const StoreLocation& location, WorkerPool& workers, const RestOptions& server)
{
    // A server is reachable or not only when asked: the first request tells (StoreReachability).
    if (location.isRemote())
        return std::unique_ptr<StoreReader>(std::make_unique<MlflowRestStore>(location, server));
    if (!location.exists())
        return makeError(ErrorCode::NotFound,
            location.kind == StoreLocation::Kind::FileStore ? QStringLiteral("the store folder is not there")
                                                            : QStringLiteral("the database file is not there"),
            location.path);
    switch (location.kind) {
    case StoreLocation::Kind::FileStore:
        return std::unique_ptr<StoreReader>(std::make_unique<MlflowFileStore>(location, workers));
    case StoreLocation::Kind::SqliteBackend: {
        auto store = MlflowSqliteStore::open(location);
        if (!store)
            return store.error();
        return std::unique_ptr<StoreReader>(std::move(store).value());
    }
    case StoreLocation::Kind::TrackingServer:
        break;
    }
    return makeError(ErrorCode::Unsupported, QStringLiteral("unknown store kind"), location.uri);
}

} // namespace prov
