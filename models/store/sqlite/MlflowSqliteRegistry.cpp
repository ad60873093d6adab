#include "store/sqlite/MlflowSqliteRegistry.h"

#include "domain/CanonicalOrder.h"
#include "store/sqlite/MlflowSqliteContext.h"
#include "store/sqlite/MlflowSqliteReadTransaction.h"

#include <algorithm>

namespace prov {
namespace {

const QString deletedStage = QStringLiteral("Deleted_Internal");

} // namespace

MlflowSqliteRegistry::MlflowSqliteRegistry(const MlflowSqliteContext& context)
    : m_context(context)
{ }

Status MlflowSqliteRegistry::readModels(RegistryScan& scan) const
{
    auto stmt = m_context.prepare(
        QStringLiteral("SELECT name, description, creation_time, last_updated_time FROM registered_models"));
    if (!stmt)
        return stmt.error();
    while (stmt->step()) {
        RegisteredModel model;
        model.name = stmt->text(0);
        model.description = stmt->text(1);
        model.creationTime = stmt->optionalInt64(2);
        model.lastUpdatedTime = stmt->optionalInt64(3);
        scan.models.append(std::move(model));
    }
    return m_context.finished(*stmt);
}

Status MlflowSqliteRegistry::readModelTags(const ModelIndex& index, RegistryScan& scan) const
{
    if (!m_context.schema().hasTable(QStringLiteral("registered_model_tags")))
        return {};
    auto stmt = m_context.prepare(QStringLiteral("SELECT name, key, value FROM registered_model_tags"));
    if (!stmt)
        return stmt.error();
    while (stmt->step()) {
        const auto it = index.constFind(stmt->text(0));
        if (it != index.constEnd())
            scan.models[*it].tags.append(KeyValue { stmt->text(1), stmt->text(2) });
    }
    return m_context.finished(*stmt);
}

Status MlflowSqliteRegistry::readAliases(const ModelIndex& index, RegistryScan& scan) const
{
    if (!m_context.schema().hasTable(QStringLiteral("registered_model_aliases")))
        return {};
    auto stmt = m_context.prepare(QStringLiteral("SELECT name, alias, version FROM registered_model_aliases"));
    if (!stmt)
        return stmt.error();
    while (stmt->step()) {
        const auto it = index.constFind(stmt->text(0));
        if (it != index.constEnd())
            scan.models[*it].aliases.append(ModelAlias { stmt->text(1), stmt->int64(2) });
    }
    return m_context.finished(*stmt);
}

Result<MlflowSqliteRegistry::VersionTags> MlflowSqliteRegistry::readVersionTags() const
{
    VersionTags tags;
    if (!m_context.schema().hasTable(QStringLiteral("model_version_tags")))
        return tags;
    auto stmt = m_context.prepare(QStringLiteral("SELECT name, version, key, value FROM model_version_tags"));
    if (!stmt)
        return stmt.error();
    while (stmt->step())
        tags[stmt->text(0)][stmt->int64(1)].append(KeyValue { stmt->text(2), stmt->text(3) });
    if (auto status = m_context.finished(*stmt); !status)
        return status.error();
    return tags;
}

Status MlflowSqliteRegistry::readVersions(const ModelIndex& index, const VersionTags& tags, RegistryScan& scan) const
{
    const MlflowSqliteSchema& schema = m_context.schema();
    const QString table = QStringLiteral("model_versions");
    auto stmt = m_context.prepare(
        QStringLiteral("SELECT name, version, creation_time, last_updated_time, description, user_id, current_stage, "
                       "source, run_id, status, status_message, ")
        + schema.columnOrNull(table, QStringLiteral("run_link")) + QStringLiteral(", ")
        + schema.columnOrNull(table, QStringLiteral("storage_location")) + QStringLiteral(" FROM model_versions"));
    if (!stmt)
        return stmt.error();
    while (stmt->step()) {
        const QString name = stmt->text(0);
        if (stmt->text(6) == deletedStage)
            continue;
        const auto it = index.constFind(name);
        if (it == index.constEnd()) {
            scan.issues << m_context.issue(table, name + QStringLiteral(" v") + stmt->text(1),
                QStringLiteral("model version of a registered model that does not exist; it is skipped"));
            continue;
        }
        ModelVersion version { name, stmt->int64(1), stmt->optionalInt64(2), stmt->optionalInt64(3), stmt->text(4),
            stmt->text(5), stmt->text(6), stmt->text(7), stmt->text(8), stmt->text(9), stmt->text(10), stmt->text(11),
            stmt->text(12), {}, {} };
        version.tags = tags.value(name).value(version.version);
        scan.models[*it].versions.append(std::move(version));
    }
    return m_context.finished(*stmt);
}

Result<RegistryScan> MlflowSqliteRegistry::scan() const
{
    RegistryScan scan;
    if (!m_context.schema().hasRegistry())
        return scan;
    const MlflowSqliteReadTransaction snapshot(m_context);
    if (!snapshot.status())
        return snapshot.status().error();
    if (auto status = readModels(scan); !status)
        return status.error();
    ModelIndex index;
    for (qsizetype i = 0; i < scan.models.size(); ++i)
        index.insert(scan.models.at(i).name, i);
    auto tags = readVersionTags();
    if (!tags)
        return tags.error();
    Status status = readModelTags(index, scan);
    if (status)
        status = readAliases(index, scan);
    if (status)
        status = readVersions(index, *tags, scan);
    if (!status)
        return status.error();
    for (RegisteredModel& model : scan.models)
        CanonicalOrder::sort(model);
    std::sort(scan.models.begin(), scan.models.end(),
        [](const RegisteredModel& a, const RegisteredModel& b) { return a.name < b.name; });
    return scan;
}

} // namespace prov
