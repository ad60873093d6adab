#pragma once

#include "CliVerb.h"

#include <memory>
#include <vector>

namespace prov {

// Every verb the command line knows, in the order the usage text lists them.
class CliVerbRegistry
{
public:
    CliVerbRegistry();

    const CliVerb* find(const QString& name) const;
    const std::vector<std::unique_ptr<CliVerb>>& verbs() const { return m_verbs; }

private:
    std::vector<std::unique_ptr<CliVerb>> m_verbs;
};

} // namespace prov
