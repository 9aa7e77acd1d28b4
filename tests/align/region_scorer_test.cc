#include "tandem/align/region_scorer.h"

#include <cmath>

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

// Evidence that is strong for 1:1 beads on the diagonal i - j == offset, nil elsewhere.
class Diagonal final : public BeadScorer {
 public:
  explicit Diagonal(long offset) : offset_(offset) {}
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override {
    return a == 1 && b == 1 && static_cast<long>(i) - static_cast<long>(j) == offset_ ? -10.0 : 0.0;
  }

 private:
  long offset_;
};

// A letter of 20 sentences inside a document of 100: target 40-60 translates source 0-20.
Ladder Embedded() {
  Ladder ladder;
  for (std::size_t j = 0; j < 40; ++j) ladder.push_back({0, 0, j, 1, 0.9});
  for (std::size_t k = 0; k < 20; ++k) ladder.push_back({k, 1, 40 + k, 1, 0.99});
  for (std::size_t j = 60; j < 100; ++j) ladder.push_back({20, 0, j, 1, 0.9});
  return ladder;
}

TEST(FindCorrespondingRegion, AnEmbeddedTranslation) {
  const std::optional<Region> region =
      FindCorrespondingRegion(Embedded(), Diagonal(-40), RegionOptions{});
  ASSERT_TRUE(region.has_value());
  EXPECT_EQ(*region, (Region{0, 20, 40, 60}));
}

TEST(FindCorrespondingRegion, TextsThatCorrespondAsAWholeHaveNone) {
  Ladder ladder;
  for (std::size_t k = 0; k < 50; ++k) ladder.push_back({k, 1, k, 1, 0.99});
  EXPECT_FALSE(FindCorrespondingRegion(ladder, Diagonal(0), {}).has_value());
  EXPECT_FALSE(FindCorrespondingRegion({}, Diagonal(0), {}).has_value());
}

TEST(FindCorrespondingRegion, IsolatedCoincidencesAreDropped) {
  // The letter, then a far away run of three pairs that share words by chance.
  Ladder ladder = Embedded();
  ladder.resize(60);  // the letter and what precedes it
  for (std::size_t j = 60; j < 90; ++j) ladder.push_back({20, 0, j, 1, 0.9});
  for (std::size_t k = 0; k < 3; ++k) ladder.push_back({20 + k, 1, 90 + k, 1, 0.99});
  for (std::size_t j = 93; j < 100; ++j) ladder.push_back({23, 0, j, 1, 0.9});
  class Evidence final : public BeadScorer {
   public:
    double Cost(std::size_t, std::size_t a, std::size_t, std::size_t b) const override {
      return a > 0 && b > 0 ? -10.0 : 0.0;
    }
  } evidence;
  const std::optional<Region> region = FindCorrespondingRegion(ladder, evidence, {});
  ASSERT_TRUE(region.has_value());
  EXPECT_EQ(*region, (Region{0, 20, 40, 60}));
}

TEST(FindCorrespondingRegion, WeakBeadsAreNoAnchors) {
  // Lexical evidence below anchor_evidence: no anchors, no region.
  class Weak final : public BeadScorer {
   public:
    double Cost(std::size_t, std::size_t, std::size_t, std::size_t) const override { return -1.0; }
  } weak;
  EXPECT_FALSE(FindCorrespondingRegion(Embedded(), weak, {}).has_value());
}

TEST(RegionScorer, CostsOutsideTheRegion) {
  const ShapeTable shapes = ShapeTable::Default();
  const ShapeScorer inside(shapes);
  const RegionOptions options;
  const RegionScorer scorer(Region{0, 20, 40, 60}, shapes, 1.0, options);
  // Inside: nothing.
  EXPECT_EQ(scorer.Cost(5, 1, 45, 1), 0.0);
  EXPECT_EQ(scorer.Distance(5, 1, 45, 1), 0u);
  // A pair far outside pays per sentence of distance.
  EXPECT_EQ(scorer.Distance(20, 1, 90, 1), 31u);
  EXPECT_NEAR(scorer.Cost(20, 1, 90, 1), 31 * options.per_sentence, 1e-9);
  // Far outside, a one-sided bead costs (together with the shape prior) about
  // outside_one_sided; next to the region, between that and its inside cost.
  const double far = scorer.Cost(20, 0, 90, 1) + inside.Cost(20, 0, 90, 1);
  EXPECT_NEAR(far, options.outside_one_sided, 1e-6);
  const double near = scorer.Cost(20, 0, 60, 1) + inside.Cost(20, 0, 60, 1);
  EXPECT_GT(near, far);
  EXPECT_LT(near, inside.Cost(20, 0, 60, 1));
  // Without a region, nothing costs anything.
  const RegionScorer none(std::nullopt, shapes, 1.0, options);
  EXPECT_EQ(none.Cost(20, 1, 90, 1), 0.0);
}

}  // namespace
}  // namespace tandem::align
