#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance sync STORE`: brings the store's cache up to date and prints one summary line.
class SyncVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
