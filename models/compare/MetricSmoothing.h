#pragma once

#include "core/Result.h"
#include "domain/MetricPoint.h"

#include <QString>

#include <span>
#include <vector>

namespace prov {

// How a metric curve is smoothed before it is drawn: TensorBoard's debiased exponential moving
// average (weight in [0, 1)), a trailing running average over N logged points, or a Gaussian
// kernel of SIGMA logged points. Smoothing runs over the full history in its order, never over
// decimated points. Non-finite values (NaN, +/-inf) are kept as they are and left out of
// every average, as TensorBoard does. Pure; safe on any thread.
class MetricSmoothing
{
public:
    enum class Kind {
        None,
        Ema,
        RunningAverage,
        Gaussian,
    };

    MetricSmoothing() = default;
    static MetricSmoothing ema(double weight) { return { Kind::Ema, weight }; }
    static MetricSmoothing runningAverage(int points) { return { Kind::RunningAverage, double(points) }; }
    static MetricSmoothing gaussian(double sigma) { return { Kind::Gaussian, sigma }; }

    // Reads "none", "ema:0.6", "avg:10" or "gauss:2.5"; a sentence saying what is accepted
    // otherwise.
    static Result<MetricSmoothing> parse(const QString& spec);
    // The form parse() reads ("ema:0.6"); "none" for no smoothing.
    QString spec() const;
    // For chart footers and legends: "EMA 0.6", "running average of 10 points", "Gaussian σ = 2.5".
    QString describe() const;

    Kind kind() const { return m_kind; }
    double parameter() const { return m_parameter; }
    bool isNone() const { return m_kind == Kind::None; }

    // `points` with each finite value replaced by its smoothed value; steps and timestamps
    // are unchanged, so the result decimates like the original.
    std::vector<MetricPoint> apply(std::span<const MetricPoint> points) const;

    friend bool operator==(const MetricSmoothing&, const MetricSmoothing&) = default;

    // The largest accepted Gaussian sigma, in points: the kernel spans 6 sigma, so this bounds
    // the work per point.
    static constexpr double MaxSigma = 1000.0;
    static constexpr int MaxWindow = 1'000'000;

private:
    MetricSmoothing(Kind kind, double parameter)
        : m_kind(kind)
        , m_parameter(parameter)
    { }

    std::vector<MetricPoint> applyEma(std::span<const MetricPoint> points) const;
    std::vector<MetricPoint> applyRunningAverage(std::span<const MetricPoint> points) const;
    std::vector<MetricPoint> applyGaussian(std::span<const MetricPoint> points) const;

    Kind m_kind = Kind::None;
    double m_parameter = 0.0;
};

} // namespace prov
