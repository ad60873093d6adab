#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

// Locates the MLflow fixtures copied into tests/data (real MLflow output, never edited by
// hand) and builds scratch copies that tests may damage.
namespace TestFixtures {

// Absolute path of `relative` under tests/data, e.g. "mlflow/mlruns".
QString dataPath(const QString& relative);

// Recursively copies `source` into `destination` (created); returns false on any failure.
bool copyTree(const QString& source, const QString& destination);

// A digest of every file and folder under `root`: relative paths, sizes, permissions and
// contents. Equal digests before and after an operation prove it modified nothing.
QByteArray treeDigest(const QString& root);

QJsonDocument readJson(const QString& path);

} // namespace TestFixtures
