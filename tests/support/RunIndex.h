#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <map>
#include <utility>

// Lookups over the JSON arrays the command line prints (`runs`, `models`, `experiments` with
// `--format json`), so tests can find an entry without depending on the printed order.

// (experiment name, run name): how runs are matched across stores, whose ids differ.
using RunKey = std::pair<QString, QString>;

std::map<RunKey, QJsonObject> byName(const QJsonArray& runs);

// Entries keyed by the string member `idKey` (a run id, a model name, a version number).
std::map<QString, QJsonObject> byId(const QJsonArray& runs, const QString& idKey = QStringLiteral("run_id"));

// Newest start time first, as MLflow lists runs.
bool newestFirst(const QJsonArray& runs);
