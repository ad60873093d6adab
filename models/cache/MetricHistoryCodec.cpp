#include "cache/MetricHistoryCodec.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace prov {
namespace {

static_assert(std::endian::native == std::endian::little, "the history codec assumes a little-endian host");
static_assert(sizeof(MetricPoint) == 24, "MetricPoint must be three packed 8-byte fields");

constexpr char magic[3] = { 'P', 'M', 'H' };
constexpr std::uint8_t rawFormat = 1;
constexpr std::uint8_t deltaFormat = 2;
constexpr qsizetype headerSize = 8;
constexpr qsizetype maxVarint = 10;
constexpr qsizetype minPointSize = 1 + 1 + 8;

char* putVarint(char* out, std::int64_t signedValue)
{
    // Zigzag keeps small negative differences (a step logged twice, clock skew) short.
    std::uint64_t v = (static_cast<std::uint64_t>(signedValue) << 1) ^ static_cast<std::uint64_t>(signedValue >> 63);
    while (v >= 0x80) {
        *out++ = static_cast<char>(v | 0x80);
        v >>= 7;
    }
    *out++ = static_cast<char>(v);
    return out;
}

// Reads one varint; returns nullptr when it runs past `end` or is too long.
const char* getVarint(const char* in, const char* end, std::int64_t& signedValue)
{
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64 && in < end; shift += 7) {
        const auto byte = static_cast<std::uint8_t>(*in++);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            signedValue = static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
            return in;
        }
    }
    return nullptr;
}

Error corrupt(const char* what)
{
    return makeError(ErrorCode::Corrupt, QStringLiteral("metric history is %1").arg(QLatin1String(what)));
}

Result<MetricHistory> decodeRaw(const char* body, qsizetype size, std::uint32_t count)
{
    if (size != static_cast<qsizetype>(count) * static_cast<qsizetype>(sizeof(MetricPoint)))
        return corrupt("truncated");
    std::vector<MetricPoint> points(count);
    if (count)
        std::memcpy(points.data(), body, count * sizeof(MetricPoint));
    return MetricHistory::fromPoints(std::move(points));
}

// Differences wrap around as unsigned 64-bit numbers: a history spanning the whole int64
// range still round-trips, and a hostile blob cannot make the sums overflow (undefined).
std::int64_t wrappingAdd(std::int64_t a, std::int64_t b)
{
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}

std::int64_t wrappingSub(std::int64_t a, std::int64_t b)
{
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}

Result<MetricHistory> decodeDeltas(const char* in, const char* end, std::uint32_t count)
{
    // Every point takes at least 10 bytes: a count the blob cannot hold is refused before
    // anything is reserved for it.
    if (static_cast<qsizetype>(count) > (end - in) / minPointSize)
        return corrupt("truncated");
    std::vector<MetricPoint> points;
    points.reserve(count);
    std::int64_t step = 0;
    std::int64_t timestamp = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::int64_t stepDelta = 0;
        std::int64_t timeDelta = 0;
        if (!(in = getVarint(in, end, stepDelta)) || !(in = getVarint(in, end, timeDelta)) || end - in < 8)
            return corrupt("truncated");
        step = wrappingAdd(step, stepDelta);
        timestamp = wrappingAdd(timestamp, timeDelta);
        double value = 0;
        std::memcpy(&value, in, 8);
        in += 8;
        points.push_back({ step, timestamp, value });
    }
    if (in != end)
        return corrupt("longer than its point count");
    // Stored histories are already canonical: fromPoints only verifies the order.
    return MetricHistory::fromPoints(std::move(points));
}

} // namespace

QByteArray MetricHistoryCodec::encode(const MetricHistory& history)
{
    const auto& points = history.points();
    const auto count = static_cast<std::uint32_t>(points.size());
    QByteArray blob(headerSize + static_cast<qsizetype>(points.size()) * (2 * maxVarint + 8), Qt::Uninitialized);
    char* out = blob.data();
    std::memcpy(out, magic, 3);
    out[3] = static_cast<char>(deltaFormat);
    std::memcpy(out + 4, &count, 4);
    out += headerSize;
    std::int64_t step = 0;
    std::int64_t timestamp = 0;
    for (const MetricPoint& p : points) {
        out = putVarint(out, wrappingSub(p.step, step));
        out = putVarint(out, wrappingSub(p.timestamp, timestamp));
        std::memcpy(out, &p.value, 8);
        out += 8;
        step = p.step;
        timestamp = p.timestamp;
    }
    blob.truncate(out - blob.constData());
    return blob;
}

Result<MetricHistory> MetricHistoryCodec::decode(const void* data, qsizetype size)
{
    const auto* bytes = static_cast<const char*>(data);
    if (size < headerSize || std::memcmp(bytes, magic, 3) != 0)
        return corrupt("in an unknown format");
    std::uint32_t count = 0;
    std::memcpy(&count, bytes + 4, 4);
    switch (static_cast<std::uint8_t>(bytes[3])) {
    case rawFormat:
        return decodeRaw(bytes + headerSize, size - headerSize, count);
    case deltaFormat:
        return decodeDeltas(bytes + headerSize, bytes + size, count);
    default:
        return corrupt("in an unknown format");
    }
}

} // namespace prov
