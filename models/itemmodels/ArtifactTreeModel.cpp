#include "itemmodels/ArtifactTreeModel.h"

#include "core/DisplayFormat.h"

#include <algorithm>

namespace prov {

ArtifactTreeModel::ArtifactTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

ArtifactTreeModel::~ArtifactTreeModel() = default;

ArtifactTreeModel::Node* ArtifactTreeModel::childFolder(Node* parent, const QString& name, const QString& path)
{
    for (auto& child : parent->children) {
        if (child->isDir && child->name == name)
            return child.get();
    }
    auto node = std::make_unique<Node>();
    node->name = name;
    node->path = path;
    node->parent = parent;
    parent->children.push_back(std::move(node));
    return parent->children.back().get();
}

void ArtifactTreeModel::sortAndNumber(Node* node)
{
    std::sort(node->children.begin(), node->children.end(), [](const auto& a, const auto& b) {
        if (a->isDir != b->isDir)
            return a->isDir;
        return QString::localeAwareCompare(a->name, b->name) < 0;
    });
    for (std::size_t i = 0; i < node->children.size(); ++i) {
        node->children[i]->row = static_cast<int>(i);
        sortAndNumber(node->children[i].get());
    }
}

void ArtifactTreeModel::setArtifacts(const ArtifactList& artifacts)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_fileCount = 0;
    for (const ArtifactEntry& entry : artifacts) {
        const QStringList parts = entry.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        Node* folder = m_root.get();
        QString path;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            path += (path.isEmpty() ? QString() : QStringLiteral("/")) + parts[i];
            folder = childFolder(folder, parts[i], path);
        }
        const QString fullPath = parts.join(QLatin1Char('/'));
        if (entry.isDir) {
            childFolder(folder, parts.last(), fullPath);
            continue;
        }
        auto file = std::make_unique<Node>();
        file->name = parts.last();
        file->path = fullPath;
        file->isDir = false;
        file->size = entry.size;
        file->parent = folder;
        folder->children.push_back(std::move(file));
        ++m_fileCount;
    }
    sortAndNumber(m_root.get());
    endResetModel();
}

ArtifactTreeModel::Node* ArtifactTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex ArtifactTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFor(parent)->children[row].get());
}

QModelIndex ArtifactTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* parentNode = nodeFor(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, parentNode);
}

int ArtifactTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeFor(parent)->children.size());
}

int ArtifactTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ArtifactTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        return node->isDir ? QString() : DisplayFormat::bytes(node->size);
    case Qt::ToolTipRole:
        return node->path;
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case PathRole:
        return node->path;
    case IsDirRole:
        return node->isDir;
    case SizeRole:
        return node->size;
    default:
        return {};
    }
}

QVariant ArtifactTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Size");
}

} // namespace prov
