#pragma once

#include "domain/LoggedModel.h"
#include "domain/MetricPoint.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace prov {

// Parses MLflow file-store metric files: one `<timestamp_ms> <value> <step>` line per point
// (`<timestamp> <value>` in very old stores: step 0; MLflow 3 appends `<dataset_name>
// <dataset_digest>` to points logged against a dataset). Values are Python floats (`1e-05`,
// `nan`, `inf`, `-inf`). Bytes are fed in chunks straight from read(2) and parsed with
// std::from_chars -- no QString, no allocation per line -- because a sync parses millions of
// lines. Lines that do not parse are counted and the first few kept for the Issues list.
class MetricFileParser
{
public:
    struct BadLine
    {
        qint64 lineNumber = 0; // 1-based
        QString excerpt;
    };

    static constexpr qsizetype MaxKeptBadLines = 5;

    // One line without its '\n' (surrounding whitespace is ignored, as MLflow's strip()
    // does). `fields` receives the field count (2, 3 or 5) of a line that parses.
    static bool parseLine(std::string_view line, MetricPoint& point, int* fields = nullptr);
    // A logged-model metric line `<ts> <value> <step> <run_id> [<dataset_name> <dataset_digest>]`
    // (4 or 6 fields; MLflow 3); `metric.key` is left alone.
    static bool parseModelLine(std::string_view line, LoggedModelMetric& metric);

    void feed(std::string_view chunk);
    // Settles old-format lines (see the .cpp). A last line without '\n' is a line still being
    // written: it is not parsed (lineInProgress() says it was there).
    void finish();
    bool lineInProgress() const { return m_lineInProgress; }

    std::vector<MetricPoint>& points() { return m_points; }
    qint64 badLineCount() const { return m_badLineCount; }
    const std::vector<BadLine>& badLines() const { return m_badLines; }

private:
    void handleLine(std::string_view line);
    void recordBadLine(qint64 lineNumber, std::string_view line);

    std::string m_carry; // an incomplete line left at the end of the previous chunk
    qint64 m_lineNumber = 0;
    std::vector<MetricPoint> m_points;
    bool m_sawThreeFields = false;
    std::vector<std::pair<size_t, qint64>> m_twoFieldLines; // (index in m_points, line number)
    std::vector<std::string> m_twoFieldTexts;
    qint64 m_badLineCount = 0;
    bool m_lineInProgress = false;
    std::vector<BadLine> m_badLines;
};

} // namespace prov
