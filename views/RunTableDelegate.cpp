#include "RunTableDelegate.h"

#include "StatusPalette.h"
#include "itemmodels/RunTableModel.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace prov {
namespace {

bool isStatusColumn(const QModelIndex& index)
{
    return index.data(RunTableModel::ColumnKindRole).toInt() == static_cast<int>(RunColumnKind::Attribute)
        && index.model()->headerData(index.column(), Qt::Horizontal, RunTableModel::ColumnKeyRole).toString()
        == QString::number(static_cast<int>(RunAttributeColumn::State));
}

constexpr int dotSize = 8;
constexpr int gap = 6;

} // namespace

RunTableDelegate::RunTableDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{ }

bool RunTableDelegate::isSelectionCheckBoxColumn(const QModelIndex& index) const
{
    return m_checkBoxes && isStatusColumn(index);
}

QRect RunTableDelegate::checkBoxRect(const QStyleOptionViewItem& option)
{
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    const int side = style->pixelMetric(QStyle::PM_IndicatorWidth, &option, option.widget);
    return { option.rect.left() + 4, option.rect.center().y() - side / 2 + 1, side, side };
}

void RunTableDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QColor muted = option->palette.color(QPalette::Disabled, QPalette::Text);
    if (index.data(RunTableModel::DeletedRole).toBool()) {
        option->font.setItalic(true);
        option->palette.setColor(QPalette::Text, muted);
    }
    if (index.data(RunTableModel::ColumnKindRole).toInt() == static_cast<int>(RunColumnKind::Metric)) {
        const QVariant raw = index.data(RunTableModel::RawValueRole);
        if (raw.isValid() && !std::isfinite(raw.toDouble()))
            option->palette.setColor(QPalette::Text, muted);
    }
}

void RunTableDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!isStatusColumn(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    paintStatus(painter, option, index);
}

void RunTableDelegate::paintStatus(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus

    QRect r = opt.rect.adjusted(6, 0, -4, 0);
    if (m_checkBoxes) {
        // The row's selection as a check box: ticking rows selects them without a modifier key.
        QStyleOptionViewItem check = opt;
        check.rect = checkBoxRect(opt);
        check.state &= ~QStyle::State_HasFocus;
        check.state |= (opt.state & QStyle::State_Selected) ? QStyle::State_On : QStyle::State_Off;
        style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &check, painter, widget);
        r.setLeft(check.rect.right() + gap);
    }
    const auto status = static_cast<RunStatus>(index.data(RunTableModel::StatusRole).toInt());
    const QRect dot(r.left(), r.center().y() - dotSize / 2 + 1, dotSize, dotSize);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(StatusPalette::colorFor(status));
    painter->drawEllipse(dot);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    const QRect textRect = r.adjusted(dotSize + gap, 0, 0, 0);
    painter->drawText(
        textRect, Qt::AlignVCenter | Qt::AlignLeft, opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize RunTableDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (isStatusColumn(index))
        size.rwidth() += dotSize + gap + 6 + (m_checkBoxes ? checkBoxRect(option).width() + gap : 0);
    // Rows a little taller than the text, whether the view is a table or a tree.
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 8));
    return size;
}

} // namespace prov
