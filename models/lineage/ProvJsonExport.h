#pragma once

#include "lineage/LineageGraph.h"

#include <QByteArray>

namespace prov {

// Writes a lineage graph as W3C PROV-JSON (https://www.w3.org/submissions/prov-json/): dataset,
// code, logged model, version and deployment nodes are entities (code versions also prov:Plan),
// runs are activities, users are agents (prov:Person); edges become used, wasGeneratedBy,
// wasDerivedFrom (a version from its logged model; a deployment from the version it binds),
// wasInformedBy (child run by parent), wasAssociatedWith (run with its user and, as plan, its
// code) and wasAttributedTo (version to who registered it). Ids are the graph's namespaced
// ids, each prefix declared; node facts are attributes in the `provenance` namespace.
class ProvJsonExport
{
public:
    static QByteArray write(const LineageGraph& graph);
};

} // namespace prov
