#include "RunOverviewHtml.h"

#include "DetailsHtml.h"
#include "StatusPalette.h"
#include "core/DisplayFormat.h"
#include "domain/MlflowTags.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace prov {
namespace {

QString runLink(const RunLink& run)
{
    return DetailsHtml::link(DetailsHtml::runUrl(run.runId), run.runName.isEmpty() ? run.runId : run.runName)
        + QStringLiteral(" <span style=\"color:%1\">%2</span>")
              .arg(StatusPalette::colorFor(run.status).name(), runStatusName(run.status).toLower());
}

// The dataset source MLflow stores as JSON ({"uri": ...} or {"url": ...}), as plain text.
QString sourceText(const Dataset& dataset)
{
    const QJsonObject source = QJsonDocument::fromJson(dataset.source.toUtf8()).object();
    for (const char* key : { "uri", "url", "path", "table_name" }) {
        const QString value = source.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return dataset.source;
}

void addTiming(DetailsHtml& html, const RunDetail& d)
{
    const RunInfo& info = d.info;
    html.row(QObject::tr("Status"),
        QStringLiteral("<b style=\"color:%1\">%2</b>")
            .arg(StatusPalette::colorFor(info.status).name(), runStatusName(info.status)));
    if (info.lifecycleStage == LifecycleStage::Deleted)
        html.row(QObject::tr("Lifecycle"),
            QObject::tr("<b>deleted</b> %1").arg(DetailsHtml::escape(DisplayFormat::timestamp(info.deletedTime))));
    html.textRow(QObject::tr("Experiment"), d.experimentName);
    html.textRow(QObject::tr("Started"), DisplayFormat::timestamp(info.startTime));
    html.textRow(QObject::tr("Ended"), DisplayFormat::timestamp(info.endTime));
    if (info.startTime && info.endTime)
        html.textRow(QObject::tr("Duration"), DisplayFormat::duration(*info.endTime - *info.startTime));
    html.textRow(QObject::tr("User"), info.userId);
}

void addSource(DetailsHtml& html, const RunDetail& d)
{
    const QString source = d.tag(MlflowTags::SourceName);
    const QString type = d.tag(MlflowTags::SourceType);
    if (!source.isEmpty())
        html.row(QObject::tr("Source"),
            DetailsHtml::escape(source)
                + (type.isEmpty() ? QString()
                                  : QStringLiteral(" <i>(") + DetailsHtml::escape(type) + QStringLiteral(")</i>")));
    const QString commit = d.tag(MlflowTags::GitCommit);
    const QString branch = d.tag(MlflowTags::GitBranch);
    if (!commit.isEmpty())
        html.row(QObject::tr("Git commit"),
            QStringLiteral("<tt>") + DetailsHtml::escape(commit.left(12)) + QStringLiteral("</tt>")
                + (branch.isEmpty() ? QString() : QStringLiteral(" on ") + DetailsHtml::escape(branch)));
    html.textRow(QObject::tr("Repository"), d.tag(MlflowTags::GitRepoUrl));
    html.textRow(QObject::tr("Artifacts"), d.info.artifactUri);
}

void addRelatives(DetailsHtml& html, const RunDetail& d)
{
    if (d.parent)
        html.row(QObject::tr("Parent run"), runLink(*d.parent));
    else if (const QString parentId = d.tag(MlflowTags::ParentRunId); !parentId.isEmpty())
        html.row(QObject::tr("Parent run"), DetailsHtml::escape(parentId) + QObject::tr(" <i>(not in this store)</i>"));
    if (d.children.isEmpty())
        return;
    QStringList links;
    for (const RunLink& child : d.children)
        links << runLink(child);
    html.row(QObject::tr("Child runs (%1)").arg(d.children.size()), links.join(QStringLiteral("<br>")));
}

void addDatasets(DetailsHtml& html, const RunDetail& d)
{
    if (d.datasetInputs.isEmpty())
        return;
    html.heading(QObject::tr("Datasets used"));
    QList<QStringList> rows;
    for (const DatasetInput& input : d.datasetInputs) {
        rows.append({ DetailsHtml::escape(input.dataset.name),
            QStringLiteral("<tt>") + DetailsHtml::escape(input.dataset.digest) + QStringLiteral("</tt>"),
            DetailsHtml::escape(input.context()), DetailsHtml::escape(sourceText(input.dataset)) });
    }
    html.table({ QObject::tr("Name"), QObject::tr("Digest"), QObject::tr("Context"), QObject::tr("Source") }, rows);
}

void addModels(DetailsHtml& html, const RunDetail& d)
{
    if (d.loggedModels.isEmpty() && d.modelVersions.isEmpty() && d.modelInputs.isEmpty())
        return;
    html.heading(QObject::tr("Models"));
    for (const LoggedModel& m : d.loggedModels) {
        const QString flavors = m.flavors.isEmpty()
            ? QString()
            : QStringLiteral(" — ") + DetailsHtml::escape(m.flavors.join(QStringLiteral(", ")));
        QUrl url; // model:<id>, opened on the Registry page
        url.setScheme(QStringLiteral("model"));
        url.setPath(m.modelId);
        html.row(QObject::tr("Logged model"),
            QStringLiteral("<b>") + DetailsHtml::escape(m.name) + QStringLiteral("</b> ")
                + DetailsHtml::link(url, m.modelId) + flavors);
    }
    for (const ModelVersionLink& v : d.modelVersions) {
        QString text = DetailsHtml::link(
            DetailsHtml::versionUrl(v.name, v.version), QObject::tr("%1 version %2").arg(v.name).arg(v.version));
        if (!v.stage.isEmpty() && v.stage != QLatin1String("None"))
            text += QStringLiteral(" · ") + DetailsHtml::escape(v.stage);
        for (const QString& alias : v.aliases)
            text += QStringLiteral(" · @") + DetailsHtml::escape(alias);
        html.row(QObject::tr("Registered as"), text);
    }
    for (const ModelInput& input : d.modelInputs)
        html.row(QObject::tr("Used model"),
            QStringLiteral("<tt>") + DetailsHtml::escape(input.modelId) + QStringLiteral("</tt>"));
}

void addIssues(DetailsHtml& html, const RunDetail& d)
{
    if (d.issues.isEmpty())
        return;
    QStringList lines;
    for (const StoreIssue& issue : d.issues)
        lines << DetailsHtml::escape(issue.message) + QStringLiteral("<br><small>")
                + DetailsHtml::escape(issue.location) + QStringLiteral("</small>");
    html.paragraph(QStringLiteral("<span style=\"color:#c0392b\"><b>")
        + QObject::tr("Problems found while reading this run:") + QStringLiteral("</b></span><br>")
        + lines.join(QStringLiteral("<br>")));
}

} // namespace

QString RunOverviewHtml::build(const RunDetail& d)
{
    DetailsHtml html;
    addIssues(html, d);
    addTiming(html, d);
    addSource(html, d);
    addRelatives(html, d);
    const QString note = d.tag(MlflowTags::Note);
    if (!note.isEmpty()) {
        html.heading(QObject::tr("Note"));
        html.paragraph(DetailsHtml::escape(note));
    }
    addDatasets(html, d);
    addModels(html, d);
    return html.toHtml();
}

} // namespace prov
