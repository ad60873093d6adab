#pragma once

#include "core/Result.h"

#include <QString>

namespace prov {

// Where an MLflow tracking store lives and what kind it is, parsed from what a user types:
// a path to an `mlruns` folder, `file:///...`, a path to a `.db` file, `sqlite:///...`
// (relative, as SQLAlchemy reads it), `sqlite:////abs/path`, or a tracking server's
// `http(s)://host[:port][/prefix]`. `uri` is the canonical form used as the store's identity in
// the cache (file:///abs/mlruns, sqlite:////abs/mlflow.db, https://host:port/prefix); it never
// holds credentials, which come from the environment or the keychain, never from here.
struct StoreLocation
{
    enum class Kind { FileStore, SqliteBackend, TrackingServer };

    Kind kind = Kind::FileStore;
    QString path; // absolute, cleaned local path of the folder or database file; empty for a server
    QString uri;

    enum class Existence { Required, MayBeMissing };

    // Parses a command-line or dialog argument; bare paths are classified by looking at them.
    // With MayBeMissing, a path that is not there (a store whose cache outlived it) is
    // classified by its form instead: sqlite:, .db/.sqlite files, else a file store.
    static Result<StoreLocation> fromArgument(
        const QString& argument, const QString& workingDirectory, Existence existence = Existence::Required);
    // Parses a canonical URI recorded earlier (the store need not exist any more).
    static Result<StoreLocation> fromUri(const QString& uri);
    // MLFLOW_TRACKING_URI, when set and non-empty.
    static QString environmentUri();

    QString kindName() const;
    // Short name for titles and recent-store menus: the folder or file name with its parent,
    // or a server's host, port and prefix.
    QString displayName() const;
    // What messages name: the local path, or the server's URI.
    QString where() const;
    bool isRemote() const { return kind == Kind::TrackingServer; }
    // Local stores: whether the folder or file is there. A server is never judged by looking:
    // whether it is reachable is what the last sync attempt found (StoreReachability).
    bool exists() const;
};

} // namespace prov
