#pragma once

#include "domain/KeyValue.h"

#include <QString>

#include <optional>

namespace prov {

// The kinds of node of a lineage graph (DESIGN.md §3), aligned to W3C PROV: runs are
// activities, users are agents, everything else is an entity.
enum class LineageNodeKind {
    DatasetVersion,
    CodeVersion,
    Run,
    LoggedModel,
    ModelVersion,
    Deployment,
    Agent,
};

// One node of a lineage graph. `id` is namespaced ("run:<id>", "dataset:<digest>/<source
// hash>", ...; see LineageIds) and stable across syncs of the same store; `label` and `detail`
// are what a user reads (name, then digest, short commit, status or stage); `properties` are
// the facts shown in details and written to exports, under the keys of LineageNode::Key.
struct LineageNode
{
    QString id;
    LineageNodeKind kind = LineageNodeKind::Run;
    QString label;
    QString detail;
    KeyValueList properties;
    std::optional<qint64> startTime; // runs: start; entities: creation (ms since the epoch)
    std::optional<qint64> endTime; // runs only

    QString property(QStringView key) const { return valueOf(properties, key); }
    // Adds or replaces `key`; an empty value is not recorded.
    void setProperty(const QString& key, const QString& value);

    // "DatasetVersion", "Run", ...: the kind as exports and the command line name it.
    static QString kindName(LineageNodeKind kind);
};

} // namespace prov
