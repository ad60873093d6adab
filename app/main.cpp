#include "CommandLine.h"
#include "DesktopApp.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    // Verbs run headless: no display needed, no GUI initialised.
    if (argc > 1 && prov::CommandLine::isVerb(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("provenance"));
        return prov::CommandLine::run(QCoreApplication::arguments());
    }
    return prov::DesktopApp::run(argc, argv);
}
