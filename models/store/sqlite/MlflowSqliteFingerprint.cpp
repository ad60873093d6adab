#include "store/sqlite/MlflowSqliteFingerprint.h"

#include "core/SqliteStatement.h"

#include <cstring>

namespace prov {

void MlflowSqliteFingerprint::appendInt(qint64 value)
{
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    m_data.append(bytes, sizeof value);
}

void MlflowSqliteFingerprint::addInt(char section, qint64 value)
{
    m_data.append(section);
    appendInt(value);
}

void MlflowSqliteFingerprint::add(char section, const MlflowSqliteFingerprint& other)
{
    const QByteArray digest = other.result();
    m_data.append(section);
    appendInt(digest.size());
    m_data.append(digest);
}

void MlflowSqliteFingerprint::spill()
{
    constexpr qsizetype chunk = 16 * 1024;
    if (m_data.size() < chunk)
        return;
    if (!m_hash)
        m_hash = std::make_shared<QCryptographicHash>(QCryptographicHash::Sha1);
    m_hash->addData(m_data);
    m_data.clear();
}

void MlflowSqliteFingerprint::addRow(
    char section, const SqliteStatement& stmt, int firstColumn, QLatin1StringView kinds)
{
    m_data.append(section);
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const int column = firstColumn + static_cast<int>(i);
        if (stmt.isNull(column)) {
            m_data.append('N');
            continue;
        }
        switch (kinds.at(i).toLatin1()) {
        case 'i':
            m_data.append('i');
            appendInt(stmt.int64(column));
            break;
        case 'r': {
            const double value = stmt.real(column);
            qint64 bits = 0;
            std::memcpy(&bits, &value, sizeof bits);
            m_data.append('r');
            appendInt(bits);
            break;
        }
        default: {
            // The stored UTF-8 bytes, without a conversion to QString (pointer first, then size,
            // as SQLite requires when a value might be converted).
            const auto* bytes = static_cast<const char*>(stmt.blobData(column));
            const int size = stmt.blobSize(column);
            m_data.append('t');
            appendInt(size);
            m_data.append(bytes, size);
            break;
        }
        }
    }
    spill();
}

QByteArray MlflowSqliteFingerprint::result() const
{
    if (!m_hash)
        return QCryptographicHash::hash(m_data, QCryptographicHash::Sha1).toHex();
    QCryptographicHash copy(QCryptographicHash::Sha1);
    copy.addData(m_hash->result()); // the hash of everything spilled, then what is left
    copy.addData(m_data);
    return copy.result().toHex();
}

} // namespace prov
