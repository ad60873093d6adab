#pragma once

#include "lineage/LineageGraph.h"
#include "query/RunDetail.h"

#include <QString>

namespace prov {

// The details pane of the Lineage page for one node: its kind and name, every fact the graph
// holds about it (digest, source, commit, status, stage, aliases, who, when), what it links
// to upstream and downstream, and links to the page that shows it in full (run:, version:,
// model:) and to focus the view on it (focus:<node id>). For a run, the run's parameters and
// latest metric values when they have been read from the cache. All store text is escaped.
class LineageDetailsHtml
{
public:
    static QString of(const LineageGraph& graph, int node, const RunDetail* run = nullptr);
    // At most this many parameters and metrics are listed; the run's page shows them all.
    static constexpr qsizetype maxRows = 25;
};

} // namespace prov
