#include "itemmodels/RegistryTreeModel.h"

#include "core/DisplayFormat.h"

namespace prov {
namespace {

// internalId 0 marks a registered model row; n > 0 a version row of model n - 1.
constexpr quintptr modelRowId = 0;

QString stageText(const QString& stage)
{
    return stage == QLatin1String("None") ? QString() : stage;
}

} // namespace

RegistryTreeModel::RegistryTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

void RegistryTreeModel::setModels(const QList<RegisteredModelEntry>& models)
{
    beginResetModel();
    m_models = models;
    endResetModel();
}

const RegisteredModelEntry* RegistryTreeModel::modelAt(const QModelIndex& index) const
{
    if (!index.isValid())
        return nullptr;
    const qsizetype row
        = index.internalId() == modelRowId ? index.row() : static_cast<qsizetype>(index.internalId()) - 1;
    return row >= 0 && row < m_models.size() ? &m_models[row] : nullptr;
}

const ModelVersionEntry* RegistryTreeModel::versionAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == modelRowId)
        return nullptr;
    const RegisteredModelEntry* model = modelAt(index);
    return model && index.row() < model->versions.size() ? &model->versions[index.row()] : nullptr;
}

QModelIndex RegistryTreeModel::indexOf(const QString& modelName, qint64 version) const
{
    for (qsizetype m = 0; m < m_models.size(); ++m) {
        if (m_models[m].model.name != modelName)
            continue;
        const QModelIndex modelIndex = index(static_cast<int>(m), 0);
        for (qsizetype v = 0; version >= 0 && v < m_models[m].versions.size(); ++v) {
            if (m_models[m].versions[v].version.version == version)
                return index(static_cast<int>(v), 0, modelIndex);
        }
        return modelIndex;
    }
    return {};
}

QModelIndex RegistryTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, modelRowId);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex RegistryTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == modelRowId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, modelRowId);
}

int RegistryTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_models.size());
    if (parent.column() != 0 || parent.internalId() != modelRowId)
        return 0;
    return static_cast<int>(m_models[parent.row()].versions.size());
}

int RegistryTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant RegistryTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const ModelVersionEntry* version = versionAt(index))
        return versionData(*version, index.column(), role);
    if (const RegisteredModelEntry* model = modelAt(index))
        return modelData(*model, index.column(), role);
    return {};
}

QVariant RegistryTreeModel::modelData(const RegisteredModelEntry& entry, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return entry.model.name;
        if (column == AliasesColumn) {
            QStringList aliases;
            for (const ModelAlias& alias : entry.model.aliases)
                aliases << QStringLiteral("@%1 → v%2").arg(alias.alias).arg(alias.version);
            return aliases.join(QStringLiteral(", "));
        }
        if (column == CreatedColumn)
            return DisplayFormat::timestamp(entry.model.creationTime);
        if (column == StageColumn)
            return DisplayFormat::count(entry.versions.size(), tr("version"), tr("versions"));
        return {};
    case Qt::ToolTipRole:
        return entry.model.description.isEmpty() ? QVariant() : QVariant(entry.model.description);
    case IsVersionRole:
        return false;
    case ModelNameRole:
        return entry.model.name;
    case RawValueRole:
        return column == CreatedColumn ? QVariant::fromValue(entry.model.creationTime.value_or(0))
                                       : QVariant(entry.model.name);
    default:
        return {};
    }
}

QVariant RegistryTreeModel::versionData(const ModelVersionEntry& entry, int column, int role) const
{
    const ModelVersion& v = entry.version;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return tr("Version %1").arg(v.version);
        case StageColumn:
            return stageText(v.stage);
        case AliasesColumn:
            return entry.aliases.isEmpty() ? QString()
                                           : QStringLiteral("@") + entry.aliases.join(QStringLiteral(", @"));
        case RunColumn:
            return entry.runName.isEmpty() ? v.runId : entry.runName;
        case CreatedColumn:
            return DisplayFormat::timestamp(v.creationTime);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return v.description.isEmpty() ? QVariant() : QVariant(v.description);
    case IsVersionRole:
        return true;
    case ModelNameRole:
        return v.name;
    case VersionRole:
        return v.version;
    case StageRole:
        return v.stage;
    case RunIdRole:
        return v.runId;
    case RawValueRole:
        return column == CreatedColumn ? QVariant::fromValue(v.creationTime.value_or(0)) : QVariant(v.version);
    default:
        return {};
    }
}

QVariant RegistryTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Model / version");
    case StageColumn:
        return tr("Stage");
    case AliasesColumn:
        return tr("Aliases");
    case RunColumn:
        return tr("Source run");
    case CreatedColumn:
        return tr("Registered");
    default:
        return {};
    }
}

} // namespace prov
