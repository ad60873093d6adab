#include "RegistrySortFilterProxy.h"

#include "itemmodels/RegistryTreeModel.h"

namespace prov {

RegistrySortFilterProxy::RegistrySortFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setFilterRole(RegistryTreeModel::ModelNameRole);
    setFilterKeyColumn(RegistryTreeModel::NameColumn);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

bool RegistrySortFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const int column = left.column();
    if (column == RegistryTreeModel::NameColumn || column == RegistryTreeModel::CreatedColumn) {
        const QVariant l = left.data(RegistryTreeModel::RawValueRole);
        const QVariant r = right.data(RegistryTreeModel::RawValueRole);
        if (l.typeId() != QMetaType::QString && r.typeId() != QMetaType::QString)
            return l.toLongLong() < r.toLongLong();
        return QString::localeAwareCompare(l.toString().toLower(), r.toString().toLower()) < 0;
    }
    return QString::localeAwareCompare(left.data().toString().toLower(), right.data().toString().toLower()) < 0;
}

} // namespace prov
