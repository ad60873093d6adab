#pragma once

#include "core/Result.h"

#include <QString>

namespace prov {

// Checks a would-be MLflow database file before SQLite sees it: that it exists, is an SQLite 3
// file and is not shorter than its own header says. SQLite opens anything lazily and would
// only fail at the first query, with messages ("file is not a database", "malformed") that do
// not tell a user which file is wrong or why; this reads the 100-byte header and nothing else.
class MlflowSqliteFileHeader
{
public:
    static Status check(const QString& path);
    // True when the file is in WAL journal mode (header bytes 18-19 = 2). MLflow never
    // enables WAL, but a user's tools may have.
    static bool isWalMode(const QString& path);
};

} // namespace prov
