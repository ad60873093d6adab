// provenance_bench_remote: syncing a tracking server over loopback. Serves STORE (e.g. the output
// of provenance_bench_generate: 2,000 runs x 8 metrics x 500 steps) with the test tracking server,
// then times a cold sync and a warm re-sync into a fresh cache with Provenance's REST reader
// (bounded concurrency, bulk histories), and the way MLflow's own client reads histories: one
// get-history request per run and metric, one after the other. Prints seconds, requests and bytes
// of each. Benchmark tool: never run by CTest.
//
// Usage: provenance_bench_remote STORE [--concurrency 8] [--baseline-runs 2000]

#include "MlflowTestServer.h"

#include "jobs/WorkerPool.h"
#include "store/StoreLocation.h"
#include "store/rest/MlflowRestStore.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace prov;

namespace {

struct Figures
{
    double seconds = 0;
    qint64 requests = 0;
    qint64 bytes = 0;
};

void print(QTextStream& out, const char* what, const Figures& f)
{
    out << qSetFieldWidth(34) << Qt::left << what << qSetFieldWidth(0) << QString::number(f.seconds, 'f', 2) << " s, "
        << f.requests << " requests, " << QString::number(f.bytes / 1e6, 'f', 1) << " MB\n";
    out.flush();
}

Figures syncOnce(MlflowTestServer& server, const StoreLocation& location, const RestOptions& options,
    const QString& cache, QTextStream& err)
{
    server.resetCounters();
    WorkerPool workers;
    MlflowRestStore store(location, options);
    QElapsedTimer timer;
    timer.start();
    auto summary = SyncEngine(store, cache, workers).run(CancellationToken());
    Figures f { timer.nsecsElapsed() / 1e9, server.requestCount(), server.bytesSent() };
    if (!summary)
        err << "sync failed: " << summary.error().describe() << '\n';
    else
        err << "  " << summary->oneLine() << '\n';
    return f;
}

// What MLflow's client does for histories: GET metrics/get-history per run and key, in sequence.
Figures perRunAndMetric(MlflowTestServer& server, const RestOptions& options, int runs)
{
    server.resetCounters();
    RestOptions sequential = options;
    sequential.maxInFlight = 1;
    const RestClient client(sequential);
    const QStringList ids = server.content().runIds();
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < std::min<qsizetype>(runs, ids.size()); ++i) {
        for (const QString& key : server.content().metricKeys(ids[i])) {
            RestRequest request;
            request.path = QStringLiteral("/api/2.0/mlflow/metrics/get-history");
            request.query = { { QStringLiteral("run_id"), ids[i] }, { QStringLiteral("metric_key"), key },
                { QStringLiteral("max_results"), QStringLiteral("25000") } };
            (void)client.send(request, CancellationToken());
        }
    }
    return Figures { timer.nsecsElapsed() / 1e9, server.requestCount(), server.bytesSent() };
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        err << "usage: provenance_bench_remote STORE [--concurrency 8] [--baseline-runs 2000]\n";
        return 2;
    }
    const int concurrency = args.contains(QStringLiteral("--concurrency"))
        ? args.value(args.indexOf(QStringLiteral("--concurrency")) + 1).toInt()
        : 8;
    const int baselineRuns = args.contains(QStringLiteral("--baseline-runs"))
        ? args.value(args.indexOf(QStringLiteral("--baseline-runs")) + 1).toInt()
        : 2000;
    QElapsedTimer loading;
    loading.start();
    QString error;
    auto server = MlflowTestServer::start(args[1], &error);
    if (!server) {
        err << "cannot serve " << args[1] << ": " << error << '\n';
        return 1;
    }
    err << "serving " << args[1] << " at " << server->url() << " (loaded in " << loading.elapsed() / 1000.0 << " s)\n";
    auto location = StoreLocation::fromArgument(server->url(), QString());
    RestOptions options;
    options.baseUrl = QUrl(location->uri);
    options.maxInFlight = concurrency;
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
    out << "concurrency " << concurrency << "\n";
    print(out, "cold sync:", syncOnce(*server, *location, options, cache, err));
    print(out, "warm re-sync:", syncOnce(*server, *location, options, cache, err));
    const Figures baseline = perRunAndMetric(*server, options, baselineRuns);
    out << "one request per run and metric (" << std::min<qsizetype>(baselineRuns, server->content().runIds().size())
        << " runs):\n";
    print(out, "  histories only:", baseline);
    return 0;
}
