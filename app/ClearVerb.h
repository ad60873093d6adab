#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance clear STORE`: deletes the store's cache (its journal is kept; the next command
// rebuilds the cache). Refused, saying why, while another process uses the cache.
class ClearVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
