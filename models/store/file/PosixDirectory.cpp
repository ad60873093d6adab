#include "store/file/PosixDirectory.h"

#include "store/file/PosixFile.h"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace prov {
namespace {

constexpr int dirFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK;

PosixDirectory::Kind kindOfMode(mode_t mode)
{
    if (S_ISREG(mode))
        return PosixDirectory::Kind::File;
    if (S_ISDIR(mode))
        return PosixDirectory::Kind::Directory;
    return PosixDirectory::Kind::Other;
}

qint64 mtimeOf(const struct stat& st)
{
    return static_cast<qint64>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

// Classifies one listed entry; d_type saves a stat for plain files and folders.
void classify(int dirFd, const dirent* ent, bool withStat, PosixDirectory::Entry& entry)
{
    const bool needStat = withStat || ent->d_type == DT_UNKNOWN || ent->d_type == DT_LNK;
    if (!needStat) {
        entry.kind = ent->d_type == DT_REG ? PosixDirectory::Kind::File
            : ent->d_type == DT_DIR        ? PosixDirectory::Kind::Directory
                                           : PosixDirectory::Kind::Other;
        return;
    }
    struct stat st
    {
    };
    entry.symlink = ent->d_type == DT_LNK;
    if (::fstatat(dirFd, ent->d_name, &st, 0) == 0) {
        entry.kind = kindOfMode(st.st_mode);
    } else {
        // Dangling or looping link (or a race with a delete): describe the link itself.
        entry.kind = PosixDirectory::Kind::Missing;
        if (::fstatat(dirFd, ent->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            return;
        entry.symlink = S_ISLNK(st.st_mode);
    }
    if (ent->d_type == DT_UNKNOWN) {
        struct stat lst
        {
        };
        entry.symlink = ::fstatat(dirFd, ent->d_name, &lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lst.st_mode);
    }
    entry.size = static_cast<qint64>(st.st_size);
    entry.mtimeNs = mtimeOf(st);
}

} // namespace

Result<PosixDirectory> PosixDirectory::open(const std::string& path)
{
    const int fd = ::open(path.c_str(), dirFlags);
    if (fd < 0)
        return PosixFile::errnoError(errno, path);
    PosixDirectory dir;
    dir.m_fd = fd;
    dir.m_path = path;
    return dir;
}

Result<PosixDirectory> PosixDirectory::openChild(const std::string& name, bool noFollow) const
{
    const std::string path = childPath(name);
    const int fd = ::openat(m_fd, name.c_str(), dirFlags | (noFollow ? O_NOFOLLOW : 0));
    if (fd < 0)
        return PosixFile::errnoError(errno, path);
    PosixDirectory dir;
    dir.m_fd = fd;
    dir.m_path = path;
    return dir;
}

Result<std::vector<PosixDirectory::Entry>> PosixDirectory::entries(bool withStat) const
{
    // fdopendir takes ownership of the descriptor it is given: hand it a duplicate.
    const int listFd = ::dup(m_fd);
    if (listFd < 0)
        return PosixFile::errnoError(errno, m_path);
    DIR* dir = ::fdopendir(listFd);
    if (!dir) {
        const int err = errno;
        ::close(listFd);
        return PosixFile::errnoError(err, m_path);
    }
    ::rewinddir(dir);
    std::vector<Entry> result;
    errno = 0;
    while (const dirent* ent = ::readdir(dir)) {
        const char* n = ent->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0')))
            continue;
        Entry entry;
        entry.name = n;
        classify(m_fd, ent, withStat, entry);
        result.push_back(std::move(entry));
        errno = 0;
    }
    const int err = errno;
    ::closedir(dir);
    if (err != 0)
        return PosixFile::errnoError(err, m_path);
    std::sort(result.begin(), result.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return result;
}

PosixDirectory::Kind PosixDirectory::kindOf(const char* name, int* error) const
{
    struct stat st
    {
    };
    if (::fstatat(m_fd, name, &st, 0) != 0) {
        if (error)
            *error = errno;
        return Kind::Missing;
    }
    if (error)
        *error = 0;
    return kindOfMode(st.st_mode);
}

PosixDirectory::Identity PosixDirectory::identity() const
{
    struct stat st
    {
    };
    if (::fstat(m_fd, &st) != 0)
        return {};
    return { static_cast<quint64>(st.st_dev), static_cast<quint64>(st.st_ino) };
}

bool PosixDirectory::isSelfLink(const Entry& entry) const
{
    if (!entry.symlink || entry.kind != Kind::Directory)
        return false;
    auto child = openChild(entry.name);
    return child && child->identity() == identity();
}

PosixDirectory::~PosixDirectory()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

PosixDirectory::PosixDirectory(PosixDirectory&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_path(std::move(other.m_path))
{ }

PosixDirectory& PosixDirectory::operator=(PosixDirectory&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

} // namespace prov
