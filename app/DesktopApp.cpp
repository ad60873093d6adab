#include "DesktopApp.h"

#include "CommandLine.h"
#include "ComparePage.h"
#include "CompareRunViews.h"
#include "ConnectServerDialog.h"
#include "LineagePage.h"
#include "MainWindow.h"
#include "ModelsPage.h"
#include "RunsPage.h"
#include "ServerSignIn.h"
#include "cache/CacheLocator.h"
#include "journal/JournalLocator.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLayout>
#include <QLineEdit>
#include <QPainter>
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
// --show lineage[:NODE_ID | :FROM..TO] opens the Lineage page, focused on a node when one is
// named, or with the path between two nodes highlighted.
// --show compare:RUN,RUN,...[:diff|parallel|scatter][:group=KEY] compares runs (ids or names).
// --show runs[:RUN_ID] (the default) selects that run once the runs are listed.
bool showView(MainWindow& window, const QString& view)
{
    QStringList parts = view.split(QLatin1Char(':'));
    if (parts.value(0) == QLatin1String("runs") && parts.size() > 1) {
        // Once the store has been read: a listing shown before (the cache as another process
        // left it, or still being written) may lack the run.
        auto done = std::make_shared<bool>(false);
        auto select = [&window, runId = parts.value(1), done] {
            if (*done || window.session()->isSyncing() || !window.runsPage()->currentTable())
                return;
            *done = true;
            window.runsPage()->selectRun(runId);
        };
        QObject::connect(window.runsPage(), &RunsPage::runsLoaded, &window, select);
        QObject::connect(window.session(), &StoreSession::syncFinished, &window, select);
        QObject::connect(window.session(), &StoreSession::syncFailed, &window, select);
        return true;
    }
    if (parts.value(0) == QLatin1String("runs") || view == QLatin1String("connect") || view == QLatin1String("sync"))
        return true;
    if (parts.value(0) == QLatin1String("compare"))
        return showCompare(window, parts.mid(1));
    // lineage[:NODE_ID], e.g. lineage:version:churn-model/2 (the focus view of that version);
    // lineage:FROM..TO highlights the path between two nodes in the whole graph.
    if (parts.value(0) == QLatin1String("lineage")) {
        window.findChild<QAction*>(QStringLiteral("actionLineage"))->trigger();
        const QString node = parts.mid(1).join(QLatin1Char(':'));
        const qsizetype dots = node.indexOf(QLatin1String(".."));
        if (dots > 0)
            window.lineagePage()->showPath(node.left(dots), node.mid(dots + 2));
        else if (!node.isEmpty())
            window.lineagePage()->showNode(node);
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

// The window with File › Connect to Server… open over it, as a user sees them together.
QPixmap withConnectDialog(MainWindow& window)
{
    ConnectServerDialog dialog(&window);
    ServerKeychain* keychain = window.serverSignIn()->keychain();
    dialog.setKeychain(keychain);
    QElapsedTimer asking; // the keychain answers within its time-out; show the dialog as it is then
    asking.start();
    while (keychain->availability() == ServerKeychain::Availability::Unknown
        && asking.elapsed() < ServerKeychain::defaultTimeout.count() + 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (window.session()->location() && window.session()->location()->isRemote())
        dialog.setAddress(window.session()->location()->uri);
    if (auto* user = dialog.findChild<QLineEdit*>(QStringLiteral("userEdit")))
        user->setText(QStringLiteral("alice"));
    // As wide as the form asks for, and only as tall as its wrapped hint needs at that width.
    const int width = std::max(dialog.width(), dialog.minimumSizeHint().width());
    const int height = dialog.layout() && dialog.layout()->hasHeightForWidth()
        ? dialog.layout()->totalHeightForWidth(width)
        : dialog.sizeHint().height();
    dialog.resize(width, height);
    dialog.show();
    QCoreApplication::processEvents();
    QPixmap shot = window.grab();
    const QPixmap box = dialog.grab();
    // A grab has no window frame: draw a plain title bar so that the dialog reads as one.
    const int titleHeight = dialog.fontMetrics().height() + 12;
    const QPoint at((shot.width() - box.width()) / 2, (shot.height() - box.height()) / 3);
    const QRect title(at - QPoint(0, titleHeight), QSize(box.width(), titleHeight));
    QPainter painter(&shot);
    painter.fillRect(title.united(QRect(at, box.size())).adjusted(-1, -1, 1, 1), window.palette().color(QPalette::Mid));
    painter.fillRect(title, window.palette().color(QPalette::Midlight));
    painter.setPen(window.palette().color(QPalette::WindowText));
    painter.drawText(title, Qt::AlignCenter, dialog.windowTitle());
    painter.drawPixmap(at, box);
    return shot;
}

void saveAndQuit(MainWindow& window, const QString& path, const QString& view)
{
    const QPixmap shot = view == QLatin1String("connect") ? withConnectDialog(window) : window.grab();
    QCoreApplication::exit(shot.save(path) ? 0 : 1);
}

// --show sync: the window while a sync reads runs and has received data, progress and bytes shown.
void captureDuringSync(MainWindow& window, const QString& path)
{
    auto taken = std::make_shared<bool>(false);
    QObject::connect(
        window.session(), &StoreSession::syncProgress, &window, [&window, path, taken](const SyncProgress& progress) {
            if (*taken || progress.phase != SyncProgress::Phase::Reading || progress.bytesReceived == 0
                || progress.done == 0)
                return;
            *taken = true;
            // After the status bar has laid out the new text.
            QTimer::singleShot(0, &window, [&window, path] { saveAndQuit(window, path, QString()); });
        });
}

// Saves the window to `path` once runs are listed and no sync is running (it may have failed:
// an offline store shows its cache), then quits.
void captureWhenReady(MainWindow& window, const QString& path, const QString& view)
{
    QTimer::singleShot(60000, &window, [] { QCoreApplication::exit(1); });
    if (view == QLatin1String("sync"))
        return captureDuringSync(window, path);
    if (view.startsWith(QLatin1String("compare:"))) {
        // The Compare page draws after it has read the runs: save once its charts are shown.
        QObject::connect(
            window.comparePage(), &ComparePage::chartsShown, &window,
            [&window, path] {
                QTimer::singleShot(1500, &window, [&window, path] { saveAndQuit(window, path, QString()); });
            },
            Qt::SingleShotConnection);
        return;
    }
    auto armed = std::make_shared<bool>(false);
    auto capture = [&window, path, view, armed] {
        if (*armed || window.session()->isSyncing())
            return;
        auto* table = window.runsPage()->findChild<QAbstractItemView*>(QStringLiteral("runsView"));
        if (!table || table->model()->rowCount() == 0)
            return;
        *armed = true;
        if (!table->currentIndex().isValid() && !view.startsWith(QLatin1String("runs:")))
            table->setCurrentIndex(table->model()->index(0, 0)); // runs:ID selects its own run
        // Long enough for the Registry page's tabs (read as jobs after the runs) to be drawn.
        QTimer::singleShot(2500, &window, [&window, path, view] { saveAndQuit(window, path, view); });
    };
    QObject::connect(window.runsPage(), &RunsPage::runsLoaded, &window, capture);
    QObject::connect(window.session(), &StoreSession::syncFailed, &window, capture);
    QObject::connect(window.session(), &StoreSession::syncFinished, &window, capture);
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
        QStringLiteral("Open on a view: runs[:RUN_ID], registry[:MODEL[/VERSION]][:overview|history|trend|card], "
                       "lineage[:NODE_ID | :FROM_ID..TO_ID], compare:RUN,RUN,...[:diff|parallel|scatter][:group=KEY], "
                       "connect (the Connect to Server dialog over the window) or sync (with --screenshot: taken "
                       "while a sync reads runs)."),
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
        captureWhenReady(window, parser.value(screenshot), parser.value(show));
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
