#include "itemmodels/KeyValueTableModel.h"

namespace prov {
namespace {

constexpr qsizetype displayLimit = 300;

QString shortened(const QString& value)
{
    const qsizetype newline = value.indexOf(QLatin1Char('\n'));
    const qsizetype cut = newline >= 0 ? std::min(newline, displayLimit) : displayLimit;
    return value.size() > cut ? value.left(cut) + QStringLiteral(" …") : value;
}

} // namespace

KeyValueTableModel::KeyValueTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void KeyValueTableModel::setEntries(const KeyValueList& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int KeyValueTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int KeyValueTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KeyValue& kv = m_entries[index.row()];
    const QString& text = index.column() == KeyColumn ? kv.key : kv.value;
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == KeyColumn ? text : shortened(text);
    case Qt::ToolTipRole:
        return text.size() > 60 || text.contains(QLatin1Char('\n')) ? text.left(4000) : QVariant();
    case FullValueRole:
    case Qt::EditRole:
        return text;
    default:
        return {};
    }
}

QVariant KeyValueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Key") : tr("Value");
}

} // namespace prov
