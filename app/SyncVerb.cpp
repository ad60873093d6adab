#include "SyncVerb.h"

#include "CliContext.h"
#include "CliOutput.h"

namespace prov {

QString SyncVerb::name() const
{
    return QStringLiteral("sync");
}

QString SyncVerb::synopsis() const
{
    return QStringLiteral("STORE [--cache PATH]");
}

QString SyncVerb::summary() const
{
    return QStringLiteral("read a store into the cache and print a summary");
}

int SyncVerb::run(CliContext& context, const QCommandLineParser&) const
{
    auto summary = context.sync();
    if (!summary)
        return CliOutput::fail(context, name(), summary.error());
    context.out() << summary->oneLine() << '\n';
    return CliExit::Done;
}

} // namespace prov
