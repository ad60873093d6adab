#include "CommandLine.h"

#include "CliContext.h"
#include "CliVerbs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace prov {
namespace {

const QStringList verbs = { QStringLiteral("sync"), QStringLiteral("runs"), QStringLiteral("experiments"),
    QStringLiteral("models"), QStringLiteral("issues") };

constexpr int exitFailed = 1;
constexpr int exitUsage = 2;

struct Options
{
    QCommandLineOption cache { QStringLiteral("cache"), QStringLiteral("Cache folder (default: ~/.cache/provenance)."),
        QStringLiteral("PATH") };
    QCommandLineOption filter { QStringLiteral("filter"),
        QStringLiteral("MLflow search expression, e.g. \"metrics.acc > 0.9 and params.lr = '0.01'\"."),
        QStringLiteral("EXPR") };
    QCommandLineOption format { QStringLiteral("format"), QStringLiteral("Output format: table, csv or json."),
        QStringLiteral("FORMAT"), QStringLiteral("table") };
    QCommandLineOption all { QStringLiteral("all"),
        QStringLiteral("Include deleted runs and runs of deleted experiments.") };
};

std::optional<CliFormat> parseFormat(const QString& text)
{
    if (text == QLatin1String("table"))
        return CliFormat::Table;
    if (text == QLatin1String("csv"))
        return CliFormat::Csv;
    if (text == QLatin1String("json"))
        return CliFormat::Json;
    return std::nullopt;
}

int dispatch(const QString& verb, CliContext& context, const QCommandLineParser& parser, const Options& o)
{
    const auto format = parseFormat(parser.value(o.format));
    if (!format) {
        context.err() << "provenance: unknown --format '" << parser.value(o.format) << "' (use table, csv or json)\n";
        return exitUsage;
    }
    if (verb == QLatin1String("sync"))
        return CliVerbs::sync(context);
    if (verb == QLatin1String("runs"))
        return CliVerbs::runs(context, RunsOptions { parser.value(o.filter), parser.isSet(o.all), *format });
    if (verb == QLatin1String("experiments"))
        return CliVerbs::experiments(context, *format);
    if (verb == QLatin1String("models"))
        return CliVerbs::models(context, *format);
    return CliVerbs::issues(context, *format);
}

} // namespace

bool CommandLine::isVerb(const QString& argument)
{
    return verbs.contains(argument);
}

bool CommandLine::looksLikeVerb(const QString& argument)
{
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z-]*$"));
    return word.match(argument).hasMatch();
}

QString CommandLine::usage()
{
    return QStringLiteral(
        "Usage:\n"
        "  provenance [STORE]                      open the desktop app (last or sample store when none given)\n"
        "  provenance sync STORE [--cache PATH]    read a store into the cache and print a summary\n"
        "  provenance runs STORE [--cache PATH] [--filter EXPR] [--format table|csv|json] [--all]\n"
        "  provenance experiments STORE [--cache PATH] [--format table|csv|json]\n"
        "  provenance models STORE [--cache PATH] [--format table|csv|json]\n"
        "  provenance issues STORE [--cache PATH] [--format table|csv|json]\n"
        "\n"
        "STORE is an mlruns folder, file:///path/to/mlruns, a path to mlflow.db or sqlite:///mlflow.db;\n"
        "MLFLOW_TRACKING_URI is used when it is omitted. Listing verbs bring the cache up to date first\n"
        "when the store is reachable, and answer from the cache (saying so on stderr) when it is not.\n");
}

int CommandLine::run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString verb = arguments.value(1);
    QCommandLineParser parser;
    parser.setApplicationDescription(usage());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const Options o;
    const QCommandLineOption help(
        QStringList { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    parser.addOptions({ o.cache, o.filter, o.format, o.all, help });
    parser.addPositionalArgument(QStringLiteral("STORE"), QStringLiteral("The MLflow store."));
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!parser.parse(verbArguments)) {
        err << "provenance " << verb << ": " << parser.errorText() << "\n\n" << usage();
        return exitUsage;
    }
    if (parser.isSet(help)) {
        out << usage();
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        err << "provenance " << verb << ": one store at a time (got " << parser.positionalArguments().size() << ")\n";
        return exitUsage;
    }
    CliContext context(out, err);
    if (Status s = context.resolve(parser.positionalArguments().value(0), parser.value(o.cache)); !s) {
        err << "provenance " << verb << ": " << s.error().describe() << '\n';
        return s.error().code == ErrorCode::InvalidArgument ? exitUsage : exitFailed;
    }
    const int code = dispatch(verb, context, parser, o);
    out.flush();
    err.flush();
    return code;
}

} // namespace prov
