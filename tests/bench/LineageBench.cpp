// provenance_bench_lineage: times the lineage explorer on synthetic graphs of a store-like
// shape (shared datasets and commits, runs with parents, logged models, versions, aliases):
// building the graph, the Graphviz layout, and the first paint of the whole graph fitted into a
// 1400x900 view (offscreen). Each size: the whole graph as the Lineage page draws it (users
// left out), the same with users drawn, and the focus view (2 hops around a version).
// Benchmark tool: never run by CTest.
//
// Usage: provenance_bench_lineage [--sizes 500,2000,5000] [--repeat 3]

#include "LineageScene.h"
#include "lineage/GraphvizLayout.h"
#include "lineage/LineageIds.h"
#include "lineage/LineageSelection.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace prov;

namespace {

int addNode(LineageGraph& graph, const QString& id, LineageNodeKind kind, const QString& label, const QString& detail)
{
    LineageNode node;
    node.id = id;
    node.kind = kind;
    node.label = label;
    node.detail = detail;
    return graph.addNode(node);
}

// About `nodes` nodes: per run a dataset of its own one time in four, one of 40 shared
// datasets, one of 25 commits, its user; a parent for two runs in three; a model for one run in
// two; a version for one model in three; an alias for one version in four.
LineageGraph synthetic(int nodes)
{
    LineageGraph graph;
    int lastParent = -1;
    for (int r = 0; graph.nodes().size() < nodes; ++r) {
        const QString n = QString::number(r);
        const int run = addNode(graph, LineageIds::run(QStringLiteral("run") + n), LineageNodeKind::Run,
            QStringLiteral("run-") + n, QStringLiteral("experiment · FINISHED"));
        const int shared = addNode(graph, QStringLiteral("dataset:shared") + QString::number(r % 40),
            LineageNodeKind::DatasetVersion, QStringLiteral("shared-") + QString::number(r % 40),
            QStringLiteral("1a2b3c4d"));
        graph.addEdge(shared, run, LineageEdgeKind::Used, QStringLiteral("training"));
        if (r % 4 == 0)
            graph.addEdge(addNode(graph, QStringLiteral("dataset:own") + n, LineageNodeKind::DatasetVersion,
                              QStringLiteral("own-") + n, QStringLiteral("5e6f7a8b")),
                run, LineageEdgeKind::Used, QStringLiteral("evaluation"));
        graph.addEdge(addNode(graph, QStringLiteral("code:") + QString::number(r % 25), LineageNodeKind::CodeVersion,
                          QStringLiteral("train.py"), QStringLiteral("c0ffee") + QString::number(r % 25)),
            run, LineageEdgeKind::Used, QStringLiteral("code"));
        graph.addEdge(addNode(graph, QStringLiteral("agent:user") + QString::number(r % 7), LineageNodeKind::Agent,
                          QStringLiteral("user") + QString::number(r % 7), QStringLiteral("user")),
            run, LineageEdgeKind::WasAssociatedWith);
        if (r % 3 == 0)
            lastParent = run;
        else
            graph.addEdge(lastParent, run, LineageEdgeKind::WasInformedBy);
        if (r % 2 != 0)
            continue;
        const int model = addNode(graph, QStringLiteral("model:m") + n, LineageNodeKind::LoggedModel,
            QStringLiteral("model"), QStringLiteral("m-") + n);
        graph.addEdge(run, model, LineageEdgeKind::WasGeneratedBy);
        if (r % 6 != 0)
            continue;
        const int version = addNode(graph, LineageIds::modelVersion(QStringLiteral("model"), r / 6 + 1),
            LineageNodeKind::ModelVersion, QStringLiteral("model v") + QString::number(r / 6 + 1),
            QStringLiteral("None"));
        graph.addEdge(model, version, LineageEdgeKind::WasDerivedFrom);
        if (r % 24 == 0)
            graph.addEdge(version,
                addNode(graph, QStringLiteral("deployment:alias") + n, LineageNodeKind::Deployment,
                    QStringLiteral("@champion"), QStringLiteral("model")),
                LineageEdgeKind::Binding, QStringLiteral("current"));
    }
    return graph;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

struct Timing
{
    double build = 0, layout = 0, paint = 0;
    qsizetype nodes = 0, edges = 0;
};

// What is drawn of a synthetic store: the whole graph as the Lineage page shows it (users
// left out), the whole graph with its users, or the focus view.
enum class Variant { Whole, WithUsers, Focus };

Timing measure(int size, Variant variant)
{
    Timing t;
    QElapsedTimer timer;
    timer.start();
    auto graph = std::make_shared<const LineageGraph>(synthetic(size));
    if (variant == Variant::Focus) {
        const int version = graph->indexOf(LineageIds::modelVersion(QStringLiteral("model"), 2));
        graph = std::make_shared<const LineageGraph>(LineageSelection::around(*graph, { version }, 2, 2));
    }
    if (variant != Variant::WithUsers)
        graph = std::make_shared<const LineageGraph>(LineageSelection::withoutAgents(*graph));
    t.build = double(timer.nsecsElapsed()) / 1e6;
    t.nodes = graph->nodes().size();
    t.edges = graph->edges().size();
    timer.restart();
    auto layout = GraphvizLayout::layout(*graph, {});
    t.layout = double(timer.nsecsElapsed()) / 1e6;
    if (!layout) {
        std::fprintf(stderr, "layout failed: %s\n", qPrintable(layout.error().message));
        return t;
    }
    timer.restart();
    LineageScene scene;
    scene.setLineage(graph, std::make_shared<const LineageLayout>(std::move(layout).value()));
    QImage image(1400, 900, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(image.rect()), scene.sceneRect(), Qt::KeepAspectRatio);
    painter.end();
    t.paint = double(timer.nsecsElapsed()) / 1e6;
    return t;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QList<int> sizes { 500, 2000, 5000 };
    int repeat = 3;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--sizes")) {
            sizes.clear();
            for (const QString& s : args.at(i + 1).split(QLatin1Char(',')))
                sizes.append(s.toInt());
        } else if (args.at(i) == QLatin1String("--repeat")) {
            repeat = std::max(1, args.at(i + 1).toInt());
        }
    }
    std::printf("| graph | nodes | edges | build (ms) | layout (ms) | first paint (ms) |\n| --- | --- | --- | --- | "
                "--- | --- |\n");
    for (int size : sizes) {
        for (Variant variant : { Variant::Whole, Variant::WithUsers, Variant::Focus }) {
            std::vector<double> build, layout, paint;
            Timing last;
            for (int r = 0; r < repeat; ++r) {
                last = measure(size, variant);
                build.push_back(last.build);
                layout.push_back(last.layout);
                paint.push_back(last.paint);
            }
            const char* name = variant == Variant::Focus ? " (focus 2 hops)"
                : variant == Variant::WithUsers          ? " (users drawn)"
                                                         : "";
            std::printf("| %d%s | %lld | %lld | %.1f | %.1f | %.1f |\n", size, name, static_cast<long long>(last.nodes),
                static_cast<long long>(last.edges), median(build), median(layout), median(paint));
            std::fflush(stdout);
        }
    }
    return 0;
}
