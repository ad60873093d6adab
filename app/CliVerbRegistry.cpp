#include "CliVerbRegistry.h"

#include "CardVerb.h"
#include "ClearVerb.h"
#include "CompareVerb.h"
#include "ExperimentsVerb.h"
#include "ImpactVerb.h"
#include "IssuesVerb.h"
#include "LineageVerb.h"
#include "ModelsVerb.h"
#include "RegistryVerb.h"
#include "RunsVerb.h"
#include "SyncVerb.h"

namespace prov {

CliVerbRegistry::CliVerbRegistry()
{
    m_verbs.push_back(std::make_unique<SyncVerb>());
    m_verbs.push_back(std::make_unique<RunsVerb>());
    m_verbs.push_back(std::make_unique<ExperimentsVerb>());
    m_verbs.push_back(std::make_unique<ModelsVerb>());
    m_verbs.push_back(std::make_unique<RegistryVerb>());
    m_verbs.push_back(std::make_unique<CardVerb>());
    m_verbs.push_back(std::make_unique<LineageVerb>());
    m_verbs.push_back(std::make_unique<ImpactVerb>());
    m_verbs.push_back(std::make_unique<CompareVerb>());
    m_verbs.push_back(std::make_unique<IssuesVerb>());
    m_verbs.push_back(std::make_unique<ClearVerb>());
}

const CliVerb* CliVerbRegistry::find(const QString& name) const
{
    for (const auto& verb : m_verbs) {
        if (verb->name() == name)
            return verb.get();
    }
    return nullptr;
}

} // namespace prov
