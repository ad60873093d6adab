#pragma once

#include "domain/KeyValue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace prov::test {

// Small pieces of MLflow's proto JSON that the test server's answers share.
// [{"key": …, "value": …}, …]
QJsonArray keyValues(const KeyValueList& list);
// Inserts `array` under `key` unless it is empty: MLflow's proto JSON leaves empty lists out.
void insertIf(QJsonObject& json, const QString& key, const QJsonArray& array);
// Inserts a time (milliseconds) when there is one.
void insertTime(QJsonObject& json, const QString& key, const std::optional<qint64>& time);

} // namespace prov::test
