#include "store/MlflowSqliteFingerprint.h"

#include "core/SqliteStatement.h"

#include <QCryptographicHash>

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
    m_data.append(section);
    appendInt(other.m_data.size());
    m_data.append(other.m_data);
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
}

QByteArray MlflowSqliteFingerprint::result() const
{
    return QCryptographicHash::hash(m_data, QCryptographicHash::Sha1).toHex();
}

} // namespace prov
