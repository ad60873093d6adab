#include "store/file/MetricFileParser.h"

#include "store/file/FileStoreText.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace prov {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::string_view stripped(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// Splits on single spaces (Python's split(" ")): empty fields are kept. Returns the
// number of fields, or max + 1 when there are more than `max`.
int splitFields(std::string_view line, std::string_view* fields, int max)
{
    int count = 0;
    for (;;) {
        const size_t space = line.find(' ');
        if (count == max)
            return max + 1;
        fields[count++] = line.substr(0, space);
        if (space == std::string_view::npos)
            return count;
        line.remove_prefix(space + 1);
    }
}

bool parseInt(std::string_view s, qint64& out)
{
    const char* first = s.data();
    const char* last = first + s.size();
    if (first != last && *first == '+')
        ++first;
    const auto [end, ec] = std::from_chars(first, last, out);
    return ec == std::errc() && end == last && first != last;
}

// Python float() text: decimal or exponent form, nan / inf / infinity (any case, signed).
bool parseDouble(std::string_view s, double& out)
{
    const char* first = s.data();
    const char* last = first + s.size();
    if (first != last && *first == '+' && last - first > 1 && first[1] != '-')
        ++first;
    const auto [end, ec] = std::from_chars(first, last, out, std::chars_format::general);
    if (end != last || first == last)
        return false;
    if (ec == std::errc::result_out_of_range) {
        // Python rounds 1e400 to inf and 1e-400 to 0.0; from_chars leaves `out` alone.
        const std::string_view text(first, static_cast<size_t>(last - first));
        const size_t e = text.find_first_of("eE");
        const bool tiny = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
        const bool negative = *first == '-';
        out = tiny ? (negative ? -0.0 : 0.0)
                   : (negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity());
        return true;
    }
    return ec == std::errc();
}

// Up to 18 decimal digits cannot overflow; longer numbers take from_chars' checked path.
const char* parseShortInt(const char* p, const char* end, qint64& out)
{
    const bool negative = p != end && *p == '-';
    const char* digits = p + (negative ? 1 : 0);
    const char* q = digits;
    quint64 value = 0;
    while (q != end && static_cast<unsigned>(*q - '0') < 10 && q - digits < 18)
        value = value * 10 + static_cast<unsigned>(*q++ - '0');
    if (q == digits || (q != end && static_cast<unsigned>(*q - '0') < 10))
        return nullptr;
    out = negative ? -static_cast<qint64>(value) : static_cast<qint64>(value);
    return q;
}

// The common `<timestamp> <value> <step>` / `<timestamp> <value>` line, without splitting
// it first; anything unusual (a '+' sign, 1e400, five fields) returns false and goes
// through the general path.
bool parseCommon(std::string_view line, MetricPoint& point, int& fields)
{
    const char* p = line.data();
    const char* end = p + line.size();
    p = parseShortInt(p, end, point.timestamp);
    if (!p || p == end || *p != ' ')
        return false;
    ++p;
    const auto [valueEnd, ec] = std::from_chars(p, end, point.value, std::chars_format::general);
    if (ec != std::errc() || valueEnd == p)
        return false;
    point.step = 0;
    if (valueEnd == end) {
        fields = 2;
        return true;
    }
    if (*valueEnd != ' ')
        return false;
    p = parseShortInt(valueEnd + 1, end, point.step);
    fields = 3;
    return p == end;
}

} // namespace

bool MetricFileParser::parseLine(std::string_view line, MetricPoint& point, int* fields)
{
    int common = 0;
    line = stripped(line);
    if (parseCommon(line, point, common)) {
        if (fields)
            *fields = common;
        return true;
    }
    std::string_view f[5];
    const int n = splitFields(line, f, 5);
    if (n < 2 || n == 4 || n > 5)
        return false;
    if (!parseInt(f[0], point.timestamp) || !parseDouble(f[1], point.value))
        return false;
    point.step = 0;
    if (n >= 3 && !parseInt(f[2], point.step))
        return false;
    if (fields)
        *fields = n;
    return true;
}

bool MetricFileParser::parseModelLine(std::string_view line, LoggedModelMetric& metric)
{
    std::string_view f[6];
    const int n = splitFields(stripped(line), f, 6);
    if (n != 4 && n != 6)
        return false;
    if (!parseInt(f[0], metric.timestamp) || !parseDouble(f[1], metric.value) || !parseInt(f[2], metric.step)
        || f[3].empty())
        return false;
    const auto text = [](std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); };
    metric.runId = text(f[3]);
    metric.datasetName = n == 6 ? text(f[4]) : QString();
    metric.datasetDigest = n == 6 ? text(f[5]) : QString();
    return true;
}

void MetricFileParser::feed(std::string_view chunk)
{
    if (!m_carry.empty()) {
        const size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) {
            m_carry.append(chunk);
            return;
        }
        m_carry.append(chunk.substr(0, nl));
        handleLine(m_carry);
        m_carry.clear();
        chunk.remove_prefix(nl + 1);
    }
    const char* p = chunk.data();
    const char* end = p + chunk.size();
    while (p < end) {
        const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        if (!nl) {
            m_carry.assign(p, static_cast<size_t>(end - p));
            return;
        }
        handleLine(std::string_view(p, static_cast<size_t>(nl - p)));
        p = nl + 1;
    }
}

void MetricFileParser::handleLine(std::string_view line)
{
    ++m_lineNumber;
    MetricPoint point;
    int fields = 0;
    if (parseLine(line, point, &fields)) {
        if (fields == 2) {
            m_twoFieldLines.emplace_back(m_points.size(), m_lineNumber);
            m_twoFieldTexts.emplace_back(line);
        } else {
            m_sawThreeFields = true;
        }
        m_points.push_back(point);
    } else if (!stripped(line).empty()) {
        recordBadLine(m_lineNumber, line);
    }
}

void MetricFileParser::recordBadLine(qint64 lineNumber, std::string_view line)
{
    ++m_badLineCount;
    if (static_cast<qsizetype>(m_badLines.size()) < MaxKeptBadLines)
        m_badLines.push_back(BadLine { lineNumber, FileStoreText::excerpt(line) });
}

void MetricFileParser::finish()
{
    // MLflow ends every line it appends with '\n'; bytes after the last one are a line a
    // training job is writing at this moment ("3 0.3" of "3 0.36 2"). They are left for the
    // next sync, which sees the file's new size, rather than read as a wrong point or reported.
    m_lineInProgress = !stripped(m_carry).empty();
    m_carry.clear();
    // A two-field line among three-field ones is not an old-format file but a cut line (a
    // copy taken mid-write, a damaged file): "1741086395014 0.36" must not become step 0.
    if (m_sawThreeFields && !m_twoFieldLines.empty()) {
        std::vector<bool> drop(m_points.size(), false);
        for (size_t i = 0; i < m_twoFieldLines.size(); ++i) {
            drop[m_twoFieldLines[i].first] = true;
            recordBadLine(m_twoFieldLines[i].second, m_twoFieldTexts[i]);
        }
        size_t out = 0;
        for (size_t i = 0; i < m_points.size(); ++i) {
            if (!drop[i])
                m_points[out++] = m_points[i];
        }
        m_points.resize(out);
        std::sort(m_badLines.begin(), m_badLines.end(),
            [](const BadLine& a, const BadLine& b) { return a.lineNumber < b.lineNumber; });
        if (static_cast<qsizetype>(m_badLines.size()) > MaxKeptBadLines)
            m_badLines.resize(static_cast<size_t>(MaxKeptBadLines));
    }
    m_twoFieldLines.clear();
    m_twoFieldTexts.clear();
}

} // namespace prov
