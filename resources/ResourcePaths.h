#pragma once

#include <QString>

namespace prov {

// Where the compiled-in resources live, so no screen spells out a ":/..." path itself.
class ResourcePaths
{
public:
    // The bundled sample MLflow file store (the `mlruns` folder).
    static QString sampleStore();
    static QString applicationIcon();
};

} // namespace prov
