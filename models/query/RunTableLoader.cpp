#include "query/RunTableLoader.h"

#include "core/SqliteDatabase.h"
#include "query/CacheRows.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

namespace prov {
namespace {

// Hashes std::string and std::string_view alike, so lookups by a row's raw UTF-8 bytes
// need no allocation (C++20 heterogeneous lookup).
struct BytesHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view bytes) const { return std::hash<std::string_view> {}(bytes); }
};
template<typename T> using BytesMap = std::unordered_map<std::string, T, BytesHash, std::equal_to<>>;

std::string_view view(QByteArrayView bytes)
{
    return { bytes.data(), static_cast<std::size_t>(bytes.size()) };
}

// Gives each distinct key a column, created on first sight and found again by its raw
// bytes; sorted by key at the end.
template<typename Column> class ColumnIndex
{
public:
    ColumnIndex(std::vector<Column>& columns, std::size_t rows)
        : m_columns(columns)
        , m_rows(rows)
    { }

    Column& operator[](QByteArrayView utf8Key)
    {
        auto it = m_index.find(view(utf8Key));
        if (it == m_index.end()) {
            it = m_index.emplace(std::string(view(utf8Key)), m_columns.size()).first;
            m_columns.push_back(Column { QString::fromUtf8(utf8Key), {} });
            m_columns.back().values.resize(m_rows);
        }
        return m_columns[it->second];
    }

    void sortByKey()
    {
        std::sort(m_columns.begin(), m_columns.end(), [](const Column& a, const Column& b) { return a.key < b.key; });
    }

private:
    std::vector<Column>& m_columns;
    std::size_t m_rows;
    BytesMap<std::size_t> m_index;
};

// Shares one QString among equal values ("0.01" in a thousand runs is stored, and
// converted from UTF-8, once).
class StringPool
{
public:
    QString intern(QByteArrayView utf8)
    {
        auto it = m_pool.find(view(utf8));
        if (it == m_pool.end())
            it = m_pool.emplace(std::string(view(utf8)), QString::fromUtf8(utf8)).first;
        return it->second;
    }

private:
    BytesMap<QString> m_pool;
};

// Finds the table row of each result row's run; rows of one run usually come together.
class RowLookup
{
public:
    explicit RowLookup(const RunTable& table)
    {
        m_rows.reserve(table.rows.size());
        for (std::size_t i = 0; i < table.rows.size(); ++i)
            m_rows.emplace(table.rows[i].info.runId.toStdString(), static_cast<int>(i));
    }

    int rowOf(QByteArrayView runId)
    {
        if (view(runId) != m_lastId) {
            m_lastId = std::string(view(runId));
            const auto it = m_rows.find(m_lastId);
            m_lastRow = it == m_rows.end() ? -1 : it->second;
        }
        return m_lastRow;
    }

private:
    BytesMap<int> m_rows;
    std::string m_lastId;
    int m_lastRow = -1;
};

// Rows of `table` (params, tags, latest_metrics) for the selected runs. Without a
// restriction it is a plain scan in primary-key order: no join, one seek per table.
QString keyedRowsSql(const QString& table, const QString& valueColumn, const RunSelectionSql& sql)
{
    const QString columns = QStringLiteral("SELECT x.run_id, x.key, x.") + valueColumn + QStringLiteral(" FROM ")
        + table + QStringLiteral(" x");
    if (sql.where() == QLatin1String("1"))
        return columns;
    return columns + QStringLiteral(" JOIN runs r ON r.run_id = x.run_id WHERE ") + sql.where();
}

} // namespace

RunTableLoader::RunTableLoader(const SqliteDatabase& db)
    : m_db(db)
{ }

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
        row.info.userId = pool.intern(stmt->utf8(8));
        row.experimentName = pool.intern(stmt->utf8(CacheRows::runInfoColumnCount));
        row.parentRunId = stmt->text(CacheRows::runInfoColumnCount + 1);
        table.rows.push_back(std::move(row));
    }
    return stmt->lastStatus();
}

Status RunTableLoader::loadTexts(RunTable& table, const RunSelectionSql& sql, const QString& source,
    std::vector<RunTable::TextColumn>& columns) const
{
    auto stmt = m_db.prepare(keyedRowsSql(source, QStringLiteral("value"), sql));
    if (!stmt)
        return stmt.error();
    sql.bindTo(*stmt);
    RowLookup rows(table);
    ColumnIndex<RunTable::TextColumn> index(columns, table.rows.size());
    StringPool pool;
    while (stmt->step()) {
        const int row = rows.rowOf(stmt->utf8(0));
        if (row >= 0)
            index[stmt->utf8(1)].values[static_cast<std::size_t>(row)] = pool.intern(stmt->utf8(2));
    }
    index.sortByKey();
    return stmt->lastStatus();
}

Status RunTableLoader::loadMetrics(RunTable& table, const RunSelectionSql& sql) const
{
    auto stmt = m_db.prepare(keyedRowsSql(QStringLiteral("latest_metrics"), QStringLiteral("value"), sql));
    if (!stmt)
        return stmt.error();
    sql.bindTo(*stmt);
    RowLookup rows(table);
    ColumnIndex<RunTable::NumberColumn> index(table.metrics, table.rows.size());
    while (stmt->step()) {
        const int row = rows.rowOf(stmt->utf8(0));
        if (row >= 0)
            index[stmt->utf8(1)].values[static_cast<std::size_t>(row)] = CacheRows::metricValue(*stmt, 2);
    }
    index.sortByKey();
    return stmt->lastStatus();
}

} // namespace prov
