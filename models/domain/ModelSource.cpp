#include "domain/ModelSource.h"

namespace prov {

QString ModelSource::runArtifactModelId(const QString& runId, const QString& artifactPath)
{
    return QStringLiteral("runs:/") + runId + QLatin1Char('/') + artifactPath;
}

ModelSource ModelSource::resolve(const QString& source, const QString& versionRunId)
{
    ModelSource result;
    static const QString modelsScheme = QStringLiteral("models:/");
    static const QString runsScheme = QStringLiteral("runs:/");
    if (source.startsWith(modelsScheme)) {
        const QString id = source.mid(modelsScheme.size()).section(QLatin1Char('/'), 0, 0);
        if (id.startsWith(QLatin1String("m-"))) {
            result.kind = Kind::LoggedModel;
            result.modelId = id;
        }
        return result;
    }
    if (source.startsWith(runsScheme)) {
        const QString rest = source.mid(runsScheme.size());
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        if (slash > 0 && slash + 1 < rest.size()) {
            result.kind = Kind::RunArtifact;
            result.runId = rest.left(slash);
            result.artifactPath = rest.mid(slash + 1);
            result.modelId = runArtifactModelId(result.runId, result.artifactPath);
        }
        return result;
    }
    if (!versionRunId.isEmpty()) {
        const QString marker = QLatin1Char('/') + versionRunId + QStringLiteral("/artifacts/");
        const qsizetype at = source.indexOf(marker);
        if (at >= 0 && at + marker.size() < source.size()) {
            result.kind = Kind::RunArtifact;
            result.runId = versionRunId;
            result.artifactPath = source.mid(at + marker.size());
            while (result.artifactPath.endsWith(QLatin1Char('/')))
                result.artifactPath.chop(1);
            result.modelId = runArtifactModelId(result.runId, result.artifactPath);
        }
    }
    return result;
}

} // namespace prov
