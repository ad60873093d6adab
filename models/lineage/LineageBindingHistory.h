#pragma once

#include "core/Result.h"
#include "domain/BindingObservation.h"
#include "lineage/LineageGraph.h"

namespace prov {

class SqliteDatabase;

// Deployment history in the lineage graph: the alias and stage bindings a model version held
// and no longer holds, as Provenance's syncs observed them (the journal; MLflow keeps only the
// current state). Each becomes a Binding edge with role "past" from the version to its
// deployment node (made when nobody holds the binding now); a binding held again today keeps
// its "current" edge. Every deployment node that has history records it in its "history"
// property, one interval per line, in the observation times' words.
class LineageBindingHistory
{
public:
    // Adds the journal's history of every registered model the graph holds a version of.
    static Status addPast(LineageGraph& graph, const SqliteDatabase& journal);
    // The same from a journal file; a store never synced with a journal has no history (no error).
    static Status addPastFromFile(LineageGraph& graph, const QString& journalPath);
    // Adds `history` (intervals of any models; those of versions not in the graph are skipped).
    static void addPast(LineageGraph& graph, const BindingHistory& history);
};

} // namespace prov
