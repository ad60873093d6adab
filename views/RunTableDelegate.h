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

    // Draws each row's selection as a check box in the status column (the view toggles the
    // selection when one is clicked: see checkBoxRect).
    void setSelectionCheckBoxes(bool on) { m_checkBoxes = on; }
    bool isSelectionCheckBoxColumn(const QModelIndex& index) const;
    // Where the check box of a cell whose option is `option` is drawn.
    static QRect checkBoxRect(const QStyleOptionViewItem& option);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    void paintStatus(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;

    bool m_checkBoxes = false;
};

} // namespace prov
