#include "journal/JournalSchema.h"

#include "core/SqliteDatabase.h"

namespace prov {
namespace {

const char* const migrationTo1 = R"SQL(
CREATE TABLE journal_info (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

CREATE TABLE registry_observations (observed_at INTEGER PRIMARY KEY, sync_id TEXT);

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
CREATE INDEX binding_observations_by_model ON binding_observations (name, first_seen);

CREATE TABLE presence_observations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    ended_seen INTEGER
);
CREATE INDEX presence_observations_open ON presence_observations (name, version) WHERE ended_seen IS NULL;

CREATE TABLE card_drafts (
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    fields TEXT NOT NULL,
    base TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (name, version)
) WITHOUT ROWID;

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL,
    summary TEXT NOT NULL,
    writes TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'refused')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_attempt INTEGER,
    last_error TEXT,
    card_model TEXT,
    card_version INTEGER,
    card_fields TEXT
);
)SQL";

const char* const migrations[] = { migrationTo1 };

} // namespace

Status JournalSchema::migrate(const SqliteDatabase& db)
{
    // EXCLUSIVE before reading the version: a second process waits here (busy timeout) and
    // then finds the journal already migrated.
    if (Status s = db.exec(QStringLiteral("BEGIN EXCLUSIVE")); !s)
        return s;
    auto version = db.queryInt(QStringLiteral("PRAGMA user_version"));
    Status status;
    if (!version) {
        status = version.error();
    } else if (*version > CurrentVersion) {
        status = makeError(ErrorCode::Unsupported,
            QStringLiteral("the journal was written by a newer Provenance (schema %1, this one knows %2); it is left "
                           "as it is")
                .arg(*version)
                .arg(CurrentVersion),
            db.path());
    }
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
