// Scoring: what a candidate bead costs. The search (search.h) asks a scorer for the cost of
// every bead it considers and never looks at the text itself, so evidence and search can be
// replaced independently.
//
//   class MyScorer final : public tandem::align::BeadScorer {
//    public:
//     double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
//   };
//
// Invariant: costs are negative natural-log probabilities of the bead (0 = certain, larger =
// less likely), finite or +infinity for impossible beads; the search adds them along a path,
// and the confidence of a bead is derived from them (search.h), so scorers must stay on this
// scale.
#pragma once

#include <cstddef>

namespace tandem::align {

class BeadScorer {
 public:
  virtual ~BeadScorer() = default;

  // The cost of the bead that covers source sentences [i, i + a) and target sentences
  // [j, j + b), where a + b >= 1. Must be safe to call from several threads at once.
  virtual double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const = 0;
};

}  // namespace tandem::align
