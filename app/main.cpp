#include "CommandLine.h"

#include <QCoreApplication>

#include <cstring>

int main(int argc, char* argv[])
{
    // Verbs run headless: no display, no GUI libraries initialised.
    if (argc > 1 && prov::CommandLine::isVerb(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("provenance"));
        return prov::CommandLine::run(QCoreApplication::arguments());
    }
    if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::fputs(prov::CommandLine::usage().toLocal8Bit().constData(), stdout);
        return 0;
    }
    return 0; // the desktop app is started here once the ui target exists
}
