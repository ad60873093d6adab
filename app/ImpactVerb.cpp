#include "ImpactVerb.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "core/TabularText.h"
#include "lineage/LineageBuilder.h"
#include "lineage/LineageImpact.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace prov {
namespace {

const QCommandLineOption datasetOption { QStringLiteral("dataset"),
    QStringLiteral("What descends from the dataset versions with this digest."), QStringLiteral("DIGEST") };
const QCommandLineOption commitOption { QStringLiteral("commit"),
    QStringLiteral("What descends from this git commit (7 characters or more of it)."), QStringLiteral("SHA") };
const QCommandLineOption formatOption { QStringLiteral("format"), QStringLiteral("Output format: table or json."),
    QStringLiteral("FORMAT"), QStringLiteral("table") };

QByteArray json(const LineageImpactReport& report)
{
    QJsonArray versions;
    for (const ImpactedVersion& v : report.versions)
        versions.append(QJsonObject { { QStringLiteral("name"), v.name },
            { QStringLiteral("version"), QString::number(v.version) }, { QStringLiteral("stage"), v.stage },
            { QStringLiteral("aliases"), QJsonArray::fromStringList(v.aliases) },
            { QStringLiteral("run_id"), v.runId.isEmpty() ? QJsonValue() : QJsonValue(v.runId) },
            { QStringLiteral("path"), QJsonArray::fromStringList(v.path) } });
    return QJsonDocument(QJsonObject { { QStringLiteral("versions"), versions },
                             { QStringLiteral("runs"), QJsonArray::fromStringList(report.runs) } })
        .toJson(QJsonDocument::Indented);
}

QByteArray table(const LineageImpactReport& report)
{
    QList<QStringList> versions { { QStringLiteral("MODEL"), QStringLiteral("VERSION"), QStringLiteral("STAGE"),
        QStringLiteral("ALIASES"), QStringLiteral("RUN"), QStringLiteral("HOPS") } };
    for (const ImpactedVersion& v : report.versions)
        versions.append({ v.name, QString::number(v.version), v.stage, v.aliases.join(QLatin1Char(',')), v.runId,
            QString::number(v.path.size() - 1) });
    QList<QStringList> runs { { QStringLiteral("RUN") } };
    for (const QString& run : report.runs)
        runs.append({ run });
    return TabularText::aligned(versions) + '\n' + TabularText::aligned(runs);
}

} // namespace

QString ImpactVerb::name() const
{
    return QStringLiteral("impact");
}

QString ImpactVerb::synopsis() const
{
    return QStringLiteral("STORE (--dataset DIGEST | --commit SHA) [--format json|table]");
}

QString ImpactVerb::summary() const
{
    return QStringLiteral("every run and model version that descends from a dataset version or a commit");
}

QList<QCommandLineOption> ImpactVerb::options() const
{
    return { datasetOption, commitOption, formatOption };
}

int ImpactVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    if (parser.isSet(datasetOption) == parser.isSet(commitOption))
        return CliOutput::usageError(context, name(), QStringLiteral("choose one of --dataset DIGEST or --commit SHA"));
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("json") && format != QLatin1String("table"))
        return CliOutput::usageError(
            context, name(), QStringLiteral("unknown --format '%1' (use table or json)").arg(format));
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    auto graph = LineageBuilder(cache->database()).build();
    if (!graph)
        return CliOutput::fail(context, name(), graph.error());
    const auto report = parser.isSet(datasetOption) ? LineageImpact::ofDataset(*graph, parser.value(datasetOption))
                                                    : LineageImpact::ofCommit(*graph, parser.value(commitOption));
    if (!report)
        return CliOutput::fail(context, name(), report.error());
    context.out() << QString::fromUtf8(format == QLatin1String("json") ? json(*report) : table(*report));
    return CliExit::Done;
}

} // namespace prov
