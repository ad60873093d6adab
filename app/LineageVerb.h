#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance lineage STORE (--model NAME --version N | --run ID | --dataset DIGEST |
// --experiment NAME | --all) [--upstream K] [--downstream K] --format FORMAT [--out FILE]`:
// the lineage graph around what was chosen (everything upstream and downstream of it unless
// K limits the hops) written as DOT, PROV-JSON or OpenLineage NDJSON (to FILE or stdout), or
// laid out with Graphviz and drawn as SVG, PNG or PDF (to FILE).
class LineageVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    // Images (svg, png, pdf) are drawn with the Lineage page's scene.
    bool needsRendering() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
