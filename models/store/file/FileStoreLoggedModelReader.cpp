#include "store/file/FileStoreLoggedModelReader.h"

#include "domain/CanonicalOrder.h"
#include "store/MlmodelSummary.h"
#include "store/file/FileStoreKeyValues.h"
#include "store/file/FileStoreText.h"
#include "store/file/FileStoreYaml.h"
#include "store/file/FileTreeWalker.h"
#include "store/file/MetricFileParser.h"
#include "store/file/PosixDirectory.h"
#include "store/file/PosixFile.h"

#include <algorithm>

namespace prov {
namespace {

// Lines of a small text file (logged-model metric files hold a handful of points).
template<typename Fn> void forEachLine(std::string_view text, Fn&& fn)
{
    qint64 number = 0;
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        fn(++number, text.substr(0, nl));
        if (nl == std::string_view::npos)
            break;
        text.remove_prefix(nl + 1);
    }
}

} // namespace

FileStoreLoggedModelReader::FileStoreLoggedModelReader(std::string experimentFolder, Experiment experiment)
    : m_folder(std::move(experimentFolder))
    , m_experiment(std::move(experiment))
{ }

QString FileStoreLoggedModelReader::statusName(const QString& written)
{
    if (written == QLatin1String("1"))
        return QStringLiteral("PENDING");
    if (written == QLatin1String("2"))
        return QStringLiteral("READY");
    if (written == QLatin1String("3"))
        return QStringLiteral("UPLOAD_FAILED");
    return written; // a name already, or something newer: keep what the store says
}

LoggedModelScan FileStoreLoggedModelReader::scan()
{
    LoggedModelScan result;
    FileStoreIssueSink issues(result.issues, m_experiment.experimentId);
    const std::string models = m_folder + "/models";
    auto dir = PosixDirectory::open(models);
    if (!dir) {
        if (dir.error().code != ErrorCode::NotFound)
            issues.add(dir.error());
        return result;
    }
    auto entries = dir->entries();
    if (!entries) {
        issues.add(entries.error());
        return result;
    }
    for (const PosixDirectory::Entry& entry : *entries) {
        if (entry.kind != PosixDirectory::Kind::Directory || entry.name.starts_with('.'))
            continue;
        if (auto model = readModel(dir->childPath(entry.name), entry.name, issues))
            result.models.append(std::move(*model));
    }
    std::sort(result.models.begin(), result.models.end(),
        [](const LoggedModel& a, const LoggedModel& b) { return a.modelId < b.modelId; });
    return result;
}

std::optional<LoggedModel> FileStoreLoggedModelReader::readModel(
    const std::string& folder, const std::string& name, FileStoreIssueSink& issues)
{
    auto meta = FileStoreYaml::load(folder + "/meta.yaml");
    Status valid = meta ? meta->require({ "status" }) : Status(meta.error());
    if (!valid.ok()) {
        issues.add(valid.error().location, QStringLiteral("logged model skipped: %1").arg(valid.error().message));
        return std::nullopt;
    }
    LoggedModel model;
    model.modelId = meta->text("model_id");
    if (model.modelId.isEmpty())
        model.modelId = QString::fromUtf8(name.data(), qsizetype(name.size()));
    model.experimentId = m_experiment.experimentId;
    model.name = meta->text("name");
    model.sourceRunId = meta->text("source_run_id");
    model.artifactLocation = meta->text("artifact_location");
    model.status = statusName(meta->text("status"));
    model.modelType = meta->text("model_type");
    model.creationTime = meta->integer("creation_timestamp");
    model.lastUpdatedTime = meta->integer("last_updated_timestamp");
    model.params = FileStoreKeyValues::read(folder + "/params", issues);
    model.tags = FileStoreKeyValues::read(folder + "/tags", issues);
    model.metrics = readMetrics(folder + "/metrics", issues);
    readMlmodel(folder + "/artifacts/MLmodel", model, issues);
    model.origin = LoggedModel::Origin::LoggedModelEntity;
    return model;
}

QList<LoggedModelMetric> FileStoreLoggedModelReader::readMetrics(const std::string& folder, FileStoreIssueSink& issues)
{
    QList<LoggedModelMetric> metrics;
    FileTreeWalker walker(
        {},
        [&](const FileTreeWalker::Node& node) {
            if (node.entry.kind == PosixDirectory::Kind::Directory)
                return;
            const std::string path = folder + '/' + node.relativePath;
            QString why;
            const auto key = FileStoreKeyValues::decodeKey(node.relativePath, &why);
            auto text = key ? PosixFile::readAllAt(node.parent.fd(), node.entry.name.c_str(), path)
                            : Result<std::string>(makeError(ErrorCode::Corrupt, why, PosixFile::displayPath(path)));
            if (!text) {
                issues.add(text.error().location, QStringLiteral("metric skipped: %1").arg(text.error().message));
                return;
            }
            forEachLine(*text, [&](qint64 number, std::string_view line) {
                LoggedModelMetric metric;
                metric.key = *key;
                if (MetricFileParser::parseModelLine(line, metric))
                    metrics.append(std::move(metric));
                else if (line.find_first_not_of(" \t\r") != std::string_view::npos)
                    issues.add(path,
                        QStringLiteral("line %1 is not a logged-model metric line: \"%2\"; skipped")
                            .arg(number)
                            .arg(FileStoreText::excerpt(line)));
            });
        },
        [&](const std::string& relativePath, const Error& error) {
            issues.add(folder + '/' + relativePath, error.message);
        });
    Error error;
    if (walker.walk(folder, &error) == FileTreeWalker::Outcome::RootFailed)
        issues.add(error);
    CanonicalOrder::sort(metrics);
    return metrics;
}

void FileStoreLoggedModelReader::readMlmodel(const std::string& path, LoggedModel& model, FileStoreIssueSink& issues)
{
    auto text = PosixFile::readAll(path);
    auto summary
        = text ? MlmodelSummary::parse(QByteArray::fromStdString(*text)) : Result<MlmodelSummary>(text.error());
    if (!summary) {
        if (summary.error().code != ErrorCode::NotFound)
            issues.add(PosixFile::displayPath(path),
                QStringLiteral("MLmodel unreadable (%1); flavors unknown").arg(summary.error().message),
                StoreIssue::Severity::Warning);
        return;
    }
    model.flavors = summary->flavors;
    model.signatureInputs = summary->signatureInputs;
    model.signatureOutputs = summary->signatureOutputs;
}

} // namespace prov
