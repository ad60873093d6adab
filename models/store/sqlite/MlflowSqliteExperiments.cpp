#include "store/sqlite/MlflowSqliteExperiments.h"

#include "domain/CanonicalOrder.h"
#include "store/sqlite/MlflowSqliteContext.h"
#include "store/sqlite/MlflowSqliteReadTransaction.h"

#include <algorithm>

namespace prov {

MlflowSqliteExperiments::MlflowSqliteExperiments(const MlflowSqliteContext& context)
    : m_context(context)
{ }

Result<QHash<qint64, KeyValueList>> MlflowSqliteExperiments::readTags() const
{
    auto stmt = m_context.prepare(QStringLiteral("SELECT experiment_id, key, value FROM experiment_tags"));
    if (!stmt)
        return stmt.error();
    QHash<qint64, KeyValueList> tags;
    while (stmt->step())
        tags[stmt->int64(0)].append(KeyValue { stmt->text(1), stmt->text(2) });
    if (auto status = m_context.finished(*stmt); !status)
        return status.error();
    for (KeyValueList& list : tags)
        CanonicalOrder::sortByKey(list);
    return tags;
}

StoreIssue MlflowSqliteExperiments::unknownRevisionIssue() const
{
    const QString revision = m_context.schema().revision();
    StoreIssue issue;
    issue.severity = StoreIssue::Severity::Warning;
    issue.location = m_context.path() + QStringLiteral(" (table alembic_version)");
    issue.message = QStringLiteral("the database schema revision '%1' is unknown to this version of Provenance "
                                   "(newest known: %2); what is read may be incomplete")
                        .arg(revision.isEmpty() ? QStringLiteral("(none)") : revision,
                            MlflowSqliteSchema::knownRevisions().constLast());
    return issue;
}

Result<ExperimentScan> MlflowSqliteExperiments::scan(const CancellationToken& cancel) const
{
    const MlflowSqliteSchema& schema = m_context.schema();
    const QString table = QStringLiteral("experiments");
    const MlflowSqliteReadTransaction snapshot(m_context);
    if (!snapshot.status())
        return snapshot.status().error();
    ExperimentScan scan;
    if (!schema.isKnownRevision())
        scan.issues << unknownRevisionIssue();
    auto tags = readTags();
    if (!tags)
        return tags.error();
    auto stmt = m_context.prepare(QStringLiteral("SELECT experiment_id, typeof(experiment_id), name, "
                                                 "artifact_location, lifecycle_stage, ")
        + schema.columnOrNull(table, QStringLiteral("creation_time")) + QStringLiteral(", ")
        + schema.columnOrNull(table, QStringLiteral("last_update_time")) + QStringLiteral(" FROM experiments"));
    if (!stmt)
        return stmt.error();
    while (stmt->step()) {
        if (cancel.isCancelled())
            return m_context.cancelled();
        const QString id = stmt->text(0);
        const auto stage = lifecycleStageFromName(stmt->text(4));
        if (stmt->text(1) != QLatin1String("integer") || !stage) {
            scan.issues << m_context.issue(table, id,
                QStringLiteral("experiment '%1' has a non-integer id or an unknown lifecycle stage '%2'; it is skipped")
                    .arg(stmt->text(2), stmt->text(4)),
                id);
            continue;
        }
        Experiment experiment { id, stmt->text(2), stmt->text(3), *stage, stmt->optionalInt64(5),
            stmt->optionalInt64(6), tags->value(stmt->int64(0)), {} };
        scan.experiments.append(std::move(experiment));
    }
    if (auto status = m_context.finished(*stmt); !status)
        return status.error();
    std::sort(scan.experiments.begin(), scan.experiments.end(),
        [](const Experiment& a, const Experiment& b) { return a.name < b.name; });
    return scan;
}

} // namespace prov
