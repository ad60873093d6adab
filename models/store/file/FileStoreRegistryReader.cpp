#include "store/file/FileStoreRegistryReader.h"

#include "domain/CanonicalOrder.h"
#include "store/file/FileStoreKeyValues.h"
#include "store/file/FileStoreText.h"
#include "store/file/FileStoreYaml.h"
#include "store/file/PosixFile.h"

#include <algorithm>
#include <charconv>

namespace prov {
namespace {

const QString deletedStage = QStringLiteral("Deleted_Internal");

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// n of a `version-<n>` folder name.
std::optional<qint64> versionOfFolder(const std::string& name)
{
    static const std::string prefix = "version-";
    if (!name.starts_with(prefix))
        return std::nullopt;
    qint64 n = 0;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + name.size();
    const auto [end, ec] = std::from_chars(first, last, n);
    if (ec != std::errc() || end != last || first == last)
        return std::nullopt;
    return n;
}

} // namespace

FileStoreRegistryReader::FileStoreRegistryReader(std::string root)
    : m_root(std::move(root))
{ }

RegistryScan FileStoreRegistryReader::scan()
{
    RegistryScan result;
    auto dir = PosixDirectory::open(m_root + "/models");
    if (!dir) {
        if (dir.error().code != ErrorCode::NotFound)
            FileStoreIssueSink(result.issues).add(dir.error());
        return result;
    }
    auto entries = dir->entries();
    if (!entries) {
        FileStoreIssueSink(result.issues).add(entries.error());
        return result;
    }
    for (const PosixDirectory::Entry& entry : *entries) {
        if (entry.kind != PosixDirectory::Kind::Directory || entry.name.starts_with('.'))
            continue;
        if (auto model = readModel(*dir, entry.name, result.issues))
            result.models.append(std::move(*model));
    }
    std::sort(result.models.begin(), result.models.end(),
        [](const RegisteredModel& a, const RegisteredModel& b) { return a.name < b.name; });
    if (m_sawVersions)
        m_generation = m_sawMlflow3Fields ? Generation::Mlflow3 : Generation::Mlflow2;
    return result;
}

std::optional<RegisteredModel> FileStoreRegistryReader::readModel(
    const PosixDirectory& models, const std::string& name, StoreIssueList& issues)
{
    const std::string folder = models.childPath(name);
    FileStoreIssueSink sink(issues);
    RegisteredModel model;
    auto meta = FileStoreYaml::load(folder + "/meta.yaml");
    Status valid = meta ? meta->require({ "name" }) : Status(meta.error());
    if (valid.ok()) {
        model.name = meta->text("name");
        model.description = meta->text("description");
        model.creationTime = meta->integer("creation_timestamp");
        model.lastUpdatedTime = meta->integer("last_updated_timestamp");
    } else {
        model.name = fromStd(name);
        sink.add(valid.error().location,
            QStringLiteral("registered model meta.yaml unreadable (%1)").arg(valid.error().message));
    }
    model.tags = FileStoreKeyValues::read(folder + "/tags", sink);
    model.aliases = readAliases(folder + "/aliases", sink);
    bool anyVersion = false;
    model.versions = readVersions(folder, model, sink, &anyVersion);
    // Without its meta.yaml a model is only worth listing for the versions it holds.
    if (!valid.ok() && !anyVersion)
        return std::nullopt;
    CanonicalOrder::sort(model);
    return model;
}

QList<ModelAlias> FileStoreRegistryReader::readAliases(const std::string& folder, FileStoreIssueSink& issues)
{
    QList<ModelAlias> aliases;
    for (const KeyValue& kv : FileStoreKeyValues::read(folder, issues)) {
        bool ok = false;
        const qint64 version = kv.value.trimmed().toLongLong(&ok);
        if (!ok || kv.key.contains(QLatin1Char('/'))) {
            issues.add(folder + '/' + kv.key.toStdString(),
                QStringLiteral("alias file does not hold a version number: \"%1\"; skipped").arg(kv.value.left(40)));
            continue;
        }
        aliases.append(ModelAlias { kv.key, version });
    }
    return aliases;
}

QList<ModelVersion> FileStoreRegistryReader::readVersions(
    const std::string& folder, const RegisteredModel& model, FileStoreIssueSink& issues, bool* any)
{
    QList<ModelVersion> versions;
    auto dir = PosixDirectory::open(folder);
    auto entries = dir ? dir->entries() : Result<std::vector<PosixDirectory::Entry>>(dir.error());
    if (!entries) {
        issues.add(entries.error());
        return versions;
    }
    for (const PosixDirectory::Entry& entry : *entries) {
        if (entry.kind != PosixDirectory::Kind::Directory || !versionOfFolder(entry.name))
            continue;
        *any = true;
        if (auto version = readVersion(dir->childPath(entry.name), model, issues))
            versions.append(std::move(*version));
    }
    return versions;
}

std::optional<ModelVersion> FileStoreRegistryReader::readVersion(
    const std::string& folder, const RegisteredModel& model, FileStoreIssueSink& issues)
{
    auto meta = FileStoreYaml::load(folder + "/meta.yaml");
    // version is the last key PyYAML writes: without it the file was cut short.
    Status valid = meta ? meta->require({ "current_stage", "version" }) : Status(meta.error());
    const auto number = meta ? meta->integer("version") : std::nullopt;
    if (!valid.ok() || !number) {
        const QString why = valid.ok() ? QStringLiteral("version is not a number") : valid.error().message;
        issues.add(folder + "/meta.yaml", QStringLiteral("model version skipped: %1").arg(why));
        return std::nullopt;
    }
    m_sawVersions = true;
    if (meta->has("model_id") || meta->has("deployment_job_state"))
        m_sawMlflow3Fields = true;
    ModelVersion v;
    v.stage = meta->text("current_stage");
    if (v.stage == deletedStage)
        return std::nullopt;
    v.name = meta->text("name");
    if (v.name.isEmpty())
        v.name = model.name;
    v.version = *number;
    v.creationTime = meta->integer("creation_timestamp");
    v.lastUpdatedTime = meta->integer("last_updated_timestamp");
    v.description = meta->text("description");
    v.userId = meta->text("user_id");
    v.source = meta->text("source");
    v.runId = meta->text("run_id");
    v.status = meta->text("status");
    v.statusMessage = meta->text("status_message");
    v.runLink = meta->text("run_link");
    v.storageLocation = meta->text("storage_location");
    v.modelId = meta->text("model_id");
    v.tags = FileStoreKeyValues::read(folder + "/tags", issues);
    return v;
}

} // namespace prov
