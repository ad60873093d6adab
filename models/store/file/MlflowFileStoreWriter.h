#pragma once

#include "store/StoreWriter.h"
#include "store/file/FileStoreEdit.h"

#include <QDateTime>

namespace prov {

class MetaYamlDocument;

// Writes to the model registry of a local MLflow file store as MLflow's FileStore does
// (mlflow/store/model_registry/file_store.py): a version tag is the file
// models/<name>/version-<n>/tags/<key>, an alias the file models/<name>/aliases/<alias>
// holding the version number, and stages and descriptions live in the version's meta.yaml.
// Like MLflow, every change to a tag or alias updates the registered model's
// last_updated_timestamp (and the copy of its aliases in its meta.yaml), a stage change
// updates the version's and the model's, a description change the version's only, and
// deleting a tag or alias that is not there changes nothing.
//
// Where it differs: a batch is committed as one FileStoreEdit (atomic per file, undone as a
// whole on failure) where MLflow writes file by file; and MLflow 3.2's habit of copying the
// logged model's params and metrics into a version's meta.yaml whenever it rewrites it (a
// serialisation side effect MLflow ignores when reading) is not repeated: those entries stay
// as they were. The edit keeps every other byte of the files it touches.
class MlflowFileStoreWriter final : public StoreWriter
{
public:
    explicit MlflowFileStoreWriter(StoreLocation location);

    const StoreLocation& location() const override { return m_location; }

protected:
    Status write(const RegistryWrites& writes) override;

private:
    Status stage(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const;
    Status stageTag(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const;
    Status stageAlias(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const;
    Status stageTransition(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const;
    Status stageDescription(const RegistryWrite& w, FileStoreEdit& edit, qint64 now) const;

    QString modelFolder(const QString& name) const;
    QString versionFolder(const QString& name, qint64 version) const;
    Status requireModel(const QString& name) const;
    // The version's meta.yaml as staged; InvalidArgument when it does not exist or is deleted.
    Result<MetaYamlDocument> liveVersion(const QString& name, qint64 version, const FileStoreEdit& edit) const;
    // Rewrites the registered model's meta.yaml with `now` and its current aliases.
    Status touchModel(const QString& name, FileStoreEdit& edit, qint64 now) const;
    // Sets `changes` in a meta.yaml and refreshes its copy of the aliases, when it has one.
    Status updateVersionMeta(const QString& name, qint64 version, MetaYamlDocument meta, FileStoreEdit& edit,
        const QList<std::pair<QString, QByteArray>>& changes) const;
    Result<QList<std::pair<QString, QString>>> aliases(const QString& name, const FileStoreEdit& edit) const;

    StoreLocation m_location;
};

} // namespace prov
