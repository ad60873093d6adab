#pragma once

// What the benchmark generator puts into a run: realistic param keys and values (numbers, short
// strings, comma lists), metric keys (some with '/', which MLflow stores as sub-folders) and noisy
// training curves (decaying losses, rising accuracies, an LR schedule, spiky gradient norms).
// Ids follow MLflow too. Shape matters more than meaning: values look and size like real MLflow data.

#include "BenchRandom.h"
#include "PythonFloat.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

inline constexpr std::string_view kUsers[] = { "alice", "bob", "carol", "dörte", "emeka", "yuki" };
inline constexpr std::string_view kSourceNames[]
    = { "train.py", "scripts/train_gbm.py", "notebooks/sweep.ipynb", "src/trainer/main.py" };
inline constexpr std::string_view kAdjectives[] = { "bold", "brave", "bright", "clean", "gentle", "placid", "polite",
    "resilient", "rogue", "salty", "sassy", "smiling", "spiffy", "stylish", "suave", "upbeat", "wistful", "youthful" };
inline constexpr std::string_view kNouns[] = { "ant", "bass", "bear", "carp", "crab", "crane", "deer", "dove", "eel",
    "finch", "fox", "gull", "hare", "hawk", "lark", "lynx", "moth", "newt", "owl", "panda", "seal", "shark", "snail",
    "squid", "stag", "swan", "toad", "trout", "whale", "wolf", "wren", "yak" };

template<size_t N> std::string pick(BenchRandom& rng, const std::string_view (&items)[N])
{
    return std::string(items[rng.next() % N]);
}

inline std::string randomHex(BenchRandom& rng, int length)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (int i = 0; i < length; ++i)
        hex += kHex[rng.next() & 15];
    return hex;
}

// Run ids are uuid4().hex: 32 lowercase hex digits with the version and variant nibbles set.
inline std::string runId(BenchRandom& rng)
{
    std::string id = randomHex(rng, 32);
    id[12] = '4';
    id[16] = "89ab"[rng.next() & 3];
    return id;
}

// MLflow's generated run names: "<adjective>-<animal>-<0..999>".
inline std::string runName(BenchRandom& rng)
{
    return pick(rng, kAdjectives) + '-' + pick(rng, kNouns) + '-' + std::to_string(rng.between(0, 999));
}

enum class ParamKind { Int, Float, LogFloat, Choice };

struct ParamSpec
{
    std::string key;
    ParamKind kind = ParamKind::Float;
    double lo = 0.0;
    double hi = 1.0;
    std::vector<std::string_view> choices;
};

inline std::vector<ParamSpec> paramSpecs(int count)
{
    using K = ParamKind;
    static const std::vector<ParamSpec> pool = {
        { "learning_rate", K::LogFloat, 1e-5, 1e-1, {} },
        { "batch_size", K::Choice, 0, 0, { "16", "32", "64", "128", "256" } },
        { "optimizer/name", K::Choice, 0, 0, { "adam", "adamw", "sgd", "rmsprop" } },
        { "epochs", K::Int, 10, 200, {} },
        { "model/hidden_size", K::Choice, 0, 0, { "128", "256", "512", "1024" } },
        { "seed", K::Int, 0, 99999, {} },
        { "model/dropout", K::Float, 0.0, 0.5, {} },
        { "max_depth", K::Int, 3, 12, {} },
        { "optimizer/weight_decay", K::LogFloat, 1e-6, 1e-2, {} },
        { "num_leaves", K::Choice, 0, 0, { "15", "31", "63", "127" } },
        { "data/version", K::Choice, 0, 0, { "v1", "v2", "v3", "v12" } },
        { "n_estimators", K::Int, 50, 2000, {} },
        { "subsample", K::Float, 0.5, 1.0, {} },
        { "model/activation", K::Choice, 0, 0, { "relu", "gelu", "silu", "tanh" } },
        { "colsample_bytree", K::Float, 0.5, 1.0, {} },
        { "reg_alpha", K::LogFloat, 1e-4, 10.0, {} },
        { "reg_lambda", K::Float, 0.0, 5.0, {} },
        { "objective", K::Choice, 0, 0, { "binary", "multiclass", "regression" } },
        { "metric", K::Choice, 0, 0, { "auc", "logloss", "rmse" } },
        { "boosting_type", K::Choice, 0, 0, { "gbdt", "dart", "goss" } },
        { "early_stopping_rounds", K::Choice, 0, 0, { "10", "20", "50", "100" } },
        { "warmup_steps", K::Int, 0, 5000, {} },
        { "scheduler", K::Choice, 0, 0, { "cosine", "linear", "constant", "step" } },
        { "gradient_clip", K::Float, 0.1, 5.0, {} },
        { "label_smoothing", K::Choice, 0, 0, { "0.0", "0.05", "0.1" } },
        { "precision", K::Choice, 0, 0, { "fp32", "fp16", "bf16" } },
        { "model/num_layers", K::Int, 2, 24, {} },
        { "num_workers", K::Int, 0, 16, {} },
        { "features", K::Choice, 0, 0, { "age,income,region", "contract,region", "tenure,plan,usage_30d" } },
        { "data/augment", K::Choice, 0, 0, { "True", "False", "None" } },
        { "tokenizer", K::Choice, 0, 0, { "bpe", "wordpiece", "sentencepiece" } },
        { "momentum", K::Float, 0.8, 0.99, {} },
    };
    std::vector<ParamSpec> specs(pool.begin(), pool.begin() + std::min<std::ptrdiff_t>(count, std::ssize(pool)));
    for (int i = static_cast<int>(specs.size()); i < count; ++i)
        specs.push_back({ "param_" + std::to_string(i), K::Float, 0.0, 100.0, {} });
    return specs;
}

inline void appendParamValue(std::string& out, const ParamSpec& spec, BenchRandom& rng)
{
    switch (spec.kind) {
    case ParamKind::Int:
        out += std::to_string(rng.between(static_cast<int64_t>(spec.lo), static_cast<int64_t>(spec.hi)));
        return;
    case ParamKind::Float: // people log round-ish values: str(round(x, 3))
        appendPythonFloat(out, std::round(rng.uniform(spec.lo, spec.hi) * 1000.0) / 1000.0);
        return;
    case ParamKind::LogFloat: // sampled by a tuner at full precision
        appendPythonFloat(out, rng.logUniform(spec.lo, spec.hi));
        return;
    case ParamKind::Choice:
        out += spec.choices[rng.next() % spec.choices.size()];
        return;
    }
}

enum class CurveKind { Decay, Rise, Schedule, Spiky, Level };

struct MetricSpec
{
    std::string key;
    CurveKind kind = CurveKind::Decay;
    double lo = 0.0; // end level (Decay, Spiky), ceiling range (Rise), value range (Schedule, Level)
    double hi = 1.0;
    double upturn = 0.0; // Decay only: late rise relative to the floor (validation loss overfitting)
};

inline std::vector<MetricSpec> metricSpecs(int count)
{
    using C = CurveKind;
    static const std::vector<MetricSpec> pool = {
        { "loss/train", C::Decay, 0.05, 2.3, 0.0 },
        { "loss/val", C::Decay, 0.12, 2.3, 0.4 },
        { "accuracy/train", C::Rise, 0.9, 0.995, 0.0 },
        { "accuracy/val", C::Rise, 0.8, 0.95, 0.0 },
        { "learning_rate", C::Schedule, 1e-4, 1e-2, 0.0 },
        { "grad_norm", C::Spiky, 0.2, 8.0, 0.0 },
        { "val_auc", C::Rise, 0.75, 0.97, 0.0 },
        { "throughput", C::Level, 800.0, 2500.0, 0.0 },
        { "epoch_time", C::Level, 30.0, 90.0, 0.0 },
        { "perplexity/val", C::Decay, 5.0, 200.0, 0.2 },
    };
    std::vector<MetricSpec> specs(pool.begin(), pool.begin() + std::min<std::ptrdiff_t>(count, std::ssize(pool)));
    for (int i = static_cast<int>(specs.size()); i < count; ++i)
        specs.push_back({ "metric_" + std::to_string(i), C::Decay, 0.01, 1.0, 0.0 });
    return specs;
}

// One metric's curve within one run: shape parameters are drawn once, noise at every step.
class MetricCurve
{
public:
    MetricCurve(const MetricSpec& spec, int steps, BenchRandom& rng)
        : m_kind(spec.kind)
        , m_steps(std::max(steps, 1))
        , m_tau(m_steps * rng.uniform(0.05, 0.3))
    {
        switch (m_kind) {
        case CurveKind::Decay:
        case CurveKind::Spiky:
            m_start = spec.hi * rng.uniform(0.8, 1.2);
            m_end = spec.lo * rng.uniform(0.5, 1.5);
            m_noise = m_kind == CurveKind::Spiky ? 0.35 : rng.uniform(0.02, 0.08);
            m_upturn = spec.upturn * rng.uniform(0.5, 1.5);
            break;
        case CurveKind::Rise:
            m_start = rng.uniform(0.05, 0.5);
            m_end = rng.uniform(spec.lo, spec.hi);
            m_noise = rng.uniform(0.005, 0.02);
            break;
        case CurveKind::Schedule:
            m_start = rng.logUniform(spec.lo, spec.hi);
            break;
        case CurveKind::Level:
            m_start = rng.uniform(spec.lo, spec.hi);
            m_noise = rng.uniform(0.02, 0.06);
            break;
        }
    }

    double valueAt(int step, BenchRandom& rng) const
    {
        const double s = step;
        const double decay = std::exp(-s / m_tau);
        switch (m_kind) {
        case CurveKind::Decay:
            return (m_end + (m_start - m_end) * decay + m_end * m_upturn * s / m_steps)
                * std::exp(m_noise * rng.normal());
        case CurveKind::Spiky: {
            const double value = (m_end + (m_start - m_end) * decay) * std::exp(m_noise * rng.normal());
            return rng.uniform() < 0.005 ? value * rng.uniform(3.0, 8.0) : value;
        }
        case CurveKind::Rise:
            return std::clamp(m_end - (m_end - m_start) * decay + m_noise * rng.normal(), 0.0, 1.0);
        case CurveKind::Schedule: { // linear warm-up over 5 % of the steps, then cosine decay
            const int warmup = std::max(1, m_steps / 20);
            if (step < warmup)
                return m_start * (step + 1) / warmup;
            return m_start * 0.5
                * (1.0 + std::cos(3.141592653589793 * (step - warmup) / std::max(1, m_steps - warmup)));
        }
        case CurveKind::Level:
            return m_start * (1.0 + m_noise * rng.normal());
        }
        return 0.0;
    }

private:
    CurveKind m_kind;
    int m_steps;
    double m_tau;
    double m_start = 0.0;
    double m_end = 0.0;
    double m_noise = 0.0;
    double m_upturn = 0.0;
};

} // namespace bench
