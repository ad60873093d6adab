#include "MlflowProtoJson.h"

namespace prov::test {

QJsonArray keyValues(const KeyValueList& list)
{
    QJsonArray array;
    for (const KeyValue& kv : list)
        array.append(QJsonObject { { QStringLiteral("key"), kv.key }, { QStringLiteral("value"), kv.value } });
    return array;
}

void insertIf(QJsonObject& json, const QString& key, const QJsonArray& array)
{
    if (!array.isEmpty())
        json.insert(key, array);
}

void insertTime(QJsonObject& json, const QString& key, const std::optional<qint64>& time)
{
    if (time)
        json.insert(key, *time);
}

} // namespace prov::test
