// Several kinds of evidence as one scorer: the weighted sum of their costs.
//
//   tandem::align::CombinedScorer scorer({{&shapes, 1.0}, {&length, 0.8}, {&dictionary, 0.6}});
//   double cost = scorer.Cost(i, 1, j, 1);
//
// Each part is a negative log-probability (or log-likelihood ratio), so the sum is one too, as
// search.h requires. Weights below one discount evidence that overlaps another part's (a
// learned lexicon re-finds dictionary pairs); their scale also sets how sharp the posteriors,
// and so the confidences, are. Align() uses weights fitted on the dev gold sets (AlignOptions,
// docs/architecture.md).
#pragma once

#include <cstddef>
#include <vector>

#include "scorer.h"

namespace tandem::align {

struct WeightedScorer {
  const BeadScorer* scorer = nullptr;  // not owned; must outlive the CombinedScorer
  double weight = 1.0;
};

class CombinedScorer final : public BeadScorer {
 public:
  explicit CombinedScorer(std::vector<WeightedScorer> parts);
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override;
  const std::vector<WeightedScorer>& parts() const { return parts_; }

 private:
  std::vector<WeightedScorer> parts_;
};

}  // namespace tandem::align
