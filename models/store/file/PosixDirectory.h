#pragma once

#include "core/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace prov {

// An open directory (RAII file descriptor) listed and stat'ed with raw POSIX calls
// (openat / getdents / fstatat): the file-store reader stats every file of every run on each
// sync, and fd-relative calls on byte-string names are several times faster than QDir and
// QFileInfo. Opening follows symbolic links; children are classified through them too.
class PosixDirectory
{
public:
    enum class Kind { File, Directory, Other, Missing };

    struct Entry
    {
        std::string name;
        Kind kind = Kind::Other; // of the link target for symbolic links (Missing if dangling)
        bool symlink = false;
        // Filled only when listed withStat (of the target when it resolves, else of the link).
        qint64 size = 0;
        qint64 mtimeNs = 0;
    };

    struct Identity
    {
        quint64 device = 0;
        quint64 inode = 0;
        friend bool operator==(const Identity&, const Identity&) = default;
    };

    static Result<PosixDirectory> open(const std::string& path);
    // Opens the sub-directory `name`; `noFollow` refuses a symbolic link (ELOOP).
    Result<PosixDirectory> openChild(const std::string& name, bool noFollow = false) const;

    // Every entry except "." and "..", sorted by name (bytes) so that walks are deterministic.
    Result<std::vector<Entry>> entries(bool withStat = false) const;
    // What `name` is (following links); Missing when it does not exist or cannot be reached.
    Kind kindOf(const char* name, int* error = nullptr) const;
    Identity identity() const;
    // True when the child `name` is a link back to this very directory (`loop -> .`): such
    // an entry must not be treated as an experiment or run, or a scan would recurse.
    bool isSelfLink(const Entry& entry) const;

    const std::string& path() const { return m_path; }
    int fd() const { return m_fd; }
    std::string childPath(const std::string& name) const { return m_path + '/' + name; }

    PosixDirectory() = default;
    ~PosixDirectory();
    PosixDirectory(PosixDirectory&& other) noexcept;
    PosixDirectory& operator=(PosixDirectory&& other) noexcept;
    PosixDirectory(const PosixDirectory&) = delete;
    PosixDirectory& operator=(const PosixDirectory&) = delete;

private:
    int m_fd = -1;
    std::string m_path;
};

} // namespace prov
