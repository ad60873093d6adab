#pragma once

#include "domain/ArtifactEntry.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace prov {

// A run's artifact files as a folder tree (name, size), built from the flat '/'-separated
// listing kept in the cache. Folders sort before files; missing intermediate folders are
// created so a listing of files alone still forms a tree.
class ArtifactTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, IsDirRole, SizeRole };

    explicit ArtifactTreeModel(QObject* parent = nullptr);
    ~ArtifactTreeModel() override;

    void setArtifacts(const ArtifactList& artifacts);
    int fileCount() const { return m_fileCount; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString name;
        QString path;
        bool isDir = true;
        qint64 size = 0;
        Node* parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };

    Node* nodeFor(const QModelIndex& index) const;
    Node* childFolder(Node* parent, const QString& name, const QString& path);
    static void sortAndNumber(Node* node);

    std::unique_ptr<Node> m_root;
    int m_fileCount = 0;
};

} // namespace prov
