#include "registry/ModelCardJson.h"

#include "registry/ModelCardText.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace prov {
namespace {

void putText(QJsonObject& object, const QString& key, const QString& text)
{
    if (!text.isEmpty())
        object.insert(key, text);
}

QJsonArray descriptions(const QStringList& lines)
{
    QJsonArray array;
    for (const QString& line : lines)
        array.append(QJsonObject { { QStringLiteral("description"), line } });
    return array;
}

QJsonArray columns(const QList<SignatureColumn>& list)
{
    QJsonArray array;
    for (const SignatureColumn& c : list)
        array.append(QJsonObject { { QStringLiteral("key"), c.name }, { QStringLiteral("value"), c.type } });
    return array;
}

QJsonObject modelDetails(const ModelCard& card)
{
    const ModelCardFacts& f = card.facts;
    QJsonObject details { { QStringLiteral("name"), f.modelName } };
    putText(details, QStringLiteral("overview"), card.field(QStringLiteral("overview")));
    putText(details, QStringLiteral("documentation"), card.field(QStringLiteral("documentation")));
    QJsonArray owners;
    for (const ModelCardText::Owner& o : ModelCardText::owners(card))
        owners.append(QJsonObject { { QStringLiteral("name"), o.name }, { QStringLiteral("contact"), o.contact } });
    details.insert(QStringLiteral("owners"), owners);
    QJsonObject version { { QStringLiteral("name"), QString::number(f.version) } };
    putText(version, QStringLiteral("date"), ModelCardText::isoTime(f.registeredAt));
    putText(version, QStringLiteral("diff"), f.versionDescription);
    details.insert(QStringLiteral("version"), version);
    const QString license = card.field(QStringLiteral("license"));
    if (!license.isEmpty()) {
        const auto identifier = ModelCardText::licenseIdentifier(card);
        details.insert(QStringLiteral("licenses"),
            QJsonArray { QJsonObject { { identifier ? QStringLiteral("identifier") : QStringLiteral("custom_text"),
                identifier.value_or(license) } } });
    }
    QJsonArray references;
    for (const QString& line : card.lines(QStringLiteral("references")))
        references.append(QJsonObject { { QStringLiteral("reference"), line } });
    details.insert(QStringLiteral("references"), references);
    if (!card.field(QStringLiteral("citation")).isEmpty())
        details.insert(QStringLiteral("citations"),
            QJsonArray { QJsonObject { { QStringLiteral("citation"), card.field(QStringLiteral("citation")) } } });
    details.insert(QStringLiteral("path"), f.source);
    QJsonObject lineage { { QStringLiteral("model_uri"), f.modelUri() }, { QStringLiteral("stage"), f.stage },
        { QStringLiteral("aliases"), QJsonArray::fromStringList(f.aliases) } };
    for (const auto& [key, value] : QList<std::pair<QString, QString>> { { QStringLiteral("run_id"), f.runId },
             { QStringLiteral("run_name"), f.runName }, { QStringLiteral("experiment"), f.experimentName },
             { QStringLiteral("logged_model_id"), f.loggedModelId },
             { QStringLiteral("code_repository"), f.codeRepository }, { QStringLiteral("code_commit"), f.codeCommit },
             { QStringLiteral("code_branch"), f.codeBranch }, { QStringLiteral("code_source"), f.codeSource },
             { QStringLiteral("trained_by"), f.trainedBy }, { QStringLiteral("registered_by"), f.registeredBy },
             { QStringLiteral("registered_at"), ModelCardText::isoTime(f.registeredAt) } })
        putText(lineage, key, value);
    details.insert(QStringLiteral("lineage"), lineage);
    return details;
}

QJsonObject modelParameters(const ModelCard& card)
{
    const ModelCardFacts& f = card.facts;
    QJsonObject parameters;
    QString architecture = card.field(QStringLiteral("model_architecture"));
    if (architecture.isEmpty() && !f.flavors.isEmpty())
        architecture = QStringLiteral("MLflow model (flavors: %1)").arg(f.flavors.join(QStringLiteral(", ")));
    putText(parameters, QStringLiteral("model_architecture"), architecture);
    QJsonArray data;
    for (const CardDataset& d : f.datasets) {
        QJsonObject dataset { { QStringLiteral("name"), d.name }, { QStringLiteral("digest"), d.digest } };
        putText(dataset, QStringLiteral("description"), d.context);
        putText(dataset, QStringLiteral("source_type"), d.sourceType);
        putText(dataset, QStringLiteral("source"), d.source);
        putText(dataset, QStringLiteral("schema"), d.schema);
        putText(dataset, QStringLiteral("profile"), d.profile);
        data.append(dataset);
    }
    parameters.insert(QStringLiteral("data"), data);
    putText(parameters, QStringLiteral("input_format"), ModelCardFacts::describe(f.inputs));
    putText(parameters, QStringLiteral("output_format"), ModelCardFacts::describe(f.outputs));
    parameters.insert(QStringLiteral("input_format_map"), columns(f.inputs));
    parameters.insert(QStringLiteral("output_format_map"), columns(f.outputs));
    QJsonArray params;
    for (const KeyValue& kv : f.params)
        params.append(QJsonObject { { QStringLiteral("key"), kv.key }, { QStringLiteral("value"), kv.value } });
    parameters.insert(QStringLiteral("parameters"), params);
    return parameters;
}

QJsonObject quantitativeAnalysis(const ModelCard& card)
{
    QJsonArray metrics;
    for (const CardMetric& m : ModelCardText::reportedMetrics(card.facts)) {
        QJsonObject metric { { QStringLiteral("type"), m.key } };
        metric.insert(QStringLiteral("value"),
            std::isfinite(m.value) ? QJsonValue(m.value) : QJsonValue(ModelCardText::number(m.value)));
        putText(metric, QStringLiteral("slice"), m.datasetName);
        putText(metric, QStringLiteral("dataset_digest"), m.datasetDigest);
        metrics.append(metric);
    }
    return QJsonObject { { QStringLiteral("performance_metrics"), metrics } };
}

QJsonObject considerations(const ModelCard& card)
{
    QJsonObject object { { QStringLiteral("users"), descriptions(card.lines(QStringLiteral("users"))) },
        { QStringLiteral("use_cases"), descriptions(card.lines(QStringLiteral("intended_use"))) },
        { QStringLiteral("limitations"), descriptions(card.lines(QStringLiteral("limitations"))) },
        { QStringLiteral("tradeoffs"), descriptions(card.lines(QStringLiteral("tradeoffs"))) } };
    QJsonArray risks;
    for (const ModelCardText::Risk& r : ModelCardText::risks(card))
        risks.append(QJsonObject {
            { QStringLiteral("name"), r.name }, { QStringLiteral("mitigation_strategy"), r.mitigation } });
    object.insert(QStringLiteral("ethical_considerations"), risks);
    putText(object, QStringLiteral("risk_rating"), card.field(QStringLiteral("risk_rating")));
    return object;
}

} // namespace

QJsonObject ModelCardJson::toObject(const ModelCard& card)
{
    return QJsonObject { { QStringLiteral("schema_version"), QStringLiteral("0.0.2") },
        { QStringLiteral("model_details"), modelDetails(card) },
        { QStringLiteral("model_parameters"), modelParameters(card) },
        { QStringLiteral("quantitative_analysis"), quantitativeAnalysis(card) },
        { QStringLiteral("considerations"), considerations(card) } };
}

QByteArray ModelCardJson::toJson(const ModelCard& card)
{
    return QJsonDocument(toObject(card)).toJson(QJsonDocument::Indented);
}

} // namespace prov
