#pragma once

#include "core/Result.h"
#include "core/SqliteDatabase.h"

#include <QString>

namespace prov {

// Opens connections to a store's journal with the settings its users rely on: WAL (readers
// never block the writer, several processes may share it), synchronous=FULL (a committed
// record survives a crash, a kill and a power cut), and a busy timeout so that writers from
// several processes wait for each other. Write connections create and migrate the file.
// Unlike the cache, a journal is never moved aside or rebuilt: a damaged one is reported and
// left for the user to inspect, because nothing else holds its content.
class JournalDatabase
{
public:
    enum class Access { Read, Write };

    static Result<SqliteDatabase> open(const QString& path, Access access);
};

} // namespace prov
