#pragma once

#include "domain/KeyValue.h"

#include <QAbstractTableModel>

namespace prov {

// Two columns, key and value: a run's params or tags, a model version's tags. Long values
// are shortened in DisplayRole (first line, 300 characters), given whole in FullValueRole and
// up to 4,000 characters in ToolTipRole, so a 5,000-character param does not blow up rows.
class KeyValueTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    enum Role { FullValueRole = Qt::UserRole + 1 };

    explicit KeyValueTableModel(QObject* parent = nullptr);

    void setEntries(const KeyValueList& entries);
    const KeyValueList& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    KeyValueList m_entries;
};

} // namespace prov
