#include "StatusPalette.h"

namespace prov {

QColor StatusPalette::colorFor(RunStatus status)
{
    switch (status) {
    case RunStatus::Finished:
        return QColor(0x2e, 0x9e, 0x5b);
    case RunStatus::Failed:
        return QColor(0xd6, 0x45, 0x45);
    case RunStatus::Running:
        return QColor(0x2f, 0x7e, 0xd8);
    case RunStatus::Killed:
        return QColor(0xd9, 0x8a, 0x1f);
    case RunStatus::Scheduled:
        return QColor(0x8a, 0x8f, 0x98);
    }
    return QColor(0x8a, 0x8f, 0x98);
}

} // namespace prov
