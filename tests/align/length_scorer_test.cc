#include "length_scorer.h"

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

TEST(LengthModel, GuessForTextsThatCorrespondInPart) {
  // Whole texts: the ratio of the totals.
  const std::vector<double> source = {10, 20, 30};
  const std::vector<double> target = {15, 30, 45};
  EXPECT_DOUBLE_EQ(LengthModel::Guess(source, target).ratio, 1.5);
  // A target ten times as long (a letter inside a collection): the ratio of the medians.
  std::vector<double> long_target;
  for (int k = 0; k < 30; ++k) long_target.push_back(20 + k % 3);
  EXPECT_NEAR(LengthModel::Guess(source, long_target).ratio, 21.0 / 20.0, 1e-9);
}

TEST(LengthModel, FromBeads) {
  // Target sentences 1.2 times as long as their source, with a little noise.
  std::vector<double> source;
  std::vector<double> target;
  Ladder beads;
  for (std::size_t k = 0; k < 40; ++k) {
    source.push_back(50 + static_cast<double>(k));
    target.push_back(1.2 * source.back() + (k % 2 == 0 ? 3 : -3));
    beads.push_back({k, 1, k, 1, 1.0});
  }
  const LengthModel model = LengthModel::FromBeads(source, target, beads, {});
  EXPECT_NEAR(model.ratio, 1.2, 0.01);
  EXPECT_GT(model.variance, 0.0);
  EXPECT_LT(model.variance, 1.0);  // much tighter than Gale & Church's 6.8
  // Too few beads: the fallback.
  const LengthModel fallback{.ratio = 2.0, .variance = 5.0};
  EXPECT_EQ(LengthModel::FromBeads(source, target, {beads.front()}, fallback).ratio, 2.0);
}

TEST(LengthRatioScorer, ALikelihoodRatio) {
  const std::vector<double> source = {100, 100, 30};
  const std::vector<double> target = {100, 300, 70};
  const LengthRatioScorer scorer(source, target, {.ratio = 1.0, .variance = 6.8}, 5.0);
  // Fitting lengths: better than no information (negative), at best -ln(s0).
  EXPECT_LT(scorer.Cost(0, 1, 0, 1), 0.0);
  EXPECT_NEAR(scorer.Cost(0, 1, 0, 1), -std::log(5.0), 1e-9);
  // Mismatched lengths cost more, the more they differ.
  EXPECT_GT(scorer.Cost(1, 1, 1, 1), scorer.Cost(0, 1, 0, 1));
  EXPECT_GT(scorer.Cost(1, 1, 1, 1), scorer.Cost(2, 1, 2, 1));
  EXPECT_GT(scorer.Cost(1, 1, 1, 1), 0.0);
  // One-sided beads have no length evidence.
  EXPECT_EQ(scorer.Cost(0, 1, 0, 0), 0.0);
  EXPECT_EQ(scorer.Cost(0, 0, 0, 1), 0.0);
  // 2:1: the lengths add up.
  EXPECT_NEAR(scorer.Deviation(130, 130), 0.0, 1e-12);
}

TEST(LengthRatioScorer, NullDeviationOfUnrelatedPairs) {
  std::vector<double> source;
  std::vector<double> target;
  for (int k = 0; k < 100; ++k) {
    source.push_back(10 + (k * 37) % 200);
    target.push_back(10 + (k * 37) % 200);
  }
  const LengthModel model;
  // Pairs half a text apart have unrelated lengths: a spread well above 1.
  EXPECT_GT(LengthRatioScorer::NullDeviation(source, target, model), 2.0);
  EXPECT_EQ(LengthRatioScorer::NullDeviation({}, target, model), 1.0);
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
