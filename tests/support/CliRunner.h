#pragma once

#include "CliResult.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs a command-line binary (the `provenance` executable) to completion from a fixed working
// directory, with stdin closed, and returns its exit code and output. The binary's path is
// passed in because only tests under tests/app know it (PROVENANCE_BINARY).
class CliRunner
{
public:
    CliRunner(QString binary, QString workingDirectory);

    // A run that does not start, crashes or outlives the timeout is not `finished`.
    CliResult run(const QStringList& arguments, const QProcessEnvironment& environment) const;

    // The system environment, rendering offscreen in C.UTF-8, with HOME, XDG_CACHE_HOME,
    // XDG_CONFIG_HOME and XDG_DATA_HOME moved to new empty folders under `root` and MLFLOW_TRACKING_URI unset:
    // nothing a test runs may touch the user's own cache, settings or tracking server.
    static QProcessEnvironment isolatedEnvironment(const QString& root);

private:
    QString m_binary;
    QString m_workingDirectory;
};
