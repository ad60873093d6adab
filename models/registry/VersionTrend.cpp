#include "registry/VersionTrend.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace prov {

QStringList VersionTrend::keys(const QList<ModelVersionEntry>& versions)
{
    QHash<QString, int> counts;
    for (const ModelVersionEntry& v : versions) {
        QStringList seen;
        for (const VersionMetric& m : v.metrics) {
            if (!seen.contains(m.key) && std::isfinite(m.value)) {
                seen << m.key;
                ++counts[m.key];
            }
        }
    }
    QStringList keys = counts.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString& a, const QString& b) {
        return counts.value(a) != counts.value(b) ? counts.value(a) > counts.value(b) : a < b;
    });
    return keys;
}

QList<QPointF> VersionTrend::series(const QList<ModelVersionEntry>& versions, const QString& key)
{
    QList<QPointF> points;
    for (const ModelVersionEntry& v : versions) {
        const auto value = v.metric(key);
        if (value && std::isfinite(*value))
            points.append(QPointF(double(v.version.version), *value));
    }
    std::sort(points.begin(), points.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    return points;
}

} // namespace prov
