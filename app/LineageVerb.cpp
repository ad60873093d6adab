#include "LineageVerb.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "LineageImageExport.h"
#include "lineage/DotExport.h"
#include "lineage/GraphvizLayout.h"
#include "lineage/LineageBindingHistory.h"
#include "lineage/LineageBuilder.h"
#include "lineage/LineageSelection.h"
#include "lineage/OpenLineageExport.h"
#include "lineage/ProvJsonExport.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QSaveFile>

namespace prov {
namespace {

const QCommandLineOption modelOption { QStringLiteral("model"), QStringLiteral("A registered model (with --version)."),
    QStringLiteral("NAME") };
const QCommandLineOption versionOption { QStringLiteral("version"), QStringLiteral("The version of --model."),
    QStringLiteral("N") };
const QCommandLineOption runOption { QStringLiteral("run"), QStringLiteral("A run, by id or unique name."),
    QStringLiteral("ID") };
const QCommandLineOption datasetOption { QStringLiteral("dataset"),
    QStringLiteral("The dataset versions with this digest."), QStringLiteral("DIGEST") };
const QCommandLineOption experimentOption { QStringLiteral("experiment"),
    QStringLiteral("The runs of an experiment (name or id)."), QStringLiteral("NAME") };
const QCommandLineOption allOption { QStringLiteral("all"), QStringLiteral("The whole store.") };
const QCommandLineOption upstreamOption { QStringLiteral("upstream"),
    QStringLiteral("At most K hops upstream (default: all)."), QStringLiteral("K") };
const QCommandLineOption downstreamOption { QStringLiteral("downstream"),
    QStringLiteral("At most K hops downstream (default: all)."), QStringLiteral("K") };
const QCommandLineOption usersOption { QStringLiteral("users"),
    QStringLiteral("Draw users (agents) too in dot, svg, png and pdf; PROV-JSON and OpenLineage always hold them.") };
const QCommandLineOption formatOption { QStringLiteral("format"),
    QStringLiteral("dot, svg, png, pdf, prov-json or openlineage."), QStringLiteral("FORMAT") };
const QCommandLineOption outOption { QStringLiteral("out"), QStringLiteral("Output file (default: stdout)."),
    QStringLiteral("FILE") };

const QStringList formats { QStringLiteral("dot"), QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("pdf"),
    QStringLiteral("prov-json"), QStringLiteral("openlineage") };

// The focus the options name; a sentence saying what is wrong otherwise.
Result<LineageFocus> focusOf(const QCommandLineParser& parser)
{
    QList<LineageFocus> chosen;
    if (parser.isSet(modelOption) || parser.isSet(versionOption)) {
        bool ok = false;
        const qint64 version = parser.value(versionOption).toLongLong(&ok);
        if (!parser.isSet(modelOption) || !ok || version < 1)
            return makeError(ErrorCode::InvalidArgument,
                QStringLiteral("--model NAME and --version N go together (N a version number)"));
        chosen.append({ LineageFocus::Kind::ModelVersion, parser.value(modelOption), version });
    }
    if (parser.isSet(runOption))
        chosen.append({ LineageFocus::Kind::Run, parser.value(runOption), 0 });
    if (parser.isSet(datasetOption))
        chosen.append({ LineageFocus::Kind::Dataset, parser.value(datasetOption), 0 });
    if (parser.isSet(experimentOption))
        chosen.append({ LineageFocus::Kind::Experiment, parser.value(experimentOption), 0 });
    if (parser.isSet(allOption))
        chosen.append({ LineageFocus::Kind::All, {}, 0 });
    if (chosen.size() != 1)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("choose one of --model NAME --version N, --run ID, --dataset DIGEST, --experiment NAME or "
                           "--all"));
    return chosen.first();
}

// The hop limit of an option: AnyDepth when absent.
Result<int> depthOf(const QCommandLineParser& parser, const QCommandLineOption& option)
{
    if (!parser.isSet(option))
        return LineageGraph::AnyDepth;
    bool ok = false;
    const int depth = parser.value(option).toInt(&ok);
    if (!ok || depth < 0)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("--%1 takes a number of hops (0 or more)").arg(option.names().first()));
    return depth;
}

bool isStdout(const QString& path)
{
    return path.isEmpty() || path == QLatin1String("-");
}

// Lays the graph out and draws it into an SVG, PNG or PDF file.
Status writeImage(const LineageGraph& view, LineageImageExport::Format format, const QString& path)
{
    auto graph = std::make_shared<const LineageGraph>(view);
    auto layout = GraphvizLayout::layout(*graph, LineageLayoutOptions {});
    if (!layout)
        return layout.error();
    return LineageImageExport::write(
        graph, std::make_shared<const LineageLayout>(std::move(layout).value()), format, path);
}

Status writeOut(CliContext& context, const QString& path, const QByteArray& data)
{
    if (isStdout(path)) {
        context.out() << QString::fromUtf8(data);
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return makeError(
            ErrorCode::Io, QStringLiteral("the file could not be written (%1)").arg(file.errorString()), path);
    return {};
}

} // namespace

QString LineageVerb::name() const
{
    return QStringLiteral("lineage");
}

QString LineageVerb::synopsis() const
{
    return QStringLiteral(
        "STORE (--model NAME --version N | --run ID | --dataset DIGEST | --experiment NAME | --all)\n"
        "      [--upstream K] [--downstream K] [--users] --format dot|svg|png|pdf|prov-json|openlineage [--out FILE]");
}

QString LineageVerb::summary() const
{
    return QStringLiteral("the lineage graph around a version, run, dataset or experiment, as DOT, an image, "
                          "PROV-JSON or OpenLineage events");
}

bool LineageVerb::needsRendering() const
{
    return true;
}

QList<QCommandLineOption> LineageVerb::options() const
{
    return { modelOption, versionOption, runOption, datasetOption, experimentOption, allOption, upstreamOption,
        downstreamOption, usersOption, formatOption, outOption };
}

int LineageVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    const auto focus = focusOf(parser);
    if (!focus)
        return CliOutput::usageError(context, name(), focus.error().message);
    const auto up = depthOf(parser, upstreamOption);
    const auto down = depthOf(parser, downstreamOption);
    if (!up || !down)
        return CliOutput::usageError(context, name(), (up ? down.error() : up.error()).message);
    const QString format = parser.value(formatOption);
    if (!formats.contains(format))
        return CliOutput::usageError(
            context, name(), QStringLiteral("--format must be one of %1").arg(formats.join(QStringLiteral(", "))));
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    auto graph = LineageBuilder(cache->database()).build();
    if (!graph)
        return CliOutput::fail(context, name(), graph.error());
    if (Status history = LineageBindingHistory::addPastFromFile(*graph, context.journalPath()); !history)
        return CliOutput::fail(context, name(), history.error());
    const auto nodes = LineageSelection::resolve(*graph, *focus);
    if (!nodes)
        return CliOutput::fail(context, name(), nodes.error());
    LineageGraph view
        = focus->kind == LineageFocus::Kind::All ? *graph : LineageSelection::around(*graph, *nodes, *up, *down);
    const QString out = parser.value(outOption);
    const auto image = LineageImageExport::formatNamed(format);
    // Drawings leave users out unless asked (they tie a store into one tangle); the PROV and
    // OpenLineage exports are records and keep them.
    if ((image || format == QLatin1String("dot")) && !parser.isSet(usersOption)) {
        QList<int> keep; // a user asked for stays
        if (focus->kind != LineageFocus::Kind::All) {
            for (int n : *nodes)
                keep.append(view.indexOf(graph->node(n).id));
        }
        view = LineageSelection::withoutAgents(view, keep);
    }
    if (image && isStdout(out))
        return CliOutput::usageError(context, name(), QStringLiteral("--format %1 needs --out FILE").arg(format));
    QByteArray data;
    if (image) {
        if (Status s = writeImage(view, *image, out); !s)
            return CliOutput::fail(context, name(), s.error());
    } else if (format == QLatin1String("dot")) {
        data = DotExport::write(view);
    } else if (format == QLatin1String("prov-json")) {
        data = ProvJsonExport::write(view);
    } else {
        OpenLineageOptions options;
        options.jobNamespace = context.store().uri;
        options.producer = QStringLiteral("urn:provenance:") + QStringLiteral(PROVENANCE_VERSION);
        options.fallbackTime = QDateTime::currentMSecsSinceEpoch();
        data = OpenLineageExport::write(view, options);
    }
    if (!image) {
        if (Status s = writeOut(context, out, data); !s)
            return CliOutput::fail(context, name(), s.error());
    }
    if (!isStdout(out))
        context.err() << "provenance lineage: " << view.nodes().size() << " nodes, " << view.edges().size()
                      << " edges written to " << out << '\n';
    return CliExit::Done;
}

} // namespace prov
