#include "ExperimentsVerb.h"

#include "CliContext.h"
#include "CliOutput.h"

namespace prov {

QString ExperimentsVerb::name() const
{
    return QStringLiteral("experiments");
}

QString ExperimentsVerb::synopsis() const
{
    return QStringLiteral("STORE [--cache PATH] [--format table|csv|json]");
}

QString ExperimentsVerb::summary() const
{
    return QStringLiteral("list experiments with their active run counts");
}

QList<QCommandLineOption> ExperimentsVerb::options() const
{
    return { CliOutput::formatOption() };
}

int ExperimentsVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    const auto format = CliOutput::format(context, parser);
    if (!format)
        return CliExit::Usage;
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    auto list = cache->experiments();
    if (!list)
        return CliOutput::fail(context, name(), list.error());
    QList<QStringList> rows { { QStringLiteral("EXPERIMENT ID"), QStringLiteral("NAME"), QStringLiteral("STAGE"),
        QStringLiteral("ACTIVE RUNS") } };
    QJsonArray json;
    for (const ExperimentEntry& e : *list) {
        const QString stage = e.deleted ? QStringLiteral("deleted") : QStringLiteral("active");
        rows.append({ e.experimentId, e.name, stage, QString::number(e.runCount) });
        json.append(
            QJsonObject { { QStringLiteral("experiment_id"), e.experimentId }, { QStringLiteral("name"), e.name },
                { QStringLiteral("lifecycle_stage"), stage }, { QStringLiteral("active_runs"), e.runCount } });
    }
    return CliOutput::emit(context, *format, rows, json);
}

} // namespace prov
