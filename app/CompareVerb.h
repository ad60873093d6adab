#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance compare STORE --runs ID,... --out FILE`: the metric curves of several runs, one
// chart per metric key, written headless as PNG or SVG (with a footer naming store, runs,
// smoothing and points drawn of recorded), or as CSV holding every recorded point (--series
// raw) or exactly the points a chart of --width pixels draws (--series drawn), after the same
// decimation and smoothing the Compare page uses.
class CompareVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    bool needsRendering() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
