#pragma once

#include "core/Result.h"
#include "query/CacheReader.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// MLflow's own answers for one form of the MLflow 2.x fixture: `store` is "filestore" or
// "sqlite" (the keys of tests/data/mlflow2/expected.json).
QJsonObject mlflow2Expected(const QString& store);

// Reads the store named by `store` (a path or URI as the command line takes it; relative
// paths are taken under tests/data) into a fresh cache at `cachePath`.
prov::Result<void> syncInto(const QString& store, const QString& cachePath);

// syncInto(), then opens the cache for reading.
prov::Result<prov::CacheReader> syncedCache(const QString& store, const QString& cachePath);

} // namespace TestFixtures
