#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance models STORE`: lists registered models and their versions (stage, aliases, run, source).
class ModelsVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
