#pragma once

#include <QString>

namespace prov {

// The namespaced ids of lineage nodes. The part after the prefix is percent-encoded UTF-8
// (RFC 3986 unreserved characters stay), so an id is a valid PROV qualified name and safe in
// DOT, JSON and file names whatever the names hold (quotes, slashes, right-to-left text).
// Identity follows DESIGN.md §3: a dataset version is its (source, digest), so the same data
// used by two runs is one node; a code version is (repository, commit), or the source name
// when the run had no git information.
class LineageIds
{
public:
    static QString run(const QString& runId);
    static QString dataset(const QString& source, const QString& digest);
    static QString code(const QString& repository, const QString& commit, const QString& sourceName);
    static QString loggedModel(const QString& modelId);
    static QString modelVersion(const QString& modelName, qint64 version);
    // kind is "alias" or "stage"
    static QString deployment(const QString& modelName, const QString& kind, const QString& binding);
    static QString agent(const QString& user);

    // The prefix of an id ("run", "dataset", ...), i.e. its PROV namespace.
    static QString prefixOf(const QString& id);
    static QString encode(const QString& text);
};

} // namespace prov
