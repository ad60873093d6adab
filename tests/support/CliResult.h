#pragma once

#include <QByteArray>
#include <QString>

// What one run of a command-line binary did: whether it ran to a normal exit, its exit code
// and everything it wrote. describe() is for failure messages.
struct CliResult
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
    // For failure messages: the exit code and what went to stderr.
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + ", stderr: " + err; }
};
