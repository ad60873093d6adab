#include "RegistryVerb.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "core/DisplayFormat.h"
#include "journal/BindingHistoryQuery.h"
#include "journal/JournalDatabase.h"
#include "registry/RegistryAtTime.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace prov {
namespace {

const QCommandLineOption modelOption { QStringLiteral("model"), QStringLiteral("Only this registered model."),
    QStringLiteral("NAME") };
const QCommandLineOption atOption { QStringLiteral("at"),
    QStringLiteral("Aliases and stages as observed at TIME (ISO 8601 or ms since the epoch)."),
    QStringLiteral("TIME") };
const QCommandLineOption formatOption { QStringLiteral("format"), QStringLiteral("Output format: table or json."),
    QStringLiteral("FORMAT"), QStringLiteral("table") };

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue time(std::optional<qint64> ms)
{
    return ms ? QJsonValue(*ms) : QJsonValue();
}

QJsonObject versionObject(const ModelVersionEntry& e)
{
    const ModelVersion& v = e.version;
    return QJsonObject { { QStringLiteral("version"), QString::number(v.version) },
        { QStringLiteral("stage"), v.stage.isEmpty() ? QStringLiteral("None") : v.stage },
        { QStringLiteral("aliases"), QJsonArray::fromStringList(e.aliases) },
        { QStringLiteral("run_id"), orNull(v.runId) }, { QStringLiteral("source"), v.source },
        { QStringLiteral("model_id"), orNull(v.modelId.startsWith(QLatin1String("m-")) ? v.modelId : QString()) },
        { QStringLiteral("status"), v.status }, { QStringLiteral("description"), v.description },
        { QStringLiteral("tags"), CliOutput::keyValueObject(v.tags) },
        { QStringLiteral("creation_timestamp"), time(v.creationTime) },
        { QStringLiteral("last_updated_timestamp"), time(v.lastUpdatedTime) } };
}

QJsonObject modelObject(const RegisteredModelEntry& m, std::optional<qint64> observedAt)
{
    QJsonObject aliases;
    for (const ModelAlias& a : m.model.aliases)
        aliases.insert(a.alias, QString::number(a.version));
    QJsonArray versions;
    for (const ModelVersionEntry& v : m.versions)
        versions.append(versionObject(v));
    QJsonObject object { { QStringLiteral("name"), m.model.name },
        { QStringLiteral("description"), m.model.description },
        { QStringLiteral("tags"), CliOutput::keyValueObject(m.model.tags) }, { QStringLiteral("aliases"), aliases },
        { QStringLiteral("versions"), versions } };
    if (observedAt)
        object.insert(QStringLiteral("observed_at"), *observedAt);
    return object;
}

// The registry as of --at, from the journal; prints why when it cannot be answered.
Result<RegistryAsObserved> asObserved(CliContext& context, const QList<RegisteredModelEntry>& current, qint64 moment)
{
    auto journal = JournalDatabase::open(context.journalPath(), JournalDatabase::Access::Read);
    if (!journal) {
        if (journal.error().code == ErrorCode::NotFound)
            return makeError(
                ErrorCode::NotFound, QStringLiteral("no sync has recorded the registry of this store yet"));
        return journal.error();
    }
    auto state = BindingHistoryQuery(*journal).stateAt(moment);
    if (!state)
        return state.error();
    return RegistryAtTime::apply(current, *state);
}

} // namespace

QString RegistryVerb::name() const
{
    return QStringLiteral("registry");
}

QString RegistryVerb::synopsis() const
{
    return QStringLiteral("STORE [--cache PATH] [--model NAME] [--at TIME] [--format json|table]");
}

QString RegistryVerb::summary() const
{
    return QStringLiteral("registered models, aliases and versions; with --at, as observed at a past moment");
}

QList<QCommandLineOption> RegistryVerb::options() const
{
    return { modelOption, atOption, formatOption };
}

int RegistryVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("json") && format != QLatin1String("table"))
        return CliOutput::usageError(
            context, name(), QStringLiteral("unknown --format '%1' (use table or json)").arg(format));
    std::optional<qint64> moment;
    if (parser.isSet(atOption)) {
        auto parsed = RegistryAtTime::parseMoment(parser.value(atOption));
        if (!parsed)
            return CliOutput::usageError(context, name(), parsed.error().message);
        moment = *parsed;
    }
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    auto models = RegistryQuery(cache->database()).models();
    if (!models)
        return CliOutput::fail(context, name(), models.error());
    if (parser.isSet(modelOption)) {
        const QString wanted = parser.value(modelOption);
        QStringList names;
        for (const RegisteredModelEntry& m : *models)
            names << m.model.name;
        models->removeIf([&](const RegisteredModelEntry& m) { return m.model.name != wanted; });
        if (models->isEmpty())
            return CliOutput::fail(context, name(),
                makeError(ErrorCode::InvalidArgument,
                    names.isEmpty()
                        ? QStringLiteral("there is no registered model “%1”: the store has none").arg(wanted)
                        : QStringLiteral("there is no registered model “%1” (the store has %2)")
                              .arg(wanted, names.join(QStringLiteral(", ")))));
    }
    std::optional<qint64> observedAt;
    if (moment) {
        auto past = asObserved(context, *models, *moment);
        if (!past)
            return CliOutput::fail(context, name(), past.error());
        observedAt = past->observedAt;
        *models = past->models;
        context.err() << "provenance: aliases and stages as observed by the sync at "
                      << DisplayFormat::timestamp(observedAt) << '\n';
    }
    QJsonArray json;
    QList<QStringList> rows { { QStringLiteral("MODEL"), QStringLiteral("VERSION"), QStringLiteral("STAGE"),
        QStringLiteral("ALIASES"), QStringLiteral("RUN"), QStringLiteral("REGISTERED") } };
    for (const RegisteredModelEntry& m : std::as_const(*models)) {
        json.append(modelObject(m, observedAt));
        for (const ModelVersionEntry& v : m.versions)
            rows.append({ m.model.name, QString::number(v.version.version), v.version.stage,
                v.aliases.join(QLatin1Char(',')), v.runName.isEmpty() ? v.version.runId : v.runName,
                DisplayFormat::timestamp(v.version.creationTime) });
    }
    return CliOutput::emit(context, format == QLatin1String("json") ? CliFormat::Json : CliFormat::Table, rows, json);
}

} // namespace prov
