#include "search.h"

#include <array>
#include <cmath>
#include <memory>
#include <random>
#include <set>
#include <tuple>

#include <gtest/gtest.h>

#include "band_dp.h"
#include "length_scorer.h"

namespace tandem::align {
namespace {

// A scorer that knows the right answer: beads of `truth` are cheap, everything else is
// expensive. It tests the search on its own, whatever the evidence.
class OracleScorer final : public BeadScorer {
 public:
  explicit OracleScorer(const Ladder& truth) {
    for (const Bead& b : truth) {
      beads_.insert({b.source_begin, b.source_count, b.target_begin, b.target_count});
    }
  }
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override {
    return beads_.count({i, a, j, b}) > 0 ? 0.1 : 10.0 + static_cast<double>(a + b);
  }

 private:
  std::set<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> beads_;
};

SearchProblem Problem(const BeadScorer& scorer, std::size_t n, std::size_t m) {
  return {.scorer = &scorer, .source_size = n, .target_size = m};
}

// Returns the ladder without confidences, for comparisons of structure.
Ladder Structure(Ladder ladder) {
  for (Bead& b : ladder) b.confidence = 0;
  return ladder;
}

TEST(StandardShapes, GaleChurchSet) {
  const std::vector<BeadShape> shapes = StandardShapes(2);
  const std::vector<BeadShape> expected = {{1, 0}, {0, 1}, {1, 1}, {2, 1}, {1, 2}, {2, 2}};
  EXPECT_EQ(shapes, expected);
  EXPECT_EQ(StandardShapes(4).size(), 10u);  // adds 3:1, 1:3, 4:1, 1:4
}

TEST(ExhaustiveSearch, EqualLengthsGiveAllOneToOne) {
  const std::vector<double> lengths = {20, 35, 50, 12, 80};
  const LengthScorer scorer(lengths, lengths, {});
  StatusOr<Ladder> ladder = ExhaustiveSearch().Search(Problem(scorer, 5, 5));
  ASSERT_TRUE(ladder.ok());
  ASSERT_EQ(ladder->size(), 5u);
  for (std::size_t k = 0; k < 5; ++k) {
    EXPECT_EQ(Structure({(*ladder)[k]})[0], (Bead{k, 1, k, 1, 0.0}));
    EXPECT_GT((*ladder)[k].confidence, 0.9);
  }
}

// Two pairs, then one source sentence and five target sentences without counterpart: the six
// orders of those one-sided beads cost the same, but each of them is surely unaligned, and its
// confidence says so (it is not the posterior of the one order the best path took, about 1/6).
TEST(ExhaustiveSearch, UnalignedSentencesAreConfidentWhateverTheirOrder) {
  class Scorer final : public BeadScorer {
   public:
    double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override {
      if (a == 0 || b == 0) return 5.0 * static_cast<double>(a + b);
      return a == 1 && b == 1 && i == j && i < 2 ? 0.0 : 100.0;
    }
  };
  const Scorer scorer;
  StatusOr<Ladder> ladder = ExhaustiveSearch().Search(Problem(scorer, 3, 7));
  ASSERT_TRUE(ladder.ok());
  ASSERT_EQ(ladder->size(), 8u);
  for (const Bead& bead : *ladder) EXPECT_GT(bead.confidence, 0.99) << bead.source_begin;
}

// Sentences without counterpart on both sides between two pairs: the target's come first, in
// one order, so that their many orders do not outweigh the aligned beads around them.
TEST(ExhaustiveSearch, OneSidedRunsInOneOrder) {
  class Scorer final : public BeadScorer {
   public:
    double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override {
      if (a == 0 || b == 0) return 1.0 * static_cast<double>(a + b);
      if (a == 1 && b == 1 && i == 0 && j == 0) return -2.0;
      if (a == 1 && b == 1 && i == 4 && j == 4) return -2.0;
      return 50.0;
    }
  };
  const Scorer scorer;
  StatusOr<Ladder> ladder =
      ExhaustiveSearch({.shapes = {{1, 0}, {0, 1}, {1, 1}}}).Search(Problem(scorer, 5, 5));
  ASSERT_TRUE(ladder.ok());
  const Ladder expected = {{0, 1, 0, 1, 0}, {1, 0, 1, 1, 0}, {1, 0, 2, 1, 0}, {1, 0, 3, 1, 0},
                           {1, 1, 4, 0, 0}, {2, 1, 4, 0, 0}, {3, 1, 4, 0, 0}, {4, 1, 4, 1, 0}};
  EXPECT_EQ(Structure(*ladder), expected);
  // The first pair against its sentences joining the run: 4 more, so P = 1 / (1 + e^-4). With
  // every order counted, the run of 4 + 4 would have 70 orders against 20 for 3 + 3, and P
  // would be 1 / (1 + 3.5 e^-4) = 0.94.
  EXPECT_NEAR(ladder->front().confidence, 1 / (1 + std::exp(-4.0)), 1e-3);
}

TEST(ExhaustiveSearch, MergesByLength) {
  // 30 + 30 source characters rendered as one target sentence of 60: a 2:1 bead; then a 1:2.
  const std::vector<double> source = {30, 30, 80, 100};
  const std::vector<double> target = {60, 80, 50, 50};
  const LengthScorer scorer(source, target, {});
  StatusOr<Ladder> ladder = ExhaustiveSearch().Search(Problem(scorer, 4, 4));
  ASSERT_TRUE(ladder.ok());
  const Ladder expected = {{0, 2, 0, 1, 0}, {2, 1, 1, 1, 0}, {3, 1, 2, 2, 0}};
  EXPECT_EQ(Structure(*ladder), expected);
}

TEST(ExhaustiveSearch, EmptyAndOneSidedInputs) {
  const OracleScorer none({});
  StatusOr<Ladder> empty = ExhaustiveSearch().Search(Problem(none, 0, 0));
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());

  StatusOr<Ladder> only_target = ExhaustiveSearch().Search(Problem(none, 0, 3));
  ASSERT_TRUE(only_target.ok());
  EXPECT_EQ(Structure(*only_target), (Ladder{{0, 0, 0, 1, 0}, {0, 0, 1, 1, 0}, {0, 0, 2, 1, 0}}));
}

TEST(ExhaustiveSearch, ConfidenceIsThePosterior) {
  // One sentence on each side with costs 1 for every shape: the alignments are 1:1 (cost 1)
  // and both sentences without counterpart (cost 2), which the search takes in one order only
  // (0:1 then 1:0), not as two alignments. P(1:1) = e^-1 / (e^-1 + e^-2).
  class Flat final : public BeadScorer {
   public:
    double Cost(std::size_t, std::size_t, std::size_t, std::size_t) const override { return 1.0; }
  } scorer;
  StatusOr<Ladder> ladder =
      ExhaustiveSearch({.shapes = {{1, 0}, {0, 1}, {1, 1}}}).Search(Problem(scorer, 1, 1));
  ASSERT_TRUE(ladder.ok());
  ASSERT_EQ(ladder->size(), 1u);
  const double expected = std::exp(-1.0) / (std::exp(-1.0) + std::exp(-2.0));
  EXPECT_NEAR((*ladder)[0].confidence, expected, 1e-4);
}

TEST(ExhaustiveSearch, RefusesGridsOverTheLimit) {
  const OracleScorer none({});
  StatusOr<Ladder> ladder = ExhaustiveSearch({.max_cells = 100}).Search(Problem(none, 20, 20));
  ASSERT_FALSE(ladder.ok());
  EXPECT_EQ(ladder.status().code(), StatusCode::kResourceExhausted);
}

TEST(ExhaustiveSearch, KeepsFixedBeadsAndAlignsTheGaps) {
  const Ladder truth = {{0, 1, 0, 1, 0}, {1, 2, 1, 1, 0}, {3, 1, 2, 1, 0},
                        {4, 0, 3, 1, 0}, {4, 1, 4, 1, 0}, {5, 1, 5, 2, 0}};
  const OracleScorer scorer(truth);
  // A reviewer fixed a bead the scorer dislikes (2:1 at source 3) and one it likes.
  SearchProblem problem = Problem(scorer, 6, 7);
  problem.fixed = {{3, 1, 2, 2, 1.0}, {5, 1, 5, 2, 1.0}};
  StatusOr<Ladder> found = ExhaustiveSearch().Search(problem);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_TRUE(ValidateLadder(*found, 6, 7).ok());
  const Ladder expected = {
      {0, 1, 0, 1, 0}, {1, 2, 1, 1, 0}, {3, 1, 2, 2, 0}, {4, 1, 4, 1, 0}, {5, 1, 5, 2, 0}};
  EXPECT_EQ(Structure(*found), expected);
  EXPECT_EQ((*found)[2].confidence, 1.0);  // fixed beads keep their confidence
}

TEST(ExhaustiveSearch, RejectsOverlappingFixedBeads) {
  const OracleScorer none({});
  SearchProblem problem = Problem(none, 4, 4);
  problem.fixed = {{1, 2, 1, 1, 1.0}, {2, 1, 2, 1, 1.0}};
  EXPECT_EQ(ExhaustiveSearch().Search(problem).status().code(), StatusCode::kInvalidArgument);
  problem.fixed = {{3, 2, 3, 1, 1.0}};
  EXPECT_EQ(ExhaustiveSearch().Search(problem).status().code(), StatusCode::kInvalidArgument);
}

// Property: for random true ladders made of the allowed shapes, the search finds exactly the
// truth, and every result is a valid ladder with confidences in [0, 1]. The truth keeps the
// search's order of one-sided beads: a target-only bead never right after a source-only one.
TEST(ExhaustiveSearch, RecoversRandomLaddersExactly) {
  std::mt19937 rng(12345);
  const std::vector<BeadShape> shapes = StandardShapes(4);
  for (int trial = 0; trial < 200; ++trial) {
    Ladder truth;
    std::size_t i = 0;
    std::size_t j = 0;
    const std::size_t beads = 1 + rng() % 30;
    for (std::size_t k = 0; k < beads; ++k) {
      const BeadShape& shape = shapes[rng() % shapes.size()];
      if (shape.source_count == 0 && !truth.empty() && truth.back().target_count == 0) continue;
      truth.push_back({i, shape.source_count, j, shape.target_count, 0});
      i += shape.source_count;
      j += shape.target_count;
    }
    const OracleScorer scorer(truth);
    StatusOr<Ladder> found = ExhaustiveSearch({.shapes = shapes}).Search(Problem(scorer, i, j));
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(ValidateLadder(*found, i, j).ok()) << "trial " << trial;
    EXPECT_EQ(Structure(*found), truth) << "trial " << trial;
    for (const Bead& bead : *found) {
      EXPECT_GE(bead.confidence, 0.0);
      EXPECT_LE(bead.confidence, 1.0);
    }
  }
}

// Costs of random noise between 0 and 3 (plus 2 for a one-sided bead), the same for a bead
// whenever it is asked about.
internal::CostFunction NoiseCosts(std::mt19937& rng) {
  auto noise = std::make_shared<std::vector<double>>(64);
  for (double& x : *noise) x = std::uniform_real_distribution<double>(0.0, 3.0)(rng);
  return [noise](std::size_t i, std::size_t a, std::size_t j, std::size_t b) {
    return (*noise)[(i * 7 + j * 13 + a * 3 + b) % noise->size()] + (a == 0 || b == 0 ? 2.0 : 0.0);
  };
}

// Without posteriors the dynamic programming finds the same path (what the coarse levels use),
// with every confidence 0.
TEST(SolveBand, PathOnlyFindsTheSamePath) {
  std::mt19937 rng(777);
  const std::vector<BeadShape> shapes = StandardShapes(3);
  for (int trial = 0; trial < 50; ++trial) {
    const std::size_t n = 5 + rng() % 40;
    const std::size_t m = 5 + rng() % 40;
    const internal::CostFunction cost = NoiseCosts(rng);
    internal::SolveOptions full;
    internal::SolveOptions path_only;
    path_only.posteriors = false;
    StatusOr<Ladder> with = internal::SolveBand(internal::Band::Full(n, m), shapes, cost, full);
    StatusOr<Ladder> without =
        internal::SolveBand(internal::Band::Full(n, m), shapes, cost, path_only);
    ASSERT_TRUE(with.ok());
    ASSERT_TRUE(without.ok());
    EXPECT_EQ(Structure(*with), *without) << "trial " << trial;
  }
}

// Asked about the path first, the dynamic programming gives that path without confidences when
// the answer is no, and the ladder it gives without asking when the answer is yes (with one or
// two threads); the question is asked once, with the path.
TEST(SolveBand, ConfidencesOnlyForThePathsThatWantThem) {
  std::mt19937 rng(778);
  const std::vector<BeadShape> shapes = StandardShapes(3);
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t n = 5 + rng() % 40;
    const std::size_t m = 5 + rng() % 40;
    const internal::CostFunction cost = NoiseCosts(rng);
    internal::SolveOptions plain;
    plain.threads = 1 + trial % 2;
    StatusOr<Ladder> expected =
        internal::SolveBand(internal::Band::Full(n, m), shapes, cost, plain);
    ASSERT_TRUE(expected.ok());
    for (const bool wanted : {false, true}) {
      internal::SolveOptions asking = plain;
      int asked = 0;
      asking.posteriors_for_path = [&](const Ladder& path) {
        ++asked;
        EXPECT_EQ(path, Structure(*expected)) << "trial " << trial;
        return wanted;
      };
      StatusOr<Ladder> got = internal::SolveBand(internal::Band::Full(n, m), shapes, cost, asking);
      ASSERT_TRUE(got.ok());
      EXPECT_EQ(asked, 1);
      EXPECT_EQ(*got, wanted ? *expected : Structure(*expected)) << "trial " << trial;
    }
  }
}

// Costs kept in a table and costs computed again row by row when the table would not fit give
// the same ladder and the same confidences, in a full grid and in a band with offsets.
TEST(SolveBand, KeptAndRecomputedCostsAgree) {
  class NoiseScorer final : public BeadScorer {
   public:
    explicit NoiseScorer(std::uint32_t seed) {
      std::mt19937 rng(seed);
      for (double& x : noise_) x = std::uniform_real_distribution<double>(0.0, 3.0)(rng);
    }
    double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override {
      return noise_[(i * 7 + j * 13 + a * 3 + b) % noise_.size()] + (a == 0 || b == 0 ? 2.0 : 0.0);
    }

   private:
    std::array<double, 61> noise_{};
  };
  const std::vector<BeadShape> shapes = StandardShapes(4);
  for (std::uint32_t trial = 0; trial < 20; ++trial) {
    const NoiseScorer scorer(trial);
    const std::size_t n = 10 + trial * 3;
    const std::size_t m = 12 + trial * 2;
    std::vector<std::size_t> lo(n + 1);
    std::vector<std::size_t> hi(n + 1);
    for (std::size_t i = 0; i <= n; ++i) {
      const std::size_t center = i * m / n;
      lo[i] = center - std::min<std::size_t>(center, 4);
      hi[i] = std::min(m, center + 4);
    }
    for (const internal::Band& band : {internal::Band::Full(n, m), internal::Band(lo, hi)}) {
      internal::SolveOptions kept;
      internal::SolveOptions recomputed;
      recomputed.cost_cache_bytes = 0;
      StatusOr<Ladder> a = internal::SolveBand(band, shapes, scorer, kept, 5, 9);
      StatusOr<Ladder> b = internal::SolveBand(band, shapes, scorer, recomputed, 5, 9);
      ASSERT_TRUE(a.ok());
      ASSERT_TRUE(b.ok());
      EXPECT_EQ(*a, *b) << "trial " << trial;
      EXPECT_EQ(a->front().source_begin, 5u);
      EXPECT_EQ(a->front().target_begin, 9u);
    }
  }
}

// A region sketched with 1:0, 0:1 and 1:1 alone, then searched with every shape in the band
// around the sketch, finds the ladder an exhaustive search finds: random ladders of every shape
// with long runs of sentences without counterpart, on grids large enough to be sketched.
TEST(CoarseToFineSearch, ASketchedRegionGivesTheExhaustiveLadder) {
  std::mt19937 rng(2024);
  const std::vector<BeadShape> shapes = StandardShapes(4);
  for (int trial = 0; trial < 12; ++trial) {
    Ladder truth;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < 150 || j < 150) {
      if (rng() % 10 == 0) {  // a run without counterpart on one side, then a pair
        const bool source_side = rng() % 2 == 0;
        const std::size_t run = 5 + rng() % 30;
        for (std::size_t k = 0; k < run; ++k) {
          truth.push_back({i, source_side ? 1u : 0u, j, source_side ? 0u : 1u, 0});
          (source_side ? i : j) += 1;
        }
      }
      const BeadShape& shape = shapes[2 + rng() % (shapes.size() - 2)];  // two-sided
      truth.push_back({i, shape.source_count, j, shape.target_count, 0});
      i += shape.source_count;
      j += shape.target_count;
    }
    const OracleScorer scorer(truth);
    SearchProblem problem = Problem(scorer, i, j);
    problem.guide_window = 16;
    CoarseToFineSearchOptions sketched{.shapes = shapes};
    sketched.guided_cells = 10'000;
    sketched.sketch_shapes = StandardShapes(1);
    StatusOr<Ladder> found = CoarseToFineSearch(sketched).Search(problem);
    StatusOr<Ladder> exhaustive = ExhaustiveSearch({.shapes = shapes}).Search(problem);
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(exhaustive.ok());
    const Ladder got = Structure(*found);
    std::size_t k = 0;
    while (k < got.size() && k < truth.size() && got[k] == truth[k]) ++k;
    EXPECT_EQ(got, truth) << "trial " << trial << " first difference at bead " << k << ": "
                          << (k < got.size() ? got[k].source_begin : 0) << "+"
                          << (k < got.size() ? got[k].source_count : 0) << " "
                          << (k < got.size() ? got[k].target_begin : 0) << "+"
                          << (k < got.size() ? got[k].target_count : 0) << " truth "
                          << (k < truth.size() ? truth[k].source_begin : 0) << "+"
                          << (k < truth.size() ? truth[k].source_count : 0) << " "
                          << (k < truth.size() ? truth[k].target_begin : 0) << "+"
                          << (k < truth.size() ? truth[k].target_count : 0);
    EXPECT_EQ(Structure(*exhaustive), truth) << "trial " << trial << " (exhaustive)";
  }
}

}  // namespace
}  // namespace tandem::align
