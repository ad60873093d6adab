#include "IssueListDelegate.h"

#include "domain/StoreIssue.h"
#include "itemmodels/IssueListModel.h"

#include <QApplication>
#include <QStyle>

namespace prov {

IssueListDelegate::IssueListDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{ }

void IssueListDelegate::setRootPath(const QString& path)
{
    m_rootPrefix = path.isEmpty() || path.endsWith(QLatin1Char('/')) ? path : path + QLatin1Char('/');
}

void IssueListDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == IssueListModel::SeverityColumn) {
        const QStyle* style = option->widget ? option->widget->style() : QApplication::style();
        const auto severity = static_cast<StoreIssue::Severity>(index.data(IssueListModel::SeverityRole).toInt());
        option->icon = style->standardIcon(
            severity == StoreIssue::Severity::Warning ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxCritical,
            nullptr, option->widget);
        option->features |= QStyleOptionViewItem::HasDecoration;
        const int size = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, option->widget);
        option->decorationSize = QSize(size, size);
    } else if (index.column() == IssueListModel::LocationColumn) {
        option->features &= ~QStyleOptionViewItem::WrapText;
        option->textElideMode = Qt::ElideMiddle;
        if (!m_rootPrefix.isEmpty() && option->text.startsWith(m_rootPrefix))
            option->text = option->text.mid(m_rootPrefix.size());
    }
}

} // namespace prov
