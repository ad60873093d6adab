#include "CommandLine.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "CliVerbRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace prov {
namespace {

const QCommandLineOption cacheOption { QStringLiteral("cache"),
    QStringLiteral("Cache folder (default: ~/.cache/provenance)."), QStringLiteral("PATH") };
const QCommandLineOption noSyncOption { QStringLiteral("no-sync"),
    QStringLiteral("Answer from the cache at once, without bringing it up to date.") };
const QCommandLineOption maxAgeOption { QStringLiteral("max-age"),
    QStringLiteral("Skip the sync when the last one finished less than SECONDS ago."), QStringLiteral("SECONDS") };
const QCommandLineOption helpOption { QStringList { QStringLiteral("h"), QStringLiteral("help") },
    QStringLiteral("Show this help.") };

// Parses the verb's arguments; prints the reason and returns false when they are wrong.
bool parseArguments(QCommandLineParser& parser, const CliVerb& verb, const QStringList& arguments, QTextStream& err)
{
    parser.setApplicationDescription(CommandLine::usage());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({ cacheOption, noSyncOption, maxAgeOption, helpOption });
    parser.addOptions(verb.options());
    parser.addPositionalArgument(QStringLiteral("STORE"), QStringLiteral("The MLflow store."));
    QStringList verbArguments = arguments;
    verbArguments.removeAt(1);
    if (!parser.parse(verbArguments)) {
        err << "provenance " << verb.name() << ": " << parser.errorText() << "\n\n" << CommandLine::usage();
        return false;
    }
    return true;
}

} // namespace

bool CommandLine::isVerb(const QString& argument)
{
    return CliVerbRegistry().find(argument) != nullptr;
}

bool CommandLine::verbNeedsRendering(const QString& argument)
{
    const CliVerbRegistry registry;
    const CliVerb* verb = registry.find(argument);
    return verb && verb->needsRendering();
}

bool CommandLine::looksLikeVerb(const QString& argument)
{
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z-]*$"));
    return word.match(argument).hasMatch();
}

QString CommandLine::usage()
{
    QString text = QStringLiteral(
        "Usage:\n  provenance [STORE]\n      open the desktop app (last or sample store when none given)\n");
    const CliVerbRegistry registry;
    for (const auto& verb : registry.verbs())
        text += QStringLiteral("  provenance ") + verb->name() + QLatin1Char(' ') + verb->synopsis()
            + QStringLiteral("\n      ") + verb->summary() + QLatin1Char('\n');
    text += QStringLiteral(
        "\n"
        "STORE is an mlruns folder, file:///path/to/mlruns, a path to mlflow.db, sqlite:///mlflow.db or\n"
        "a tracking server, http(s)://host[:port][/prefix] (credentials from MLFLOW_TRACKING_USERNAME and\n"
        "MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN); MLFLOW_TRACKING_URI is used when it is\n"
        "omitted. Listing verbs bring the cache up to date first (not with --no-sync, nor when the last\n"
        "sync is younger than --max-age SECONDS) when the store is reachable, and answer from the cache\n"
        "(saying so on stderr) when it is not.\n");
    return text;
}

int CommandLine::run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const CliVerbRegistry registry;
    const CliVerb* verb = registry.find(arguments.value(1));
    if (!verb) {
        err << "provenance: unknown command '" << arguments.value(1) << "'\n\n" << usage();
        return CliExit::Usage;
    }
    QCommandLineParser parser;
    if (!parseArguments(parser, *verb, arguments, err))
        return CliExit::Usage;
    if (parser.isSet(helpOption)) {
        out << usage();
        return CliExit::Done;
    }
    if (parser.positionalArguments().size() > 1) {
        err << "provenance " << verb->name() << ": one store at a time (got " << parser.positionalArguments().size()
            << ")\n";
        return CliExit::Usage;
    }
    CliContext context(out, err);
    if (parser.isSet(maxAgeOption)) {
        bool ok = false;
        const qint64 seconds = parser.value(maxAgeOption).toLongLong(&ok);
        if (!ok || seconds < 0) {
            err << "provenance " << verb->name() << ": --max-age takes a number of seconds\n";
            return CliExit::Usage;
        }
        context.setMaxAge(seconds);
    }
    if (parser.isSet(noSyncOption))
        context.setNoSync();
    if (Status s = context.resolve(parser.positionalArguments().value(0), parser.value(cacheOption)); !s) {
        err << "provenance " << verb->name() << ": " << s.error().describe() << '\n';
        return s.error().code == ErrorCode::InvalidArgument ? CliExit::Usage : CliExit::Failed;
    }
    const int code = verb->run(context, parser);
    out.flush();
    err.flush();
    return code;
}

} // namespace prov
