#pragma once

#include "domain/RunStatus.h"

#include <QColor>

namespace prov {

// The colours that mean a run status everywhere in the app (table chips, details header),
// chosen to read on light and dark palettes alike.
class StatusPalette
{
public:
    static QColor colorFor(RunStatus status);
};

} // namespace prov
