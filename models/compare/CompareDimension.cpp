#include "compare/CompareDimension.h"

#include "core/DisplayFormat.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace prov {
namespace {

CompareDimension fromTexts(const QString& key, const std::vector<QString>& texts)
{
    CompareDimension d;
    d.key = key;
    d.values.resize(texts.size());
    bool numeric = true;
    QStringList distinct;
    for (size_t i = 0; i < texts.size(); ++i) {
        if (texts[i].isNull())
            continue;
        bool ok = false;
        const double v = texts[i].trimmed().toDouble(&ok);
        numeric = numeric && ok && std::isfinite(v);
        if (numeric)
            d.values[i] = v;
        distinct.append(texts[i]);
    }
    if (!numeric) {
        distinct.removeDuplicates();
        distinct.sort();
        d.categories = distinct;
        for (size_t i = 0; i < texts.size(); ++i)
            d.values[i] = texts[i].isNull() ? std::nullopt : std::optional<double>(double(distinct.indexOf(texts[i])));
    }
    return d;
}

void findRange(CompareDimension& d)
{
    for (const std::optional<double>& v : d.values) {
        if (!v)
            continue;
        d.min = d.min ? std::min(*d.min, *v) : *v;
        d.max = d.max ? std::max(*d.max, *v) : *v;
    }
}

bool varies(const CompareDimension& d)
{
    const auto present = std::count_if(d.values.begin(), d.values.end(), [](const auto& v) { return v.has_value(); });
    return (d.min && *d.min != *d.max) || (present > 0 && size_t(present) < d.values.size());
}

} // namespace

QString CompareDimension::text(size_t run) const
{
    if (run >= values.size() || !values[run])
        return {};
    if (!isNumeric())
        return categories.value(qsizetype(*values[run]));
    return DisplayFormat::metricValue(*values[run]);
}

QString CompareDimension::label() const
{
    return source == Source::Metric ? QStringLiteral("%1 (latest)").arg(key) : key;
}

std::vector<CompareDimension> CompareDimension::of(const std::vector<CompareRunFacts>& runs, bool varyingOnly)
{
    std::map<QString, std::vector<QString>> params;
    std::map<QString, std::vector<std::optional<double>>> metrics;
    for (size_t r = 0; r < runs.size(); ++r) {
        for (const KeyValue& kv : runs[r].params) {
            auto& texts = params[kv.key];
            texts.resize(runs.size());
            texts[r] = kv.value.isNull() ? QStringLiteral("") : kv.value;
        }
        for (const MetricSummary& m : runs[r].metrics) {
            auto& values = metrics[m.key];
            values.resize(runs.size());
            if (std::isfinite(m.latest.value))
                values[r] = m.latest.value;
        }
    }
    std::vector<CompareDimension> out;
    for (const auto& [key, texts] : params)
        out.push_back(fromTexts(key, texts));
    for (const auto& [key, values] : metrics) {
        CompareDimension d;
        d.source = Source::Metric;
        d.key = key;
        d.values = values;
        out.push_back(std::move(d));
    }
    for (CompareDimension& d : out)
        findRange(d);
    if (varyingOnly)
        out.erase(
            std::remove_if(out.begin(), out.end(), [](const CompareDimension& d) { return !varies(d); }), out.end());
    return out;
}

} // namespace prov
