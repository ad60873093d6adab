#include "store/StoreWriter.h"

#include "core/LogCategories.h"
#include "jobs/WorkerPool.h"
#include "store/RegistryWriteRules.h"
#include "store/StoreReaderFactory.h"

#include <QHash>

#include <optional>

namespace prov {
namespace {

using Kind = RegistryWrite::Kind;

// What the registry must hold after the batch: the last write to each target wins.
struct Expectations
{
    QHash<QString, std::optional<QString>> tags; // model \x1f version \x1f key -> value (none: deleted)
    QHash<QString, std::optional<qint64>> aliases; // model \x1f alias -> version
    QHash<QString, QString> stages; // model \x1f version -> stage
    QHash<QString, QString> descriptions; // model \x1f version -> description
    QHash<QString, RegistryWrite> sources; // same keys, prefixed by the map's letter
};

QString join(const QString& a, qint64 b, const QString& c = {})
{
    return a + QChar(0x1f) + QString::number(b) + (c.isNull() ? QString() : QChar(0x1f) + c);
}

Expectations expectationsOf(const RegistryWrites& writes)
{
    Expectations e;
    for (const RegistryWrite& w : writes) {
        switch (w.kind) {
        case Kind::SetVersionTag:
        case Kind::DeleteVersionTag: {
            const QString key = join(w.modelName, w.version, w.key);
            e.tags.insert(key, w.kind == Kind::SetVersionTag ? std::optional<QString>(w.value) : std::nullopt);
            e.sources.insert(QLatin1Char('t') + key, w);
            break;
        }
        case Kind::SetAlias:
        case Kind::DeleteAlias: {
            const QString key = w.modelName + QChar(0x1f) + w.key;
            e.aliases.insert(key, w.kind == Kind::SetAlias ? std::optional<qint64>(w.version) : std::nullopt);
            e.sources.insert(QLatin1Char('a') + key, w);
            break;
        }
        case Kind::TransitionStage:
            e.stages.insert(join(w.modelName, w.version), RegistryWriteRules::canonicalStage(w.key));
            e.sources.insert(QLatin1Char('s') + join(w.modelName, w.version), w);
            break;
        case Kind::SetVersionDescription:
            e.descriptions.insert(join(w.modelName, w.version), w.value);
            e.sources.insert(QLatin1Char('d') + join(w.modelName, w.version), w);
            break;
        }
    }
    return e;
}

// What the store holds now, in the same keys.
Expectations actualOf(const RegistryScan& scan)
{
    Expectations a;
    for (const RegisteredModel& model : scan.models) {
        for (const ModelAlias& alias : model.aliases)
            a.aliases.insert(model.name + QChar(0x1f) + alias.alias, alias.version);
        for (const ModelVersion& v : model.versions) {
            for (const KeyValue& tag : v.tags)
                a.tags.insert(join(model.name, v.version, tag.key), tag.value);
            a.stages.insert(join(model.name, v.version), v.stage);
            a.descriptions.insert(join(model.name, v.version), v.description);
        }
    }
    return a;
}

Error notKept(const RegistryWrite& w)
{
    return makeError(ErrorCode::Io,
        QStringLiteral("the store does not hold the change after writing it (%1); another program may have changed it "
                       "at the same moment")
            .arg(w.describe()));
}

} // namespace

Status StoreWriter::apply(const RegistryWrites& writes)
{
    if (Status s = RegistryWriteRules::checkAll(writes); !s)
        return s;
    if (Status s = write(writes); !s) {
        qCWarning(lcRegistry) << "write to" << location().uri << "failed:" << s.error().describe();
        return s;
    }
    return readBack(writes);
}

Result<RegistryScan> StoreWriter::readRegistry(const RegistryWrites&) const
{
    WorkerPool workers(1); // reading a registry does not fan out
    auto reader = StoreReaderFactory::open(location(), workers);
    if (!reader)
        return reader.error();
    return (*reader)->scanRegistry();
}

Status StoreWriter::readBack(const RegistryWrites& writes) const
{
    auto scan = readRegistry(writes);
    if (!scan)
        return scan.error();
    const Expectations want = expectationsOf(writes);
    const Expectations have = actualOf(*scan);
    for (auto it = want.tags.begin(); it != want.tags.end(); ++it) {
        const auto found = have.tags.constFind(it.key());
        const std::optional<QString> held = found == have.tags.constEnd() ? std::nullopt : *found;
        if (held != *it)
            return notKept(want.sources.value(QLatin1Char('t') + it.key()));
    }
    for (auto it = want.aliases.begin(); it != want.aliases.end(); ++it) {
        const auto found = have.aliases.constFind(it.key());
        const std::optional<qint64> held = found == have.aliases.constEnd() ? std::nullopt : *found;
        if (held != *it)
            return notKept(want.sources.value(QLatin1Char('a') + it.key()));
    }
    for (auto it = want.stages.begin(); it != want.stages.end(); ++it) {
        if (have.stages.value(it.key()) != *it)
            return notKept(want.sources.value(QLatin1Char('s') + it.key()));
    }
    for (auto it = want.descriptions.begin(); it != want.descriptions.end(); ++it) {
        if (have.descriptions.value(it.key()) != *it)
            return notKept(want.sources.value(QLatin1Char('d') + it.key()));
    }
    return {};
}

bool StoreWriter::isTransient(const Error& error)
{
    // A missing model or version is refused as InvalidArgument by the writers: NotFound here
    // is always the store itself being out of reach. A server that cannot be reached, refuses
    // these credentials (401/403: the user may log in) or fails (5xx) may take it later.
    switch (error.code) {
    case ErrorCode::Io:
    case ErrorCode::Database:
    case ErrorCode::NotFound:
    case ErrorCode::Unreachable:
    case ErrorCode::AccessDenied:
    case ErrorCode::Cancelled:
        return true;
    default:
        return false;
    }
}

} // namespace prov
