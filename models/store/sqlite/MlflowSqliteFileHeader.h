#pragma once

#include "core/Result.h"

#include <QString>

namespace prov {

// Checks a would-be MLflow database file before SQLite sees it: that it exists, is an SQLite 3
// file and is not shorter than its own header says. SQLite opens anything lazily and would
// only fail at the first query, with messages ("file is not a database", "malformed") that do
// not tell a user which file is wrong or why; this reads the 100-byte header and nothing else.
// A file shorter than its header says is read again for a while before it is called
// truncated: a database being written grows its header first.
class MlflowSqliteFileHeader
{
public:
    static constexpr int TruncationAttempts = 20;
    static constexpr int TruncationRetryMs = 50;

    static Status check(const QString& path);
    // True when the file is in WAL journal mode (header bytes 18-19 = 2). MLflow never
    // enables WAL, but a user's tools may have.
    static bool isWalMode(const QString& path);

private:
    // `missing`: how many bytes short of its header the file is (0 when not short).
    static Status checkOnce(const QString& path, qint64& missing);
};

} // namespace prov
