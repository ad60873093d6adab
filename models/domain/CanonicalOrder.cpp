#include "domain/CanonicalOrder.h"

#include <algorithm>

namespace prov {

void CanonicalOrder::sortByKey(KeyValueList& list)
{
    std::sort(list.begin(), list.end(), [](const KeyValue& a, const KeyValue& b) { return a.key < b.key; });
}

void CanonicalOrder::sort(QList<DatasetInput>& inputs)
{
    for (DatasetInput& input : inputs)
        sortByKey(input.tags);
    std::sort(inputs.begin(), inputs.end(), [](const DatasetInput& a, const DatasetInput& b) {
        if (a.dataset.name != b.dataset.name)
            return a.dataset.name < b.dataset.name;
        if (a.dataset.digest != b.dataset.digest)
            return a.dataset.digest < b.dataset.digest;
        return a.context() < b.context();
    });
}

void CanonicalOrder::sort(QList<LoggedModelMetric>& metrics)
{
    std::stable_sort(metrics.begin(), metrics.end(), [](const LoggedModelMetric& a, const LoggedModelMetric& b) {
        if (a.key != b.key)
            return a.key < b.key;
        if (a.step != b.step)
            return a.step < b.step;
        return a.timestamp < b.timestamp;
    });
}

void CanonicalOrder::sort(LoggedModel& model)
{
    sortByKey(model.params);
    sortByKey(model.tags);
    sort(model.metrics);
}

void CanonicalOrder::sort(RegisteredModel& model)
{
    sortByKey(model.tags);
    std::sort(model.aliases.begin(), model.aliases.end(),
        [](const ModelAlias& a, const ModelAlias& b) { return a.alias < b.alias; });
    std::sort(model.versions.begin(), model.versions.end(),
        [](const ModelVersion& a, const ModelVersion& b) { return a.version < b.version; });
    for (ModelVersion& version : model.versions)
        sortByKey(version.tags);
}

} // namespace prov
