#include "store/file/FileStoreExperimentScanner.h"

#include "domain/CanonicalOrder.h"
#include "store/file/FileStoreKeyValues.h"
#include "store/file/FileStoreYaml.h"
#include "store/file/PosixFile.h"

#include <algorithm>

namespace prov {
namespace {

const std::string trashFolder = ".trash";
const std::string registryFolder = "models";

QString folderName(const std::string& name)
{
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

bool experimentLess(const Experiment& a, const Experiment& b)
{
    const int byName = QString::compare(a.name, b.name);
    return byName != 0 ? byName < 0 : a.experimentId < b.experimentId;
}

} // namespace

FileStoreExperimentScanner::FileStoreExperimentScanner(std::string root)
    : m_root(std::move(root))
{ }

bool FileStoreExperimentScanner::isReservedFolder(const std::string& name)
{
    return name == "tags" || name == "datasets" || name == "models" || name == "traces" || name.starts_with('.');
}

bool FileStoreExperimentScanner::containsRuns(const std::string& folder)
{
    auto dir = PosixDirectory::open(folder);
    if (!dir)
        return false;
    auto entries = dir->entries();
    if (!entries)
        return false;
    for (const PosixDirectory::Entry& entry : *entries) {
        if (entry.kind != PosixDirectory::Kind::Directory || isReservedFolder(entry.name))
            continue;
        if (dir->kindOf((entry.name + "/meta.yaml").c_str()) != PosixDirectory::Kind::Missing)
            return true;
    }
    return false;
}

Result<ExperimentScan> FileStoreExperimentScanner::scan(const CancellationToken& cancel)
{
    auto root = PosixDirectory::open(m_root);
    if (!root)
        return root.error();
    ExperimentScan scan;
    m_seenIds.clear();
    m_sawLoggedModels = false;
    if (Status status = scanFolder(*root, false, scan, cancel); !status.ok())
        return status.error();
    if (root->kindOf(trashFolder.c_str()) == PosixDirectory::Kind::Directory) {
        auto trash = root->openChild(trashFolder);
        if (!trash)
            FileStoreIssueSink(scan.issues).add(trash.error());
        else if (Status status = scanFolder(*trash, true, scan, cancel); !status.ok())
            return status.error();
    }
    std::sort(scan.experiments.begin(), scan.experiments.end(), experimentLess);
    return scan;
}

Status FileStoreExperimentScanner::scanFolder(
    const PosixDirectory& parent, bool trash, ExperimentScan& out, const CancellationToken& cancel)
{
    auto entries = parent.entries();
    if (!entries) {
        if (!trash)
            return entries.error();
        FileStoreIssueSink(out.issues).add(entries.error());
        return {};
    }
    for (const PosixDirectory::Entry& entry : *entries) {
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"));
        if (entry.kind != PosixDirectory::Kind::Directory || entry.name.starts_with('.')
            || (!trash && entry.name == registryFolder))
            continue;
        FileStoreIssueSink issues(out.issues, folderName(entry.name));
        if (parent.isSelfLink(entry)) {
            issues.add(parent.childPath(entry.name), QStringLiteral("symbolic link to the folder it is in; ignored"),
                StoreIssue::Severity::Warning);
            continue;
        }
        if (auto experiment = readExperiment(parent, entry.name, trash, issues)) {
            if (m_seenIds.contains(experiment->experimentId)) {
                issues.add(experiment->locator,
                    QStringLiteral("experiment id %1 also exists outside .trash; this copy is ignored")
                        .arg(experiment->experimentId),
                    StoreIssue::Severity::Warning);
                continue;
            }
            m_seenIds.insert(experiment->experimentId);
            out.experiments.append(std::move(*experiment));
        }
    }
    return {};
}

std::optional<Experiment> FileStoreExperimentScanner::readExperiment(
    const PosixDirectory& parent, const std::string& name, bool trash, FileStoreIssueSink& issues)
{
    const std::string path = parent.childPath(name);
    const std::string metaPath = path + "/meta.yaml";
    if (parent.kindOf((name + "/models").c_str()) == PosixDirectory::Kind::Directory)
        m_sawLoggedModels = true;
    auto meta = FileStoreYaml::load(metaPath);
    Status valid = meta ? meta->require({ "name" }) : Status(meta.error());
    if (!valid.ok()) {
        if (valid.error().code == ErrorCode::NotFound) {
            if (!containsRuns(path))
                return std::nullopt; // not an experiment: some other folder in the store root
            issues.add(metaPath, QStringLiteral("experiment folder has no meta.yaml; listed under its folder name"));
        } else {
            issues.add(metaPath,
                QStringLiteral("experiment meta.yaml unreadable (%1); listed under its folder name")
                    .arg(valid.error().message));
        }
        return placeholder(path, folderName(name), trash);
    }
    Experiment e;
    e.experimentId = folderName(name);
    const QString recordedId = meta->text("experiment_id");
    if (!recordedId.isEmpty() && recordedId != e.experimentId)
        issues.add(metaPath,
            QStringLiteral("meta.yaml says experiment_id %1 but the folder is %2; the folder name is used")
                .arg(recordedId, e.experimentId),
            StoreIssue::Severity::Warning);
    e.name = meta->text("name");
    e.artifactLocation = meta->text("artifact_location");
    e.lifecycleStage = trash ? LifecycleStage::Deleted
                             : lifecycleStageFromName(meta->text("lifecycle_stage")).value_or(LifecycleStage::Active);
    e.creationTime = meta->integer("creation_time");
    e.lastUpdateTime = meta->integer("last_update_time");
    e.tags = readTags(path, meta->stringMap("tags"), issues);
    e.locator = PosixFile::displayPath(path);
    return e;
}

Experiment FileStoreExperimentScanner::placeholder(const std::string& path, const QString& folderName, bool trash)
{
    Experiment e;
    e.experimentId = folderName;
    e.name = folderName;
    e.lifecycleStage = trash ? LifecycleStage::Deleted : LifecycleStage::Active;
    e.locator = PosixFile::displayPath(path);
    return e;
}

KeyValueList FileStoreExperimentScanner::readTags(
    const std::string& path, const KeyValueList& inlineTags, FileStoreIssueSink& issues)
{
    // tags/<key> files are authoritative; MLflow only copies tags inline into meta.yaml when
    // a delete or rename rewrites it, and those copies can be stale.
    KeyValueList tags = FileStoreKeyValues::read(path + "/tags", issues);
    for (const KeyValue& kv : inlineTags) {
        const bool asFile = std::any_of(tags.cbegin(), tags.cend(), [&](const KeyValue& t) { return t.key == kv.key; });
        if (!asFile)
            tags.append(kv);
    }
    CanonicalOrder::sortByKey(tags);
    return tags;
}

} // namespace prov
