#include "store/file/MlflowFileStore.h"

#include "store/file/FileStoreExperimentScanner.h"
#include "store/file/FileStoreLoggedModelReader.h"
#include "store/file/FileStoreMetricReader.h"
#include "store/file/FileStoreRegistryReader.h"
#include "store/file/FileStoreRunReader.h"
#include "store/file/FileStoreRunScanner.h"
#include "store/file/PosixDirectory.h"
#include "store/file/PosixFile.h"

#include <QFile>
#include <QThread>

#include <algorithm>

namespace prov {
namespace {

std::string encode(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

bool isPlainName(const QString& name)
{
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && name != QLatin1String(".")
        && name != QLatin1String("..");
}

// The first of `candidates` that is a folder.
Result<std::string> firstFolder(std::initializer_list<std::string> candidates, const QString& what)
{
    for (const std::string& path : candidates) {
        if (PosixDirectory::open(path))
            return path;
    }
    return makeError(ErrorCode::NotFound, QStringLiteral("%1 not found in the store").arg(what),
        PosixFile::displayPath(*candidates.begin()));
}

} // namespace

MlflowFileStore::MlflowFileStore(StoreLocation location, WorkerPool& workers)
    : m_location(std::move(location))
    , m_workers(workers)
    , m_root(encode(m_location.path))
{
    while (m_root.size() > 1 && m_root.back() == '/')
        m_root.pop_back();
}

StoreDescription MlflowFileStore::describe() const
{
    StoreDescription description;
    description.kindName = QStringLiteral("MLflow file store");
    const std::lock_guard lock(m_mutex);
    if (m_sawMlflow3)
        description.mlflowGeneration = QStringLiteral("MLflow 3.x");
    else if (m_sawMlflow2)
        description.mlflowGeneration = QStringLiteral("MLflow 2.x");
    return description;
}

int MlflowFileStore::maxConcurrentReads() const
{
    return std::max(2, QThread::idealThreadCount());
}

void MlflowFileStore::note(Evidence evidence) const
{
    const std::lock_guard lock(m_mutex);
    (evidence == Evidence::Mlflow3 ? m_sawMlflow3 : m_sawMlflow2) = true;
}

Result<ExperimentScan> MlflowFileStore::scanExperiments(const CancellationToken& cancel) const
{
    FileStoreExperimentScanner scanner(m_root);
    auto scan = scanner.scan(cancel);
    if (scan && scanner.sawLoggedModels())
        note(Evidence::Mlflow3);
    return scan;
}

Result<RunScan> MlflowFileStore::scanRuns(const Experiment& experiment, const CancellationToken& cancel) const
{
    auto folder = experimentFolder(experiment);
    if (!folder) {
        RunScan scan;
        scan.complete = false;
        scan.issues.append(StoreIssue { StoreIssue::Severity::Error, folder.error().location,
            QStringLiteral("experiment folder cannot be listed: %1").arg(folder.error().message),
            experiment.experimentId, {} });
        return scan;
    }
    FileStoreRunScanner scanner(m_workers, maxConcurrentReads());
    auto scan = scanner.scan(experiment, *folder, cancel);
    if (scan && scanner.sawRunOutputs())
        note(Evidence::Mlflow3);
    return scan;
}

Result<RunRecord> MlflowFileStore::readRun(const RunStamp& run) const
{
    auto folder = runFolder(run);
    if (!folder)
        return folder.error();
    return FileStoreRunReader(*folder, run).read();
}

Result<MetricRead> MlflowFileStore::readMetrics(const RunStamp& run, const QStringList& keys) const
{
    auto folder = runFolder(run);
    if (!folder)
        return folder.error();
    if (auto dir = PosixDirectory::open(*folder); !dir)
        return dir.error();
    MetricRead read;
    FileStoreIssueSink issues(read.issues, run.experimentId, run.runId);
    read.histories = FileStoreMetricReader(*folder, issues).read(keys);
    return read;
}

Result<LoggedModelScan> MlflowFileStore::scanLoggedModels(const Experiment& experiment) const
{
    auto folder = experimentFolder(experiment);
    if (!folder)
        return folder.error();
    auto scan = FileStoreLoggedModelReader(*folder, experiment).scan();
    if (!scan.models.isEmpty())
        note(Evidence::Mlflow3);
    return scan;
}

Result<RegistryScan> MlflowFileStore::scanRegistry() const
{
    if (!PosixDirectory::open(m_root))
        return makeError(ErrorCode::NotFound, QStringLiteral("the store folder is gone"), m_location.path);
    FileStoreRegistryReader reader(m_root);
    auto scan = reader.scan();
    if (reader.generation() != FileStoreRegistryReader::Generation::Unknown)
        note(reader.generation() == FileStoreRegistryReader::Generation::Mlflow3 ? Evidence::Mlflow3
                                                                                 : Evidence::Mlflow2);
    return scan;
}

Result<std::string> MlflowFileStore::experimentFolder(const Experiment& experiment) const
{
    if (!experiment.locator.isEmpty())
        return encode(experiment.locator);
    if (!isPlainName(experiment.experimentId))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an experiment id"), experiment.experimentId);
    const std::string id = encode(experiment.experimentId);
    return firstFolder(
        { m_root + '/' + id, m_root + "/.trash/" + id }, QStringLiteral("experiment %1").arg(experiment.experimentId));
}

Result<std::string> MlflowFileStore::runFolder(const RunStamp& run) const
{
    if (!run.locator.isEmpty())
        return encode(run.locator);
    if (!isPlainName(run.experimentId) || !isPlainName(run.runId))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not a run id"), run.runId);
    const std::string path = '/' + encode(run.experimentId) + '/' + encode(run.runId);
    return firstFolder({ m_root + path, m_root + "/.trash" + path }, QStringLiteral("run %1").arg(run.runId));
}

} // namespace prov
