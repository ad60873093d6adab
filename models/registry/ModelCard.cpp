#include "registry/ModelCard.h"

#include "registry/ModelCardSchema.h"

namespace prov {

QStringList ModelCard::lines(const QString& name) const
{
    QStringList result;
    for (const QString& line : field(name).split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            result << line.trimmed();
    }
    return result;
}

CardCompleteness ModelCard::completeness() const
{
    CardCompleteness c;
    for (const ModelCardField& f : ModelCardSchema::fields()) {
        if (!f.counted)
            continue;
        ++c.total;
        if (field(f.name).isEmpty())
            c.missing << f.label;
        else
            ++c.done;
    }
    const QList<std::pair<bool, QString>> derived {
        { !facts.metrics.isEmpty(), QStringLiteral("Metrics (log metrics on the run)") },
        { !facts.datasets.isEmpty(), QStringLiteral("Datasets (log dataset inputs on the run)") },
        { !facts.inputs.isEmpty(), QStringLiteral("Signature (log the model with a signature)") },
        { facts.runInCache(), QStringLiteral("Source run") },
    };
    for (const auto& [present, label] : derived) {
        ++c.total;
        if (present)
            ++c.done;
        else
            c.missing << label;
    }
    return c;
}

} // namespace prov
