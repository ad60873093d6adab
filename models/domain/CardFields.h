#pragma once

#include <QMap>
#include <QString>

namespace prov {

// The hand-written fields of a model card: Model Card Toolkit field name (snake_case, e.g.
// "intended_use") -> text. Empty texts are not kept. Auto-filled facts are never part of it:
// they are derived from the store again whenever a card is shown.
using CardFields = QMap<QString, QString>;

} // namespace prov
