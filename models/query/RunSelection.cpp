#include "query/RunSelection.h"

#include "core/SqliteStatement.h"
#include "query/LikePattern.h"
#include "query/RunFilter.h"

#include <QRegularExpression>

namespace prov {
namespace {

// Words without comparison operators, quotes or entity prefixes: meant as a name search.
bool isPlainText(const QString& text)
{
    static const QRegularExpression expressionLike(
        QStringLiteral(R"([=<>!'"`]|^\s*(metrics?|params?|parameters?|tags?|attributes?|attr|run|datasets?)\.)"),
        QRegularExpression::CaseInsensitiveOption);
    return !text.trimmed().isEmpty() && !text.contains(expressionLike);
}

} // namespace

Result<RunSelectionSql> RunSelectionSql::compile(const RunSelection& selection)
{
    RunSelectionSql sql;
    QStringList conditions;
    if (!selection.includeDeleted)
        conditions << QStringLiteral("r.lifecycle_stage = 'active' AND EXISTS (SELECT 1 FROM experiments e WHERE "
                                     "e.experiment_id = r.experiment_id AND e.lifecycle_stage = 'active')");
    for (const QString& id : selection.experimentIds)
        sql.m_values.append(id);
    if (!selection.experimentIds.isEmpty()) {
        QStringList placeholders;
        for (qsizetype i = 1; i <= selection.experimentIds.size(); ++i)
            placeholders << QStringLiteral("?%1").arg(i);
        conditions << QStringLiteral("r.experiment_id IN (") + placeholders.join(QStringLiteral(", "))
                + QLatin1Char(')');
    }
    const int next = static_cast<int>(sql.m_values.size()) + 1;
    auto filter = RunFilter::parse(selection.filter);
    if (filter) {
        if (!filter->isEmpty()) {
            const RunFilterSql compiled = filter->toSql(next);
            conditions << QLatin1Char('(') + compiled.where() + QLatin1Char(')');
            sql.m_values += compiled.values();
        }
    } else if (selection.plainTextSearchesNames && isPlainText(selection.filter)) {
        // GLOB with case classes: SQLite's LIKE would ignore case for ASCII letters only.
        conditions << QStringLiteral("r.run_name GLOB ?%1").arg(next);
        sql.m_values.append(LikePattern::containing(selection.filter.trimmed(), LikePattern::Case::Insensitive));
        sql.m_searchesNames = true;
    } else {
        return filter.error();
    }
    sql.m_where = conditions.isEmpty() ? QStringLiteral("1") : conditions.join(QStringLiteral(" AND "));
    return sql;
}

void RunSelectionSql::bindTo(SqliteStatement& statement) const
{
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        std::visit([&statement, index](const auto& value) { statement.bind(index, value); }, m_values[i]);
    }
}

} // namespace prov
