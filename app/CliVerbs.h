#pragma once

#include <QString>

namespace prov {

class CliContext;

// Output format of the listing verbs.
enum class CliFormat { Table, Csv, Json };

// What `runs` lists.
struct RunsOptions
{
    QString filter;
    bool includeDeleted = false;
    CliFormat format = CliFormat::Table;
};

// The command-line verbs, each given a resolved CliContext. They return exit codes.
class CliVerbs
{
public:
    static int sync(CliContext& context);
    static int runs(CliContext& context, const RunsOptions& options);
    static int experiments(CliContext& context, CliFormat format);
    static int models(CliContext& context, CliFormat format);
    static int issues(CliContext& context, CliFormat format);
};

} // namespace prov
