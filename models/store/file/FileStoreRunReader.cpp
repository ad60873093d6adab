#include "store/file/FileStoreRunReader.h"

#include "domain/MlflowTags.h"
#include "store/file/FileStoreKeyValues.h"
#include "store/file/FileStoreRunInputs.h"
#include "store/file/FileStoreYaml.h"
#include "store/file/FileTreeWalker.h"
#include "store/file/PosixFile.h"

#include <QtEndian>

#include <algorithm>

namespace prov {
namespace {

std::optional<RunStatus> statusOf(const FileStoreYaml& meta)
{
    if (auto code = meta.integer("status"))
        return runStatusFromCode(*code);
    return runStatusFromName(meta.text("status"));
}

// Reports what a walk could not read below `folder` as issues of the run.
FileTreeWalker::FailureHandler reportTo(const std::string& folder, FileStoreIssueSink& issues)
{
    return [&issues, folder](const std::string& relativePath, const Error& error) {
        issues.add(folder + '/' + relativePath, error.message, StoreIssue::Severity::Warning);
    };
}

} // namespace

FileStoreRunReader::FileStoreRunReader(std::string runFolder, RunStamp stamp)
    : m_folder(std::move(runFolder))
    , m_stamp(std::move(stamp))
{ }

QByteArray FileStoreRunReader::metricFingerprint(qint64 size, qint64 mtimeNs)
{
    QByteArray print(16, Qt::Uninitialized);
    qToLittleEndian(size, print.data());
    qToLittleEndian(mtimeNs, print.data() + 8);
    return print;
}

std::string FileStoreRunReader::experimentFolder() const
{
    const size_t slash = m_folder.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : m_folder.substr(0, slash);
}

Result<RunRecord> FileStoreRunReader::read()
{
    const std::string metaPath = m_folder + "/meta.yaml";
    auto meta = FileStoreYaml::load(metaPath);
    if (!meta)
        return makeError(meta.error().code, QStringLiteral("run meta.yaml unreadable: %1").arg(meta.error().message),
            meta.error().location);
    RunRecord record;
    if (Status status = readInfo(*meta, record.info); !status.ok())
        return status.error();
    FileStoreIssueSink issues(record.issues, record.info.experimentId, record.info.runId);
    record.params = FileStoreKeyValues::read(m_folder + "/params", issues);
    record.tags = FileStoreKeyValues::read(m_folder + "/tags", issues);
    if (record.info.runName.isEmpty())
        record.info.runName = valueOf(record.tags, MlflowTags::RunName);
    FileStoreRunInputs inputs(m_folder, experimentFolder(), issues);
    inputs.read();
    record.datasetInputs = std::move(inputs.datasetInputs);
    record.modelInputs = std::move(inputs.modelInputs);
    record.modelOutputs = std::move(inputs.modelOutputs);
    record.artifacts = readArtifacts(issues);
    record.metrics = readMetricStamps(issues);
    return record;
}

Status FileStoreRunReader::readInfo(const FileStoreYaml& meta, RunInfo& info) const
{
    // user_id is the last key PyYAML writes: without it the file was cut short.
    if (Status status = meta.require({ "experiment_id", "start_time", "status", "user_id" }); !status.ok())
        return makeError(ErrorCode::Corrupt, QStringLiteral("run meta.yaml %1").arg(status.error().message),
            status.error().location);
    const auto status = statusOf(meta);
    if (!status)
        return makeError(ErrorCode::Corrupt,
            QStringLiteral("run meta.yaml has an unknown status '%1'").arg(meta.text("status")), meta.location());
    const QString stage = meta.text("lifecycle_stage");
    const auto lifecycle = stage.isEmpty() ? LifecycleStage::Active : lifecycleStageFromName(stage);
    if (!lifecycle)
        return makeError(ErrorCode::Corrupt,
            QStringLiteral("run meta.yaml has an unknown lifecycle_stage '%1'").arg(stage), meta.location());
    const size_t slash = m_folder.find_last_of('/');
    const std::string folderName = m_folder.substr(slash == std::string::npos ? 0 : slash + 1);
    info.runId
        = m_stamp.runId.isEmpty() ? QString::fromUtf8(folderName.data(), qsizetype(folderName.size())) : m_stamp.runId;
    info.experimentId = m_stamp.experimentId.isEmpty() ? meta.text("experiment_id") : m_stamp.experimentId;
    info.runName = meta.text("run_name");
    info.status = *status;
    info.lifecycleStage = *lifecycle;
    info.userId = meta.text("user_id");
    info.artifactUri = meta.text("artifact_uri");
    info.startTime = meta.integer("start_time");
    info.endTime = meta.integer("end_time");
    info.deletedTime = meta.integer("deleted_time");
    return {};
}

ArtifactList FileStoreRunReader::readArtifacts(FileStoreIssueSink& issues) const
{
    // Listed below the run folder, not at artifact_uri: that URI is absolute and dangles as
    // soon as a store is copied or mounted elsewhere.
    const std::string root = m_folder + "/artifacts";
    ArtifactList artifacts;
    FileTreeWalker::Options options;
    options.withStat = true;
    FileTreeWalker walker(
        options,
        [&](const FileTreeWalker::Node& node) {
            const std::string path = root + '/' + node.relativePath;
            QString why;
            const auto name = FileStoreKeyValues::decodeKey(node.relativePath, &why);
            if (!name) {
                issues.add(path, why + QStringLiteral("; artifact skipped"), StoreIssue::Severity::Warning);
                return;
            }
            switch (node.entry.kind) {
            case PosixDirectory::Kind::Directory:
                artifacts.append(ArtifactEntry { *name, true, 0 });
                break;
            case PosixDirectory::Kind::File:
                artifacts.append(ArtifactEntry { *name, false, node.entry.size });
                break;
            case PosixDirectory::Kind::Missing:
            case PosixDirectory::Kind::Other:
                issues.add(path, QStringLiteral("not a regular file or folder; artifact skipped"),
                    StoreIssue::Severity::Warning);
                break;
            }
        },
        reportTo(root, issues));
    Error error;
    if (walker.walk(root, &error) == FileTreeWalker::Outcome::RootFailed)
        issues.add(error, StoreIssue::Severity::Warning);
    std::sort(artifacts.begin(), artifacts.end(),
        [](const ArtifactEntry& a, const ArtifactEntry& b) { return a.path < b.path; });
    return artifacts;
}

QList<MetricStamp> FileStoreRunReader::readMetricStamps(FileStoreIssueSink& issues) const
{
    const std::string root = m_folder + "/metrics";
    QList<MetricStamp> stamps;
    FileTreeWalker::Options options;
    options.withStat = true;
    FileTreeWalker walker(
        options,
        [&](const FileTreeWalker::Node& node) {
            if (node.entry.kind == PosixDirectory::Kind::Directory)
                return;
            const std::string path = root + '/' + node.relativePath;
            QString why;
            const auto key = FileStoreKeyValues::decodeKey(node.relativePath, &why);
            if (!key)
                issues.add(path, why + QStringLiteral("; metric skipped"));
            else if (node.entry.kind != PosixDirectory::Kind::File)
                issues.add(path, QStringLiteral("not a regular file; metric skipped"));
            else
                stamps.append(MetricStamp { *key, metricFingerprint(node.entry.size, node.entry.mtimeNs) });
        },
        reportTo(root, issues));
    Error error;
    if (walker.walk(root, &error) == FileTreeWalker::Outcome::RootFailed)
        issues.add(error);
    std::sort(stamps.begin(), stamps.end(), [](const MetricStamp& a, const MetricStamp& b) { return a.key < b.key; });
    return stamps;
}

} // namespace prov
