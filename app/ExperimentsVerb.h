#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance experiments STORE`: lists experiments with their active run counts.
class ExperimentsVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
