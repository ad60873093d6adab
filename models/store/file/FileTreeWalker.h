#pragma once

#include "core/Result.h"
#include "store/file/PosixDirectory.h"

#include <functional>
#include <string>
#include <vector>

namespace prov {

// Depth-first, name-ordered walk below one folder of a file store (params/, tags/, metrics/,
// artifacts/, a whole run for its fingerprint). Bad trees must never hang or crash a sync:
// symbolic links to folders are reported but not descended, a folder that is its own
// ancestor (bind mounts) is reported as a loop, and depth is capped.
class FileTreeWalker
{
public:
    struct Node
    {
        const std::string& relativePath; // "a/b/c", '/'-separated
        const PosixDirectory::Entry& entry;
        const PosixDirectory& parent; // for openat() on the entry
    };

    struct Options
    {
        bool withStat = false; // fill Entry::size / mtimeNs
        int maxDepth = 32;
    };

    enum class Outcome { Walked, RootMissing, RootFailed };

    using Visitor = std::function<void(const Node&)>;
    // A folder below the root that could not be listed or was skipped; `relativePath` names it.
    using FailureHandler = std::function<void(const std::string& relativePath, const Error&)>;

    FileTreeWalker(Options options, Visitor visitor, FailureHandler onFailure);

    // Visits every entry below `root` (not the root itself), folders before their contents.
    // RootMissing: `root` does not exist (MLflow leaves out empty folders; treat as empty).
    // RootFailed: `root` exists but could not be opened or listed; `rootError` says why.
    Outcome walk(const std::string& root, Error* rootError = nullptr);

private:
    void walkDirectory(const PosixDirectory& dir, const std::string& prefix, int depth);
    void descend(const PosixDirectory& parent, const PosixDirectory::Entry& entry, const std::string& path, int depth);

    Options m_options;
    Visitor m_visitor;
    FailureHandler m_onFailure;
    std::vector<PosixDirectory::Identity> m_ancestors;
};

} // namespace prov
