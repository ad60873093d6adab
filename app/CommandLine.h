#pragma once

#include <QString>
#include <QStringList>

namespace prov {

// The headless front end: `provenance <verb> [STORE] [options]`. Parses the arguments of a
// verb, runs it and returns the process exit code (0 done, 1 failed, 2 bad arguments).
// Results go to stdout; progress, notes and errors to stderr.
class CommandLine
{
public:
    // True when `argument` names a verb (so main() starts without a GUI).
    static bool isVerb(const QString& argument);
    // True when the verb draws and so needs a QApplication (on the offscreen platform).
    static bool verbNeedsRendering(const QString& argument);
    // A plain lowercase word ("snyc"), as opposed to a path or URI or option.
    static bool looksLikeVerb(const QString& argument);
    static QString usage();

    // `arguments` as in QCoreApplication::arguments(): program, verb, then the verb's own.
    static int run(const QStringList& arguments);
};

} // namespace prov
