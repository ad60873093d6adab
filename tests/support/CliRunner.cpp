#include "CliRunner.h"

#include <QDir>
#include <QProcess>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr int processTimeoutMs = 180000;

} // namespace

CliRunner::CliRunner(QString binary, QString workingDirectory)
    : m_binary(std::move(binary))
    , m_workingDirectory(std::move(workingDirectory))
{ }

CliResult CliRunner::run(const QStringList& arguments, const QProcessEnvironment& environment) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_workingDirectory);
    process.start(m_binary, arguments);
    CliResult result;
    if (!process.waitForStarted())
        return result;
    process.closeWriteChannel();
    result.finished = process.waitForFinished(processTimeoutMs) && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QProcessEnvironment CliRunner::isolatedEnvironment(const QString& root)
{
    const QDir folder(root);
    const QString home = folder.filePath(u"home"_s);
    const QString cacheHome = folder.filePath(u"cache"_s);
    const QString configHome = folder.filePath(u"config"_s);
    const QString dataHome = folder.filePath(u"data"_s);
    for (const QString& path : { home, cacheHome, configHome, dataHome })
        QDir().mkpath(path);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    // Nothing may touch the user's own cache, journals or settings.
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CACHE_HOME"_s, cacheHome);
    environment.insert(u"XDG_CONFIG_HOME"_s, configHome);
    environment.insert(u"XDG_DATA_HOME"_s, dataHome);
    environment.remove(u"MLFLOW_TRACKING_URI"_s);
    return environment;
}
