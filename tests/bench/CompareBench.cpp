// provenance_bench_compare: times the Compare page's work on a synced cache, for the README
// figures. For every run of the cache that logged KEY (default: the first key any run logged):
//   - "decimated": read each whole history from the cache and decimate every curve to COLUMNS
//     pixel columns (what a chart that wide draws): the page's background job;
//   - "first paint": that, plus showing the result in the page's chart widget (Qt Charts) and
//     rendering it once (offscreen).
// Prints the median of REPEAT runs of each. Benchmark tool: never run by CTest.
//
// Usage: provenance_bench_compare CACHE [--key KEY] [--columns 1600] [--repeat 5]
// A cache to time: provenance_bench_generate STORE --runs 100 --metrics 1 --steps 100000, then
// provenance sync STORE --cache DIR (the cache is the .sqlite file in DIR).

#include "CompareChartView.h"
#include "compare/CompareChartBuilder.h"
#include "core/SqliteDatabase.h"
#include "jobs/WorkerPool.h"
#include "query/CacheReader.h"
#include "query/CompareQuery.h"

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QPixmap>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace prov;

namespace {

struct Options
{
    QString cache;
    QString key;
    int columns = 1600;
    int repeat = 5;
};

std::optional<Options> parse(const QStringList& args)
{
    Options options;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--key") && i + 1 < args.size())
            options.key = args[++i];
        else if (arg == QLatin1String("--columns") && i + 1 < args.size())
            options.columns = args[++i].toInt();
        else if (arg == QLatin1String("--repeat") && i + 1 < args.size())
            options.repeat = std::max(1, args[++i].toInt());
        else if (!arg.startsWith(QLatin1String("--")) && options.cache.isEmpty())
            options.cache = arg;
        else
            return std::nullopt;
    }
    if (options.cache.isEmpty() || options.columns < 16)
        return std::nullopt;
    return options;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

QStringList allRunIds(const CacheReader& cache)
{
    QStringList ids;
    auto stmt = cache.database().prepare(QStringLiteral("SELECT run_id FROM runs ORDER BY start_time, run_id"));
    if (!stmt)
        return ids;
    while (stmt->step())
        ids.append(stmt->text(0));
    return ids;
}

std::shared_ptr<const CompareChart> decimated(
    const CacheReader& cache, const QList<ComparedRun>& runs, const QString& key, int columns)
{
    const CompareQuery query(cache.database(), QStringLiteral("bench"));
    WorkerPool workers; // as the page's job: the histories are decoded and decimated on every core
    auto series = query.series(runs, key, &workers);
    CompareChartOptions options;
    options.columns = columns;
    return std::make_shared<const CompareChart>(CompareChartBuilder::build(
        key, series ? *series : std::vector<CompareSeries> {}, options, CancellationToken {}, &workers));
}

// Shows `data` in the page's chart widget, its plot `columns` wide, and renders it once.
// `shownMs`: when the chart widget held the series, before rendering.
void paint(const std::shared_ptr<const CompareChart>& data, int columns, const QElapsedTimer& timer, double& shownMs)
{
    CompareChartStyle style;
    for (size_t i = 0; i < data->lines.size(); ++i)
        style.colorIndex.insert(data->lines[i].run.key, int(i));
    CompareChartView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(columns + 90, 520);
    view.show();
    view.setChart(data, style);
    shownMs = double(timer.nsecsElapsed()) / 1e6;
    QCoreApplication::processEvents();
    const QPixmap image = view.grab();
    if (image.isNull())
        std::fprintf(stderr, "provenance_bench_compare: nothing was painted\n");
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const auto options = parse(QCoreApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "usage: provenance_bench_compare CACHE [--key KEY] [--columns 1600] [--repeat 5]\n");
        return 2;
    }
    auto cache = CacheReader::open(options->cache);
    if (!cache) {
        std::fprintf(stderr, "provenance_bench_compare: %s\n", qPrintable(cache.error().message));
        return 1;
    }
    const CompareQuery query(cache->database(), QStringLiteral("bench"));
    const auto runs = query.runs(allRunIds(*cache));
    const auto keys = runs ? query.metricKeys(*runs) : Result<QStringList>(runs.error());
    if (!runs || !keys || keys->isEmpty()) {
        std::fprintf(stderr, "provenance_bench_compare: no runs with metrics in the cache\n");
        return 1;
    }
    const QString key = options->key.isEmpty() ? keys->first() : options->key;
    std::vector<double> decimateMs, shownMs, paintMs;
    std::shared_ptr<const CompareChart> last;
    for (int i = 0; i < options->repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        last = decimated(*cache, *runs, key, options->columns);
        decimateMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        double shown = 0;
        paint(last, options->columns, timer, shown);
        shownMs.push_back(shown);
        paintMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("%lld runs x '%s': %lld points recorded, %lld drawn at %d columns\n",
        static_cast<long long>(last->lines.size()), qPrintable(key), static_cast<long long>(last->recordedPoints()),
        static_cast<long long>(last->drawnPoints()), options->columns);
    std::printf("median of %d: decimated series %.0f ms, in the chart %.0f ms, first paint %.0f ms"
                " (min %.0f / %.0f / %.0f ms)\n",
        options->repeat, median(decimateMs), median(shownMs), median(paintMs),
        *std::min_element(decimateMs.begin(), decimateMs.end()), *std::min_element(shownMs.begin(), shownMs.end()),
        *std::min_element(paintMs.begin(), paintMs.end()));
    return 0;
}
