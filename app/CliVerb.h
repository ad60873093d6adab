#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
QT_END_NAMESPACE

namespace prov {

class CliContext;

// One command-line verb (`provenance <name> STORE [options]`): its name, its usage line, the
// options it takes beyond the common ones (--cache, --help), and what it does. A verb reads
// its options from the parser, works through the resolved CliContext, and returns the exit
// code (0 done, 1 failed, 2 bad arguments). New verbs are listed in CliVerbRegistry.
class CliVerb
{
public:
    virtual ~CliVerb() = default;

    virtual QString name() const = 0;
    // The arguments after the verb's name, e.g. "STORE [--filter EXPR]".
    virtual QString synopsis() const = 0;
    // One short sentence for the usage text.
    virtual QString summary() const = 0;
    virtual QList<QCommandLineOption> options() const { return {}; }
    // True for verbs that draw (charts, graphs, PDFs): they run with a QApplication on the
    // offscreen platform, so they work without a display.
    virtual bool needsRendering() const { return false; }
    virtual int run(CliContext& context, const QCommandLineParser& parser) const = 0;
};

} // namespace prov
