#pragma once

#include "core/Error.h"
#include "domain/StoreIssue.h"

#include <string>

namespace prov {

// Collects the issues found while reading one part of a file store, stamped with the
// experiment and run they belong to, so every helper reports bad data the same way:
// location = the file or folder, message = what is wrong with it.
class FileStoreIssueSink
{
public:
    FileStoreIssueSink(StoreIssueList& issues, QString experimentId = {}, QString runId = {});

    void add(
        const QString& location, const QString& message, StoreIssue::Severity severity = StoreIssue::Severity::Error);
    void add(
        const std::string& path, const QString& message, StoreIssue::Severity severity = StoreIssue::Severity::Error);
    // An Error from a file helper: its location and message become the issue's.
    void add(const Error& error, StoreIssue::Severity severity = StoreIssue::Severity::Error);

    StoreIssueList& issues() { return m_issues; }
    const QString& experimentId() const { return m_experimentId; }
    const QString& runId() const { return m_runId; }

private:
    StoreIssueList& m_issues;
    QString m_experimentId;
    QString m_runId;
};

} // namespace prov
