#pragma once

#include "core/Result.h"

#include <QString>

#include <string>

namespace prov {

// A regular file opened read-only with raw POSIX calls, for the file-store reader's hot paths
// (thousands of small files per sync, where QFile and QString paths would dominate). It opens
// with O_NONBLOCK so a FIFO or device planted in a store can never hang a sync, refuses
// anything that is not a regular file, and never writes, truncates or creates anything.
class PosixFile
{
public:
    // Text files (meta.yaml, params, tags) larger than this are reported instead of loaded.
    static constexpr qint64 TextLimit = qint64(16) * 1024 * 1024;

    static Result<PosixFile> open(const std::string& path);
    // Opens `name` relative to the directory `dirFd`; `path` is only used in errors.
    static Result<PosixFile> openAt(int dirFd, const char* name, const std::string& path);
    // The whole content of a regular file of at most `maxBytes` bytes.
    static Result<std::string> readAll(const std::string& path, qint64 maxBytes = TextLimit);
    static Result<std::string> readAllAt(
        int dirFd, const char* name, const std::string& path, qint64 maxBytes = TextLimit);

    // An Error for a failed system call on `path`, with a message a user can act on.
    static Error errnoError(int err, const std::string& path);
    static QString displayPath(const std::string& path);

    PosixFile() = default;
    ~PosixFile();
    PosixFile(PosixFile&& other) noexcept;
    PosixFile& operator=(PosixFile&& other) noexcept;
    PosixFile(const PosixFile&) = delete;
    PosixFile& operator=(const PosixFile&) = delete;

    qint64 size() const { return m_size; }
    qint64 mtimeNs() const { return m_mtimeNs; }
    // Reads up to `capacity` bytes, retrying on EINTR: the count, 0 at the end, -1 on error.
    qint64 read(char* buffer, qint64 capacity);
    Result<std::string> readRest(qint64 maxBytes);

private:
    static Result<PosixFile> adopt(int fd, const std::string& path);

    int m_fd = -1;
    qint64 m_size = 0;
    qint64 m_mtimeNs = 0;
    std::string m_path;
};

} // namespace prov
