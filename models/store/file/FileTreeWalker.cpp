#include "store/file/FileTreeWalker.h"

#include <algorithm>
#include <cerrno>

namespace prov {

FileTreeWalker::FileTreeWalker(Options options, Visitor visitor, FailureHandler onFailure)
    : m_options(options)
    , m_visitor(std::move(visitor))
    , m_onFailure(std::move(onFailure))
{ }

FileTreeWalker::Outcome FileTreeWalker::walk(const std::string& root, Error* rootError)
{
    auto dir = PosixDirectory::open(root);
    if (!dir) {
        if (dir.error().code == ErrorCode::NotFound)
            return Outcome::RootMissing;
        if (rootError)
            *rootError = dir.error();
        return Outcome::RootFailed;
    }
    auto entries = dir->entries(m_options.withStat);
    if (!entries) {
        if (rootError)
            *rootError = entries.error();
        return Outcome::RootFailed;
    }
    m_ancestors.assign(1, dir->identity());
    for (const PosixDirectory::Entry& entry : *entries) {
        m_visitor(Node { entry.name, entry, *dir });
        if (entry.kind == PosixDirectory::Kind::Directory)
            descend(*dir, entry, entry.name, 1);
    }
    return Outcome::Walked;
}

void FileTreeWalker::descend(
    const PosixDirectory& parent, const PosixDirectory::Entry& entry, const std::string& path, int depth)
{
    if (entry.symlink) {
        m_onFailure(path, makeError(ErrorCode::Unsupported, QStringLiteral("symbolic link to a folder; not followed")));
        return;
    }
    if (depth >= m_options.maxDepth) {
        m_onFailure(path, makeError(ErrorCode::Corrupt, QStringLiteral("folders nested too deeply; not read")));
        return;
    }
    // O_NOFOLLOW: the entry may have been swapped for a link since it was listed.
    auto child = parent.openChild(entry.name, true);
    if (!child) {
        m_onFailure(path, child.error());
        return;
    }
    const PosixDirectory::Identity id = child->identity();
    if (std::find(m_ancestors.begin(), m_ancestors.end(), id) != m_ancestors.end()) {
        m_onFailure(path, makeError(ErrorCode::Corrupt, QStringLiteral("folder loop (contains itself); not followed")));
        return;
    }
    m_ancestors.push_back(id);
    walkDirectory(*child, path + '/', depth);
    m_ancestors.pop_back();
}

void FileTreeWalker::walkDirectory(const PosixDirectory& dir, const std::string& prefix, int depth)
{
    auto entries = dir.entries(m_options.withStat);
    if (!entries) {
        m_onFailure(prefix.substr(0, prefix.size() - 1), entries.error());
        return;
    }
    std::string path;
    for (const PosixDirectory::Entry& entry : *entries) {
        path.assign(prefix).append(entry.name);
        m_visitor(Node { path, entry, dir });
        if (entry.kind == PosixDirectory::Kind::Directory)
            descend(dir, entry, path, depth + 1);
    }
}

} // namespace prov
