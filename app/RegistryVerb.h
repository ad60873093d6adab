#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance registry STORE [--model NAME] [--at TIME] [--format json|table]`: registered
// models with their aliases and versions (stage, aliases, run, source, logged model, status,
// description, tags, times). With --at, aliases and stages (and which versions existed) are as
// the last sync at or before TIME observed them, from the store's journal.
class RegistryVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
