#include "CliVerbs.h"

#include "CliContext.h"
#include "core/DisplayFormat.h"
#include "core/TabularText.h"
#include "query/CacheReader.h"
#include "query/RegistryQuery.h"
#include "query/RunTableExport.h"
#include "query/RunTableLoader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace prov {
namespace {

constexpr int exitFailed = 1;
constexpr int exitUsage = 2;

int fail(CliContext& context, const QString& verb, const Error& error)
{
    context.err() << "provenance " << verb << ": " << error.describe() << '\n';
    return exitFailed;
}

// Writes rows (header first) in the chosen format; JSON comes from `json` instead.
int emit(CliContext& context, CliFormat format, const QList<QStringList>& rows, const QJsonArray& json)
{
    QByteArray text;
    switch (format) {
    case CliFormat::Json:
        text = QJsonDocument(json).toJson(QJsonDocument::Indented);
        break;
    case CliFormat::Csv:
        text = TabularText::csv(rows);
        break;
    case CliFormat::Table:
        text = TabularText::aligned(rows);
        break;
    }
    context.out() << QString::fromUtf8(text);
    return 0;
}

QJsonObject keyValueObject(const KeyValueList& list)
{
    QJsonObject object;
    for (const KeyValue& kv : list)
        object.insert(kv.key, kv.value);
    return object;
}

QJsonValue optionalTime(std::optional<qint64> ms)
{
    return ms ? QJsonValue(*ms) : QJsonValue();
}

QJsonObject versionObject(const ModelVersionEntry& e)
{
    const ModelVersion& v = e.version;
    return QJsonObject {
        { QStringLiteral("version"), QString::number(v.version) },
        { QStringLiteral("stage"), v.stage },
        { QStringLiteral("aliases"), QJsonArray::fromStringList(e.aliases) },
        { QStringLiteral("source"), v.source },
        { QStringLiteral("run_id"), v.runId },
        { QStringLiteral("run_name"), e.runName },
        { QStringLiteral("model_id"), v.modelId },
        { QStringLiteral("status"), v.status },
        { QStringLiteral("description"), v.description },
        { QStringLiteral("creation_timestamp"), optionalTime(v.creationTime) },
        { QStringLiteral("tags"), keyValueObject(v.tags) },
    };
}

// Opens the cache after bringing it up to date (or explaining why it could not be).
Result<CacheReader> freshCache(CliContext& context)
{
    if (Status s = context.refreshOrUseCache(); !s)
        return s.error();
    return CacheReader::open(context.cachePath());
}

} // namespace

int CliVerbs::sync(CliContext& context)
{
    auto summary = context.sync();
    if (!summary)
        return fail(context, QStringLiteral("sync"), summary.error());
    context.out() << summary->oneLine() << '\n';
    return 0;
}

int CliVerbs::runs(CliContext& context, const RunsOptions& options)
{
    auto cache = freshCache(context);
    if (!cache)
        return fail(context, QStringLiteral("runs"), cache.error());
    RunSelection selection;
    selection.filter = options.filter;
    selection.includeDeleted = options.includeDeleted;
    auto table = RunTableLoader(cache->database()).load(selection);
    if (!table) {
        // A filter error carries its column in `location`; the message already names it.
        const Error& e = table.error();
        context.err() << "provenance runs: "
                      << (e.code == ErrorCode::InvalidArgument ? QStringLiteral("bad --filter: ") + e.message
                                                               : e.describe())
                      << '\n';
        return e.code == ErrorCode::InvalidArgument ? exitUsage : exitFailed;
    }
    context.out().flush();
    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return fail(
            context, QStringLiteral("runs"), makeError(ErrorCode::Io, QStringLiteral("cannot write to stdout")));
    bool written = true;
    switch (options.format) {
    case CliFormat::Json:
        written = RunTableExport::writeJson(**table, stdoutFile);
        break;
    case CliFormat::Csv:
        written = RunTableExport::writeCsv(**table, stdoutFile);
        break;
    case CliFormat::Table:
        written = stdoutFile.write(RunTableExport::toText(**table)) >= 0;
        break;
    }
    stdoutFile.flush();
    if (!written)
        return fail(context, QStringLiteral("runs"),
            makeError(ErrorCode::Io, stdoutFile.errorString(), QStringLiteral("stdout")));
    return 0;
}

int CliVerbs::experiments(CliContext& context, CliFormat format)
{
    auto cache = freshCache(context);
    if (!cache)
        return fail(context, QStringLiteral("experiments"), cache.error());
    auto list = cache->experiments();
    if (!list)
        return fail(context, QStringLiteral("experiments"), list.error());
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
    return emit(context, format, rows, json);
}

int CliVerbs::models(CliContext& context, CliFormat format)
{
    auto cache = freshCache(context);
    if (!cache)
        return fail(context, QStringLiteral("models"), cache.error());
    auto models = RegistryQuery(cache->database()).models();
    if (!models)
        return fail(context, QStringLiteral("models"), models.error());
    QList<QStringList> rows { { QStringLiteral("MODEL"), QStringLiteral("VERSION"), QStringLiteral("STAGE"),
        QStringLiteral("ALIASES"), QStringLiteral("RUN"), QStringLiteral("SOURCE") } };
    QJsonArray json;
    for (const RegisteredModelEntry& m : *models) {
        QJsonArray versions;
        QJsonObject aliases;
        for (const ModelAlias& a : m.model.aliases)
            aliases.insert(a.alias, QString::number(a.version));
        for (const ModelVersionEntry& v : m.versions) {
            versions.append(versionObject(v));
            rows.append(
                { m.model.name, QString::number(v.version.version), v.version.stage, v.aliases.join(QLatin1Char(',')),
                    v.runName.isEmpty() ? v.version.runId : v.runName, v.version.source });
        }
        json.append(QJsonObject { { QStringLiteral("name"), m.model.name },
            { QStringLiteral("description"), m.model.description },
            { QStringLiteral("tags"), keyValueObject(m.model.tags) }, { QStringLiteral("aliases"), aliases },
            { QStringLiteral("versions"), versions } });
    }
    return emit(context, format, rows, json);
}

int CliVerbs::issues(CliContext& context, CliFormat format)
{
    auto cache = freshCache(context);
    if (!cache)
        return fail(context, QStringLiteral("issues"), cache.error());
    auto issues = cache->issues();
    if (!issues)
        return fail(context, QStringLiteral("issues"), issues.error());
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
    return emit(context, format, rows, json);
}

} // namespace prov
