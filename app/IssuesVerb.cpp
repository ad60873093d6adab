#include "IssuesVerb.h"

#include "CliContext.h"
#include "CliOutput.h"

namespace prov {

QString IssuesVerb::name() const
{
    return QStringLiteral("issues");
}

QString IssuesVerb::synopsis() const
{
    return QStringLiteral("STORE [--cache PATH] [--format table|csv|json]");
}

QString IssuesVerb::summary() const
{
    return QStringLiteral("list the problems found in the store");
}

QList<QCommandLineOption> IssuesVerb::options() const
{
    return { CliOutput::formatOption() };
}

int IssuesVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    const auto format = CliOutput::format(context, parser);
    if (!format)
        return CliExit::Usage;
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    auto issues = cache->issues();
    if (!issues)
        return CliOutput::fail(context, name(), issues.error());
    QList<QStringList> rows { { QStringLiteral("SEVERITY"), QStringLiteral("WHERE"), QStringLiteral("RUN"),
        QStringLiteral("PROBLEM") } };
    QJsonArray json;
    for (const StoreIssue& i : *issues) {
        const QString severity = StoreIssue::severityName(i.severity);
        rows.append({ severity, i.location, i.runId, i.message });
        json.append(QJsonObject { { QStringLiteral("severity"), severity }, { QStringLiteral("location"), i.location },
            { QStringLiteral("run_id"), i.runId }, { QStringLiteral("experiment_id"), i.experimentId },
            { QStringLiteral("message"), i.message } });
    }
    return CliOutput::emit(context, *format, rows, json);
}

} // namespace prov
