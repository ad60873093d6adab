#include "compare/MetricSmoothing.h"

#include <algorithm>
#include <cmath>

namespace prov {
namespace {

// The finite values of `points` and where each sits; smoothing works on these alone.
struct FiniteValues
{
    std::vector<double> values;
    std::vector<size_t> positions;
};

FiniteValues finiteValues(std::span<const MetricPoint> points)
{
    FiniteValues out;
    out.values.reserve(points.size());
    out.positions.reserve(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        if (std::isfinite(points[i].value)) {
            out.values.push_back(points[i].value);
            out.positions.push_back(i);
        }
    }
    return out;
}

std::vector<MetricPoint> withValues(
    std::span<const MetricPoint> points, const FiniteValues& finite, const std::vector<double>& smoothed)
{
    std::vector<MetricPoint> out(points.begin(), points.end());
    for (size_t k = 0; k < smoothed.size(); ++k)
        out[finite.positions[k]].value = smoothed[k];
    return out;
}

Error badSpec(const QString& spec, const QString& why)
{
    return makeError(ErrorCode::InvalidArgument,
        QStringLiteral("“%1” is not a smoothing: %2 (use ema:WEIGHT with a weight from 0 to below 1, avg:POINTS, "
                       "gauss:SIGMA or none)")
            .arg(spec, why));
}

} // namespace

Result<MetricSmoothing> MetricSmoothing::parse(const QString& spec)
{
    const QString text = spec.trimmed().toLower();
    if (text.isEmpty() || text == QLatin1String("none"))
        return MetricSmoothing();
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString name = colon < 0 ? text : text.left(colon);
    const QString argument = colon < 0 ? QString() : text.mid(colon + 1);
    bool numeric = false;
    const double value = argument.toDouble(&numeric);
    if (name == QLatin1String("ema")) {
        if (!numeric || !(value >= 0.0 && value < 1.0))
            return badSpec(spec, QStringLiteral("the EMA weight must be a number from 0 to below 1"));
        return ema(value);
    }
    if (name == QLatin1String("avg")) {
        const int points = argument.toInt(&numeric);
        if (!numeric || points < 1 || points > MaxWindow)
            return badSpec(
                spec, QStringLiteral("the running average needs a whole number of points from 1 to %1").arg(MaxWindow));
        return runningAverage(points);
    }
    if (name == QLatin1String("gauss")) {
        if (!numeric || !(value > 0.0 && value <= MaxSigma))
            return badSpec(spec,
                QStringLiteral("the Gaussian sigma must be a number of points above 0 and at most %1").arg(MaxSigma));
        return gaussian(value);
    }
    return badSpec(spec, QStringLiteral("unknown kind “%1”").arg(name));
}

QString MetricSmoothing::spec() const
{
    switch (m_kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Ema:
        return QStringLiteral("ema:") + QString::number(m_parameter);
    case Kind::RunningAverage:
        return QStringLiteral("avg:") + QString::number(int(m_parameter));
    case Kind::Gaussian:
        return QStringLiteral("gauss:") + QString::number(m_parameter);
    }
    return QStringLiteral("none");
}

QString MetricSmoothing::describe() const
{
    switch (m_kind) {
    case Kind::None:
        return QStringLiteral("no smoothing");
    case Kind::Ema:
        return QStringLiteral("EMA ") + QString::number(m_parameter);
    case Kind::RunningAverage:
        return QStringLiteral("running average of %1 points").arg(int(m_parameter));
    case Kind::Gaussian:
        return QStringLiteral("Gaussian σ = %1 points").arg(m_parameter);
    }
    return {};
}

std::vector<MetricPoint> MetricSmoothing::apply(std::span<const MetricPoint> points) const
{
    switch (m_kind) {
    case Kind::None:
        break;
    case Kind::Ema:
        return applyEma(points);
    case Kind::RunningAverage:
        return applyRunningAverage(points);
    case Kind::Gaussian:
        return applyGaussian(points);
    }
    return { points.begin(), points.end() };
}

// TensorBoard's smoothing (vz_line_chart2 / scalar card): a zero-initialised EMA divided by
// 1 - w^n to remove the bias towards zero of its first points; a constant series is left as
// it is so rounding never makes it wobble.
std::vector<MetricPoint> MetricSmoothing::applyEma(std::span<const MetricPoint> points) const
{
    std::vector<MetricPoint> out(points.begin(), points.end());
    const bool constant = std::all_of(
        points.begin(), points.end(), [&](const MetricPoint& p) { return p.value == points.front().value; });
    if (constant)
        return out;
    const double weight = m_parameter;
    double last = 0.0;
    int accumulated = 0;
    for (MetricPoint& p : out) {
        if (!std::isfinite(p.value))
            continue;
        last = last * weight + (1.0 - weight) * p.value;
        ++accumulated;
        const double debias = 1.0 - std::pow(weight, accumulated);
        p.value = debias > 0.0 ? last / debias : last;
    }
    return out;
}

// The mean of the current and up to N - 1 previous finite values.
std::vector<MetricPoint> MetricSmoothing::applyRunningAverage(std::span<const MetricPoint> points) const
{
    const FiniteValues finite = finiteValues(points);
    const size_t window = static_cast<size_t>(m_parameter);
    std::vector<double> smoothed(finite.values.size());
    long double sum = 0.0L; // wide, so adding and removing a million values does not drift
    for (size_t k = 0; k < finite.values.size(); ++k) {
        sum += finite.values[k];
        if (k >= window)
            sum -= finite.values[k - window];
        const size_t count = std::min(k + 1, window);
        smoothed[k] = static_cast<double>(sum / static_cast<long double>(count));
    }
    return withValues(points, finite, smoothed);
}

// A centred Gaussian kernel over neighbouring finite values, cut at 3 sigma and renormalised
// where it runs past either end, so the curve does not sag towards zero at the edges.
std::vector<MetricPoint> MetricSmoothing::applyGaussian(std::span<const MetricPoint> points) const
{
    const FiniteValues finite = finiteValues(points);
    const double sigma = m_parameter;
    const auto radius = static_cast<std::ptrdiff_t>(std::ceil(3.0 * sigma));
    std::vector<double> weights(static_cast<size_t>(radius) + 1);
    for (std::ptrdiff_t d = 0; d <= radius; ++d)
        weights[size_t(d)] = std::exp(-double(d * d) / (2.0 * sigma * sigma));
    const auto n = static_cast<std::ptrdiff_t>(finite.values.size());
    std::vector<double> smoothed(finite.values.size());
    for (std::ptrdiff_t k = 0; k < n; ++k) {
        double sum = 0.0;
        double total = 0.0;
        const std::ptrdiff_t from = std::max<std::ptrdiff_t>(0, k - radius);
        const std::ptrdiff_t to = std::min(n - 1, k + radius);
        for (std::ptrdiff_t j = from; j <= to; ++j) {
            const double w = weights[size_t(std::abs(j - k))];
            sum += w * finite.values[size_t(j)];
            total += w;
        }
        smoothed[size_t(k)] = sum / total;
    }
    return withValues(points, finite, smoothed);
}

} // namespace prov
