#include "lineage/OpenLineageExport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace prov {
namespace {

const QString schemaBase = QStringLiteral("https://openlineage.io/spec/");

QJsonObject facet(const OpenLineageOptions& options, const QString& schema)
{
    return QJsonObject { { QStringLiteral("_producer"), options.producer },
        { QStringLiteral("_schemaURL"), QString(schemaBase + schema) } };
}

QString eventType(const QString& status)
{
    if (status == QLatin1String("FINISHED"))
        return QStringLiteral("COMPLETE");
    if (status == QLatin1String("FAILED"))
        return QStringLiteral("FAIL");
    if (status == QLatin1String("KILLED"))
        return QStringLiteral("ABORT");
    if (status == QLatin1String("SCHEDULED"))
        return QStringLiteral("START");
    return QStringLiteral("RUNNING");
}

QString jobName(const LineageNode& run)
{
    return run.property(u"experiment") + QLatin1Char('/') + run.label;
}

// A browsable URL of the run's source file for a git repository given as https://host/org/repo(.git)
// or git@host:org/repo(.git); empty when the repository URL is neither.
QString fileUrl(const QString& repository, const QString& commit, const QString& path)
{
    QString base = repository;
    static const QRegularExpression scp(QStringLiteral("^[\\w.-]+@([\\w.-]+):(.+)$"));
    if (const auto match = scp.match(base); match.hasMatch())
        base = QStringLiteral("https://") + match.captured(1) + QLatin1Char('/') + match.captured(2);
    if (base.endsWith(QLatin1String(".git")))
        base.chop(4);
    const QUrl url(base, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return {};
    return QString::fromUtf8(QUrl(base + QStringLiteral("/blob/") + commit + QLatin1Char('/') + path).toEncoded());
}

QJsonObject sourceCodeFacet(const LineageNode& code, const OpenLineageOptions& options)
{
    const QString url = fileUrl(code.property(u"repository"), code.property(u"commit"), code.property(u"source_name"));
    if (url.isEmpty())
        return {};
    QJsonObject f = facet(
        options, QStringLiteral("facets/1-1-0/SourceCodeLocationJobFacet.json#/$defs/SourceCodeLocationJobFacet"));
    f.insert(QStringLiteral("type"), QStringLiteral("git"));
    f.insert(QStringLiteral("url"), url);
    f.insert(QStringLiteral("repoUrl"), code.property(u"repository"));
    f.insert(QStringLiteral("version"), code.property(u"commit"));
    if (!code.property(u"source_name").isEmpty())
        f.insert(QStringLiteral("path"), code.property(u"source_name"));
    if (!code.property(u"branch").isEmpty())
        f.insert(QStringLiteral("branch"), code.property(u"branch"));
    return f;
}

QJsonObject datasetObject(const LineageNode& dataset, const OpenLineageOptions& options)
{
    const QUrl uri(dataset.property(u"source_uri"));
    QJsonObject object;
    if (uri.isValid() && !uri.scheme().isEmpty()) {
        object.insert(QStringLiteral("namespace"), QString(uri.scheme() + QStringLiteral("://") + uri.authority()));
        object.insert(QStringLiteral("name"), uri.path().isEmpty() ? dataset.label : uri.path());
    } else {
        object.insert(QStringLiteral("namespace"), options.jobNamespace);
        object.insert(QStringLiteral("name"), dataset.label);
    }
    QJsonObject version = facet(
        options, QStringLiteral("facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet"));
    version.insert(QStringLiteral("datasetVersion"), dataset.property(u"digest"));
    object.insert(QStringLiteral("facets"), QJsonObject { { QStringLiteral("version"), version } });
    return object;
}

QJsonObject modelObject(const LineageNode& model, const OpenLineageOptions& options)
{
    const QString id = model.property(u"model_id");
    return QJsonObject { { QStringLiteral("namespace"), options.jobNamespace },
        { QStringLiteral("name"),
            id.startsWith(QLatin1String("runs:/")) ? id : QString(QStringLiteral("models:/") + id) } };
}

qint64 eventTime(const LineageNode& run, const OpenLineageOptions& options)
{
    return run.endTime ? *run.endTime : run.startTime ? *run.startTime : options.fallbackTime;
}

QJsonObject runEvent(const LineageGraph& graph, int n, const OpenLineageOptions& options)
{
    const LineageNode& run = graph.node(n);
    QJsonObject runObject { { QStringLiteral("runId"), OpenLineageExport::runUuid(run.property(u"run_id")) } };
    QJsonObject job { { QStringLiteral("namespace"), options.jobNamespace }, { QStringLiteral("name"), jobName(run) } };
    QJsonArray inputs;
    QJsonArray outputs;
    for (int e : graph.incoming(n)) {
        const LineageEdge& edge = graph.edges().at(e);
        const LineageNode& from = graph.node(edge.from);
        if (from.kind == LineageNodeKind::DatasetVersion)
            inputs.append(datasetObject(from, options));
        else if (from.kind == LineageNodeKind::LoggedModel)
            inputs.append(modelObject(from, options));
        else if (from.kind == LineageNodeKind::CodeVersion) {
            if (const QJsonObject f = sourceCodeFacet(from, options); !f.isEmpty())
                job.insert(QStringLiteral("facets"), QJsonObject { { QStringLiteral("sourceCodeLocation"), f } });
        } else if (from.kind == LineageNodeKind::Run) {
            QJsonObject parent
                = facet(options, QStringLiteral("facets/1-2-0/ParentRunFacet.json#/$defs/ParentRunFacet"));
            parent.insert(QStringLiteral("run"),
                QJsonObject { { QStringLiteral("runId"), OpenLineageExport::runUuid(from.property(u"run_id")) } });
            parent.insert(QStringLiteral("job"),
                QJsonObject {
                    { QStringLiteral("namespace"), options.jobNamespace }, { QStringLiteral("name"), jobName(from) } });
            runObject.insert(QStringLiteral("facets"), QJsonObject { { QStringLiteral("parent"), parent } });
        }
    }
    for (int e : graph.outgoing(n)) {
        const LineageNode& to = graph.node(graph.edges().at(e).to);
        if (to.kind == LineageNodeKind::LoggedModel)
            outputs.append(modelObject(to, options));
    }
    return QJsonObject { { QStringLiteral("eventType"), eventType(run.property(u"status")) },
        { QStringLiteral("eventTime"),
            QDateTime::fromMSecsSinceEpoch(eventTime(run, options), Qt::UTC).toString(Qt::ISODateWithMs) },
        { QStringLiteral("producer"), options.producer },
        { QStringLiteral("schemaURL"), QString(schemaBase + QStringLiteral("2-0-2/OpenLineage.json#/$defs/RunEvent")) },
        { QStringLiteral("run"), runObject }, { QStringLiteral("job"), job }, { QStringLiteral("inputs"), inputs },
        { QStringLiteral("outputs"), outputs } };
}

} // namespace

QString OpenLineageExport::runUuid(const QString& runId)
{
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-fA-F]{32}$"));
    if (hex32.match(runId).hasMatch()) {
        const QString h = runId.toLower();
        return h.left(8) + QLatin1Char('-') + h.mid(8, 4) + QLatin1Char('-') + h.mid(12, 4) + QLatin1Char('-')
            + h.mid(16, 4) + QLatin1Char('-') + h.mid(20);
    }
    const boost::uuids::name_generator_sha1 generator(boost::uuids::ns::url());
    const QByteArray name = runId.toUtf8();
    return QString::fromStdString(boost::uuids::to_string(generator(name.constData(), std::size_t(name.size()))));
}

QByteArray OpenLineageExport::write(const LineageGraph& graph, const OpenLineageOptions& options)
{
    QByteArray out;
    for (int n = 0; n < graph.nodes().size(); ++n) {
        if (graph.node(n).kind != LineageNodeKind::Run)
            continue;
        out += QJsonDocument(runEvent(graph, n, options)).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

} // namespace prov
