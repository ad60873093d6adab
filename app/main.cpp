#include "CommandLine.h"
#include "DesktopApp.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char* argv[])
{
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    // Verbs run headless: no display needed, no GUI initialised.
    if (prov::CommandLine::verbNeedsRendering(first)) {
        // Fonts and painting need a GUI application, but never a display.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("provenance"));
        return prov::CommandLine::run(QCoreApplication::arguments());
    }
    if (prov::CommandLine::isVerb(first)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("provenance"));
        return prov::CommandLine::run(QCoreApplication::arguments());
    }
    // Help needs no display either.
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        std::fputs(prov::CommandLine::usage().toLocal8Bit().constData(), stdout);
        return 0;
    }
    // A bare word that names no file is a mistyped verb, not a store to open in a window.
    if (prov::CommandLine::looksLikeVerb(first) && !QFileInfo::exists(first)) {
        std::fprintf(stderr, "provenance: unknown command '%s'\n\n%s", argv[1],
            prov::CommandLine::usage().toLocal8Bit().constData());
        return 2;
    }
    return prov::DesktopApp::run(argc, argv);
}
