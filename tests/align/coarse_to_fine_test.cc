#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <tuple>

#include <gtest/gtest.h>

#include "length_scorer.h"
#include "search.h"
#include "tandem/align/eval.h"

namespace tandem::align {
namespace {

// A synthetic bitext with a known ladder: target lengths follow the source lengths of each
// bead with Gale-Church-like noise; sentence vectors share a random direction per bead.
struct Synthetic {
  Ladder truth;
  std::vector<double> source_lengths;
  std::vector<double> target_lengths;
  // Dense vectors, kDimension floats a sentence; the search gets them as SentenceVectors rows.
  std::vector<float> source_dense;
  std::vector<float> target_dense;
  mutable SentenceVectors vectors;
};

constexpr std::size_t kDimension = 64;

void AddVector(std::vector<float>* out, const std::vector<float>& direction, std::mt19937& rng) {
  std::normal_distribution<float> noise(0.0F, 0.3F);
  for (float x : direction) out->push_back(x + noise(rng));
}

std::vector<float> RandomDirection(std::mt19937& rng) {
  std::normal_distribution<float> normal(0.0F, 1.0F);
  std::vector<float> v(kDimension);
  for (float& x : v) x = normal(rng);
  return v;
}

// `beads` beads of the usual shapes, then `extra_before` / `extra_after` unrelated target
// sentences around the translation (a translation embedded in a longer document).
Synthetic MakeSynthetic(std::size_t beads, std::size_t extra_before, std::size_t extra_after,
                        unsigned seed) {
  std::mt19937 rng(seed);
  Synthetic s;
  s.vectors.dimension = kDimension;
  std::lognormal_distribution<double> length(4.5, 0.5);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::size_t i = 0;
  std::size_t j = 0;
  auto unrelated = [&](std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) {
      s.truth.push_back({i, 0, j++, 1, 0});
      s.target_lengths.push_back(length(rng));
      AddVector(&s.target_dense, RandomDirection(rng), rng);
    }
  };
  unrelated(extra_before);
  const std::vector<BeadShape> shapes = {{1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1},
                                         {1, 1}, {2, 1}, {1, 2}, {1, 0}, {0, 1}};
  for (std::size_t k = 0; k < beads; ++k) {
    const BeadShape shape = shapes[rng() % shapes.size()];
    const std::vector<float> direction = RandomDirection(rng);
    double total = 0;
    for (std::size_t a = 0; a < shape.source_count; ++a) {
      const double l = length(rng);
      total += l;
      s.source_lengths.push_back(l);
      AddVector(&s.source_dense, direction, rng);
    }
    if (shape.source_count == 0) total = length(rng);
    for (std::size_t b = 0; b < shape.target_count; ++b) {
      const double share = total / static_cast<double>(shape.target_count);
      s.target_lengths.push_back(std::max(1.0, share + noise(rng) * std::sqrt(6.8 * share)));
      AddVector(&s.target_dense, shape.source_count > 0 ? direction : RandomDirection(rng), rng);
    }
    s.truth.push_back({i, shape.source_count, j, shape.target_count, 0});
    i += shape.source_count;
    j += shape.target_count;
  }
  unrelated(extra_after);
  return s;
}

// A scorer that knows the synthetic truth through the vectors: the length cost plus a reward
// for beads whose sentences share a direction, as real lexical evidence would give.
class SyntheticScorer final : public BeadScorer {
 public:
  explicit SyntheticScorer(const Synthetic& s)
      : s_(s), length_(s.source_lengths, s.target_lengths, {}) {}
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override {
    // Unrelated sentences are cheaper to leave unaligned than to pair, as with real evidence.
    if (a == 0 || b == 0) return 3.0 * static_cast<double>(a + b);
    const double cost = length_.Cost(i, a, j, b);
    double dot = 0;
    double ns = 0;
    double nt = 0;
    for (std::size_t x = 0; x < kDimension; ++x) {
      double u = 0;
      double v = 0;
      for (std::size_t k = 0; k < a; ++k) u += s_.source_dense[(i + k) * kDimension + x];
      for (std::size_t k = 0; k < b; ++k) v += s_.target_dense[(j + k) * kDimension + x];
      dot += u * v;
      ns += u * u;
      nt += v * v;
    }
    const double cosine = dot / std::sqrt(ns * nt);
    return cost + 12.0 * (0.6 - cosine);
  }

 private:
  const Synthetic& s_;
  LengthScorer length_;
};

SearchProblem Problem(const Synthetic& s, const BeadScorer& scorer, bool with_vectors) {
  SearchProblem p;
  p.scorer = &scorer;
  p.source_size = s.source_lengths.size();
  p.target_size = s.target_lengths.size();
  p.source_lengths = s.source_lengths;
  p.target_lengths = s.target_lengths;
  if (with_vectors) {
    s.vectors = SentenceVectors{.dimension = kDimension};
    for (std::size_t r = 0; r * kDimension < s.source_dense.size(); ++r) {
      s.vectors.source.Add(&s.source_dense[r * kDimension], kDimension);
    }
    for (std::size_t r = 0; r * kDimension < s.target_dense.size(); ++r) {
      s.vectors.target.Add(&s.target_dense[r * kDimension], kDimension);
    }
  }
  p.vectors = with_vectors ? &s.vectors : nullptr;
  return p;
}

double StrictF1(const Ladder& truth, const Ladder& found) {
  return ScoresFromCounts(CountLinks(LinksFromLadder(truth), LinksFromLadder(found))).f1_strict;
}

// Forces the coarse levels on a small problem and compares with the exhaustive search.
TEST(CoarseToFineSearch, AgreesWithExhaustiveSearch) {
  const Synthetic s = MakeSynthetic(600, 0, 0, 1);
  const SyntheticScorer scorer(s);
  StatusOr<Ladder> exact = ExhaustiveSearch().Search(Problem(s, scorer, true));
  ASSERT_TRUE(exact.ok());
  for (const bool with_vectors : {true, false}) {
    const CoarseToFineSearch search({.max_exhaustive_cells = 100, .coarse_cells = 2000});
    StatusOr<Ladder> found = search.Search(Problem(s, scorer, with_vectors));
    ASSERT_TRUE(found.ok()) << found.status().message();
    ASSERT_TRUE(ValidateLadder(*found, s.source_lengths.size(), s.target_lengths.size()).ok());
    EXPECT_GT(StrictF1(*exact, *found), 0.99) << "with vectors: " << with_vectors;
    EXPECT_GT(StrictF1(s.truth, *found), 0.7) << "with vectors: " << with_vectors;
  }
}

// A translation in the middle of a longer target document: the coarse levels must find it.
TEST(CoarseToFineSearch, FindsATranslationInsideALongerDocument) {
  const Synthetic s = MakeSynthetic(1500, 4000, 3000, 2);
  const SyntheticScorer scorer(s);
  const CoarseToFineSearch search({.max_exhaustive_cells = 1000, .coarse_cells = 20000});
  StatusOr<Ladder> found = search.Search(Problem(s, scorer, true));
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_GT(StrictF1(s.truth, *found), 0.9);
  // Nothing outside the embedded translation is paired.
  const std::size_t first = 4000;
  const std::size_t last = s.target_lengths.size() - 3000;
  for (const Bead& bead : *found) {
    if (bead.two_sided()) {
      EXPECT_GE(bead.target_begin, first);
      EXPECT_LE(bead.target_end(), last);
    }
  }
}

// Appends `one` to `s`, its ladder shifted to where it starts.
void Append(Synthetic& s, const Synthetic& one) {
  const std::size_t i = s.source_lengths.size();
  const std::size_t j = s.target_lengths.size();
  for (const Bead& bead : one.truth) {
    s.truth.push_back(
        {bead.source_begin + i, bead.source_count, bead.target_begin + j, bead.target_count, 0});
  }
  s.source_lengths.insert(s.source_lengths.end(), one.source_lengths.begin(),
                          one.source_lengths.end());
  s.target_lengths.insert(s.target_lengths.end(), one.target_lengths.begin(),
                          one.target_lengths.end());
  s.source_dense.insert(s.source_dense.end(), one.source_dense.begin(), one.source_dense.end());
  s.target_dense.insert(s.target_dense.end(), one.target_dense.begin(), one.target_dense.end());
}

// The same document several times over on both sides (bench/make_synthetic.py builds large
// bitexts so): every copy is as similar to every other copy as to its own counterpart, and the
// coarse levels must still keep to the diagonal rather than pair copies that do not correspond.
TEST(CoarseToFineSearch, RepeatedDocumentsArePairedInOrder) {
  const Synthetic one = MakeSynthetic(400, 0, 0, 5);
  Synthetic s;
  s.vectors.dimension = kDimension;
  for (std::size_t copy = 0; copy < 6; ++copy) {
    Append(s, one);
  }
  const SyntheticScorer scorer(s);
  const CoarseToFineSearch search({.max_exhaustive_cells = 1000, .coarse_cells = 5000});
  StatusOr<Ladder> found = search.Search(Problem(s, scorer, true));
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_GT(StrictF1(s.truth, *found), 0.9);
}

// Rounds of the same documents in a new order each time (bench/make_synthetic.py's bitexts at a
// million sentences), with coarse levels whose blocks would hold several rounds: every such
// block looks like every other, and the path was lost (strict F1 0.15 at 1M sentences). Blocks
// are capped (max_block), and the coarsest level of capped blocks, too large to search in full,
// is searched around the diagonal of the lengths (max_top_cells).
Synthetic Rounds(std::size_t document_beads, std::size_t rounds) {
  std::vector<Synthetic> documents;
  for (unsigned d = 0; d < 4; ++d) documents.push_back(MakeSynthetic(document_beads, 0, 0, 20 + d));
  Synthetic s;
  s.vectors.dimension = kDimension;
  std::mt19937 rng(9);
  std::vector<std::size_t> order = {0, 1, 2, 3};
  for (std::size_t round = 0; round < rounds; ++round) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t d : order) {
      Append(s, documents[d]);
    }
  }
  return s;
}

TEST(CoarseToFineSearch, RoundsOfRepeatedDocumentsLongerThanCoarseBlocks) {
  // Rounds of about 45 sentences, 6,000 sentences a side; the coarsest level of at most 2,500
  // cells would have blocks of 128 sentences, three rounds.
  const Synthetic s = Rounds(10, 140);
  const SyntheticScorer scorer(s);
  auto f1 = [&](std::size_t max_block) {
    const CoarseToFineSearch search({.max_exhaustive_cells = 1000,
                                     .coarse_cells = 2500,
                                     .max_block = max_block,
                                     .max_top_cells = 40000});
    StatusOr<Ladder> found = search.Search(Problem(s, scorer, true));
    EXPECT_TRUE(found.ok()) << found.status().message();
    return found.ok() ? StrictF1(s.truth, *found) : 0.0;
  };
  // Blocks of 16 sentences, a third of a round: the coarsest level (375 x 400 blocks) is
  // searched around the diagonal. (As good as these made-up rounds allow: 0.84 with blocks of
  // 16 or 32 sentences, whatever the coarse levels.)
  EXPECT_GT(f1(16), 0.8);
  // Without the cap, what the search did before: lost (0.18).
  EXPECT_LT(f1(std::size_t{1} << 20), 0.5) << "the test's rounds no longer mislead the blocks";
}

TEST(CoarseToFineSearch, IsDeterministicAcrossThreadCounts) {
  const Synthetic s = MakeSynthetic(800, 200, 100, 3);
  const SyntheticScorer scorer(s);
  StatusOr<Ladder> one =
      CoarseToFineSearch({.max_exhaustive_cells = 100, .coarse_cells = 2000, .threads = 1})
          .Search(Problem(s, scorer, true));
  StatusOr<Ladder> two =
      CoarseToFineSearch({.max_exhaustive_cells = 100, .coarse_cells = 2000, .threads = 2})
          .Search(Problem(s, scorer, true));
  ASSERT_TRUE(one.ok());
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(*one, *two);
}

TEST(CoarseToFineSearch, KeepsFixedBeads) {
  const Synthetic s = MakeSynthetic(400, 0, 0, 4);
  const SyntheticScorer scorer(s);
  SearchProblem problem = Problem(s, scorer, true);
  // Fix a bead the truth does not have: the search must keep it and align around it.
  const Bead forced = {s.truth[100].source_begin, 1, s.truth[100].target_begin, 1, 1.0};
  problem.fixed = {forced};
  StatusOr<Ladder> found =
      CoarseToFineSearch({.max_exhaustive_cells = 100, .coarse_cells = 500}).Search(problem);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_TRUE(ValidateLadder(*found, problem.source_size, problem.target_size).ok());
  EXPECT_NE(std::find(found->begin(), found->end(), forced), found->end());
}

// A guide (an earlier pass's ladder) replaces the coarse levels: the search stays in the band
// around it, so a guide near the truth gives the exhaustive result, and a guide far from it
// keeps the path near the guide (the band is really used).
TEST(CoarseToFineSearch, SearchesTheBandAroundAGuide) {
  const Synthetic s = MakeSynthetic(300, 0, 0, 6);
  const SyntheticScorer scorer(s);
  StatusOr<Ladder> exact = ExhaustiveSearch().Search(Problem(s, scorer, true));
  ASSERT_TRUE(exact.ok());
  const CoarseToFineSearch search({.guided_cells = 100});

  SearchProblem near = Problem(s, scorer, false);
  near.guide = &*exact;
  near.guide_window = 4;
  StatusOr<Ladder> found = search.Search(near);
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_EQ(found->size(), exact->size());
  EXPECT_EQ(StrictF1(*exact, *found), 1.0);

  // All source sentences first, then all target sentences: the band hugs two edges of the
  // grid, and no bead of the result may pair sentences far from them.
  const std::size_t n = s.source_lengths.size();
  const std::size_t m = s.target_lengths.size();
  Ladder corner;
  for (std::size_t i = 0; i < n; ++i) corner.push_back({i, 1, 0, 0, 1.0});
  for (std::size_t j = 0; j < m; ++j) corner.push_back({n, 0, j, 1, 1.0});
  SearchProblem far = Problem(s, scorer, false);
  far.guide = &corner;
  far.guide_window = 4;
  StatusOr<Ladder> held = search.Search(far);
  ASSERT_TRUE(held.ok()) << held.status().message();
  ASSERT_TRUE(ValidateLadder(*held, n, m).ok());
  for (const Bead& bead : *held) {
    if (!bead.two_sided()) continue;
    EXPECT_TRUE(bead.target_begin < 8 || bead.source_end() + 8 > n)
        << bead.source_begin << ":" << bead.target_begin;
  }
  EXPECT_LT(StrictF1(*exact, *held), 0.5);
}

// A guide that does not make a path through a region (here: one of other texts) is ignored.
TEST(CoarseToFineSearch, IgnoresAGuideThatDoesNotFit) {
  const Synthetic s = MakeSynthetic(200, 0, 0, 7);
  const SyntheticScorer scorer(s);
  StatusOr<Ladder> exact = ExhaustiveSearch().Search(Problem(s, scorer, true));
  ASSERT_TRUE(exact.ok());
  const Ladder other = {{0, 3, 0, 3, 1.0}};
  SearchProblem problem = Problem(s, scorer, true);
  problem.guide = &other;
  problem.guide_window = 2;
  StatusOr<Ladder> found = CoarseToFineSearch({.guided_cells = 100}).Search(problem);
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_EQ(*found, *exact);
}

TEST(CoarseToFineSearch, RejectsMismatchedFeatures) {
  const Synthetic s = MakeSynthetic(20, 0, 0, 5);
  const SyntheticScorer scorer(s);
  SearchProblem problem = Problem(s, scorer, true);
  problem.source_lengths.pop_back();
  EXPECT_EQ(CoarseToFineSearch().Search(problem).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace tandem::align
