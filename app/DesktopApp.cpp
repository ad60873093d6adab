#include "DesktopApp.h"

#include "CommandLine.h"
#include "MainWindow.h"
#include "RunsPage.h"
#include "cache/CacheLocator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTableView>
#include <QTimer>

namespace prov {
namespace {

// Saves the window to `path` once runs are listed and no sync is running, then quits.
void captureWhenReady(MainWindow& window, const QString& path)
{
    auto capture = [&window, path] {
        if (window.session()->isSyncing())
            return;
        if (auto* table = window.runsPage()->findChild<QTableView*>(QStringLiteral("runsView"));
            table && !table->currentIndex().isValid())
            table->selectRow(0);
        QTimer::singleShot(1200, &window, [&window, path] {
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
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Save a screenshot of the window to PNG once the store is shown, then quit."),
        QStringLiteral("PNG"));
    parser.addOptions({ cache, screenshot });
    parser.addPositionalArgument(QStringLiteral("STORE"), QStringLiteral("mlruns folder or mlflow.db to open."));
    parser.process(app);

    SessionOptions options;
    options.cacheFolder
        = parser.isSet(cache) ? QFileInfo(parser.value(cache)).absoluteFilePath() : CacheLocator::defaultCacheFolder();
    MainWindow window(options);
    if (parser.isSet(screenshot))
        captureWhenReady(window, parser.value(screenshot));
    window.show();
    const QStringList stores = parser.positionalArguments();
    if (!stores.isEmpty())
        window.openArgument(stores.first());
    else if (!StoreLocation::environmentUri().isEmpty())
        window.openArgument(StoreLocation::environmentUri());
    else
        window.openStartupStore();
    return QApplication::exec();
}

} // namespace prov
