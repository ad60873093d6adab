#include "ClearVerb.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "sync/CacheClear.h"

namespace prov {

QString ClearVerb::name() const
{
    return QStringLiteral("clear");
}

QString ClearVerb::synopsis() const
{
    return QStringLiteral("STORE [--cache PATH]");
}

QString ClearVerb::summary() const
{
    return QStringLiteral("delete the store's cached data (its journal is kept); refused while it is in use");
}

int ClearVerb::run(CliContext& context, const QCommandLineParser&) const
{
    if (Status s = CacheClear::run(context.cachePath(), context.journalPath()); !s)
        return CliOutput::fail(context, name(), s.error());
    context.out() << "cleared the cache of " << context.store().uri << '\n';
    return CliExit::Done;
}

} // namespace prov
