#pragma once

#include "core/Result.h"
#include "domain/RunRecord.h"
#include "store/file/FileStoreIssueSink.h"

#include <string>

namespace prov {

class FileStoreYaml;

// Reads one run folder of a file store into a RunRecord: meta.yaml (status as MLflow's int
// code), params/ and tags/ (one file per key), inputs/outputs, the artifact tree and the
// metric stamps (size + mtime per metrics/ file). A missing or damaged meta.yaml fails the
// run; a bad param, tag, input or artifact becomes an issue in the record and is skipped.
class FileStoreRunReader
{
public:
    FileStoreRunReader(std::string runFolder, RunStamp stamp);

    Result<RunRecord> read();

    // The stamp of one metric file: its size and mtime, which change on every append.
    static QByteArray metricFingerprint(qint64 size, qint64 mtimeNs);

private:
    Status readInfo(const FileStoreYaml& meta, RunInfo& info) const;
    ArtifactList readArtifacts(FileStoreIssueSink& issues) const;
    QList<MetricStamp> readMetricStamps(FileStoreIssueSink& issues) const;
    std::string experimentFolder() const;

    std::string m_folder;
    RunStamp m_stamp;
};

} // namespace prov
