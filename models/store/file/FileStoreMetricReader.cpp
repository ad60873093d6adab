#include "store/file/FileStoreMetricReader.h"

#include "store/file/PosixFile.h"

#include <QFile>

#include <algorithm>
#include <cerrno>

namespace prov {
namespace {

constexpr size_t bufferSize = size_t(256) * 1024;

} // namespace

FileStoreMetricReader::FileStoreMetricReader(std::string runFolder, FileStoreIssueSink& issues)
    : m_folder(std::move(runFolder))
    , m_issues(issues)
{ }

bool FileStoreMetricReader::isSafeKey(const QString& key)
{
    if (key.isEmpty() || key.contains(QChar(u'\0')))
        return false;
    for (const QStringView part : QStringView(key).split(u'/')) {
        if (part.isEmpty() || part == u"." || part == u"..")
            return false;
    }
    return true;
}

Status FileStoreMetricReader::parseFile(const std::string& path, MetricFileParser& parser, std::vector<char>& buffer)
{
    auto file = PosixFile::open(path);
    if (!file)
        return file.error();
    if (buffer.size() < bufferSize)
        buffer.resize(bufferSize);
    for (;;) {
        const qint64 n = file->read(buffer.data(), qint64(buffer.size()));
        if (n < 0)
            return PosixFile::errnoError(errno, path);
        if (n == 0)
            break;
        parser.feed(std::string_view(buffer.data(), size_t(n)));
    }
    parser.finish();
    return {};
}

void FileStoreMetricReader::reportBadLines(
    const MetricFileParser& parser, const std::string& path, FileStoreIssueSink& issues)
{
    for (const MetricFileParser::BadLine& bad : parser.badLines())
        issues.add(path,
            QStringLiteral("line %1 is not '<timestamp> <value> <step>': \"%2\"; skipped")
                .arg(bad.lineNumber)
                .arg(bad.excerpt));
    const qint64 more = parser.badLineCount() - qint64(parser.badLines().size());
    if (more > 0)
        issues.add(path, QStringLiteral("%1 more lines do not parse; skipped").arg(more));
}

QList<MetricHistoryRead> FileStoreMetricReader::read(const QStringList& keys)
{
    QList<MetricHistoryRead> histories;
    histories.reserve(keys.size());
    for (const QString& key : keys) {
        const std::string path = m_folder + "/metrics/" + QFile::encodeName(key).toStdString();
        if (!isSafeKey(key)) {
            m_issues.add(path, QStringLiteral("not a valid metric key; not read"));
            continue;
        }
        MetricFileParser parser;
        if (Status status = parseFile(path, parser, m_buffer); !status.ok()) {
            m_issues.add(status.error().location, QStringLiteral("metric not read: %1").arg(status.error().message));
            continue;
        }
        reportBadLines(parser, path, m_issues);
        histories.append(MetricHistoryRead { key, MetricHistory::fromPoints(std::move(parser.points())) });
    }
    // Same order as every other reader: by key (UTF-16), not as asked.
    std::sort(histories.begin(), histories.end(),
        [](const MetricHistoryRead& a, const MetricHistoryRead& b) { return a.key < b.key; });
    return histories;
}

} // namespace prov
