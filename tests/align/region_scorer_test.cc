#include "region_scorer.h"

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

// Sentences of ten characters each, for texts of up to 200 sentences.
const std::vector<double> kLengths(200, 10.0);

std::optional<Region> Find(const Ladder& ladder, const BeadScorer& evidence) {
  return FindCorrespondingRegion(ladder, evidence, kLengths, kLengths, 1.0, RegionOptions{});
}

TEST(FindCorrespondingRegion, AnEmbeddedTranslation) {
  const std::optional<Region> region = Find(Embedded(), Diagonal(-40));
  ASSERT_TRUE(region.has_value());
  EXPECT_EQ(*region, (Region{0, 20, 40, 60}));
}

TEST(FindCorrespondingRegion, TextsThatCorrespondAsAWholeHaveNone) {
  Ladder ladder;
  for (std::size_t k = 0; k < 50; ++k) ladder.push_back({k, 1, k, 1, 0.99});
  EXPECT_FALSE(Find(ladder, Diagonal(0)).has_value());
  EXPECT_FALSE(Find({}, Diagonal(0)).has_value());
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
  const std::optional<Region> region = Find(ladder, evidence);
  ASSERT_TRUE(region.has_value());
  EXPECT_EQ(*region, (Region{0, 20, 40, 60}));
}

TEST(FindCorrespondingRegion, WeakBeadsAreNoAnchors) {
  // Lexical evidence below anchor_evidence: no anchors, no region.
  class Weak final : public BeadScorer {
   public:
    double Cost(std::size_t, std::size_t, std::size_t, std::size_t) const override { return -1.0; }
  } weak;
  EXPECT_FALSE(Find(Embedded(), weak).has_value());
}

// A translation that splits its sentences (150 target sentences for 100 source sentences) with
// lexical evidence only in a few places: the anchors in the middle make no region, because the
// stretches around them could translate each other (their lengths fit), however lopsided their
// sentence counts are.
TEST(FindCorrespondingRegion, StretchesThatCouldTranslateEachOtherAreNoEvidence) {
  Ladder ladder;
  std::size_t j = 0;
  for (std::size_t i = 0; i < 100; ++i) {
    const std::size_t b = i % 2 == 0 ? 2 : 1;
    ladder.push_back({i, 1, j, b, 0.9});
    j += b;
  }
  class Anchors final : public BeadScorer {  // evidence for beads 45-54 only
   public:
    double Cost(std::size_t i, std::size_t a, std::size_t, std::size_t b) const override {
      return a > 0 && b > 0 && i >= 45 && i < 55 ? -10.0 : 0.0;
    }
  } anchors;
  // Source sentences of 15 characters, target of 10: the target side is as long.
  const std::vector<double> source(100, 15.0);
  const std::vector<double> target(150, 10.0);
  EXPECT_FALSE(FindCorrespondingRegion(ladder, anchors, source, target, 1.0, {}).has_value());
  // The same counts where the target has five times the text on both sides of the anchors: no
  // stretch could translate the other, and the region is where the anchors are.
  const std::vector<double> long_target(150, 50.0);
  const std::optional<Region> region =
      FindCorrespondingRegion(ladder, anchors, source, long_target, 1.0, {});
  ASSERT_TRUE(region.has_value());
  EXPECT_EQ(*region, (Region{45, 55, 68, 83}));
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
