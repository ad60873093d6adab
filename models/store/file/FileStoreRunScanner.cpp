#include "store/file/FileStoreRunScanner.h"

#include "jobs/WorkerPool.h"
#include "store/file/FileStoreExperimentScanner.h"
#include "store/file/FileStoreIssueSink.h"
#include "store/file/FileTreeWalker.h"
#include "store/file/PosixDirectory.h"
#include "store/file/PosixFile.h"

#include <QCryptographicHash>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <exception>

namespace prov {
namespace {

void appendInt(std::string& buffer, qint64 value)
{
    buffer.append(reinterpret_cast<const char*>(&value), sizeof value);
}

char kindTag(PosixDirectory::Kind kind)
{
    switch (kind) {
    case PosixDirectory::Kind::File:
        return 'f';
    case PosixDirectory::Kind::Directory:
        return 'd';
    case PosixDirectory::Kind::Other:
        return 'o';
    case PosixDirectory::Kind::Missing:
        return 'm';
    }
    return '?';
}

// Run-like: has a meta.yaml (in any form: a damaged one is still a run to report), or
// lost it but still has the folders only a run has.
bool looksLikeRun(const PosixDirectory& experiment, const std::string& name, int* error)
{
    if (experiment.kindOf((name + "/meta.yaml").c_str(), error) != PosixDirectory::Kind::Missing)
        return true;
    if (*error == EACCES || *error == EPERM)
        return false;
    for (const char* sub : { "/metrics", "/params", "/artifacts" }) {
        if (experiment.kindOf((name + sub).c_str()) == PosixDirectory::Kind::Directory)
            return true;
    }
    return false;
}

} // namespace

FileStoreRunScanner::FileStoreRunScanner(WorkerPool& workers, int threads)
    : m_workers(workers)
    , m_threads(std::max(1, threads))
{ }

QByteArray FileStoreRunScanner::fingerprint(const std::string& runFolder, bool* sawOutputs)
{
    std::string record;
    record.reserve(4096);
    FileTreeWalker::Options options;
    options.withStat = true;
    FileTreeWalker walker(
        options,
        [&](const FileTreeWalker::Node& node) {
            record.append(node.relativePath).push_back('\0');
            record.push_back(kindTag(node.entry.kind));
            if (node.entry.kind == PosixDirectory::Kind::Directory) {
                if (sawOutputs && node.relativePath == "outputs")
                    *sawOutputs = true;
                return;
            }
            appendInt(record, node.entry.size);
            appendInt(record, node.entry.mtimeNs);
        },
        [&](const std::string& relativePath, const Error& error) {
            record.append("!").append(relativePath).push_back('\0');
            record.push_back(static_cast<char>(error.code));
        });
    Error error;
    const auto outcome = walker.walk(runFolder, &error);
    record.push_back(static_cast<char>(outcome));
    return QCryptographicHash::hash(QByteArrayView(record.data(), qsizetype(record.size())), QCryptographicHash::Sha1);
}

std::vector<std::string> FileStoreRunScanner::findRunFolders(const std::string& experimentFolder, RunScan& scan) const
{
    std::vector<std::string> names;
    FileStoreIssueSink issues(scan.issues);
    auto dir = PosixDirectory::open(experimentFolder);
    auto entries = dir ? dir->entries() : Result<std::vector<PosixDirectory::Entry>>(dir.error());
    if (!entries) {
        issues.add(entries.error().location,
            QStringLiteral("experiment folder cannot be listed: %1").arg(entries.error().message));
        scan.complete = false;
        return names;
    }
    for (const PosixDirectory::Entry& entry : *entries) {
        if (entry.kind != PosixDirectory::Kind::Directory || FileStoreExperimentScanner::isReservedFolder(entry.name))
            continue;
        if (dir->isSelfLink(entry)) {
            issues.add(dir->childPath(entry.name), QStringLiteral("symbolic link to the folder it is in; ignored"),
                StoreIssue::Severity::Warning);
            continue;
        }
        int error = 0;
        if (looksLikeRun(*dir, entry.name, &error)) {
            names.push_back(entry.name);
        } else if (error == EACCES || error == EPERM) {
            issues.add(dir->childPath(entry.name), QStringLiteral("folder cannot be read (permission denied)"));
            scan.complete = false;
        }
    }
    return names;
}

Result<RunScan> FileStoreRunScanner::scan(
    const Experiment& experiment, const std::string& experimentFolder, const CancellationToken& cancel)
{
    RunScan scan;
    const std::vector<std::string> names = findRunFolders(experimentFolder, scan);
    for (StoreIssue& issue : scan.issues)
        issue.experimentId = experiment.experimentId;
    std::vector<std::string> folders;
    folders.reserve(names.size());
    for (const std::string& name : names)
        folders.push_back(experimentFolder + '/' + name);
    std::vector<QByteArray> prints(folders.size());
    if (!fingerprintAll(folders, prints, cancel))
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
    scan.runs.reserve(qsizetype(names.size()));
    for (size_t i = 0; i < names.size(); ++i) {
        RunStamp stamp;
        stamp.runId = QString::fromUtf8(names[i].data(), qsizetype(names[i].size()));
        stamp.experimentId = experiment.experimentId;
        stamp.fingerprint = prints[i];
        stamp.locator = PosixFile::displayPath(folders[i]);
        scan.runs.append(std::move(stamp));
    }
    return scan;
}

bool FileStoreRunScanner::fingerprintAll(
    const std::vector<std::string>& folders, std::vector<QByteArray>& prints, const CancellationToken& cancel)
{
    std::atomic<size_t> next { 0 };
    std::atomic<bool> outputs { false };
    const auto work = [&] {
        bool sawOutputs = false;
        for (size_t i = next++; i < folders.size() && !cancel.isCancelled(); i = next++)
            prints[i] = fingerprint(folders[i], &sawOutputs);
        if (sawOutputs)
            outputs = true;
    };
    const size_t threads = std::min<size_t>(size_t(m_threads), folders.size() / 4 + 1);
    m_workers.runWorkers(int(threads), work);
    m_sawOutputs = m_sawOutputs || outputs;
    return !cancel.isCancelled();
}

} // namespace prov
