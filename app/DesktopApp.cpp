#include "DesktopApp.h"

#include "CommandLine.h"
#include "ComparePage.h"
#include "CompareRunViews.h"
#include "LineagePage.h"
#include "MainWindow.h"
#include "ModelsPage.h"
#include "RunsPage.h"
#include "cache/CacheLocator.h"
#include "journal/JournalLocator.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace prov {
namespace {

// compare:RUN,RUN,...[:diff|parallel|scatter][:group=KEY], once the store's runs are listed.
bool showCompare(MainWindow& window, const QStringList& parts)
{
    const QStringList runs = parts.value(0).split(QLatin1Char(','), Qt::SkipEmptyParts);
    static const QStringList tabs { QStringLiteral("diff"), QStringLiteral("parallel"), QStringLiteral("scatter") };
    int tab = 0;
    QString group;
    for (const QString& option : parts.mid(1)) {
        if (option.startsWith(QLatin1String("group=")))
            group = option.mid(6);
        else if (tabs.contains(option))
            tab = int(tabs.indexOf(option));
        else
            return false;
    }
    if (runs.size() < 1)
        return false;
    QObject::connect(
        window.runsPage(), &RunsPage::runsLoaded, &window,
        [&window, runs, tab, group] {
            window.comparePage()->setGroupBy(group);
            window.comparePage()->runViews()->setCurrentIndex(tab);
            window.compareRuns(runs);
        },
        Qt::SingleShotConnection);
    return true;
}

// --show registry[:MODEL[/VERSION]][:overview|history|trend|card]: opens the Registry page on
// a model or version and one of its tabs (a deep link, and what README screenshots show);
// --show lineage[:NODE_ID] opens the Lineage page, focused on a node when one is named;
// --show compare:RUN,RUN,...[:diff|parallel|scatter][:group=KEY] compares runs (ids or names).
bool showView(MainWindow& window, const QString& view)
{
    QStringList parts = view.split(QLatin1Char(':'));
    if (parts.value(0) == QLatin1String("runs"))
        return true;
    if (parts.value(0) == QLatin1String("compare"))
        return showCompare(window, parts.mid(1));
    // lineage[:NODE_ID], e.g. lineage:version:churn-model/2 (the focus view of that version)
    if (parts.value(0) == QLatin1String("lineage")) {
        window.findChild<QAction*>(QStringLiteral("actionLineage"))->trigger();
        if (parts.size() > 1)
            window.lineagePage()->showNode(parts.mid(1).join(QLatin1Char(':')));
        return true;
    }
    if (parts.value(0) != QLatin1String("registry"))
        return false;
    window.findChild<QAction*>(QStringLiteral("actionModels"))->trigger();
    const QString tab = parts.size() > 1
            && QStringList { QStringLiteral("overview"), QStringLiteral("history"), QStringLiteral("trend"),
                   QStringLiteral("card") }
                   .contains(parts.last())
        ? parts.takeLast()
        : QString();
    const QString target = parts.mid(1).join(QLatin1Char(':'));
    if (!target.isEmpty()) {
        const qsizetype slash = target.lastIndexOf(QLatin1Char('/'));
        bool ok = false;
        const qint64 version = slash > 0 ? target.mid(slash + 1).toLongLong(&ok) : -1;
        window.modelsPage()->showVersion(ok ? target.left(slash) : target, ok ? version : -1);
    }
    static const QHash<QString, ModelsPage::Tab> tabs { { QStringLiteral("history"), ModelsPage::Tab::History },
        { QStringLiteral("trend"), ModelsPage::Tab::Trend }, { QStringLiteral("card"), ModelsPage::Tab::Card } };
    window.modelsPage()->showTab(tabs.value(tab, ModelsPage::Tab::Overview));
    return true;
}

// Saves the window to `path` once runs are listed and no sync is running, then quits.
void captureWhenReady(MainWindow& window, const QString& path, bool compare)
{
    if (compare) { // the Compare page draws after it has read the runs: save once its charts are shown
        QObject::connect(
            window.comparePage(), &ComparePage::chartsShown, &window,
            [&window, path] {
                QTimer::singleShot(
                    1500, &window, [&window, path] { QCoreApplication::exit(window.grab().save(path) ? 0 : 1); });
            },
            Qt::SingleShotConnection);
        QTimer::singleShot(60000, &window, [] { QCoreApplication::exit(1); });
        return;
    }
    auto capture = [&window, path] {
        if (window.session()->isSyncing())
            return;
        if (auto* table = window.runsPage()->findChild<QTableView*>(QStringLiteral("runsView"));
            table && !table->currentIndex().isValid())
            table->selectRow(0);
        // Long enough for the Registry page's tabs (read as jobs after the runs) to be drawn.
        QTimer::singleShot(2500, &window, [&window, path] {
            const bool saved = window.grab().save(path);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    };
    QObject::connect(window.runsPage(), &RunsPage::runsLoaded, &window, capture);
    QTimer::singleShot(60000, &window, [] { QCoreApplication::exit(1); });
}

} // namespace

int DesktopApp::run(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Provenance"));
    QApplication::setApplicationName(QStringLiteral("Provenance"));
    QApplication::setApplicationVersion(QStringLiteral(PROVENANCE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.provenance.Provenance"));

    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLine::usage());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cache(QStringLiteral("cache"), QStringLiteral("Cache folder."), QStringLiteral("PATH"));
    const QCommandLineOption journal(QStringLiteral("journal"),
        QStringLiteral("Journal folder (default: ~/.local/share/provenance)."), QStringLiteral("PATH"));
    const QCommandLineOption show(QStringLiteral("show"),
        QStringLiteral("Open on a view: runs, registry[:MODEL[/VERSION]][:overview|history|trend|card] or "
                       "lineage[:NODE_ID] or compare:RUN,RUN,...[:diff|parallel|scatter][:group=KEY]."),
        QStringLiteral("VIEW"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Save a screenshot of the window to PNG once the store is shown, then quit."),
        QStringLiteral("PNG"));
    parser.addOptions({ cache, journal, show, screenshot });
    parser.addPositionalArgument(QStringLiteral("STORE"), QStringLiteral("mlruns folder or mlflow.db to open."));
    parser.process(app);

    SessionOptions options;
    options.cacheFolder
        = parser.isSet(cache) ? QFileInfo(parser.value(cache)).absoluteFilePath() : CacheLocator::defaultCacheFolder();
    options.journalFolder = parser.isSet(journal) ? QFileInfo(parser.value(journal)).absoluteFilePath()
                                                  : JournalLocator::defaultJournalFolder();
    MainWindow window(options);
    if (parser.isSet(screenshot))
        captureWhenReady(window, parser.value(screenshot), parser.value(show).startsWith(QLatin1String("compare:")));
    window.show();
    const QStringList stores = parser.positionalArguments();
    if (!stores.isEmpty())
        window.openArgument(stores.first());
    else if (!StoreLocation::environmentUri().isEmpty())
        window.openArgument(StoreLocation::environmentUri());
    else
        window.openStartupStore();
    if (parser.isSet(show) && !showView(window, parser.value(show))) {
        std::fprintf(stderr, "provenance: unknown --show view '%s'\n", qPrintable(parser.value(show)));
        return 2;
    }
    return QApplication::exec();
}

} // namespace prov
