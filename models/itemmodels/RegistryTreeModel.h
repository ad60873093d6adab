#pragma once

#include "query/RegistryQuery.h"

#include <QAbstractItemModel>

namespace prov {

// Registered models (top level) and their versions (children) for the Models page.
// Version rows carry stage, aliases and the run they came from as roles, so the view can
// draw stage badges and link to the run.
class RegistryTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StageColumn, AliasesColumn, RunColumn, CreatedColumn, ColumnCount };
    enum Role {
        IsVersionRole = Qt::UserRole + 1,
        ModelNameRole,
        VersionRole, // qint64, versions only
        StageRole,
        RunIdRole,
        RawValueRole,
    };

    explicit RegistryTreeModel(QObject* parent = nullptr);

    void setModels(const QList<RegisteredModelEntry>& models);
    const QList<RegisteredModelEntry>& models() const { return m_models; }
    // The entry behind an index (for either a model row or one of its version rows).
    const RegisteredModelEntry* modelAt(const QModelIndex& index) const;
    const ModelVersionEntry* versionAt(const QModelIndex& index) const;
    QModelIndex indexOf(const QString& modelName, qint64 version = -1) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant modelData(const RegisteredModelEntry& entry, int column, int role) const;
    QVariant versionData(const ModelVersionEntry& entry, int column, int role) const;

    QList<RegisteredModelEntry> m_models;
};

} // namespace prov
