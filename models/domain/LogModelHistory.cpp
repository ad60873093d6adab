#include "domain/LogModelHistory.h"

#include "domain/MlflowTags.h"
#include "domain/ModelSource.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>

namespace prov {
namespace {

std::optional<qint64> parseUtcTime(const QString& text)
{
    // MLflow writes Python's str(datetime.utcnow()): "2026-11-22 05:10:11.583575".
    QDateTime time = QDateTime::fromString(text.left(23), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (!time.isValid())
        time = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        return std::nullopt;
    time.setTimeZone(QTimeZone::utc());
    return time.toMSecsSinceEpoch();
}

LoggedModel modelFrom(const RunRecord& run, const QJsonObject& entry, const QString& artifactPath)
{
    LoggedModel model;
    model.origin = LoggedModel::Origin::LogModelHistoryTag;
    model.modelId = ModelSource::runArtifactModelId(run.info.runId, artifactPath);
    model.experimentId = run.info.experimentId;
    model.name = artifactPath;
    model.sourceRunId = run.info.runId;
    model.artifactPath = artifactPath;
    model.artifactLocation = run.info.artifactUri + QLatin1Char('/') + artifactPath;
    model.status = QStringLiteral("READY");
    model.creationTime = parseUtcTime(entry.value(QLatin1String("utc_time_created")).toString());
    model.lastUpdatedTime = model.creationTime;
    model.flavors = entry.value(QLatin1String("flavors")).toObject().keys();
    std::sort(model.flavors.begin(), model.flavors.end());
    const QJsonObject signature = entry.value(QLatin1String("signature")).toObject();
    model.signatureInputs = signature.value(QLatin1String("inputs")).toString();
    model.signatureOutputs = signature.value(QLatin1String("outputs")).toString();
    const QString uuid = entry.value(QLatin1String("model_uuid")).toString();
    if (!uuid.isEmpty())
        model.tags.append({ QStringLiteral("mlflow.model_uuid"), uuid });
    return model;
}

} // namespace

QList<LoggedModel> LogModelHistory::modelsOf(const RunRecord& run, StoreIssueList& issues)
{
    const QString tag = valueOf(run.tags, MlflowTags::LogModelHistory);
    if (tag.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(tag.toUtf8(), &error);
    if (!doc.isArray()) {
        issues.append({ StoreIssue::Severity::Warning, QStringLiteral("tag ") + MlflowTags::LogModelHistory,
            QStringLiteral("not a JSON list of logged models (%1); the run's models are not shown")
                .arg(error.error == QJsonParseError::NoError ? QStringLiteral("wrong type") : error.errorString()),
            run.info.experimentId, run.info.runId });
        return {};
    }
    QList<LoggedModel> models;
    for (const QJsonValue& value : doc.array()) {
        const QJsonObject entry = value.toObject();
        const QString path = entry.value(QLatin1String("artifact_path")).toString();
        if (path.isEmpty())
            continue;
        // A later entry for the same path re-logged the model into the same folder: it wins.
        const auto same = std::find_if(
            models.begin(), models.end(), [&path](const LoggedModel& m) { return m.artifactPath == path; });
        if (same != models.end())
            *same = modelFrom(run, entry, path);
        else
            models.append(modelFrom(run, entry, path));
    }
    return models;
}

} // namespace prov
