#pragma once

#include <QJsonValue>
#include <QString>

// The first difference between two JSON values, as "<path>: <actual> != <expected>", or an empty
// string when they are equal. `path` names `actual` in the message (e.g. "run.metrics").
// Numbers compare as doubles (480 and 480.0 are the same value); object keys must match exactly.
QString jsonDifference(const QJsonValue& actual, const QJsonValue& expected, const QString& path);
