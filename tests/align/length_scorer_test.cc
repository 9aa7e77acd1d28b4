#include "tandem/align/length_scorer.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

TEST(NormalTailCost, MatchesTheNormalDistribution) {
  EXPECT_NEAR(NormalTailCost(0.0), 0.0, 1e-12);
  EXPECT_NEAR(NormalTailCost(1.959964), -std::log(0.05), 1e-5);
  EXPECT_NEAR(NormalTailCost(-1.959964), -std::log(0.05), 1e-5);
  EXPECT_NEAR(NormalTailCost(3.290527), -std::log(0.001), 1e-4);
}

TEST(NormalTailCost, StaysFiniteAndIncreasingFarInTheTail) {
  double previous = 0;
  for (double x : {5.0, 10.0, 30.0, 40.0, 100.0, 1000.0}) {
    const double cost = NormalTailCost(x);
    EXPECT_TRUE(std::isfinite(cost)) << x;
    EXPECT_GT(cost, previous) << x;
    previous = cost;
  }
  EXPECT_NEAR(NormalTailCost(40.0) / (40.0 * 40.0 / 2), 1.0, 0.01);
}

TEST(LengthModel, RatioFromTotals) {
  const std::vector<double> source = {10, 20, 30};
  const std::vector<double> target = {15, 30, 45};
  EXPECT_DOUBLE_EQ(LengthModel::Estimate(source, target).ratio, 1.5);
  EXPECT_DOUBLE_EQ(LengthModel::Estimate({}, {}).ratio, 1.0);
}

TEST(LengthScorer, EqualLengthsCostOnlyThePrior) {
  const std::vector<double> source = {40, 60};
  const std::vector<double> target = {40, 60};
  const LengthScorer scorer(source, target, {});
  EXPECT_NEAR(scorer.Cost(0, 1, 0, 1), -std::log(0.89), 1e-12);
  EXPECT_NEAR(scorer.Cost(0, 2, 0, 2), -std::log(0.011), 1e-12);
}

TEST(LengthScorer, MismatchCostsMore) {
  const std::vector<double> source = {40, 40};
  const std::vector<double> target = {40, 80};
  const LengthScorer scorer(source, target, {});
  EXPECT_LT(scorer.Cost(0, 1, 0, 1), scorer.Cost(1, 1, 1, 1));
  EXPECT_LT(scorer.Cost(0, 1, 0, 1), scorer.Cost(0, 1, 0, 0));  // matching beats deleting
}

TEST(LengthScorer, RatioScalesTheExpectation) {
  const std::vector<double> source = {100};
  const std::vector<double> target = {150};
  const LengthScorer scorer(source, target, {.ratio = 1.5, .variance = 6.8});
  EXPECT_NEAR(scorer.Cost(0, 1, 0, 1), -std::log(0.89), 1e-12);
}

TEST(ShapePriors, SymmetricAndPositive) {
  const ShapePriors priors;
  EXPECT_EQ(priors.Prior(2, 1), priors.Prior(1, 2));
  EXPECT_EQ(priors.Prior(1, 0), priors.Prior(0, 1));
  EXPECT_GT(priors.Prior(1, 1), priors.Prior(2, 1));
  EXPECT_GT(priors.Prior(3, 1), 0.0);
}

}  // namespace
}  // namespace tandem::align
