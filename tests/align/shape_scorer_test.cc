#include "shape_scorer.h"

#include <cmath>

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

TEST(ShapeTable, DefaultIsSymmetricAndPrefersOneToOne) {
  const ShapeTable table = ShapeTable::Default();
  for (std::size_t a = 0; a <= 4; ++a) {
    for (std::size_t b = 0; b <= 4; ++b) {
      if (a + b == 0) continue;
      EXPECT_EQ(table.Probability(a, b), table.Probability(b, a)) << a << ":" << b;
      EXPECT_GT(table.Probability(a, b), 0.0) << a << ":" << b;
      if (a + b > 2) {
        EXPECT_LT(table.Probability(a, b), table.Probability(1, 1));
      }
    }
  }
  EXPECT_GT(table.Probability(2, 1), table.Probability(3, 1));
  EXPECT_EQ(table.Probability(0, 0), 0.0);
  EXPECT_EQ(table.Probability(9, 1), 0.0);
}

TEST(ShapeTable, EstimateMovesTowardsTheLadder) {
  const ShapeTable prior = ShapeTable::Default();
  Ladder ladder;
  for (std::size_t k = 0; k < 100; ++k) ladder.push_back({k, 0, 0, 1, 1.0});  // all 0:1
  const ShapeTable estimated = ShapeTable::Estimate(ladder, prior, 10);
  EXPECT_GT(estimated.Probability(0, 1), 0.9);
  EXPECT_LT(estimated.Probability(1, 1), prior.Probability(1, 1));
  // With no beads, the prior is kept (up to normalisation over its shapes).
  const ShapeTable same = ShapeTable::Estimate({}, prior, 10);
  EXPECT_NEAR(same.Probability(1, 1) / same.Probability(2, 1),
              prior.Probability(1, 1) / prior.Probability(2, 1), 1e-9);
}

TEST(ShapeScorer, CostIsMinusLogProbability) {
  ShapeTable table;
  table.Set(1, 1, 0.5);
  const ShapeScorer scorer(table);
  EXPECT_NEAR(scorer.Cost(7, 1, 9, 1), std::log(2.0), 1e-12);
  EXPECT_TRUE(std::isinf(scorer.Cost(0, 9, 0, 1)));
}

}  // namespace
}  // namespace tandem::align
