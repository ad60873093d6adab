#pragma once

#include "lineage/LineageGraph.h"

#include <QString>

namespace prov {

// The details pane of the Lineage page for one node: its kind and name, every fact the graph
// holds about it (digest, source, commit, status, stage, aliases, who, when), what it links
// to upstream and downstream, and links to the page that shows it in full (run:, version:,
// model:) and to focus the view on it (focus:<node id>). All store text is escaped.
class LineageDetailsHtml
{
public:
    static QString of(const LineageGraph& graph, int node);
};

} // namespace prov
