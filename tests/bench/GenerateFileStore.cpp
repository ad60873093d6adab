// provenance_bench_generate: writes a synthetic MLflow *file store* (mlruns/) in exactly the layout
// MLflow 3.x writes (see reference/mlflow-formats.md, section (i)), so that `provenance sync` can be
// timed on a store of realistic shape and size. The output is byte-for-byte deterministic for a
// given seed and set of options, whatever the thread count. Benchmark tool: never run by CTest.
//
// Usage: provenance_bench_generate OUT_DIR [--runs 2000] [--params 30] [--metrics 8] [--steps 500]
//                                  [--experiments 1] [--seed 7] [--threads N]

#include "BenchRandom.h"
#include "PythonFloat.h"
#include "SyntheticContent.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using bench::BenchRandom;

namespace {

constexpr int64_t kBaseTimeMs = 1741000000000; // 2025-03-03: fixed, so output does not depend on the clock
constexpr int64_t kRunSpacingMs = 900000;

struct Options
{
    fs::path out;
    int runs = 2000;
    int params = 30;
    int metrics = 8;
    int steps = 500;
    int experiments = 1;
    uint64_t seed = 7;
    int threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
};

struct Counters
{
    std::atomic<uint64_t> files { 0 };
    std::atomic<uint64_t> dirs { 0 };
    std::atomic<uint64_t> bytes { 0 };
};

struct Experiment
{
    std::string id;
    std::string name;
};

// A write failure in a benchmark generator is fatal: report it and stop the whole process.
[[noreturn]] void fail(const char* what, const std::string& path)
{
    std::fprintf(stderr, "provenance_bench_generate: %s %s: %s\n", what, path.c_str(), std::strerror(errno));
    std::fflush(stderr);
    std::_Exit(1);
}

void makeDir(const std::string& path, Counters& counters)
{
    if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST)
        fail("cannot create directory", path);
    ++counters.dirs;
}

// One open/write/close per file: the content is always built in memory first.
void writeFile(const std::string& path, std::string_view content, Counters& counters)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        fail("cannot create file", path);
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail("cannot write file", path);
        done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0)
        fail("cannot close file", path);
    ++counters.files;
    counters.bytes += content.size();
}

// file:// URI as Python's Path.as_uri() writes it (percent-encoding all but unreserved characters and '/').
std::string fileUri(const std::string& absolutePath)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = "file://";
    for (const unsigned char c : absolutePath) {
        if (std::isalnum(c) || std::strchr("/-._~", c) != nullptr) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 15];
        }
    }
    return uri;
}

void writeExperimentMeta(const std::string& root, const Experiment& experiment, Counters& counters)
{
    const std::string dir = root + '/' + experiment.id;
    makeDir(dir, counters);
    const std::string created = std::to_string(kBaseTimeMs - 3600000);
    std::string yaml;
    yaml += "artifact_location: " + fileUri(dir) + '\n';
    yaml += "creation_time: " + created + '\n';
    yaml += "experiment_id: '" + experiment.id + "'\n";
    yaml += "last_update_time: " + created + '\n';
    yaml += "lifecycle_stage: active\n";
    yaml += "name: " + experiment.name + '\n';
    writeFile(dir + "/meta.yaml", yaml, counters);
}

// Everything one run needs besides its own random stream: shared, read-only while writing runs.
struct StorePlan
{
    Options options;
    std::string root; // absolute, no trailing '/'
    std::vector<Experiment> experiments;
    std::vector<bench::ParamSpec> params;
    std::vector<bench::MetricSpec> metrics;
    std::vector<std::string> keySubdirs; // "/params/optimizer", "/metrics/loss", ... created in every run
};

struct RunInfo
{
    std::string id;
    std::string name;
    std::string user;
    const Experiment* experiment = nullptr;
    int64_t startTime = 0;
    int64_t endTime = 0;
    std::vector<int64_t> stepTimes;
};

void writeRunMeta(const std::string& dir, const RunInfo& run, Counters& counters)
{
    std::string yaml;
    yaml += "artifact_uri: " + fileUri(dir) + "/artifacts\n";
    yaml += "end_time: " + std::to_string(run.endTime) + '\n';
    yaml += "entry_point_name: ''\n";
    yaml += "experiment_id: '" + run.experiment->id + "'\n";
    yaml += "lifecycle_stage: active\n";
    yaml += "run_id: " + run.id + '\n';
    yaml += "run_name: " + run.name + '\n';
    yaml += "source_name: ''\n";
    yaml += "source_type: 4\n";
    yaml += "source_version: ''\n";
    yaml += "start_time: " + std::to_string(run.startTime) + '\n';
    yaml += "status: 3\n";
    yaml += "tags: []\n";
    yaml += "user_id: " + run.user + '\n';
    writeFile(dir + "/meta.yaml", yaml, counters);
}

void writeTags(const std::string& dir, const RunInfo& run, BenchRandom& rng, Counters& counters)
{
    writeFile(dir + "/tags/mlflow.runName", run.name, counters);
    writeFile(dir + "/tags/mlflow.user", run.user, counters);
    writeFile(dir + "/tags/mlflow.source.name", bench::pick(rng, bench::kSourceNames), counters);
    writeFile(dir + "/tags/mlflow.source.type", "LOCAL", counters);
    writeFile(dir + "/tags/mlflow.source.git.commit", bench::randomHex(rng, 40), counters);
}

void writeParams(const std::string& dir, const StorePlan& plan, BenchRandom& rng, Counters& counters)
{
    std::string value;
    for (const auto& spec : plan.params) {
        value.clear();
        bench::appendParamValue(value, spec, rng);
        writeFile(dir + "/params/" + spec.key, value, counters);
    }
}

void writeMetrics(
    const std::string& dir, const StorePlan& plan, const RunInfo& run, BenchRandom& rng, Counters& counters)
{
    std::string text;
    text.reserve(static_cast<size_t>(plan.options.steps) * 48);
    for (const auto& spec : plan.metrics) {
        text.clear();
        bench::MetricCurve curve(spec, plan.options.steps, rng);
        for (int step = 0; step < plan.options.steps; ++step) {
            // Metrics logged together at one step land a few milliseconds apart, as in real runs.
            bench::appendInteger(text, run.stepTimes[static_cast<size_t>(step)] + rng.between(0, 40));
            text += ' ';
            bench::appendPythonFloat(text, curve.valueAt(step, rng));
            text += ' ';
            bench::appendInteger(text, step);
            text += '\n';
        }
        writeFile(dir + "/metrics/" + spec.key, text, counters);
    }
}

RunInfo planRun(const StorePlan& plan, int index, BenchRandom& rng)
{
    RunInfo run;
    run.id = bench::runId(rng);
    run.name = bench::runName(rng);
    run.user = bench::pick(rng, bench::kUsers);
    const auto experimentIndex = static_cast<size_t>(int64_t { index } * plan.options.experiments / plan.options.runs);
    run.experiment = &plan.experiments[experimentIndex];
    run.startTime = kBaseTimeMs + int64_t { index } * kRunSpacingMs + rng.between(0, 60000);
    int64_t t = run.startTime + rng.between(2000, 5000);
    run.stepTimes.reserve(static_cast<size_t>(plan.options.steps));
    for (int step = 0; step < plan.options.steps; ++step) {
        run.stepTimes.push_back(t);
        t += rng.between(1000, 2000);
    }
    run.endTime = t + rng.between(1000, 5000);
    return run;
}

void writeRun(const StorePlan& plan, int index, Counters& counters)
{
    // Each run has its own stream derived from (seed, index): output is independent of scheduling.
    BenchRandom rng(plan.options.seed * 0x100000001b3ULL + static_cast<uint64_t>(index) + 1);
    const RunInfo run = planRun(plan, index, rng);
    const std::string dir = plan.root + '/' + run.experiment->id + '/' + run.id;
    makeDir(dir, counters);
    for (const char* sub : { "/params", "/tags", "/metrics", "/artifacts" })
        makeDir(dir + sub, counters);
    for (const auto& sub : plan.keySubdirs)
        makeDir(dir + sub, counters);
    writeRunMeta(dir, run, counters);
    writeParams(dir, plan, rng, counters);
    writeTags(dir, run, rng, counters);
    writeMetrics(dir, plan, run, rng, counters);
}

// Parent folders of keys containing '/': MLflow stores `loss/train` as metrics/loss/train.
std::vector<std::string> keySubdirs(const StorePlan& plan)
{
    std::vector<std::string> dirs;
    auto add = [&dirs](const std::string& prefix, const std::string& key) {
        for (size_t slash = key.find('/'); slash != std::string::npos; slash = key.find('/', slash + 1)) {
            std::string dir = prefix;
            dir.append(key, 0, slash);
            if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end())
                dirs.push_back(std::move(dir));
        }
    };
    for (const auto& spec : plan.params)
        add("/params/", spec.key);
    for (const auto& spec : plan.metrics)
        add("/metrics/", spec.key);
    return dirs;
}

StorePlan planStore(const Options& options)
{
    StorePlan plan;
    plan.options = options;
    plan.root = fs::absolute(options.out).lexically_normal().string();
    while (plan.root.size() > 1 && plan.root.back() == '/')
        plan.root.pop_back();
    BenchRandom rng(options.seed);
    for (int i = 0; i < options.experiments; ++i) {
        // File-store experiment ids are random 18/19-digit integers.
        const uint64_t id = 100000000000000000ULL + rng.next() % 9100000000000000000ULL;
        plan.experiments.push_back({ std::to_string(id), "bench-experiment-" + std::to_string(i + 1) });
    }
    plan.params = bench::paramSpecs(options.params);
    plan.metrics = bench::metricSpecs(options.metrics);
    plan.keySubdirs = keySubdirs(plan);
    return plan;
}

void writeStore(const StorePlan& plan, Counters& counters)
{
    makeDir(plan.root, counters);
    makeDir(plan.root + "/.trash", counters);
    writeExperimentMeta(plan.root, { "0", "Default" }, counters);
    for (const auto& experiment : plan.experiments)
        writeExperimentMeta(plan.root, experiment, counters);

    std::atomic<int> nextRun { 0 };
    auto worker = [&plan, &counters, &nextRun] {
        for (int index = nextRun++; index < plan.options.runs; index = nextRun++)
            writeRun(plan, index, counters);
    };
    std::vector<std::thread> threads;
    threads.reserve(static_cast<size_t>(plan.options.threads));
    for (int i = 0; i < plan.options.threads; ++i)
        threads.emplace_back(worker);
    for (auto& thread : threads)
        thread.join();
}

void printUsage()
{
    std::fprintf(stderr,
        "usage: provenance_bench_generate OUT_DIR [--runs 2000] [--params 30] [--metrics 8] [--steps 500]\n"
        "                                 [--experiments 1] [--seed 7] [--threads N]\n"
        "Writes a synthetic MLflow file store into OUT_DIR, which must not exist or be empty.\n");
}

bool parseNumber(const char* text, int64_t min, int64_t& value)
{
    char* end = nullptr;
    errno = 0;
    const long long parsed = std::strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || parsed < min)
        return false;
    value = parsed;
    return true;
}

std::optional<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (!arg.starts_with("--")) {
            if (!options.out.empty())
                return std::nullopt;
            options.out = argv[i];
            continue;
        }
        int64_t value = 0;
        if (i + 1 >= argc
            || !parseNumber(argv[++i], arg == "--seed" || arg == "--params" || arg == "--metrics" ? 0 : 1, value))
            return std::nullopt;
        if (arg == "--seed") {
            options.seed = static_cast<uint64_t>(value);
            continue;
        }
        const int number = static_cast<int>(std::min<int64_t>(value, 100000000));
        if (arg == "--runs")
            options.runs = number;
        else if (arg == "--params")
            options.params = number;
        else if (arg == "--metrics")
            options.metrics = number;
        else if (arg == "--steps")
            options.steps = number;
        else if (arg == "--experiments")
            options.experiments = number;
        else if (arg == "--threads")
            options.threads = number;
        else
            return std::nullopt;
    }
    if (options.out.empty())
        return std::nullopt;
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    const std::optional<Options> options = parseOptions(argc, argv);
    if (!options) {
        printUsage();
        return 2;
    }
    std::error_code error;
    if (fs::exists(options->out, error) && !fs::is_empty(options->out, error)) {
        std::fprintf(stderr, "provenance_bench_generate: %s exists and is not empty\n", options->out.c_str());
        return 1;
    }
    const auto started = std::chrono::steady_clock::now();
    const StorePlan plan = planStore(*options);
    Counters counters;
    writeStore(plan, counters);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("generated %llu files, %llu dirs, %llu bytes (%.1f MiB) in %.2f s: %d runs x %d params x %d metrics x "
                "%d steps, %d experiment(s), seed %llu -> %s\n",
        static_cast<unsigned long long>(counters.files.load()), static_cast<unsigned long long>(counters.dirs.load()),
        static_cast<unsigned long long>(counters.bytes.load()), static_cast<double>(counters.bytes.load()) / 1048576.0,
        seconds, plan.options.runs, plan.options.params, plan.options.metrics, plan.options.steps,
        plan.options.experiments, static_cast<unsigned long long>(plan.options.seed), plan.root.c_str());
    return 0;
}
