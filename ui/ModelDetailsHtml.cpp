#include "ModelDetailsHtml.h"

#include "DetailsHtml.h"
#include "core/DisplayFormat.h"
#include "domain/ModelSource.h"

#include <QCoreApplication>
#include <QDateTime>

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

// Tables show times to the minute, on one line, so that five columns fit a narrow pane;
// the rows above them give the full time.
QString timeCell(std::optional<qint64> ms)
{
    if (!ms)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*ms).toString(QStringLiteral("yyyy-MM-dd'&nbsp;'HH:mm"));
}

QString noBreak(QString text)
{
    return text.replace(QLatin1Char(' '), QChar(0x00A0));
}

QString versionLink(const QString& modelName, qint64 version)
{
    return DetailsHtml::link(DetailsHtml::versionUrl(modelName, version), tr("Version %1").arg(version));
}

// The run a version came from: a link when the run is in the cache, else its id and why.
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

// MLflow 3 names the producing model (model_id); MLflow 2 only has the source URI.
QString producingModelHtml(const ModelVersionEntry& entry)
{
    const ModelVersion& v = entry.version;
    const QString id = v.modelId.isEmpty() ? ModelSource::resolve(v.source, v.runId).modelId : v.modelId;
    if (id.isEmpty())
        return muted(tr("none in this store (the source is outside it)"));
    QString html = DetailsHtml::escape(id);
    if (!entry.loggedModelName.isEmpty())
        html += QStringLiteral(" (") + DetailsHtml::escape(entry.loggedModelName) + QStringLiteral(")");
    return html;
}

QString stageText(const QString& stage)
{
    return stage.isEmpty() || stage == QLatin1String("None") ? tr("None") : stage;
}

void tagTable(DetailsHtml& html, const KeyValueList& tags)
{
    if (tags.isEmpty())
        return;
    html.heading(tr("Tags"));
    QList<QStringList> rows;
    for (const KeyValue& tag : tags)
        rows.append({ DetailsHtml::escape(tag.key), DetailsHtml::escape(tag.value) });
    html.table({ tr("Key"), tr("Value") }, rows);
}

QString bindingText(const BindingObservation& o)
{
    return o.kind == QLatin1String("alias") ? QStringLiteral("@") + o.binding : o.binding;
}

// Observed intervals; `modelName` set adds a version column (the whole model's history).
void historySection(DetailsHtml& html, const ModelDetailsHtml::History& history, const QString& modelName,
    std::optional<qint64> onlyVersion)
{
    html.heading(tr("Alias and stage history (observed by Provenance)"));
    html.paragraph(muted(tr("MLflow keeps only the current aliases and stages, so this history starts at "
                            "Provenance's first sync of this store. Each interval runs from the sync that "
                            "first saw a binding to the last sync that still saw it.")));
    if (!history) {
        html.paragraph(muted(tr("Reading the history…")));
        return;
    }
    QList<QStringList> rows;
    for (const BindingObservation& o : *history) {
        if (onlyVersion && o.version != *onlyVersion)
            continue;
        QStringList row { DetailsHtml::escape(bindingText(o)) };
        if (!onlyVersion)
            row << versionLink(modelName, o.version);
        row << timeCell(o.firstSeen) << timeCell(o.lastSeen)
            << (o.endedSeen ? timeCell(*o.endedSeen) : muted(tr("still held")));
        rows.append(row);
    }
    if (rows.isEmpty()) {
        html.paragraph(muted(tr("No alias or stage has been observed yet.")));
        return;
    }
    QStringList headers { noBreak(tr("Alias or stage")) };
    if (!onlyVersion)
        headers << tr("Version");
    headers << noBreak(tr("First seen")) << noBreak(tr("Last seen")) << tr("Ended");
    html.table(headers, rows);
}

void versionsTable(DetailsHtml& html, const RegisteredModelEntry& entry)
{
    html.heading(tr("Versions (%1)").arg(entry.versions.size()));
    QList<QStringList> rows;
    for (const ModelVersionEntry& v : entry.versions) {
        rows.append({ versionLink(entry.model.name, v.version.version), DetailsHtml::escape(stageText(v.version.stage)),
            DetailsHtml::escape(aliasList(v.aliases)), runHtml(v, false), timeCell(v.version.creationTime) });
    }
    if (rows.isEmpty())
        html.paragraph(muted(tr("This model has no versions.")));
    html.table({ tr("Version"), tr("Stage"), tr("Aliases"), noBreak(tr("Source run")), tr("Registered") }, rows);
}

} // namespace

QString ModelDetailsHtml::model(const RegisteredModelEntry& entry, const History& history)
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
                + versionLink(m.name, alias.version);
    if (!aliases.isEmpty())
        html.row(tr("Aliases"), aliases.join(QStringLiteral("<br>")));
    tagTable(html, m.tags);
    versionsTable(html, entry);
    historySection(html, history, m.name, std::nullopt);
    return html.toHtml();
}

QString ModelDetailsHtml::version(
    const RegisteredModelEntry& entry, const ModelVersionEntry& version, const History& history)
{
    const ModelVersion& v = version.version;
    DetailsHtml html;
    html.heading(entry.model.name + QStringLiteral(" · ") + tr("Version %1").arg(v.version));
    html.textRow(tr("Stage"), stageText(v.stage));
    html.textRow(tr("Aliases"), aliasList(version.aliases));
    html.textRow(tr("Description"), v.description);
    html.row(tr("Source run"), runHtml(version, true));
    html.row(tr("Logged model"), producingModelHtml(version));
    html.textRow(tr("Source URI"), v.source);
    html.textRow(tr("Storage location"), v.storageLocation);
    html.textRow(
        tr("Status"), v.statusMessage.isEmpty() ? v.status : v.status + QStringLiteral(" — ") + v.statusMessage);
    html.textRow(tr("User"), v.userId);
    html.textRow(tr("Registered"), DisplayFormat::timestamp(v.creationTime));
    html.textRow(tr("Last updated"), DisplayFormat::timestamp(v.lastUpdatedTime));
    if (v.runLink.startsWith(QLatin1String("http://")) || v.runLink.startsWith(QLatin1String("https://")))
        html.row(tr("Run link"), DetailsHtml::link(QUrl(v.runLink), v.runLink));
    else
        html.textRow(tr("Run link"), v.runLink);
    tagTable(html, v.tags);
    historySection(html, history, entry.model.name, v.version);
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
