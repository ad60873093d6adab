#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QLatin1StringView>

#include <memory>

namespace prov {

class SqliteStatement;

// Builds a digest of database rows from their exact stored values (text bytes, 64-bit
// integers, IEEE doubles, NULL marked apart), each row tagged with a section letter and each
// field length-prefixed, so that two different row sets can never feed the same bytes.
// Used for run and metric stamps: equal fingerprints mean nothing of the rows changed.
// Bytes go into a running hash in chunks, so a run with thousands of rows costs a few
// kilobytes, not a copy of its rows.
class MlflowSqliteFingerprint
{
public:
    // Adds columns firstColumn.. of the current row; `kinds` has one letter per column:
    // 't' text, 'i' integer, 'r' real.
    void addRow(char section, const SqliteStatement& stmt, int firstColumn, QLatin1StringView kinds);
    void addInt(char section, qint64 value);
    // Adds everything `other` collected, as one length-prefixed field.
    void add(char section, const MlflowSqliteFingerprint& other);

    // Hex SHA-1 of everything added (not a security boundary, only change detection).
    QByteArray result() const;

private:
    void appendInt(qint64 value);
    void spill();

    QByteArray m_data; // not yet hashed
    std::shared_ptr<QCryptographicHash> m_hash; // created when m_data first grows large
};

} // namespace prov
