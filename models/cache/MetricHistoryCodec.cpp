#include "cache/MetricHistoryCodec.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace prov {
namespace {

    static_assert(std::endian::native == std::endian::little, "the history codec assumes a little-endian host");
    static_assert(sizeof(MetricPoint) == 24, "MetricPoint must be three packed 8-byte fields");

    constexpr char magic[3] = { 'P', 'M', 'H' };
    constexpr std::uint8_t formatVersion = 1;
    constexpr qsizetype headerSize = 8;

} // namespace

QByteArray MetricHistoryCodec::encode(const MetricHistory& history)
{
    const auto& points = history.points();
    const auto count = static_cast<std::uint32_t>(points.size());
    QByteArray blob(headerSize + static_cast<qsizetype>(points.size() * sizeof(MetricPoint)), Qt::Uninitialized);
    char* out = blob.data();
    std::memcpy(out, magic, 3);
    out[3] = static_cast<char>(formatVersion);
    std::memcpy(out + 4, &count, 4);
    if (count)
        std::memcpy(out + headerSize, points.data(), points.size() * sizeof(MetricPoint));
    return blob;
}

Result<MetricHistory> MetricHistoryCodec::decode(const void* data, qsizetype size)
{
    const auto* bytes = static_cast<const char*>(data);
    if (size < headerSize || std::memcmp(bytes, magic, 3) != 0 || static_cast<std::uint8_t>(bytes[3]) != formatVersion)
        return makeError(ErrorCode::Corrupt, QStringLiteral("metric history has an unknown format"));
    std::uint32_t count = 0;
    std::memcpy(&count, bytes + 4, 4);
    if (size != headerSize + static_cast<qsizetype>(count) * static_cast<qsizetype>(sizeof(MetricPoint)))
        return makeError(ErrorCode::Corrupt, QStringLiteral("metric history is truncated"));
    std::vector<MetricPoint> points(count);
    if (count)
        std::memcpy(points.data(), bytes + headerSize, count * sizeof(MetricPoint));
    // Stored histories are already canonical: fromPoints only verifies the order.
    return MetricHistory::fromPoints(std::move(points));
}

} // namespace prov
