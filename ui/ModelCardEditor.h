#pragma once

#include "domain/CardFields.h"

#include <QHash>
#include <QWidget>

namespace prov {

// The hand-written fields of a model card as a form, one editor per Model Card Toolkit field
// (ModelCardSchema): a line for the overview, boxes for multi-line lists, a choice for the
// risk rating, each with its hint as placeholder. Knows nothing about where cards are kept.
class ModelCardEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ModelCardEditor(QWidget* parent = nullptr);

    // Replaces what the editors show, without emitting edited().
    void setFields(const CardFields& fields);
    CardFields fields() const;
    // The editor of a field (object name "field_<name>"), for focus and tests.
    QWidget* editorFor(const QString& name) const;

Q_SIGNALS:
    void edited();

private:
    QHash<QString, QWidget*> m_editors;
    bool m_loading = false;
};

} // namespace prov
