// provenance_bench_readfloor: the I/O floor of a store. Walks a folder and reads every regular file
// completely with N threads (directories are listed in parallel too, from a shared queue), and
// prints files, bytes and seconds. No parsing at all: this is what `provenance sync` is compared
// against ("reading every file of such a store takes about 1 s with two threads"). Measures the
// page cache as it is; drop caches yourself for a cold figure. Benchmark tool: never run by CTest.
//
// Usage: provenance_bench_readfloor DIR [--threads 2]

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// Directories still to list. Finished when the queue is empty and no thread is listing one
// (a thread that is listing may still push sub-directories).
class DirectoryQueue
{
public:
    explicit DirectoryQueue(std::string root) { m_pending.push_back(std::move(root)); }

    bool pop(std::string& dir)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_pending.empty() || m_busy == 0; });
        if (m_pending.empty())
            return false;
        dir = std::move(m_pending.front());
        m_pending.pop_front();
        ++m_busy;
        return true;
    }

    void push(std::string dir)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_pending.push_back(std::move(dir));
        }
        m_changed.notify_one();
    }

    void done()
    {
        bool finished = false;
        {
            const std::lock_guard lock(m_mutex);
            finished = --m_busy == 0 && m_pending.empty();
        }
        if (finished)
            m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::string> m_pending;
    int m_busy = 0;
};

struct Totals
{
    std::atomic<uint64_t> files { 0 };
    std::atomic<uint64_t> dirs { 0 };
    std::atomic<uint64_t> bytes { 0 };
    std::atomic<uint64_t> errors { 0 };
};

constexpr size_t kBufferSize = 1 << 20;

void readFile(int dirFd, const char* name, std::vector<char>& buffer, Totals& totals)
{
    const int fd = ::openat(dirFd, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        ++totals.errors;
        return;
    }
    uint64_t bytes = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n < 0)
                ++totals.errors;
            break;
        }
        bytes += static_cast<uint64_t>(n);
    }
    ::close(fd);
    ++totals.files;
    totals.bytes += bytes;
}

bool isDirectory(int dirFd, const dirent& entry, bool& isRegular)
{
    if (entry.d_type != DT_UNKNOWN) {
        isRegular = entry.d_type == DT_REG;
        return entry.d_type == DT_DIR;
    }
    struct stat info
    {
    };
    if (::fstatat(dirFd, entry.d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) {
        isRegular = false;
        return false;
    }
    isRegular = S_ISREG(info.st_mode);
    return S_ISDIR(info.st_mode);
}

void listDirectory(const std::string& path, DirectoryQueue& queue, std::vector<char>& buffer, Totals& totals)
{
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
        ++totals.errors;
        return;
    }
    ++totals.dirs;
    const int dirFd = ::dirfd(dir);
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name == "." || name == "..")
            continue;
        bool isRegular = false;
        if (isDirectory(dirFd, *entry, isRegular))
            queue.push(path + '/' + entry->d_name);
        else if (isRegular)
            readFile(dirFd, entry->d_name, buffer, totals);
    }
    ::closedir(dir);
}

void worker(DirectoryQueue& queue, Totals& totals)
{
    std::vector<char> buffer(kBufferSize);
    std::string dir;
    while (queue.pop(dir)) {
        listDirectory(dir, queue, buffer, totals);
        queue.done();
    }
}

bool parseArguments(int argc, char** argv, std::string& root, int& threads)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--threads" && i + 1 < argc) {
            char* end = nullptr;
            const long value = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || value < 1 || value > 1024)
                return false;
            threads = static_cast<int>(value);
        } else if (!arg.starts_with("--") && root.empty()) {
            root = arg;
        } else {
            return false;
        }
    }
    while (root.size() > 1 && root.back() == '/')
        root.pop_back();
    return !root.empty();
}

} // namespace

int main(int argc, char** argv)
{
    std::string root;
    int threadCount = 2;
    if (!parseArguments(argc, argv, root, threadCount)) {
        std::fprintf(stderr, "usage: provenance_bench_readfloor DIR [--threads 2]\n");
        return 2;
    }
    struct stat info
    {
    };
    if (::stat(root.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        std::fprintf(stderr, "provenance_bench_readfloor: %s is not a directory\n", root.c_str());
        return 1;
    }

    const auto started = std::chrono::steady_clock::now();
    DirectoryQueue queue(root);
    Totals totals;
    std::vector<std::thread> threads;
    threads.reserve(static_cast<size_t>(threadCount));
    for (int i = 0; i < threadCount; ++i)
        threads.emplace_back(worker, std::ref(queue), std::ref(totals));
    for (auto& thread : threads)
        thread.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    const auto files = totals.files.load();
    const auto bytes = totals.bytes.load();
    std::printf(
        "read %llu files, %llu dirs, %llu bytes (%.1f MiB) in %.3f s with %d thread(s): %.0f MiB/s, %.0f files/s",
        static_cast<unsigned long long>(files), static_cast<unsigned long long>(totals.dirs.load()),
        static_cast<unsigned long long>(bytes), static_cast<double>(bytes) / 1048576.0, seconds, threadCount,
        static_cast<double>(bytes) / 1048576.0 / seconds, static_cast<double>(files) / seconds);
    if (totals.errors > 0)
        std::printf(", %llu errors", static_cast<unsigned long long>(totals.errors.load()));
    std::printf("\n");
    return totals.errors > 0 ? 1 : 0;
}
