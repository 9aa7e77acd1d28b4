#include "combined_scorer.h"

#include <cmath>
#include <limits>

namespace tandem::align {

CombinedScorer::CombinedScorer(std::vector<WeightedScorer> parts) : parts_(std::move(parts)) {}

double CombinedScorer::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  double cost = 0;
  for (const WeightedScorer& part : parts_) {
    if (part.weight == 0) continue;
    cost += part.weight * part.scorer->Cost(i, a, j, b);
    if (cost == std::numeric_limits<double>::infinity()) break;
  }
  return cost;
}

}  // namespace tandem::align
