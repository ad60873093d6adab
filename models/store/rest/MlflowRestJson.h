#pragma once

#include "domain/Experiment.h"
#include "domain/LoggedModel.h"
#include "domain/MetricPoint.h"
#include "domain/RegisteredModel.h"
#include "domain/RunRecord.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace prov {

// Turns the JSON of MLflow's REST API (the shapes recorded in tests/data/mlflow/rest-samples)
// into domain values, sorted in CanonicalOrder so that a server gives the same values as the
// file store or SQLite backend behind it. Numbers may come as JSON numbers or strings (proto
// int64), metric values as numbers or "NaN" / "Infinity" / "-Infinity".
namespace MlflowRestJson {

std::optional<qint64> int64(const QJsonValue& value);
double metricValue(const QJsonValue& value);
KeyValueList keyValues(const QJsonValue& array);

// Empty optional when the id or lifecycle stage is missing or unknown.
std::optional<Experiment> experiment(const QJsonObject& json);
// A run of runs/search or runs/get: info, params, tags, inputs, outputs, and one MetricStamp
// per metric from its latest value (step, timestamp, value). Empty when the info is unusable.
std::optional<RunRecord> run(const QJsonObject& json);
// The fingerprint of a metric's latest point: sync re-reads a history when it changes.
QByteArray metricFingerprint(const QJsonObject& latest);
std::optional<MetricPoint> metricPoint(const QJsonObject& json);

ModelVersion modelVersion(const QJsonObject& json);
RegisteredModel registeredModel(const QJsonObject& json);
LoggedModel loggedModel(const QJsonObject& json);

} // namespace MlflowRestJson

} // namespace prov
