#include "core/SqliteStatement.h"

#include "core/SqliteError.h"

#include <sqlite3.h>

#include <utility>

namespace prov {

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
    : m_db(db)
    , m_stmt(stmt)
{ }

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_status(std::move(other.m_status))
{ }

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_status = std::move(other.m_status);
    }
    return *this;
}

void SqliteStatement::bind(int index, const QString& text)
{
    bind(index, QStringView(text));
}

void SqliteStatement::bind(int index, QStringView text)
{
    // UTF-16 binding avoids a conversion round trip; SQLITE_TRANSIENT copies the data.
    sqlite3_bind_text16(m_stmt, index, text.utf16(), static_cast<int>(text.size() * 2), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, const QByteArray& blob)
{
    bindBlob(index, blob.constData(), static_cast<int>(blob.size()));
}

void SqliteStatement::bindBlob(int index, const void* data, int size)
{
    sqlite3_bind_blob(m_stmt, index, data, size, SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    // SQLite stores NaN as NULL; callers that need NaN use that convention explicitly.
    sqlite3_bind_double(m_stmt, index, value);
}

void SqliteStatement::bind(int index, std::optional<qint64> value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_status = SqliteError::make(m_db, rc, QString::fromUtf8(sqlite3_sql(m_stmt)));
    return false;
}

Status SqliteStatement::exec()
{
    m_status = {};
    while (step()) { }
    Status result = m_status;
    reset();
    return result;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_status = {};
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqliteStatement::text(int column) const
{
    const auto* data = static_cast<const char16_t*>(sqlite3_column_text16(m_stmt, column));
    if (!data)
        return {};
    const int bytes = sqlite3_column_bytes16(m_stmt, column);
    return QString::fromUtf16(data, bytes / 2);
}

QByteArrayView SqliteStatement::utf8(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::optional<qint64> SqliteStatement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

QByteArray SqliteStatement::blob(int column) const
{
    const void* data = blobData(column);
    return data ? QByteArray(static_cast<const char*>(data), blobSize(column)) : QByteArray();
}

const void* SqliteStatement::blobData(int column) const
{
    return sqlite3_column_blob(m_stmt, column);
}

int SqliteStatement::blobSize(int column) const
{
    return sqlite3_column_bytes(m_stmt, column);
}

} // namespace prov
