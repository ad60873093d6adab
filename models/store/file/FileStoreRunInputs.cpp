#include "store/file/FileStoreRunInputs.h"

#include "domain/CanonicalOrder.h"
#include "store/file/FileStoreYaml.h"
#include "store/file/PosixDirectory.h"

#include <QFile>

#include <algorithm>

namespace prov {
namespace {

bool isPlainName(const QString& name)
{
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && name != QLatin1String(".")
        && name != QLatin1String("..");
}

} // namespace

FileStoreRunInputs::FileStoreRunInputs(std::string runFolder, std::string experimentFolder, FileStoreIssueSink& issues)
    : m_runFolder(std::move(runFolder))
    , m_experimentFolder(std::move(experimentFolder))
    , m_issues(issues)
{ }

void FileStoreRunInputs::read()
{
    const std::string inputs = m_runFolder + "/inputs";
    for (const std::string& name : subFolders(inputs))
        readInput(inputs + '/' + name);
    const std::string outputs = m_runFolder + "/outputs";
    for (const std::string& name : subFolders(outputs))
        readOutput(outputs + '/' + name, name);
    CanonicalOrder::sort(datasetInputs);
    std::sort(modelInputs.begin(), modelInputs.end(),
        [](const ModelInput& a, const ModelInput& b) { return a.modelId < b.modelId; });
    std::sort(modelOutputs.begin(), modelOutputs.end(), [](const ModelOutput& a, const ModelOutput& b) {
        return a.modelId != b.modelId ? a.modelId < b.modelId : a.step < b.step;
    });
}

std::vector<std::string> FileStoreRunInputs::subFolders(const std::string& folder)
{
    std::vector<std::string> names;
    auto dir = PosixDirectory::open(folder);
    if (!dir) {
        if (dir.error().code != ErrorCode::NotFound)
            m_issues.add(dir.error());
        return names;
    }
    auto entries = dir->entries();
    if (!entries) {
        m_issues.add(entries.error());
        return names;
    }
    for (const PosixDirectory::Entry& entry : *entries) {
        if (entry.kind == PosixDirectory::Kind::Directory)
            names.push_back(entry.name);
        else
            m_issues.add(dir->childPath(entry.name), QStringLiteral("not an input folder; skipped"),
                StoreIssue::Severity::Warning);
    }
    return names;
}

void FileStoreRunInputs::readInput(const std::string& folder)
{
    const std::string metaPath = folder + "/meta.yaml";
    auto meta = FileStoreYaml::load(metaPath);
    Status valid = meta ? meta->require({ "source_type", "source_id" }) : Status(meta.error());
    if (!valid.ok()) {
        m_issues.add(valid.error().location, QStringLiteral("run input skipped: %1").arg(valid.error().message));
        return;
    }
    const QString type = meta->text("source_type");
    const QString sourceId = meta->text("source_id");
    if (type == QLatin1String("DATASET")) {
        auto ds = dataset(sourceId, metaPath);
        if (!ds)
            return;
        datasetInputs.append(DatasetInput { *ds, meta->stringMap("tags") });
    } else if (type == QLatin1String("MODEL")) {
        modelInputs.append(ModelInput { sourceId });
    } else {
        m_issues.add(metaPath, QStringLiteral("unknown input source_type '%1'; skipped").arg(type),
            StoreIssue::Severity::Warning);
    }
}

void FileStoreRunInputs::readOutput(const std::string& folder, const std::string& name)
{
    const std::string metaPath = folder + "/meta.yaml";
    auto meta = FileStoreYaml::load(metaPath);
    if (!meta) {
        m_issues.add(meta.error().location, QStringLiteral("run output skipped: %1").arg(meta.error().message));
        return;
    }
    ModelOutput output;
    output.modelId = meta->text("source_id");
    if (output.modelId.isEmpty())
        output.modelId = meta->text("destination_id");
    if (output.modelId.isEmpty())
        output.modelId = QString::fromUtf8(name.data(), qsizetype(name.size()));
    output.step = meta->integer("step").value_or(0);
    modelOutputs.append(std::move(output));
}

std::optional<Dataset> FileStoreRunInputs::dataset(const QString& datasetId, const std::string& inputPath)
{
    if (auto cached = m_datasets.constFind(datasetId); cached != m_datasets.constEnd())
        return *cached;
    if (!isPlainName(datasetId)) {
        m_issues.add(inputPath, QStringLiteral("dataset id '%1' is not a folder name; input skipped").arg(datasetId));
        return std::nullopt;
    }
    const std::string path
        = m_experimentFolder + "/datasets/" + QFile::encodeName(datasetId).toStdString() + "/meta.yaml";
    auto meta = FileStoreYaml::load(path);
    Status valid = meta ? meta->require({ "name", "digest" }) : Status(meta.error());
    std::optional<Dataset> result;
    if (!valid.ok()) {
        m_issues.add(valid.error().location,
            QStringLiteral("dataset of a run input unreadable (%1); input skipped").arg(valid.error().message));
    } else {
        result = Dataset { meta->text("name"), meta->text("digest"), meta->text("source_type"), meta->text("source"),
            meta->text("schema"), meta->text("profile") };
    }
    m_datasets.insert(datasetId, result);
    return result;
}

} // namespace prov
