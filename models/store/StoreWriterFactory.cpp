#include "store/StoreWriterFactory.h"

#include "store/file/MlflowFileStoreWriter.h"
#include "store/rest/MlflowRestStoreWriter.h"
#include "store/rest/RestOptions.h"
#include "store/sqlite/MlflowSqliteWriter.h"

namespace prov {

Result<std::unique_ptr<StoreWriter>> StoreWriterFactory::open(const StoreLocation& location)
{
    return open(location, RestOptions::fromEnvironment(location));
}

Result<std::unique_ptr<StoreWriter>> StoreWriterFactory::open(const StoreLocation& location, const RestOptions& server)
{
    // Whether a server takes the write is known only when it is sent.
    if (location.isRemote())
        return std::unique_ptr<StoreWriter>(std::make_unique<MlflowRestStoreWriter>(location, server));
    if (!location.exists())
        return makeError(ErrorCode::NotFound,
            location.kind == StoreLocation::Kind::FileStore ? QStringLiteral("the store folder is not there")
                                                            : QStringLiteral("the database file is not there"),
            location.path);
    switch (location.kind) {
    case StoreLocation::Kind::FileStore:
        return std::unique_ptr<StoreWriter>(std::make_unique<MlflowFileStoreWriter>(location));
    case StoreLocation::Kind::SqliteBackend: {
        auto writer = MlflowSqliteWriter::open(location);
        if (!writer)
            return writer.error();
        return std::unique_ptr<StoreWriter>(std::move(writer).value());
    }
    case StoreLocation::Kind::TrackingServer:
        break;
    }
    return makeError(
        ErrorCode::Unsupported, QStringLiteral("Provenance cannot write to this kind of store"), location.uri);
}

} // namespace prov
