#pragma once

#include "core/Result.h"
#include "store/file/FileStoreIssueSink.h"
#include "store/file/MetricFileParser.h"
#include "store/StoreReader.h"

#include <string>
#include <vector>

namespace prov {

// Reads metric histories from `<run>/metrics/<key>` files. Each file is read with read(2)
// into one reusable buffer and parsed in place (MetricFileParser); a line that does not
// parse becomes an issue naming the file and line, and the rest of the history still reads.
class FileStoreMetricReader
{
public:
    FileStoreMetricReader(std::string runFolder, FileStoreIssueSink& issues);

    // One history per readable key, sorted by key.
    QList<MetricHistoryRead> read(const QStringList& keys);

    // Reads a whole metric file through `parser` (finish() included); `buffer` is scratch
    // space reused between files.
    static Status parseFile(const std::string& path, MetricFileParser& parser, std::vector<char>& buffer);
    // True for a key that names a file below metrics/ (no empty, "." or ".." segments).
    static bool isSafeKey(const QString& key);
    // Turns the parser's bad lines into issues for `path`.
    static void reportBadLines(const MetricFileParser& parser, const std::string& path, FileStoreIssueSink& issues);

private:
    std::string m_folder;
    FileStoreIssueSink& m_issues;
    std::vector<char> m_buffer;
};

} // namespace prov
