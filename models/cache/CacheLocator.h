#pragma once

#include <QString>

namespace prov {

struct StoreLocation;

// Where caches live. Each store gets its own database file, named after the store and a hash
// of its canonical URI, under `<cache folder>/stores/`: clearing one store's cache is deleting
// one file, and a damaged cache affects one store only.
class CacheLocator
{
public:
    // $XDG_CACHE_HOME/provenance, i.e. ~/.cache/provenance by default.
    static QString defaultCacheFolder();
    static QString databasePath(const QString& cacheFolder, const StoreLocation& store);
    // `<name>-<hash>`: the store's folder or file name (ASCII, at most 40 characters) and 16
    // hex digits of a SHA-256 of its canonical URI. The journal names its files the same way.
    static QString fileStem(const StoreLocation& store);
};

} // namespace prov
