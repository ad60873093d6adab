#include "CompareVerb.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "CompareImageExport.h"
#include "compare/CompareChartBuilder.h"
#include "compare/CompareCsv.h"
#include "core/DisplayFormat.h"
#include "query/CompareQuery.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSaveFile>

namespace prov {
namespace {

const QCommandLineOption runsOption { QStringLiteral("runs"),
    QStringLiteral("The runs to compare: run ids or run names, separated by commas."), QStringLiteral("ID,...") };
const QCommandLineOption metricsOption { QStringLiteral("metrics"),
    QStringLiteral("The metric keys to chart, separated by commas (default: every key the runs logged)."),
    QStringLiteral("KEY,...") };
const QCommandLineOption xOption { QStringLiteral("x"),
    QStringLiteral("The x axis: step, time (wall clock) or relative (time since each run's first point)."),
    QStringLiteral("AXIS"), QStringLiteral("step") };
const QCommandLineOption smoothingOption { QStringLiteral("smoothing"),
    QStringLiteral("Smoothing: ema:WEIGHT (TensorBoard's), avg:POINTS (running average), gauss:SIGMA, or none."),
    QStringLiteral("SPEC"), QStringLiteral("none") };
const QCommandLineOption logYOption { QStringLiteral("log-y"), QStringLiteral("Draw the y axis logarithmic.") };
const QCommandLineOption widthOption { QStringLiteral("width"),
    QStringLiteral("Chart width in pixels; --series drawn keeps what this many pixel columns draw."),
    QStringLiteral("PX"), QStringLiteral("1600") };
const QCommandLineOption seriesOption { QStringLiteral("series"),
    QStringLiteral("For CSV: raw (every recorded point, the default) or drawn (the points the chart draws)."),
    QStringLiteral("raw|drawn") };
const QCommandLineOption outOption { QStringLiteral("out"),
    QStringLiteral("The file to write: .png or .svg (the charts), or .csv (the series)."), QStringLiteral("FILE") };

// What the command line asked for, checked before the cache is touched.
struct CompareArguments
{
    QStringList runs;
    QStringList metrics;
    CompareChartOptions chart;
    CompareSeriesKind series = CompareSeriesKind::Raw;
    bool logY = false;
    QString out;
    bool image = false; // .png or .svg; .csv otherwise
    int width = 1600; // of the CSV's chart, or of the whole image
};

QStringList commaList(const QString& text)
{
    QStringList items;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items;
}

std::optional<MetricXAxis> xAxisOf(const QString& text)
{
    if (text == QLatin1String("step"))
        return MetricXAxis::Step;
    if (text == QLatin1String("time"))
        return MetricXAxis::WallTime;
    if (text == QLatin1String("relative"))
        return MetricXAxis::RelativeTime;
    return std::nullopt;
}

Result<CompareArguments> readArguments(const QCommandLineParser& parser)
{
    CompareArguments args;
    args.runs = commaList(parser.value(runsOption));
    if (args.runs.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("name the runs to compare: --runs ID[,ID…]"));
    args.metrics = commaList(parser.value(metricsOption));
    args.out = parser.value(outOption);
    if (args.out.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, QStringLiteral("say where to write: --out FILE (.png, .svg or .csv)"));
    const QString suffix = QFileInfo(args.out).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("cannot tell what to write from “%1”: the file name must end in .png, .svg or .csv")
                .arg(args.out));
    args.image = suffix != QLatin1String("csv");
    const auto axis = xAxisOf(parser.value(xOption));
    if (!axis)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("unknown --x “%1” (use step, time or relative)").arg(parser.value(xOption)));
    args.chart.axis = *axis;
    auto smoothing = MetricSmoothing::parse(parser.value(smoothingOption));
    if (!smoothing)
        return smoothing.error();
    args.chart.smoothing = *smoothing;
    bool numeric = false;
    args.chart.columns = parser.value(widthOption).toInt(&numeric);
    if (!numeric || args.chart.columns < 16 || args.chart.columns > 100'000)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("--width must be a number of pixels from 16 to 100000, not “%1”")
                .arg(parser.value(widthOption)));
    args.width = args.chart.columns;
    const QString series = parser.value(seriesOption);
    if (series == QLatin1String("drawn"))
        args.series = CompareSeriesKind::Drawn;
    else if (!series.isEmpty() && series != QLatin1String("raw"))
        return makeError(
            ErrorCode::InvalidArgument, QStringLiteral("unknown --series “%1” (use raw or drawn)").arg(series));
    args.logY = parser.isSet(logYOption);
    return args;
}

// The keys asked for, each logged by at least one of the runs; every key they logged when
// none was asked for.
Result<QStringList> chosenKeys(const CompareQuery& query, const QList<ComparedRun>& runs, const QStringList& asked)
{
    auto logged = query.metricKeys(runs);
    if (!logged)
        return logged.error();
    if (logged->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("none of these runs logged a metric"));
    if (asked.isEmpty())
        return *logged;
    QStringList unknown;
    for (const QString& key : asked) {
        if (!logged->contains(key))
            unknown.append(key);
    }
    if (!unknown.isEmpty())
        return makeError(ErrorCode::NotFound,
            QStringLiteral("none of these runs logged the metric %1; they logged %2")
                .arg(unknown.join(QStringLiteral(", ")), logged->join(QStringLiteral(", "))));
    QStringList keys;
    for (const QString& key : asked) {
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

Status writeCsv(const std::vector<CompareChart>& charts, const CompareArguments& args)
{
    QSaveFile file(args.out);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the file: %1").arg(file.errorString()), args.out);
    if (Status s = CompareCsv::write(charts, args.series, file); !s) {
        file.cancelWriting();
        return Error { s.error().code, s.error().message, args.out };
    }
    if (!file.commit())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the file: %1").arg(file.errorString()), args.out);
    return {};
}

Status writeImage(const std::vector<CompareChart>& charts, const QList<ComparedRun>& runs, const CompareArguments& args,
    const QString& store)
{
    CompareChartStyle style;
    CompareImageFooter footer;
    footer.store = store;
    footer.smoothing = args.chart.smoothing.describe();
    for (qsizetype i = 0; i < runs.size(); ++i) {
        style.colorIndex.insert(runs[i].key, int(i));
        footer.runs.append(runs[i].label());
    }
    style.logY = args.logY;
    return CompareImageExport::write(charts, style, footer, args.out, args.width);
}

// A run or metric the store does not have is a bad argument; a cache that cannot be read fails.
int refused(CliContext& context, const Error& error)
{
    if (error.code == ErrorCode::Database || error.code == ErrorCode::Corrupt || error.code == ErrorCode::Io)
        return CliOutput::fail(context, QStringLiteral("compare"), error);
    return CliOutput::usageError(context, QStringLiteral("compare"), error.message);
}

void reportWritten(
    CliContext& context, const std::vector<CompareChart>& charts, const CompareArguments& args, qsizetype runs)
{
    qsizetype recorded = 0;
    for (const CompareChart& chart : charts)
        recorded += chart.recordedPoints();
    const qsizetype written = args.image ? CompareCsv::rowCount(charts, CompareSeriesKind::Drawn)
                                         : CompareCsv::rowCount(charts, args.series);
    context.err() << "provenance compare: " << (args.image ? "drew " : "wrote ")
                  << DisplayFormat::count(written, QStringLiteral("point"), QStringLiteral("points")) << " of "
                  << recorded << " recorded ("
                  << DisplayFormat::count(qsizetype(charts.size()), QStringLiteral("metric"), QStringLiteral("metrics"))
                  << ", " << DisplayFormat::count(runs, QStringLiteral("run"), QStringLiteral("runs")) << ") to "
                  << args.out << '\n';
}

} // namespace

QString CompareVerb::name() const
{
    return QStringLiteral("compare");
}

QString CompareVerb::synopsis() const
{
    return QStringLiteral("STORE --runs ID[,ID...] [--metrics KEY[,KEY...]] [--x step|time|relative] "
                          "[--smoothing ema:0.6|avg:N|gauss:SIGMA] [--log-y] [--width PX] [--series raw|drawn] "
                          "--out FILE.png|svg|csv");
}

QString CompareVerb::summary() const
{
    return QStringLiteral("compare runs' metric curves: every recorded point, or exactly what a chart draws");
}

QList<QCommandLineOption> CompareVerb::options() const
{
    return { runsOption, metricsOption, xOption, smoothingOption, logYOption, widthOption, seriesOption, outOption };
}

bool CompareVerb::needsRendering() const
{
    return true; // .png and .svg are painted; CSV does not mind the offscreen application
}

int CompareVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    auto args = readArguments(parser);
    if (!args)
        return CliOutput::usageError(context, name(), args.error().message);
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    const CompareQuery query(cache->database(), context.store().uri);
    const auto runs = query.runs(args->runs);
    if (!runs)
        return refused(context, runs.error());
    const auto keys = chosenKeys(query, *runs, args->metrics);
    if (!keys)
        return refused(context, keys.error());
    if (args->image) // curves are decimated to the pixel width each chart of the image gets
        args->chart.columns = CompareImageExport::chartWidth(args->chart.columns, int(keys->size()));
    // Histories are decoded and decimated on every core.
    auto built = context.jobs().runHere<std::vector<CompareChart>>(
        [&](JobContext& job) -> Result<std::vector<CompareChart>> {
            std::vector<CompareChart> out;
            for (const QString& key : *keys) {
                auto series = query.series(*runs, key, &job.workers());
                if (!series)
                    return series.error();
                out.push_back(CompareChartBuilder::build(key, *series, args->chart, {}, &job.workers()));
            }
            return out;
        });
    if (!built)
        return CliOutput::fail(context, name(), built.error());
    const std::vector<CompareChart>& charts = *built;
    const Status written
        = args->image ? writeImage(charts, *runs, *args, context.store().uri) : writeCsv(charts, *args);
    if (!written)
        return CliOutput::fail(context, name(), written.error());
    reportWritten(context, charts, *args, runs->size());
    return CliExit::Done;
}

} // namespace prov
