#include "store/file/FileStoreIssueSink.h"

#include "store/file/PosixFile.h"

namespace prov {

FileStoreIssueSink::FileStoreIssueSink(StoreIssueList& issues, QString experimentId, QString runId)
    : m_issues(issues)
    , m_experimentId(std::move(experimentId))
    , m_runId(std::move(runId))
{ }

void FileStoreIssueSink::add(const QString& location, const QString& message, StoreIssue::Severity severity)
{
    m_issues.append(StoreIssue { severity, location, message, m_experimentId, m_runId });
}

void FileStoreIssueSink::add(const std::string& path, const QString& message, StoreIssue::Severity severity)
{
    add(PosixFile::displayPath(path), message, severity);
}

void FileStoreIssueSink::add(const Error& error, StoreIssue::Severity severity)
{
    add(error.location, error.message, severity);
}

} // namespace prov
