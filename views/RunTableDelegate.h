#pragma once

#include <QStyledItemDelegate>

namespace prov {

// Paints the run table: the status column as a coloured dot and label, deleted runs dimmed
// and in italics, non-finite metric values in a muted colour. Reads meaning from the model's
// roles (RunTableModel::StatusRole, DeletedRole, ColumnKindRole); decides only looks.
class RunTableDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RunTableDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    void paintStatus(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

} // namespace prov
