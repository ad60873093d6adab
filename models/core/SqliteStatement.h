#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace prov {

// One prepared SQLite statement (RAII). Owned by the thread that owns its connection.
// Bind indexes are 1-based as in SQLite; column indexes are 0-based.
// step() returns true while a row is available; errors are reported through lastError().
class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    void bind(int index, const QString& text);
    void bind(int index, QStringView text);
    void bind(int index, const QByteArray& blob);
    void bindBlob(int index, const void* data, int size);
    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, static_cast<qint64>(value)); }
    void bind(int index, double value);
    void bind(int index, std::optional<qint64> value);
    void bindNull(int index);

    // Advances to the next row: true when a row is available, false when done or on error.
    bool step();
    // Runs the statement to completion (for INSERT/UPDATE/DELETE) and resets it for reuse.
    Status exec();
    void reset();

    bool isNull(int column) const;
    QString text(int column) const;
    // The column's UTF-8 bytes without conversion, valid until the next step/reset.
    QByteArrayView utf8(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    std::optional<qint64> optionalInt64(int column) const;
    QByteArray blob(int column) const;
    // Pointer/size view of a BLOB column, valid until the next step/reset.
    const void* blobData(int column) const;
    int blobSize(int column) const;

    // An error after step() returned false, or an empty Status.
    const Status& lastStatus() const { return m_status; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    Status m_status;
};

} // namespace prov
