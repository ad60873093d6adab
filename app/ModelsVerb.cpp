#include "ModelsVerb.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "query/RegistryQuery.h"

namespace prov {
namespace {

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
        { QStringLiteral("tags"), CliOutput::keyValueObject(v.tags) },
    };
}

} // namespace

QString ModelsVerb::name() const
{
    return QStringLiteral("models");
}

QString ModelsVerb::synopsis() const
{
    return QStringLiteral("STORE [--cache PATH] [--format table|csv|json]");
}

QString ModelsVerb::summary() const
{
    return QStringLiteral("list registered models and versions (stage, aliases, run, source)");
}

QList<QCommandLineOption> ModelsVerb::options() const
{
    return { CliOutput::formatOption() };
}

int ModelsVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    const auto format = CliOutput::format(context, parser);
    if (!format)
        return CliExit::Usage;
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    auto models = RegistryQuery(cache->database()).models();
    if (!models)
        return CliOutput::fail(context, name(), models.error());
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
            { QStringLiteral("tags"), CliOutput::keyValueObject(m.model.tags) }, { QStringLiteral("aliases"), aliases },
            { QStringLiteral("versions"), versions } });
    }
    return CliOutput::emit(context, *format, rows, json);
}

} // namespace prov
