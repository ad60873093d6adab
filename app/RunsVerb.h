#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance runs STORE`: lists runs from the cache (after bringing it up to date), filtered with
// MLflow's search syntax, as a table, CSV or JSON streamed to stdout.
class RunsVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
