#include "cache/CacheSchema.h"

#include "core/SqliteDatabase.h"

#include <QStringList>

namespace prov {
namespace {

// Version 1: the store mirror, registry binding history, sync log and issues.
const char* const migrationTo1 = R"SQL(
CREATE TABLE cache_info (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

CREATE TABLE experiments (
    experiment_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    artifact_location TEXT,
    lifecycle_stage TEXT NOT NULL,
    creation_time INTEGER,
    last_update_time INTEGER
) WITHOUT ROWID;
CREATE TABLE experiment_tags (
    experiment_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (experiment_id, key)
) WITHOUT ROWID;

CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    experiment_id TEXT NOT NULL,
    run_name TEXT NOT NULL,
    status TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL,
    start_time INTEGER,
    end_time INTEGER,
    deleted_time INTEGER,
    user_id TEXT NOT NULL,
    parent_run_id TEXT,
    artifact_uri TEXT,
    fingerprint BLOB
) WITHOUT ROWID;
CREATE INDEX runs_by_experiment ON runs (experiment_id);
CREATE INDEX runs_by_parent ON runs (parent_run_id) WHERE parent_run_id IS NOT NULL;

CREATE TABLE params (run_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key)) WITHOUT ROWID;
CREATE INDEX params_by_key ON params (key);
CREATE TABLE tags (run_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key)) WITHOUT ROWID;
CREATE INDEX tags_by_key ON tags (key);

CREATE TABLE latest_metrics (
    run_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value REAL,
    step INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    point_count INTEGER NOT NULL,
    min_value REAL,
    max_value REAL,
    fingerprint BLOB,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE INDEX latest_metrics_by_key ON latest_metrics (key);
CREATE TABLE metric_histories (
    run_id TEXT NOT NULL,
    key TEXT NOT NULL,
    points BLOB NOT NULL,
    PRIMARY KEY (run_id, key)
);

CREATE TABLE dataset_inputs (
    run_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    digest TEXT NOT NULL,
    source_type TEXT,
    source TEXT,
    schema TEXT,
    profile TEXT,
    context TEXT,
    tags_json TEXT,
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;
CREATE TABLE model_inputs (run_id TEXT NOT NULL, model_id TEXT NOT NULL, PRIMARY KEY (run_id, model_id)) WITHOUT ROWID;
CREATE TABLE model_outputs (
    run_id TEXT NOT NULL, model_id TEXT NOT NULL, step INTEGER NOT NULL, PRIMARY KEY (run_id, model_id)
) WITHOUT ROWID;
CREATE TABLE artifacts (
    run_id TEXT NOT NULL, path TEXT NOT NULL, is_dir INTEGER NOT NULL, size INTEGER NOT NULL,
    PRIMARY KEY (run_id, path)
) WITHOUT ROWID;

CREATE TABLE logged_models (
    model_id TEXT PRIMARY KEY,
    experiment_id TEXT NOT NULL,
    name TEXT NOT NULL,
    source_run_id TEXT,
    artifact_location TEXT,
    artifact_path TEXT,
    status TEXT,
    model_type TEXT,
    creation_time INTEGER,
    last_updated_time INTEGER,
    flavors TEXT,
    origin TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX logged_models_by_run ON logged_models (source_run_id);
CREATE TABLE logged_model_params (model_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (model_id, key)) WITHOUT ROWID;
CREATE TABLE logged_model_tags (model_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (model_id, key)) WITHOUT ROWID;
CREATE TABLE logged_model_metrics (
    model_id TEXT NOT NULL, key TEXT NOT NULL, value REAL, step INTEGER NOT NULL, timestamp INTEGER NOT NULL,
    run_id TEXT, dataset_name TEXT, dataset_digest TEXT
);
CREATE INDEX logged_model_metrics_by_model ON logged_model_metrics (model_id);

CREATE TABLE registered_models (
    name TEXT PRIMARY KEY, description TEXT, creation_time INTEGER, last_updated_time INTEGER
) WITHOUT ROWID;
CREATE TABLE registered_model_tags (name TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (name, key)) WITHOUT ROWID;
CREATE TABLE model_versions (
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    creation_time INTEGER,
    last_updated_time INTEGER,
    description TEXT,
    user_id TEXT,
    stage TEXT,
    source TEXT,
    run_id TEXT,
    status TEXT,
    status_message TEXT,
    run_link TEXT,
    storage_location TEXT,
    model_id TEXT,
    PRIMARY KEY (name, version)
) WITHOUT ROWID;
CREATE INDEX model_versions_by_run ON model_versions (run_id);
CREATE TABLE model_version_tags (
    name TEXT NOT NULL, version INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (name, version, key)
) WITHOUT ROWID;
CREATE TABLE model_aliases (name TEXT NOT NULL, alias TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (name, alias)) WITHOUT ROWID;

-- MLflow keeps only the current registry state; this is Provenance's own record of which
-- version held an alias or stage, as observed by each sync ('how' says how it was learnt).
-- A row is open (ended_seen IS NULL) while the binding is still observed.
CREATE TABLE binding_observations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('alias', 'stage')),
    binding TEXT NOT NULL,
    version INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    ended_seen INTEGER,
    how TEXT NOT NULL DEFAULT 'observed-at-sync'
);
CREATE INDEX binding_observations_open ON binding_observations (name, kind, binding) WHERE ended_seen IS NULL;

CREATE TABLE syncs (
    sync_id TEXT PRIMARY KEY,
    started INTEGER NOT NULL,
    finished INTEGER,
    outcome TEXT,
    experiments INTEGER,
    runs INTEGER,
    runs_read INTEGER,
    metric_points INTEGER,
    issues INTEGER,
    seconds REAL
) WITHOUT ROWID;

CREATE TABLE issues (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('store', 'run')),
    run_id TEXT,
    experiment_id TEXT,
    severity TEXT NOT NULL,
    location TEXT,
    message TEXT NOT NULL
);
CREATE INDEX issues_by_run ON issues (run_id) WHERE run_id IS NOT NULL;
)SQL";

// Version 2: the alias and stage history moves to the journal, which clearing the cache does
// not delete. The table is renamed rather than dropped, so that its rows leave the cache only
// once the journal holds them (CacheHistoryImport drops it then). Logged models gain their
// MLflow signature (the JSON strings of MLmodel's signature.inputs / .outputs), for model cards.
const char* const migrationTo2 = R"SQL(
ALTER TABLE binding_observations RENAME TO legacy_binding_observations;
ALTER TABLE logged_models ADD COLUMN signature_inputs TEXT;
ALTER TABLE logged_models ADD COLUMN signature_outputs TEXT;
)SQL";

const char* const migrations[] = { migrationTo1, migrationTo2 };

} // namespace

Status CacheSchema::migrate(const SqliteDatabase& db)
{
    // EXCLUSIVE before the version is read: a second process opening a new cache waits here
    // (busy timeout) and then finds it migrated, instead of creating the same tables again.
    if (Status s = db.exec(QStringLiteral("BEGIN EXCLUSIVE")); !s)
        return s;
    auto version = db.queryInt(QStringLiteral("PRAGMA user_version"));
    Status status;
    if (!version) {
        status = version.error();
    } else if (*version > CurrentVersion) {
        status = makeError(ErrorCode::Unsupported,
            QStringLiteral("the cache was written by a newer Provenance (schema %1, this one knows %2); "
                           "use another --cache folder or delete it")
                .arg(*version)
                .arg(CurrentVersion),
            db.path());
    }
    // All steps commit together: a kill mid-migration leaves the old version, never half a step.
    for (qint64 v = version.valueOr(CurrentVersion); status && v < CurrentVersion; ++v) {
        status = db.exec(QString::fromUtf8(migrations[v]));
        if (status)
            status = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1));
    }
    if (status)
        status = db.exec(QStringLiteral("COMMIT"));
    if (!status)
        (void)db.exec(QStringLiteral("ROLLBACK"));
    return status;
}

} // namespace prov
