#pragma once

#include "domain/KeyValue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace prov {

// A dataset a version's run consumed, as MLflow recorded it (source, schema and profile are
// MLflow's JSON strings, verbatim).
struct CardDataset
{
    QString name;
    QString digest;
    QString sourceType;
    QString source;
    QString schema;
    QString profile;
    QString context; // training, evaluation, ... (input tag mlflow.data.context)
};

// A metric on a card: the run's latest value, or (MLflow 3) one linked to the logged model,
// possibly evaluated on a dataset.
struct CardMetric
{
    QString key;
    double value = 0.0;
    qint64 step = 0;
    QString datasetName;
    QString datasetDigest;
    bool modelLinked = false;
};

// One column of an MLflow model signature (MLmodel's signature.inputs / .outputs).
struct SignatureColumn
{
    QString name; // empty for unnamed outputs
    QString type; // double, long, string, tensor float32 (-1, 4), ...
    bool required = true;
};

// Everything a model card says that MLflow already knows, derived from the cache whenever a
// card is shown or exported (never stored with the card): the version and its registration,
// the run and code it came from, the logged model with its signature and parameters, metrics
// (including model-linked evaluation metrics with their dataset), dataset inputs with digests,
// schema and profile, and the people MLflow names.
struct ModelCardFacts
{
    QString modelName;
    QString modelDescription;
    qint64 version = 0;
    QString versionDescription;
    std::optional<qint64> registeredAt;
    std::optional<qint64> lastUpdatedAt;
    QString registeredBy; // the version's user_id
    QString stage;
    QStringList aliases;
    QString source;
    QString status;

    QString runId; // empty when registered without a run
    QString runName;
    QString experimentName;
    QString trainedBy; // mlflow.user of the run
    std::optional<qint64> runStart;
    std::optional<qint64> runEnd;
    QString codeRepository;
    QString codeCommit;
    QString codeBranch;
    QString codeSource;

    QString loggedModelId;
    QString loggedModelName;
    QStringList flavors;
    QList<SignatureColumn> inputs;
    QList<SignatureColumn> outputs;

    KeyValueList params; // the logged model's, else the run's
    QList<CardMetric> metrics;
    QList<CardDataset> datasets;
    KeyValueList versionTags; // without the card's own tags

    bool runInCache() const { return !runName.isEmpty() || runStart.has_value(); }
    // MLflow's URI for loading this version: models:/<name>/<version>.
    QString modelUri() const { return QStringLiteral("models:/%1/%2").arg(modelName).arg(version); }
    // "sepal_length (double), sepal_width (double)"; empty without a signature.
    static QString describe(const QList<SignatureColumn>& columns);
    // Parses MLflow's JSON column or tensor specs; empty for text that is not one.
    static QList<SignatureColumn> parseSignature(const QString& json);
};

} // namespace prov
