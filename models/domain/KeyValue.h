#pragma once

#include <QList>
#include <QString>

namespace prov {

// A string key and value: MLflow params and tags of runs, experiments, models and versions.
struct KeyValue
{
    QString key;
    QString value;

    friend bool operator==(const KeyValue&, const KeyValue&) = default;
};

using KeyValueList = QList<KeyValue>;

// The value for `key`, or a null QString when absent.
inline QString valueOf(const KeyValueList& list, QStringView key)
{
    for (const KeyValue& kv : list) {
        if (kv.key == key)
            return kv.value;
    }
    return {};
}

} // namespace prov
