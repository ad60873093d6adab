#pragma once

#include <QString>

namespace prov {

// The kinds of edge of a lineage graph, named after the W3C PROV relation each one is
// exported as. Binding links a model version to a deployment (an alias or a stage).
enum class LineageEdgeKind {
    Used, // dataset -> run, code -> run, logged model -> run (a model used as an input)
    WasGeneratedBy, // run -> logged model (or -> version, when no logged model is known)
    WasDerivedFrom, // logged model -> model version
    WasInformedBy, // parent run -> child run
    WasAssociatedWith, // agent -> run
    WasAttributedTo, // agent -> model version (who registered it)
    Binding, // model version -> deployment
};

// A directed edge, oriented the way data flows (upstream -> downstream), so that a graph
// drawn left to right reads from data and code to deployments. `from` and `to` index the
// graph's nodes. `role` qualifies it: the dataset context ("training"), "code", "model",
// "current" or "past" for bindings.
struct LineageEdge
{
    int from = -1;
    int to = -1;
    LineageEdgeKind kind = LineageEdgeKind::Used;
    QString role;

    // "used", "wasGeneratedBy", ...: the PROV relation's name.
    static QString kindName(LineageEdgeKind kind);
};

} // namespace prov
