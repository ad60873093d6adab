#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance issues STORE`: lists the problems found in the store at the last sync.
class IssuesVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
