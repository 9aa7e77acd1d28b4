#include "tandem/align/length_scorer.h"

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

}  // namespace tandem::align
