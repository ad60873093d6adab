#pragma once

#include "query/CacheReader.h"

#include <QAbstractListModel>

namespace prov {

// The experiments of a store for the run browser's side list. Row 0 is "All experiments";
// deleted experiments are listed only when showDeleted is on. Exposes ids, run counts and
// the deleted flag as roles; the view decides how a deleted experiment looks.
class ExperimentListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        ExperimentIdRole = Qt::UserRole + 1, // empty for the "All experiments" row
        RunCountRole,
        DeletedRole,
        IsAllRole,
    };

    explicit ExperimentListModel(QObject* parent = nullptr);

    void setExperiments(const QList<ExperimentEntry>& experiments);
    void setShowDeleted(bool show);
    bool showDeleted() const { return m_showDeleted; }
    // Row of the experiment with `experimentId`, or -1.
    int rowOf(const QString& experimentId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void rebuild();

    QList<ExperimentEntry> m_all;
    QList<ExperimentEntry> m_visible;
    bool m_showDeleted = false;
};

} // namespace prov
