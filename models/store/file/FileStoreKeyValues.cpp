#include "store/file/FileStoreKeyValues.h"

#include "domain/CanonicalOrder.h"
#include "store/file/FileStoreText.h"
#include "store/file/FileTreeWalker.h"
#include "store/file/PosixFile.h"

#include <algorithm>

namespace prov {
namespace {

void readOne(const std::string& folder, const FileTreeWalker::Node& node, KeyValueList& out, FileStoreIssueSink& issues)
{
    const std::string path = folder + '/' + node.relativePath;
    switch (node.entry.kind) {
    case PosixDirectory::Kind::Directory:
        return; // a key prefix: the walker descends into it
    case PosixDirectory::Kind::Missing:
        issues.add(path, QStringLiteral("dangling or looping symbolic link; skipped"));
        return;
    case PosixDirectory::Kind::Other:
        issues.add(path, QStringLiteral("not a regular file; skipped"));
        return;
    case PosixDirectory::Kind::File:
        break;
    }
    QString why;
    const auto key = FileStoreKeyValues::decodeKey(node.relativePath, &why);
    if (!key) {
        issues.add(path, why);
        return;
    }
    auto bytes = PosixFile::readAllAt(node.parent.fd(), node.entry.name.c_str(), path);
    if (!bytes) {
        issues.add(bytes.error());
        return;
    }
    auto value = FileStoreText::decode(*bytes, &why);
    if (!value) {
        issues.add(path, why + QStringLiteral("; skipped"));
        return;
    }
    out.append(KeyValue { *key, *value });
}

} // namespace

KeyValueList FileStoreKeyValues::read(const std::string& folder, FileStoreIssueSink& issues)
{
    KeyValueList result;
    FileTreeWalker walker(
        {}, [&](const FileTreeWalker::Node& node) { readOne(folder, node, result, issues); },
        [&](const std::string& relativePath, const Error& error) {
            issues.add(folder + '/' + relativePath, error.message);
        });
    Error error;
    if (walker.walk(folder, &error) == FileTreeWalker::Outcome::RootFailed)
        issues.add(error);
    CanonicalOrder::sortByKey(result);
    return result;
}

std::optional<QString> FileStoreKeyValues::decodeKey(const std::string& relativePath, QString* why)
{
    QString reason;
    auto key = FileStoreText::decode(relativePath, &reason);
    if (!key && why)
        *why = QStringLiteral("file name ") + reason;
    return key;
}

} // namespace prov
