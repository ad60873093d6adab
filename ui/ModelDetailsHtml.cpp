#include "ModelDetailsHtml.h"

#include "DetailsHtml.h"
#include "core/DisplayFormat.h"
#include "domain/ModelSource.h"
#include "lineage/LineageIds.h"
#include "registry/ModelCardFacts.h"
#include "registry/ModelCardTags.h"

#include <QCoreApplication>

#include <cmath>

namespace prov {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ModelDetailsHtml", text);
}

QString muted(const QString& plainText)
{
    return QStringLiteral("<span style=\"color:#808080;\">") + DetailsHtml::escape(plainText)
        + QStringLiteral("</span>");
}

QString aliasList(const QStringList& aliases)
{
    return aliases.isEmpty() ? QString() : QStringLiteral("@") + aliases.join(QStringLiteral(", @"));
}

QString stageText(const QString& stage)
{
    return stage.isEmpty() || stage == QLatin1String("None") ? tr("None") : stage;
}

// A link that opens the Lineage page focused on a node (lineage:<node id>). The id is set
// decoded, so the percent signs of encoded names survive the round trip.
QString lineageLink(const QString& nodeId, const QString& text)
{
    QUrl url;
    url.setScheme(QStringLiteral("lineage"));
    url.setPath(nodeId, QUrl::DecodedMode);
    return DetailsHtml::link(url, text);
}

QString versionLink(const QString& modelName, qint64 version)
{
    return DetailsHtml::link(DetailsHtml::versionUrl(modelName, version), tr("Version %1").arg(version));
}

QString runHtml(const ModelVersionEntry& entry, bool withNote)
{
    const ModelVersion& v = entry.version;
    if (v.runId.isEmpty())
        return muted(tr("registered without a run"));
    if (entry.experimentId.isEmpty()) {
        const QString id = DetailsHtml::escape(v.runId);
        return withNote ? id + QStringLiteral(" ") + muted(tr("(this run is not in the cache)")) : id;
    }
    return DetailsHtml::link(DetailsHtml::runUrl(v.runId), entry.runName.isEmpty() ? v.runId : entry.runName);
}

QString producingModelHtml(const ModelVersionEntry& entry)
{
    const ModelVersion& v = entry.version;
    const QString id = v.modelId.isEmpty() ? ModelSource::resolve(v.source, v.runId).modelId : v.modelId;
    if (id.isEmpty())
        return muted(tr("none in this store (the source is outside it)"));
    const QString text
        = entry.loggedModelName.isEmpty() ? id : id + QStringLiteral(" (") + entry.loggedModelName + QLatin1Char(')');
    return entry.loggedModelName.isEmpty() && !id.startsWith(QLatin1String("m-"))
        ? DetailsHtml::escape(text)
        : DetailsHtml::link(ModelDetailsHtml::loggedModelUrl(id), text);
}

void tagTable(DetailsHtml& html, const KeyValueList& tags)
{
    if (tags.isEmpty())
        return;
    html.heading(tr("Tags"));
    QList<QStringList> rows;
    for (const KeyValue& tag : tags)
        rows.append({ DetailsHtml::escape(tag.key), DetailsHtml::escape(tag.value.left(300)) });
    html.table({ tr("Key"), tr("Value") }, rows);
}

// The metrics worth a glance: the ones every version shares, else the first few.
QStringList keyMetrics(const RegisteredModelEntry& entry)
{
    QStringList keys;
    for (const ModelVersionEntry& v : entry.versions) {
        for (const VersionMetric& m : v.metrics) {
            if (!m.modelLinked && !keys.contains(m.key))
                keys << m.key;
        }
    }
    QStringList shared;
    for (const QString& key : std::as_const(keys)) {
        if (std::all_of(entry.versions.begin(), entry.versions.end(),
                [&](const ModelVersionEntry& v) { return v.metric(key).has_value(); }))
            shared << key;
    }
    return (shared.isEmpty() ? keys : shared).mid(0, 3);
}

void versionsTable(DetailsHtml& html, const RegisteredModelEntry& entry)
{
    html.heading(tr("Versions (%1)").arg(entry.versions.size()));
    const QStringList metrics = keyMetrics(entry);
    QList<QStringList> rows;
    for (const ModelVersionEntry& v : entry.versions) {
        QStringList row { versionLink(entry.model.name, v.version.version),
            DetailsHtml::escape(stageText(v.version.stage)), DetailsHtml::escape(aliasList(v.aliases)),
            runHtml(v, false) };
        for (const QString& key : metrics) {
            const auto value = v.metric(key);
            row << (value ? DetailsHtml::escape(DisplayFormat::metricValue(*value)) : QString());
        }
        row << DetailsHtml::escape(v.runUser)
            << DetailsHtml::escape(DisplayFormat::timestamp(v.version.creationTime).left(16));
        rows.append(row);
    }
    if (rows.isEmpty())
        html.paragraph(muted(tr("This model has no versions.")));
    QStringList headers { tr("Version"), tr("Stage"), tr("Aliases"), tr("Source run") };
    for (const QString& key : metrics)
        headers << DetailsHtml::escape(key);
    headers << tr("Trained by") << tr("Registered");
    html.table(headers, rows);
}

void lineageRows(DetailsHtml& html, const ModelVersionEntry& v)
{
    html.row(tr("Source run"), runHtml(v, true));
    html.row(tr("Logged model"), producingModelHtml(v));
    html.textRow(tr("Trained by"), v.runUser);
    html.textRow(tr("Code"), v.codeSource);
    html.textRow(tr("Repository"), v.codeRepository);
    html.textRow(tr("Commit"), v.codeCommit);
    if (!v.datasets.isEmpty()) {
        html.heading(tr("Datasets"));
        QList<QStringList> rows;
        for (const DatasetInput& d : v.datasets)
            rows.append({ lineageLink(LineageIds::dataset(d.dataset.source, d.dataset.digest), d.dataset.name),
                DetailsHtml::escape(d.context()), DetailsHtml::escape(d.dataset.digest),
                DetailsHtml::escape(d.dataset.sourceType) });
        html.table({ tr("Dataset"), tr("Context"), tr("Digest"), tr("Source") }, rows);
    }
    if (!v.metrics.isEmpty()) {
        html.heading(tr("Metrics"));
        QList<QStringList> rows;
        for (const VersionMetric& m : v.metrics)
            rows.append({ DetailsHtml::escape(m.key), DetailsHtml::escape(DisplayFormat::metricValue(m.value)),
                DetailsHtml::escape(m.modelLinked
                        ? m.datasetName + QStringLiteral(" (") + m.datasetDigest + QLatin1Char(')')
                        : tr("run (latest)")) });
        html.table({ tr("Metric"), tr("Value"), tr("On") }, rows);
    }
}

} // namespace

QUrl ModelDetailsHtml::loggedModelUrl(const QString& modelId)
{
    QUrl url;
    url.setScheme(QStringLiteral("model"));
    url.setPath(modelId);
    return url;
}

QString ModelDetailsHtml::model(const RegisteredModelEntry& entry)
{
    const RegisteredModel& m = entry.model;
    DetailsHtml html;
    html.heading(m.name);
    html.textRow(tr("Description"), m.description);
    html.textRow(tr("Registered"), DisplayFormat::timestamp(m.creationTime));
    html.textRow(tr("Last updated"), DisplayFormat::timestamp(m.lastUpdatedTime));
    QStringList aliases;
    for (const ModelAlias& alias : m.aliases)
        aliases << DetailsHtml::escape(QStringLiteral("@") + alias.alias) + QStringLiteral(" → ")
                + versionLink(m.name, alias.version) + QStringLiteral(" · ")
                + lineageLink(LineageIds::deployment(m.name, QStringLiteral("alias"), alias.alias), tr("lineage"));
    if (!aliases.isEmpty())
        html.row(tr("Aliases"), aliases.join(QStringLiteral("<br>")));
    QStringList stages;
    for (const ModelVersionEntry& v : entry.versions) {
        if (stageText(v.version.stage) != tr("None"))
            stages << DetailsHtml::escape(v.version.stage) + QStringLiteral(" → ")
                    + versionLink(m.name, v.version.version);
    }
    if (!stages.isEmpty())
        html.row(tr("Stages"), stages.join(QStringLiteral("<br>")));
    tagTable(html, m.tags);
    versionsTable(html, entry);
    html.paragraph(muted(tr("The History tab shows which versions held each alias and stage as Provenance's syncs "
                            "observed them; the Trend tab compares a metric across versions.")));
    return html.toHtml();
}

QString ModelDetailsHtml::version(const RegisteredModelEntry& entry, const ModelVersionEntry& version)
{
    const ModelVersion& v = version.version;
    DetailsHtml html;
    html.heading(entry.model.name + QStringLiteral(" · ") + tr("Version %1").arg(v.version));
    html.textRow(tr("Stage"), stageText(v.stage));
    html.textRow(tr("Aliases"), aliasList(version.aliases));
    html.textRow(tr("Description"), v.description);
    html.textRow(tr("Registered"), DisplayFormat::timestamp(v.creationTime));
    html.textRow(tr("Registered by"), v.userId);
    html.textRow(tr("Last updated"), DisplayFormat::timestamp(v.lastUpdatedTime));
    html.textRow(tr("Source URI"), v.source);
    html.textRow(tr("Storage location"), v.storageLocation);
    html.textRow(
        tr("Status"), v.statusMessage.isEmpty() ? v.status : v.status + QStringLiteral(" — ") + v.statusMessage);
    if (v.runLink.startsWith(QLatin1String("http://")) || v.runLink.startsWith(QLatin1String("https://")))
        html.row(tr("Run link"), DetailsHtml::link(QUrl(v.runLink), v.runLink));
    KeyValueList tags;
    bool hasCard = false;
    for (const KeyValue& tag : v.tags) {
        if (ModelCardTags::isCardTag(tag.key))
            hasCard = true; // its fields are on the Model Card tab, not raw JSON here
        else
            tags.append(tag);
    }
    html.row(
        tr("Model card"), muted(hasCard ? tr("saved in the store (Model Card tab)") : tr("none in the store yet")));
    QStringList lineage { lineageLink(LineageIds::modelVersion(entry.model.name, v.version), tr("this version")) };
    for (const QString& alias : version.aliases)
        lineage << lineageLink(
            LineageIds::deployment(entry.model.name, QStringLiteral("alias"), alias), QStringLiteral("@") + alias);
    html.row(tr("Show lineage of"), lineage.join(QStringLiteral(" · ")));
    lineageRows(html, version);
    tagTable(html, tags);
    return html.toHtml();
}

QString ModelDetailsHtml::loggedModel(const LoggedModelDetail& d)
{
    const LoggedModel& m = d.model;
    DetailsHtml html;
    html.heading(tr("Logged model %1").arg(m.name));
    html.textRow(tr("Id"), m.modelId);
    if (!m.sourceRunId.isEmpty())
        html.row(tr("Produced by run"),
            d.runName.isEmpty() ? DetailsHtml::escape(m.sourceRunId)
                                : DetailsHtml::link(DetailsHtml::runUrl(m.sourceRunId), d.runName));
    html.textRow(tr("Experiment"), d.experimentName);
    html.textRow(tr("Flavors"), m.flavors.join(QStringLiteral(", ")));
    html.textRow(tr("Logged"), DisplayFormat::timestamp(m.creationTime));
    html.textRow(tr("Inputs"), ModelCardFacts::describe(ModelCardFacts::parseSignature(m.signatureInputs)));
    html.textRow(tr("Outputs"), ModelCardFacts::describe(ModelCardFacts::parseSignature(m.signatureOutputs)));
    QStringList versions;
    for (const ModelVersionLink& v : d.versions)
        versions << DetailsHtml::link(
                        DetailsHtml::versionUrl(v.name, v.version), v.name + tr(" version %1").arg(v.version))
                + (v.aliases.isEmpty() ? QString() : QStringLiteral(" ") + DetailsHtml::escape(aliasList(v.aliases)));
    html.row(tr("Registered as"),
        versions.isEmpty() ? muted(tr("no registered version")) : versions.join(QStringLiteral("<br>")));
    html.row(tr("Show lineage of"), lineageLink(LineageIds::loggedModel(m.modelId), tr("this logged model")));
    if (!m.metrics.isEmpty()) {
        html.heading(tr("Metrics"));
        QList<QStringList> rows;
        for (const LoggedModelMetric& metric : m.metrics)
            rows.append(
                { DetailsHtml::escape(metric.key), DetailsHtml::escape(DisplayFormat::metricValue(metric.value)),
                    DetailsHtml::escape(metric.datasetName), DetailsHtml::escape(metric.datasetDigest) });
        html.table({ tr("Metric"), tr("Value"), tr("Dataset"), tr("Digest") }, rows);
    }
    if (!m.params.isEmpty()) {
        html.heading(tr("Parameters"));
        QList<QStringList> rows;
        for (const KeyValue& p : m.params)
            rows.append({ DetailsHtml::escape(p.key), DetailsHtml::escape(p.value.left(300)) });
        html.table({ tr("Parameter"), tr("Value") }, rows);
    }
    return html.toHtml();
}

QString ModelDetailsHtml::emptyRegistry()
{
    DetailsHtml html;
    html.heading(tr("No registered models"));
    html.paragraph(DetailsHtml::escape(
        tr("Registered models are MLflow's model registry: named models whose versions each point at a model a "
           "run produced, with a stage (Staging, Production, …) and aliases such as \"champion\" that deployments "
           "refer to.")));
    html.paragraph(DetailsHtml::escape(
        tr("Nobody has registered a model in this store yet. Versions registered with MLflow (for example with "
           "mlflow.register_model or registered_model_name= when logging a model) will show here after the next "
           "sync.")));
    return html.toHtml();
}

QString ModelDetailsHtml::loadError(const QString& message)
{
    DetailsHtml html;
    html.heading(tr("The registry could not be read from the cache"));
    html.paragraph(DetailsHtml::escape(message));
    return html.toHtml();
}

} // namespace prov
