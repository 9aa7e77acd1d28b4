// Length evidence in the manner of Gale & Church (1993): a translation's length in characters
// is roughly proportional to its source's, with a variance that grows with the length.
//
//   auto model = tandem::align::LengthModel::Estimate(source_lengths, target_lengths);
//   tandem::align::LengthScorer scorer(source_lengths, target_lengths, model);
//   double cost = scorer.Cost(i, 2, j, 1);   // the 2:1 bead at (i, j)
//
// The cost of a bead is -ln P(shape) - ln P(delta), where delta is the standardised
// difference between the target length and the length the source predicts, and P(delta) is the
// two-sided tail of the standard normal distribution.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "scorer.h"
#include "tandem/align/bead.h"

namespace tandem::align {

// Prior probabilities of the bead shapes (Gale & Church 1993, table 5, split evenly between
// the two directions of the asymmetric shapes). Shapes not listed get `other`.
struct ShapePriors {
  double one_one = 0.89;
  double one_zero = 0.0099 / 2;  // each of 1:0 and 0:1
  double two_one = 0.089 / 2;    // each of 2:1 and 1:2
  double two_two = 0.011;
  double other = 0.0005;  // each of 3:1, 1:3, 3:2, ...

  double Prior(std::size_t a, std::size_t b) const;
};

struct LengthModel {
  double ratio = 1.0;     // expected target characters per source character
  double variance = 6.8;  // variance of the target length per source character (G&C: 6.8)

  // The ratio of the two texts' total lengths; variance stays at Gale & Church's value.
  static LengthModel Estimate(std::span<const double> source_lengths,
                              std::span<const double> target_lengths);

  // A first guess for texts that may correspond only in part: the ratio of the total lengths
  // when the texts have about as many sentences (within a factor of 1.5), else the ratio of
  // their median sentence lengths, which a long stretch without counterpart does not skew.
  static LengthModel Guess(std::span<const double> source_lengths,
                           std::span<const double> target_lengths);

  // Ratio and variance from the two-sided beads of `beads`, taken to be right: the ratio of
  // their total lengths, and a robust variance (the median squared deviation per unit of
  // length, divided by the median of a chi-square with one degree of freedom, 0.455). With
  // fewer than `min_beads` two-sided beads, `fallback` is returned.
  static LengthModel FromBeads(std::span<const double> source_lengths,
                               std::span<const double> target_lengths, const Ladder& beads,
                               const LengthModel& fallback, std::size_t min_beads = 10);
};

class LengthScorer final : public BeadScorer {
 public:
  // Lengths are in characters (code points of the NFC text) per sentence.
  LengthScorer(std::span<const double> source_lengths, std::span<const double> target_lengths,
               LengthModel model, ShapePriors priors = {});

  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;

  // The length part of the cost alone, -ln P(delta), for two lengths.
  double LengthCost(double source_length, double target_length) const;

  const LengthModel& model() const { return model_; }

 private:
  std::vector<double> source_prefix_;  // source_prefix_[i] = total length of sentences [0, i)
  std::vector<double> target_prefix_;
  LengthModel model_;
  ShapePriors priors_;
};

// Length evidence alone, as a log-likelihood ratio: how much more likely the two lengths of a
// two-sided bead are if the runs translate each other (the standardised deviation delta of
// Gale & Church is standard normal) than if they are unrelated (delta is normal with the
// spread `null_deviation` that unrelated sentence pairs of the same texts show):
//
//   cost = delta^2 / 2 - delta^2 / (2 s0^2) - ln s0        (0 for one-sided beads)
//
// Negative when the lengths fit (at best -ln s0), growing with the square of the mismatch.
// Shape priors are not part of it (shape_scorer.h).
class LengthRatioScorer final : public BeadScorer {
 public:
  LengthRatioScorer(std::span<const double> source_lengths, std::span<const double> target_lengths,
                    LengthModel model, double null_deviation);

  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override;

  // delta for a source and a target length (in their own units).
  double Deviation(double source_length, double target_length) const;

  // The spread (robust standard deviation) of delta over sentence pairs that do not
  // correspond: sentence k of the source against a sentence far from k's place in the target.
  static double NullDeviation(std::span<const double> source_lengths,
                              std::span<const double> target_lengths, const LengthModel& model);

  const LengthModel& model() const { return model_; }
  double null_deviation() const { return null_deviation_; }

 private:
  // Cost, inlined where it is defined.
  double CostAt(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const;
  std::vector<double> source_prefix_;
  std::vector<double> target_prefix_;
  LengthModel model_;
  double null_deviation_;
  double tail_factor_;         // 1 - 1 / null_deviation_^2
  double log_null_deviation_;  // log(null_deviation_)
};

// -ln(2 * (1 - Phi(|x|))): the cost of a standard normal deviation of size |x|, accurate also
// far in the tail where the probability underflows.
double NormalTailCost(double x);

}  // namespace tandem::align
