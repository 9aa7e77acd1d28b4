#include "combined_scorer.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

class Constant final : public BeadScorer {
 public:
  explicit Constant(double cost) : cost_(cost) {}
  double Cost(std::size_t, std::size_t, std::size_t, std::size_t) const override { return cost_; }

 private:
  double cost_;
};

TEST(CombinedScorer, WeightedSum) {
  const Constant two(2.0);
  const Constant minus_three(-3.0);
  const CombinedScorer scorer({{&two, 0.5}, {&minus_three, 2.0}});
  EXPECT_DOUBLE_EQ(scorer.Cost(0, 1, 0, 1), 0.5 * 2.0 + 2.0 * -3.0);
  EXPECT_EQ(scorer.parts().size(), 2u);
}

TEST(CombinedScorer, ImpossibleStaysImpossibleAndZeroWeightsAreSkipped) {
  const Constant infinite(std::numeric_limits<double>::infinity());
  const Constant one(1.0);
  EXPECT_TRUE(std::isinf(CombinedScorer({{&one, 1.0}, {&infinite, 1.0}}).Cost(0, 1, 0, 1)));
  EXPECT_DOUBLE_EQ(CombinedScorer({{&one, 1.0}, {&infinite, 0.0}}).Cost(0, 1, 0, 1), 1.0);
  EXPECT_DOUBLE_EQ(CombinedScorer({}).Cost(0, 1, 0, 1), 0.0);
}

}  // namespace
}  // namespace tandem::align
