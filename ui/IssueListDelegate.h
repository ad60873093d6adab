#pragma once

#include <QStyledItemDelegate>

namespace prov {

// How the Issues list looks: the severity column gets the platform's warning or critical
// icon, and file locations are shown relative to the store's folder on one line, elided in
// the middle so the file name shows. The model only says how bad an issue is and where
// (SeverityRole, the full path); icons and shortening are view decisions.
class IssueListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit IssueListDelegate(QObject* parent = nullptr);

    // Locations under `path` (the store's folder) are shown relative to it; empty: as they are.
    void setRootPath(const QString& path);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    QString m_rootPrefix; // the root path with a trailing slash
};

} // namespace prov
