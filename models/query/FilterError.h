#pragma once

#include "core/Result.h"

namespace prov {

// Builds the error every filter stage reports: the message ends with "(column N)" so the CLI can
// print it as is, and Error::location holds N alone so a GUI can move the cursor there.
inline Error makeFilterError(const QString& message, int column)
{
    const QString where = QString::number(column);
    return makeError(ErrorCode::InvalidArgument, message + QStringLiteral(" (column ") + where + u')', where);
}

} // namespace prov
