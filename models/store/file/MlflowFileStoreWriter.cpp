#include "store/file/MlflowFileStoreWriter.h"

#include "store/RegistryWriteRules.h"
#include "store/file/FileStoreYaml.h"
#include "store/file/MetaYamlDocument.h"
#include "store/file/PyYamlWriter.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace prov {
namespace {

using Kind = RegistryWrite::Kind;

const QString deletedStage = QStringLiteral("Deleted_Internal");

Error refused(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

Error missingVersion(const QString& name, qint64 version)
{
    return refused(
        QStringLiteral("there is no version %1 of “%2” in this store (or it was deleted)").arg(version).arg(name));
}

Result<MetaYamlDocument> parseMeta(const std::optional<QByteArray>& bytes, const QString& path)
{
    if (!bytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the file is missing"), path);
    return MetaYamlDocument::parse(*bytes, path);
}

QString stageOf(const QByteArray& meta)
{
    auto yaml = FileStoreYaml::parse(std::string_view(meta.constData(), size_t(meta.size())), {});
    return yaml ? yaml->text("current_stage") : QString();
}

} // namespace

MlflowFileStoreWriter::MlflowFileStoreWriter(StoreLocation location)
    : m_location(std::move(location))
{ }

QString MlflowFileStoreWriter::modelFolder(const QString& name) const
{
    return QDir(m_location.path).filePath(QStringLiteral("models/") + name);
}

QString MlflowFileStoreWriter::versionFolder(const QString& name, qint64 version) const
{
    return modelFolder(name) + QStringLiteral("/version-") + QString::number(version);
}

Status MlflowFileStoreWriter::requireModel(const QString& name) const
{
    // MLflow's file store refuses names with a path separator or '%'; "." and ".." would name
    // another folder.
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('%')) || name == QLatin1String(".")
        || name == QLatin1String(".."))
        return refused(QStringLiteral("“%1” cannot be a registered model name in a file store").arg(name));
    if (!QFileInfo::exists(modelFolder(name) + QStringLiteral("/meta.yaml")))
        return refused(QStringLiteral("there is no registered model “%1” in this store").arg(name));
    return {};
}

Result<MetaYamlDocument> MlflowFileStoreWriter::liveVersion(
    const QString& name, qint64 version, const FileStoreEdit& edit) const
{
    if (Status s = requireModel(name); !s)
        return s.error();
    const QString path = versionFolder(name, version) + QStringLiteral("/meta.yaml");
    auto bytes = edit.read(path);
    if (!bytes)
        return bytes.error();
    if (!*bytes || stageOf(**bytes) == deletedStage)
        return missingVersion(name, version);
    return parseMeta(*bytes, path);
}

Result<QList<std::pair<QString, QString>>> MlflowFileStoreWriter::aliases(
    const QString& name, const FileStoreEdit& edit) const
{
    const QString folder = modelFolder(name) + QStringLiteral("/aliases");
    QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    for (const QString& path : edit.stagedPaths()) {
        if (QFileInfo(path).absolutePath() == folder && !names.contains(QFileInfo(path).fileName()))
            names << QFileInfo(path).fileName();
    }
    std::sort(names.begin(), names.end());
    QList<std::pair<QString, QString>> aliases;
    for (const QString& alias : std::as_const(names)) {
        auto content = edit.read(folder + QLatin1Char('/') + alias);
        if (!content)
            return content.error();
        if (*content)
            aliases.append({ alias, QString::fromUtf8(**content) });
    }
    return aliases;
}

Status MlflowFileStoreWriter::touchModel(const QString& name, FileStoreEdit& edit, qint64 now) const
{
    const QString path = modelFolder(name) + QStringLiteral("/meta.yaml");
    auto bytes = edit.read(path);
    if (!bytes)
        return bytes.error();
    auto meta = parseMeta(*bytes, path);
    if (!meta)
        return meta.error();
    auto current = aliases(name, edit);
    if (!current)
        return current.error();
    meta->set(QStringLiteral("aliases"), PyYamlWriter::stringMapEntry(QStringLiteral("aliases"), *current));
    meta->set(QStringLiteral("last_updated_timestamp"),
        PyYamlWriter::integerEntry(QStringLiteral("last_updated_timestamp"), now));
    edit.write(path, meta->text(), modelFolder(name));
    return {};
}

Status MlflowFileStoreWriter::updateVersionMeta(const QString& name, qint64 version, MetaYamlDocument meta,
    FileStoreEdit& edit, const QList<std::pair<QString, QByteArray>>& changes) const
{
    for (const auto& [key, entry] : changes)
        meta.set(key, entry);
    if (meta.has(QStringLiteral("aliases"))) {
        auto all = aliases(name, edit);
        if (!all)
            return all.error();
        QStringList mine;
        for (const auto& [alias, held] : *all) {
            if (held.trimmed() == QString::number(version))
                mine << alias;
        }
        meta.set(QStringLiteral("aliases"), PyYamlWriter::stringListEntry(QStringLiteral("aliases"), mine));
    }
    edit.write(versionFolder(name, version) + QStringLiteral("/meta.yaml"), meta.text(), modelFolder(name));
    return {};
}

Status MlflowFileStoreWriter::stageTag(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const
{
    auto meta = liveVersion(w.modelName, w.version, edit);
    if (!meta)
        return meta.error();
    const QString path = versionFolder(w.modelName, w.version) + QStringLiteral("/tags/") + w.key;
    if (w.kind == Kind::SetVersionTag) {
        edit.write(path, w.value.toUtf8(), modelFolder(w.modelName));
    } else {
        auto existing = edit.read(path);
        if (!existing)
            return existing.error();
        if (!*existing)
            return {}; // MLflow deletes nothing and updates no timestamp
        edit.remove(path, modelFolder(w.modelName));
    }
    return touchModel(w.modelName, edit, now);
}

Status MlflowFileStoreWriter::stageAlias(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const
{
    const QString path = modelFolder(w.modelName) + QStringLiteral("/aliases/") + w.key;
    if (w.kind == Kind::SetAlias) {
        auto meta = liveVersion(w.modelName, w.version, edit);
        if (!meta)
            return meta.error();
        edit.write(path, QByteArray::number(w.version), modelFolder(w.modelName));
    } else {
        if (Status s = requireModel(w.modelName); !s)
            return s;
        auto existing = edit.read(path);
        if (!existing)
            return existing.error();
        if (!*existing)
            return {};
        edit.remove(path, modelFolder(w.modelName));
    }
    return touchModel(w.modelName, edit, now);
}

Status MlflowFileStoreWriter::stageTransition(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const
{
    auto meta = liveVersion(w.modelName, w.version, edit);
    if (!meta)
        return meta.error();
    const QString stage = RegistryWriteRules::canonicalStage(w.key);
    const QByteArray timestamp = PyYamlWriter::integerEntry(QStringLiteral("last_updated_timestamp"), now);
    if (w.archiveExisting) {
        const QStringList folders
            = QDir(modelFolder(w.modelName)).entryList({ QStringLiteral("version-*") }, QDir::Dirs);
        for (const QString& folder : folders) {
            bool ok = false;
            const qint64 other = folder.mid(8).toLongLong(&ok);
            if (!ok || other == w.version)
                continue;
            const QString path = versionFolder(w.modelName, other) + QStringLiteral("/meta.yaml");
            auto bytes = edit.read(path);
            if (!bytes)
                return bytes.error();
            if (!*bytes || stageOf(**bytes) != stage)
                continue;
            auto otherMeta = parseMeta(*bytes, path);
            if (!otherMeta)
                return otherMeta.error();
            if (Status s = updateVersionMeta(w.modelName, other, *otherMeta, edit,
                    { { QStringLiteral("current_stage"),
                          PyYamlWriter::scalarEntry(QStringLiteral("current_stage"), QStringLiteral("Archived")) },
                        { QStringLiteral("last_updated_timestamp"), timestamp } });
                !s)
                return s;
        }
    }
    if (Status s = updateVersionMeta(w.modelName, w.version, *meta, edit,
            { { QStringLiteral("current_stage"), PyYamlWriter::scalarEntry(QStringLiteral("current_stage"), stage) },
                { QStringLiteral("last_updated_timestamp"), timestamp } });
        !s)
        return s;
    return touchModel(w.modelName, edit, now);
}

Status MlflowFileStoreWriter::stageDescription(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const
{
    auto meta = liveVersion(w.modelName, w.version, edit);
    if (!meta)
        return meta.error();
    return updateVersionMeta(w.modelName, w.version, *meta, edit,
        { { QStringLiteral("description"), PyYamlWriter::scalarEntry(QStringLiteral("description"), w.value) },
            { QStringLiteral("last_updated_timestamp"),
                PyYamlWriter::integerEntry(QStringLiteral("last_updated_timestamp"), now) } });
}

Status MlflowFileStoreWriter::stage(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const
{
    switch (w.kind) {
    case Kind::SetVersionTag:
    case Kind::DeleteVersionTag:
        return stageTag(w, edit, now);
    case Kind::SetAlias:
    case Kind::DeleteAlias:
        return stageAlias(w, edit, now);
    case Kind::TransitionStage:
        return stageTransition(w, edit, now);
    case Kind::SetVersionDescription:
        return stageDescription(w, edit, now);
    }
    return {};
}

Status MlflowFileStoreWriter::write(const RegistryWrites& writes)
{
    if (!QFileInfo(m_location.path).isDir())
        return makeError(ErrorCode::NotFound, QStringLiteral("the store folder is not there"), m_location.path);
    FileStoreEdit edit;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const RegistryWrite& w : writes) {
        if (Status s = stage(w, edit, now); !s)
            return s;
    }
    return edit.commit();
}

} // namespace prov
