#include "length_scorer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

namespace tandem::align {
namespace {

std::vector<double> PrefixSums(std::span<const double> values) {
  std::vector<double> prefix(values.size() + 1, 0.0);
  for (std::size_t i = 0; i < values.size(); ++i) prefix[i + 1] = prefix[i] + values[i];
  return prefix;
}

}  // namespace

double ShapePriors::Prior(std::size_t a, std::size_t b) const {
  if (a == 1 && b == 1) return one_one;
  if ((a == 1 && b == 0) || (a == 0 && b == 1)) return one_zero;
  if ((a == 2 && b == 1) || (a == 1 && b == 2)) return two_one;
  if (a == 2 && b == 2) return two_two;
  return other;
}

LengthModel LengthModel::Estimate(std::span<const double> source_lengths,
                                  std::span<const double> target_lengths) {
  LengthModel model;
  const double source_total = std::accumulate(source_lengths.begin(), source_lengths.end(), 0.0);
  const double target_total = std::accumulate(target_lengths.begin(), target_lengths.end(), 0.0);
  if (source_total > 0 && target_total > 0) model.ratio = target_total / source_total;
  return model;
}

namespace {

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

// The unit of length in which Gale & Church's variance grows: the mean of both lengths in
// source units, so that deletions and insertions (one length zero) stay well defined.
double Scale(double source_length, double target_length, double ratio) {
  return std::max((source_length + target_length / ratio) / 2.0, 1.0);
}

}  // namespace

LengthModel LengthModel::Guess(std::span<const double> source_lengths,
                               std::span<const double> target_lengths) {
  const double n = static_cast<double>(source_lengths.size());
  const double m = static_cast<double>(target_lengths.size());
  if (n > 0 && m > 0 && m <= 1.5 * n && n <= 1.5 * m) {
    return Estimate(source_lengths, target_lengths);
  }
  LengthModel model;
  const double source_median =
      Median(std::vector<double>(source_lengths.begin(), source_lengths.end()));
  const double target_median =
      Median(std::vector<double>(target_lengths.begin(), target_lengths.end()));
  if (source_median > 0 && target_median > 0) model.ratio = target_median / source_median;
  return model;
}

LengthModel LengthModel::FromBeads(std::span<const double> source_lengths,
                                   std::span<const double> target_lengths, const Ladder& beads,
                                   const LengthModel& fallback, std::size_t min_beads) {
  double source_total = 0;
  double target_total = 0;
  std::vector<std::pair<double, double>> pairs;
  for (const Bead& bead : beads) {
    if (!bead.two_sided()) continue;
    double s = 0;
    double t = 0;
    for (std::size_t k = bead.source_begin; k < bead.source_end(); ++k) s += source_lengths[k];
    for (std::size_t k = bead.target_begin; k < bead.target_end(); ++k) t += target_lengths[k];
    if (s <= 0 || t <= 0) continue;
    source_total += s;
    target_total += t;
    pairs.emplace_back(s, t);
  }
  if (pairs.size() < min_beads || source_total <= 0) return fallback;
  LengthModel model;
  model.ratio = target_total / source_total;
  std::vector<double> squared;
  squared.reserve(pairs.size());
  for (const auto& [s, t] : pairs) {
    const double d = t - s * model.ratio;
    squared.push_back(d * d / Scale(s, t, model.ratio));
  }
  model.variance = std::max(Median(std::move(squared)) / 0.455, 0.5);
  return model;
}

LengthRatioScorer::LengthRatioScorer(std::span<const double> source_lengths,
                                     std::span<const double> target_lengths, LengthModel model,
                                     double null_deviation)
    : source_prefix_(PrefixSums(source_lengths)),
      target_prefix_(PrefixSums(target_lengths)),
      model_(model),
      null_deviation_(std::max(null_deviation, 1.0)),
      tail_factor_(1 - 1 / (null_deviation_ * null_deviation_)),
      log_null_deviation_(std::log(null_deviation_)) {}

double LengthRatioScorer::Deviation(double source_length, double target_length) const {
  return (target_length - source_length * model_.ratio) /
         std::sqrt(Scale(source_length, target_length, model_.ratio) * model_.variance);
}

inline double LengthRatioScorer::CostAt(std::size_t i, std::size_t a, std::size_t j,
                                        std::size_t b) const {
  if (a == 0 || b == 0) return 0.0;
  // Deviation() squared, without its square root.
  const double source = source_prefix_[i + a] - source_prefix_[i];
  const double target = target_prefix_[j + b] - target_prefix_[j];
  const double excess = target - source * model_.ratio;
  const double squared = excess * excess / (Scale(source, target, model_.ratio) * model_.variance);
  return squared / 2 * tail_factor_ - log_null_deviation_;
}

double LengthRatioScorer::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  return CostAt(i, a, j, b);
}

double LengthRatioScorer::NullDeviation(std::span<const double> source_lengths,
                                        std::span<const double> target_lengths,
                                        const LengthModel& model) {
  const std::size_t n = source_lengths.size();
  const std::size_t m = target_lengths.size();
  if (n == 0 || m == 0) return 1.0;
  const LengthRatioScorer scorer(source_lengths, target_lengths, model, 1.0);
  std::vector<double> squared;
  squared.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    // Half the text away from where k's counterpart would be.
    const std::size_t other = (k * m / n + m / 2) % m;
    const double delta = scorer.Deviation(source_lengths[k], target_lengths[other]);
    squared.push_back(delta * delta);
  }
  return std::sqrt(Median(std::move(squared)) / 0.455);
}

double NormalTailCost(double x) {
  const double z = std::abs(x) / std::numbers::sqrt2;
  const double p = std::erfc(z);  // = 2 * (1 - Phi(|x|))
  if (p > 1e-300) return -std::log(p);
  // erfc(z) ~ exp(-z^2) / (z sqrt(pi)) for large z.
  return z * z + std::log(z * std::sqrt(std::numbers::pi));
}

LengthScorer::LengthScorer(std::span<const double> source_lengths,
                           std::span<const double> target_lengths, LengthModel model,
                           ShapePriors priors)
    : source_prefix_(PrefixSums(source_lengths)),
      target_prefix_(PrefixSums(target_lengths)),
      model_(model),
      priors_(priors) {}

double LengthScorer::LengthCost(double source_length, double target_length) const {
  if (source_length <= 0 && target_length <= 0) return 0.0;
  // Gale & Church scale the variance by the source length; the mean of both lengths (in
  // source units) keeps deletions and insertions (one length zero) well defined.
  const double scale = (source_length + target_length / model_.ratio) / 2.0;
  const double delta =
      (target_length - source_length * model_.ratio) / std::sqrt(scale * model_.variance);
  return NormalTailCost(delta);
}

double LengthScorer::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  const double source_length = source_prefix_[i + a] - source_prefix_[i];
  const double target_length = target_prefix_[j + b] - target_prefix_[j];
  return -std::log(priors_.Prior(a, b)) + LengthCost(source_length, target_length);
}

std::unique_ptr<RowScorer> LengthRatioScorer::Rows(const std::vector<BeadShape>& shapes) const {
  return MakeBeadByBeadRows([this](std::size_t i, std::size_t a, std::size_t j,
                                   std::size_t b) { return CostAt(i, a, j, b); },
                            shapes, true);
}

}  // namespace tandem::align
