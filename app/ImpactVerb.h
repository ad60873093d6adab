#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance impact STORE (--dataset DIGEST | --commit SHA) [--format json|table]`: every
// model version (with its stage, aliases, run and the path of node ids from the dataset or
// commit to it) and every run that descends from a dataset version or a commit.
class ImpactVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
