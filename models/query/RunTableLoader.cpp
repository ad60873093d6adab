#include "query/RunTableLoader.h"

#include "core/SqliteDatabase.h"
#include "query/CacheRows.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace prov {
namespace {

    // Gives each distinct key a column, created on first sight; sorted by key at the end.
    template<typename Column>
    class ColumnIndex
    {
    public:
        ColumnIndex(std::vector<Column>& columns, std::size_t rows)
            : m_columns(columns)
            , m_rows(rows)
        {
        }

        Column& operator[](const QString& key)
        {
            auto it = m_index.constFind(key);
            if (it == m_index.cend()) {
                it = m_index.insert(key, m_columns.size());
                m_columns.push_back(Column { key, {} });
                m_columns.back().values.resize(m_rows);
            }
            return m_columns[*it];
        }

        void sortByKey()
        {
            std::sort(m_columns.begin(), m_columns.end(),
                [](const Column& a, const Column& b) { return a.key < b.key; });
        }

    private:
        std::vector<Column>& m_columns;
        std::size_t m_rows;
        QHash<QString, std::size_t> m_index;
    };

    // Shares one QString among equal values ("0.01" in a thousand runs is stored once).
    class StringPool
    {
    public:
        QString intern(QString text)
        {
            auto it = m_pool.constFind(text);
            if (it != m_pool.cend())
                return *it;
            m_pool.insert(text);
            return text;
        }

    private:
        QSet<QString> m_pool;
    };

    QHash<QString, int> rowIndex(const RunTable& table)
    {
        QHash<QString, int> index;
        index.reserve(static_cast<qsizetype>(table.rows.size()));
        for (std::size_t i = 0; i < table.rows.size(); ++i)
            index.insert(table.rows[i].info.runId, static_cast<int>(i));
        return index;
    }

} // namespace

RunTableLoader::RunTableLoader(const SqliteDatabase& db)
    : m_db(db)
{
}

Result<std::shared_ptr<const RunTable>> RunTableLoader::load(const RunSelection& selection) const
{
    auto sql = RunSelectionSql::compile(selection);
    if (!sql)
        return sql.error();
    auto table = std::make_shared<RunTable>();
    table->filterSearchedNames = sql->searchesNames();
    Status s = loadRows(*table, *sql);
    if (s)
        s = loadTexts(*table, *sql, QStringLiteral("params"), table->params);
    if (s)
        s = loadTexts(*table, *sql, QStringLiteral("tags"), table->tags);
    if (s)
        s = loadMetrics(*table, *sql);
    if (!s)
        return s.error();
    return std::shared_ptr<const RunTable>(std::move(table));
}

Status RunTableLoader::loadRows(RunTable& table, const RunSelectionSql& sql) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT ") + QString::fromLatin1(CacheRows::runInfoColumns)
        + QStringLiteral(", coalesce(e.name, ''), coalesce(r.parent_run_id, '') FROM runs r"
                         " LEFT JOIN experiments e ON e.experiment_id = r.experiment_id WHERE ")
        + sql.where() + QStringLiteral(" ORDER BY r.start_time DESC, r.run_id"));
    if (!stmt)
        return stmt.error();
    sql.bindTo(*stmt);
    StringPool pool;
    while (stmt->step()) {
        RunTable::Row row;
        row.info = CacheRows::runInfo(*stmt);
        row.info.userId = pool.intern(row.info.userId);
        row.experimentName = pool.intern(stmt->text(CacheRows::runInfoColumnCount));
        row.parentRunId = stmt->text(CacheRows::runInfoColumnCount + 1);
        table.rows.push_back(std::move(row));
    }
    return stmt->lastStatus();
}

Status RunTableLoader::loadTexts(
    RunTable& table, const RunSelectionSql& sql, const QString& source, std::vector<RunTable::TextColumn>& columns) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT x.run_id, x.key, x.value FROM ") + source
        + QStringLiteral(" x JOIN runs r ON r.run_id = x.run_id WHERE ") + sql.where());
    if (!stmt)
        return stmt.error();
    sql.bindTo(*stmt);
    const QHash<QString, int> rows = rowIndex(table);
    ColumnIndex<RunTable::TextColumn> index(columns, table.rows.size());
    StringPool pool;
    while (stmt->step()) {
        const auto row = rows.constFind(stmt->text(0));
        if (row != rows.cend())
            index[pool.intern(stmt->text(1))].values[*row] = pool.intern(stmt->text(2));
    }
    index.sortByKey();
    return stmt->lastStatus();
}

Status RunTableLoader::loadMetrics(RunTable& table, const RunSelectionSql& sql) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT m.run_id, m.key, m.value FROM latest_metrics m"
                                            " JOIN runs r ON r.run_id = m.run_id WHERE ")
        + sql.where());
    if (!stmt)
        return stmt.error();
    sql.bindTo(*stmt);
    const QHash<QString, int> rows = rowIndex(table);
    ColumnIndex<RunTable::NumberColumn> index(table.metrics, table.rows.size());
    while (stmt->step()) {
        const auto row = rows.constFind(stmt->text(0));
        if (row != rows.cend())
            index[stmt->text(1)].values[*row] = CacheRows::metricValue(*stmt, 2);
    }
    index.sortByKey();
    return stmt->lastStatus();
}

} // namespace prov
