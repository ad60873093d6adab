#include "query/RegistryQuery.h"

#include "core/SqliteDatabase.h"
#include "query/VersionFactsLoader.h"

namespace prov {
namespace {

Result<KeyValueList> keyValues(const SqliteDatabase& db, const QString& sql, const QString& name, qint64 version = -1)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    if (version >= 0)
        stmt->bind(2, version);
    KeyValueList list;
    while (stmt->step())
        list.append({ stmt->text(0), stmt->text(1) });
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return list;
}

} // namespace

RegistryQuery::RegistryQuery(const SqliteDatabase& db)
    : m_db(db)
{ }

Result<QList<RegisteredModelEntry>> RegistryQuery::models() const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT name, coalesce(description, ''), creation_time, last_updated_time "
                                            "FROM registered_models ORDER BY name"));
    if (!stmt)
        return stmt.error();
    QList<RegisteredModelEntry> entries;
    while (stmt->step()) {
        RegisteredModelEntry entry;
        entry.model.name = stmt->text(0);
        entry.model.description = stmt->text(1);
        entry.model.creationTime = stmt->optionalInt64(2);
        entry.model.lastUpdatedTime = stmt->optionalInt64(3);
        entries.append(entry);
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    for (RegisteredModelEntry& entry : entries) {
        auto tags = keyValues(m_db,
            QStringLiteral("SELECT key, value FROM registered_model_tags WHERE name = ?1 ORDER BY key"),
            entry.model.name);
        auto aliases
            = keyValues(m_db, QStringLiteral("SELECT alias, version FROM model_aliases WHERE name = ?1 ORDER BY alias"),
                entry.model.name);
        if (!tags || !aliases)
            return (tags ? aliases.error() : tags.error());
        entry.model.tags = *tags;
        for (const KeyValue& alias : *aliases)
            entry.model.aliases.append({ alias.key, alias.value.toLongLong() });
        if (Status s = loadVersions(entry); !s)
            return s.error();
    }
    return entries;
}

Status RegistryQuery::loadVersions(RegisteredModelEntry& entry) const
{
    auto stmt = m_db.prepare(QStringLiteral(
        "SELECT v.version, v.creation_time, v.last_updated_time, coalesce(v.description, ''), coalesce(v.user_id, ''),"
        " v.stage, v.source, coalesce(v.run_id, ''), v.status, coalesce(v.status_message, ''), coalesce(v.run_link, "
        "''),"
        " coalesce(v.storage_location, ''), coalesce(v.model_id, ''), coalesce(r.run_name, ''),"
        " coalesce(r.experiment_id, ''), coalesce(m.name, '')"
        " FROM model_versions v LEFT JOIN runs r ON r.run_id = v.run_id LEFT JOIN logged_models m ON m.model_id = "
        "v.model_id"
        " WHERE v.name = ?1 ORDER BY v.version"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, entry.model.name);
    while (stmt->step()) {
        ModelVersionEntry e;
        ModelVersion& v = e.version;
        v.name = entry.model.name;
        v.version = stmt->int64(0);
        v.creationTime = stmt->optionalInt64(1);
        v.lastUpdatedTime = stmt->optionalInt64(2);
        v.description = stmt->text(3);
        v.userId = stmt->text(4);
        v.stage = stmt->text(5);
        v.source = stmt->text(6);
        v.runId = stmt->text(7);
        v.status = stmt->text(8);
        v.statusMessage = stmt->text(9);
        v.runLink = stmt->text(10);
        v.storageLocation = stmt->text(11);
        v.modelId = stmt->text(12);
        e.runName = stmt->text(13);
        e.experimentId = stmt->text(14);
        e.loggedModelName = stmt->text(15);
        for (const ModelAlias& alias : std::as_const(entry.model.aliases)) {
            if (alias.version == v.version)
                e.aliases << alias.alias;
        }
        entry.versions.append(e);
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus();
    for (ModelVersionEntry& e : entry.versions) {
        auto tags = keyValues(m_db,
            QStringLiteral("SELECT key, value FROM model_version_tags WHERE name = ?1 AND version = ?2 ORDER BY key"),
            e.version.name, e.version.version);
        if (!tags)
            return tags.error();
        e.version.tags = *tags;
    }
    return VersionFactsLoader(m_db).load(entry.model.name, entry.versions);
}

std::optional<double> ModelVersionEntry::metric(const QString& key) const
{
    for (const VersionMetric& m : metrics) {
        if (m.key == key && !m.modelLinked)
            return m.value;
    }
    for (const VersionMetric& m : metrics) {
        if (m.key == key)
            return m.value;
    }
    return std::nullopt;
}

} // namespace prov
