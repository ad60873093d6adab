#pragma once

#include "query/RegistryQuery.h"

#include <QList>
#include <QPointF>
#include <QStringList>

namespace prov {

// A metric across a registered model's versions (e.g. val_auc of v1…vN): for each version
// whose run (or logged model) has the metric, the point (version number, value). Versions
// without it, or with a non-finite value, are left out rather than drawn as zero.
class VersionTrend
{
public:
    // Metric keys at least one version has, the ones most versions share first.
    static QStringList keys(const QList<ModelVersionEntry>& versions);
    static QList<QPointF> series(const QList<ModelVersionEntry>& versions, const QString& key);
};

} // namespace prov
