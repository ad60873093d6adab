#pragma once

#include <QList>
#include <QString>

namespace prov {

// One file or folder in a run's artifact tree; `path` is relative to the artifact root and
// uses '/' separators. Folders have size 0.
struct ArtifactEntry
{
    QString path;
    bool isDir = false;
    qint64 size = 0;
};

using ArtifactList = QList<ArtifactEntry>;

} // namespace prov
