#pragma once

#include <QString>

namespace prov {

struct StoreLocation;

// Where journals live: one database per store under `<journal folder>/journals/`, named like
// its cache (store name and a hash of its canonical URI), but under the user's data folder
// (XDG_DATA_HOME), never the cache folder: clearing caches must not touch what only
// Provenance knows.
class JournalLocator
{
public:
    // $XDG_DATA_HOME/provenance, i.e. ~/.local/share/provenance by default.
    static QString defaultJournalFolder();
    static QString databasePath(const QString& journalFolder, const StoreLocation& store);
};

} // namespace prov
