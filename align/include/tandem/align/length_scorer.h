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

#include "tandem/align/scorer.h"

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

// -ln(2 * (1 - Phi(|x|))): the cost of a standard normal deviation of size |x|, accurate also
// far in the tail where the probability underflows.
double NormalTailCost(double x);

}  // namespace tandem::align
