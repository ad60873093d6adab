#pragma once

#include <QSortFilterProxyModel>

namespace prov {

// Filters the registry tree by model name, case-insensitively; versions carry their model's
// name, so a matching model keeps all its versions. Sorts names, version numbers and times on
// their raw values (version 10 after version 9) and the other columns on their text.
class RegistrySortFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RegistrySortFilterProxy(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace prov
