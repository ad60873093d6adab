#pragma once

#include <QJsonObject>
#include <QString>

// The shared MLflow fixture (tests/data/mlflow) and the manifest its generator wrote beside it
// (manifest-filestore.json, manifest-sqlite.json): what each store holds, keyed by name, with
// the store's own ids.

QString sharedFileStore();
QString sharedSqliteStore();

// A JSON file under tests/data (a manifest, an expected.json), as an object; empty if unreadable.
QJsonObject readObject(const QString& relative);

// The runs a manifest lists for a store, keyed by run name: all of them, or only the active runs
// of active experiments (what `provenance runs` lists without --all).
QJsonObject manifestRuns(const QJsonObject& manifest, bool all);

// The name of the experiment with `experimentId`; "Default" for MLflow's experiment 0.
QString manifestExperimentName(const QJsonObject& manifest, const QString& experimentId);
