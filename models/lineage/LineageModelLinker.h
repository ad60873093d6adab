#pragma once

#include "core/Result.h"

namespace prov {

class SqliteDatabase;
struct LineageBuildState;

// The model half of LineageBuilder: logged models and the runs that produced or used them,
// registered versions and what they were made from (a logged model, else their run, else
// nothing: a version registered from an external URI has no upstream), who registered them,
// and their current alias and stage bindings as deployment nodes.
class LineageModelLinker
{
public:
    static Status loadLoggedModels(const SqliteDatabase& db, LineageBuildState& state);
    static Status loadModelVersions(const SqliteDatabase& db, LineageBuildState& state);
};

} // namespace prov
