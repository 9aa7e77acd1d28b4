#include "tandem/align/eval.h"

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

// Worked by hand (and cross-checked with ../shared/tools/align_score.py):
//   gold: [0]:[0]  [1,2]:[1]  []:[2]  [3]:[3]
//   hyp:  [0]:[0]  [1]:[1]  [2]:[]  []:[2]  [3]:[3,4]  and [0]:[0] again (a duplicate)
// Precision over 5 distinct hypothesis links: strict [0]:[0], []:[2]; lax also [1]:[1] (1-1 is
// co-linked in gold) and [3]:[3,4] (3-3); [2]:[] is one-sided and not in gold.
// Recall over 3 two-sided gold links: strict [0]:[0]; lax also [1,2]:[1] and [3]:[3].
TEST(Eval, HandComputedCounts) {
  const std::vector<Link> gold = {{{0}, {0}}, {{1, 2}, {1}}, {{}, {2}}, {{3}, {3}}};
  const std::vector<Link> hyp = {{{0}, {0}}, {{1}, {1}},    {{2}, {}},
                                 {{}, {2}},  {{3}, {3, 4}}, {{0}, {0}}};
  const EvalCounts counts = CountLinks(gold, hyp);
  EXPECT_EQ(counts.precision_strict, 2u);
  EXPECT_EQ(counts.precision_lax, 4u);
  EXPECT_EQ(counts.precision_total, 5u);
  EXPECT_EQ(counts.recall_strict, 1u);
  EXPECT_EQ(counts.recall_lax, 3u);
  EXPECT_EQ(counts.recall_total, 3u);

  const EvalScores s = ScoresFromCounts(counts);
  EXPECT_DOUBLE_EQ(s.precision_strict, 0.4);
  EXPECT_DOUBLE_EQ(s.recall_strict, 1.0 / 3.0);
  EXPECT_NEAR(s.f1_strict, 0.363636, 1e-6);
  EXPECT_DOUBLE_EQ(s.precision_lax, 0.8);
  EXPECT_DOUBLE_EQ(s.recall_lax, 1.0);
  EXPECT_NEAR(s.f1_lax, 0.888889, 1e-6);
}

// Unaligned sentences: the gold leaves source 4 and targets 2 and 5 without counterpart; the
// hypothesis leaves source 2 and 4, target 2 and target 9, which the gold does not mention (not
// evaluated). Hits: source 4, target 2.
TEST(Eval, UnalignedSentences) {
  const std::vector<Link> gold = {{{0}, {0}}, {{1, 2}, {1}}, {{}, {2}}, {{3}, {3}},
                                  {{4}, {}},  {{}, {5}},     {{5}, {4}}};
  const std::vector<Link> hyp = {{{0}, {0}}, {{1}, {1}}, {{2}, {}},     {{}, {2}},
                                 {{3}, {3}}, {{4}, {}},  {{5}, {4, 5}}, {{}, {9}}};
  const EvalCounts counts = CountLinks(gold, hyp);
  EXPECT_EQ(counts.unaligned_gold, 3u);
  EXPECT_EQ(counts.unaligned_hypothesis, 3u);
  EXPECT_EQ(counts.unaligned_hits, 2u);
  const EvalScores s = ScoresFromCounts(counts);
  EXPECT_DOUBLE_EQ(s.precision_unaligned, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.recall_unaligned, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.f1_unaligned, 2.0 / 3.0);
  EXPECT_EQ(counts.gold_shapes,
            (std::map<std::string, std::size_t>{{"1:1", 3}, {"2:1", 1}, {"0:1", 2}, {"1:0", 1}}));
  EXPECT_EQ(counts.hypothesis_shapes,
            (std::map<std::string, std::size_t>{{"1:1", 3}, {"1:0", 2}, {"0:1", 2}, {"1:2", 1}}));
  // Summing documents sums the shape counts too.
  EvalCounts twice = counts;
  twice += counts;
  EXPECT_EQ(twice.gold_shapes["0:1"], 4u);
  EXPECT_EQ(twice.unaligned_hits, 4u);
}

TEST(Eval, PerfectAlignment) {
  const std::vector<Link> gold = {{{0}, {0}}, {{1}, {1, 2}}, {{2}, {}}};
  const EvalScores s = ScoresFromCounts(CountLinks(gold, gold));
  EXPECT_DOUBLE_EQ(s.f1_strict, 1.0);
  EXPECT_DOUBLE_EQ(s.f1_lax, 1.0);
  EXPECT_DOUBLE_EQ(s.f1_unaligned, 1.0);
}

TEST(Eval, MicroAverageSumsCountsBeforeRatios) {
  EvalCounts total = CountLinks({{{0}, {0}}}, {{{0}, {0}}});                            // 1/1
  total += CountLinks({{{0}, {0}}, {{1}, {1}}, {{2}, {2}}}, {{{0, 1, 2}, {0, 1, 2}}});  // 0/1
  const EvalScores s = ScoresFromCounts(total);
  EXPECT_DOUBLE_EQ(s.precision_strict, 0.5);  // 1 of 2 hypothesis links
  EXPECT_DOUBLE_EQ(s.recall_strict, 0.25);    // 1 of 4 gold links
  EXPECT_DOUBLE_EQ(s.recall_lax, 1.0);        // every gold link overlaps
}

TEST(Eval, EmptyInputsGiveZeroNotNan) {
  const EvalScores s = ScoresFromCounts(CountLinks({}, {}));
  EXPECT_EQ(s.f1_strict, 0.0);
  EXPECT_EQ(s.f1_lax, 0.0);
}

TEST(Eval, LinksFromLadderWritesIndices) {
  const Ladder ladder = {{0, 2, 0, 1, 0.9}, {2, 0, 1, 1, 0.5}, {2, 1, 2, 2, 0.7}};
  const std::vector<Link> links = LinksFromLadder(ladder);
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0], (Link{{0, 1}, {0}}));
  EXPECT_EQ(links[1], (Link{{}, {1}}));
  EXPECT_EQ(links[2], (Link{{2}, {2, 3}}));
}

// The inverse: the links, and the sentences no link names as one-sided beads of confidence 0.
TEST(Eval, LadderFromLinksFillsTheGaps) {
  const std::vector<Link> links = {{{0, 1}, {0}}, {{}, {}}, {{3}, {2, 3}}};
  StatusOr<Ladder> ladder = LadderFromLinks(links, "gold.txt", 5, 4);
  ASSERT_TRUE(ladder.ok()) << ladder.status().message();
  const Ladder expected = {{0, 2, 0, 1, 1.0},
                           {2, 1, 1, 0, 0.0},
                           {3, 0, 1, 1, 0.0},
                           {3, 1, 2, 2, 1.0},
                           {4, 1, 4, 0, 0.0}};
  EXPECT_EQ(*ladder, expected);
  EXPECT_TRUE(ValidateLadder(*ladder, 5, 4).ok());
  // Both ways round give the same ladder again, its confidences aside.
  StatusOr<Ladder> again = LadderFromLinks(LinksFromLadder(*ladder), "again", 5, 4);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(LinksFromLadder(*again), LinksFromLadder(*ladder));
}

TEST(Eval, LadderFromLinksRefusesLinksOutOfOrder) {
  for (const std::vector<Link>& links : std::vector<std::vector<Link>>{
           {{{1}, {1}}, {{0}, {0}}},  // backwards
           {{{0, 2}, {0}}},           // not a run
           {{{0}, {7}}},              // past the end
       }) {
    StatusOr<Ladder> ladder = LadderFromLinks(links, "gold.txt", 3, 3);
    ASSERT_FALSE(ladder.ok());
    EXPECT_EQ(ladder.status().code(), StatusCode::kInvalidData);
    EXPECT_NE(ladder.status().message().find("gold.txt: link "), std::string::npos);
  }
}

}  // namespace
}  // namespace tandem::align
