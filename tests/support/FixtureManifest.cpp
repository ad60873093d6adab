#include "FixtureManifest.h"

#include "TestFixtures.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

using namespace Qt::StringLiterals;

QString sharedFileStore()
{
    return TestFixtures::dataPath(u"mlflow/mlruns"_s);
}

QString sharedSqliteStore()
{
    return TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s);
}

QJsonObject readObject(const QString& relative)
{
    return TestFixtures::readJson(TestFixtures::dataPath(relative)).object();
}

QJsonObject manifestRuns(const QJsonObject& manifest, bool all)
{
    QSet<QString> deletedExperiments;
    for (const QJsonValue& experiment : manifest.value(u"experiments"_s).toObject()) {
        if (experiment[u"lifecycle_stage"_s].toString() == u"deleted"_s)
            deletedExperiments.insert(experiment[u"id"_s].toString());
    }
    QJsonObject runs;
    const QJsonObject listed = manifest.value(u"runs"_s).toObject();
    for (auto it = listed.begin(); it != listed.end(); ++it) {
        const bool deleted = it.value()[u"lifecycle_stage"_s].toString() == u"deleted"_s
            || deletedExperiments.contains(it.value()[u"experiment_id"_s].toString());
        if (all || !deleted)
            runs.insert(it.key(), it.value());
    }
    return runs;
}

QString manifestExperimentName(const QJsonObject& manifest, const QString& experimentId)
{
    const QJsonObject experiments = manifest.value(u"experiments"_s).toObject();
    for (auto it = experiments.begin(); it != experiments.end(); ++it) {
        if (it.value()[u"id"_s].toString() == experimentId)
            return it.key();
    }
    return experimentId == u"0"_s ? u"Default"_s : QString();
}
