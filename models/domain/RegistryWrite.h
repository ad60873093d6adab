#pragma once

#include <QList>
#include <QString>

namespace prov {

// One change to a store's model registry, as MLflow's client API makes it: set or delete a
// version tag, set or delete an alias, move a version to a stage, or set its description.
// StoreWriters apply lists of these; the journal's outbox keeps those not yet applied.
struct RegistryWrite
{
    enum class Kind { SetVersionTag, DeleteVersionTag, SetAlias, DeleteAlias, TransitionStage, SetVersionDescription };

    Kind kind = Kind::SetVersionTag;
    QString modelName;
    qint64 version = 0; // unused by DeleteAlias
    QString key; // tag key, alias or stage
    QString value; // tag value or description
    bool archiveExisting = false; // TransitionStage: move the stage's other versions to Archived

    static RegistryWrite setVersionTag(const QString& model, qint64 version, const QString& key, const QString& value)
    {
        return { Kind::SetVersionTag, model, version, key, value, false };
    }
    static RegistryWrite deleteVersionTag(const QString& model, qint64 version, const QString& key)
    {
        return { Kind::DeleteVersionTag, model, version, key, {}, false };
    }
    static RegistryWrite setAlias(const QString& model, const QString& alias, qint64 version)
    {
        return { Kind::SetAlias, model, version, alias, {}, false };
    }
    static RegistryWrite deleteAlias(const QString& model, const QString& alias)
    {
        return { Kind::DeleteAlias, model, 0, alias, {}, false };
    }
    static RegistryWrite transitionStage(const QString& model, qint64 version, const QString& stage, bool archive)
    {
        return { Kind::TransitionStage, model, version, stage, {}, archive };
    }
    static RegistryWrite setDescription(const QString& model, qint64 version, const QString& description)
    {
        return { Kind::SetVersionDescription, model, version, {}, description, false };
    }

    // A short sentence for users: "set tag “team” of churn-model version 2".
    QString describe() const;

    friend bool operator==(const RegistryWrite&, const RegistryWrite&) = default;
};

using RegistryWrites = QList<RegistryWrite>;

} // namespace prov
