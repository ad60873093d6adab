#pragma once

#include "CliResult.h"
#include "CliRunner.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>

// Base of the command-line test suites: a scratch folder every run works in, an isolated
// environment (HOME, XDG folders, no MLFLOW_TRACKING_URI), a cache folder shared by tests that
// only read unchanged fixtures, and run() to drive the binary. Suites call setUp() from their
// initTestCase().
class CliTestCase : public QObject
{
    Q_OBJECT

public:
    explicit CliTestCase(QString binary);

protected:
    // False when the scratch folder or the binary is missing.
    bool setUp();
    CliResult run(const QStringList& arguments, const QProcessEnvironment& environment) const;
    CliResult run(const QStringList& arguments) const { return run(arguments, m_environment); }
    // A new empty folder under the scratch folder.
    QString freshFolder();
    // A fresh copy of the fixture folder `fixture` under tests/data (e.g. "mlflow/mlruns" or
    // "mlflow/sqlite"), for tests that damage or remove it; empty when copying failed.
    QString copyOfFixture(const QString& fixture);
    // The folder every run works in (relative store paths are read against it).
    QString workingDirectory() const { return m_scratch.path(); }

    QString m_cache;
    QProcessEnvironment m_environment;

private:
    QString m_binary;
    QTemporaryDir m_scratch;
    CliRunner m_cli;
    int m_folders = 0;
};
