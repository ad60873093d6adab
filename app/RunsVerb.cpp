#include "RunsVerb.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "query/RunTableExport.h"
#include "query/RunTableLoader.h"

#include <QCommandLineParser>
#include <QFile>

namespace prov {
namespace {

const QCommandLineOption filterOption { QStringLiteral("filter"),
    QStringLiteral("MLflow search expression, e.g. \"metrics.acc > 0.9 and params.lr = '0.01'\"."),
    QStringLiteral("EXPR") };
const QCommandLineOption allOption { QStringLiteral("all"),
    QStringLiteral("Include deleted runs and runs of deleted experiments.") };

bool write(const RunTable& table, CliFormat format, QFile& out)
{
    switch (format) {
    case CliFormat::Json:
        return RunTableExport::writeJson(table, out);
    case CliFormat::Csv:
        return RunTableExport::writeCsv(table, out);
    case CliFormat::Table:
        return out.write(RunTableExport::toText(table)) >= 0;
    }
    return false;
}

} // namespace

QString RunsVerb::name() const
{
    return QStringLiteral("runs");
}

QString RunsVerb::synopsis() const
{
    return QStringLiteral("STORE [--cache PATH] [--filter EXPR] [--format table|csv|json] [--all]");
}

QString RunsVerb::summary() const
{
    return QStringLiteral("list runs, filtered with MLflow's search syntax");
}

QList<QCommandLineOption> RunsVerb::options() const
{
    return { filterOption, allOption, CliOutput::formatOption() };
}

int RunsVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    const auto format = CliOutput::format(context, parser);
    if (!format)
        return CliExit::Usage;
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    RunSelection selection;
    selection.filter = parser.value(filterOption);
    selection.includeDeleted = parser.isSet(allOption);
    auto table = RunTableLoader(cache->database()).load(selection);
    if (!table) {
        // A filter error carries its column in `location`; the message already names it.
        const Error& e = table.error();
        if (e.code == ErrorCode::InvalidArgument)
            return CliOutput::usageError(context, name(), QStringLiteral("bad --filter: ") + e.message);
        return CliOutput::fail(context, name(), e);
    }
    context.out().flush();
    QFile stdoutFile;
    if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
        return CliOutput::fail(context, name(), makeError(ErrorCode::Io, QStringLiteral("cannot write to stdout")));
    const bool written = write(**table, *format, stdoutFile);
    stdoutFile.flush();
    if (!written)
        return CliOutput::fail(
            context, name(), makeError(ErrorCode::Io, stdoutFile.errorString(), QStringLiteral("stdout")));
    return CliExit::Done;
}

} // namespace prov
