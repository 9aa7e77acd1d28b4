// Search: finding the best ladder given a scorer. The search only asks the scorer for bead
// costs (scorer.h) and, when it works coarse-to-fine, compares long runs of sentences through
// their vectors and lengths; it knows nothing about text.
//
//   tandem::align::SearchProblem problem{.scorer = &scorer, .source_size = n, .target_size = m};
//   tandem::align::ExhaustiveSearch search({.shapes = tandem::align::StandardShapes(2)});
//   TANDEM_ASSIGN_OR_RETURN(tandem::align::Ladder ladder, search.Search(problem));
//
// Invariants of every search: the ladder returned is complete and monotone (bead.h), uses only
// the shapes it was given, and minimises the total cost among the ladders it considers. Each
// bead's confidence is its posterior probability under the scorer's costs read as
// probabilities: the share of all alignments (weighted by exp(-cost)) that contain the bead,
// computed with the forward-backward algorithm.
#pragma once

#include <cstddef>
#include <vector>

#include "tandem/align/bead.h"
#include "tandem/align/scorer.h"
#include "tandem/core/status.h"

namespace tandem::align {

struct BeadShape {
  std::size_t source_count = 0;
  std::size_t target_count = 0;
  friend bool operator==(const BeadShape&, const BeadShape&) = default;
};

// 1:0, 0:1, 1:1, and every a:b up to `max_bead` on a side where one side has a single sentence
// (1:2, 2:1, 1:3, ...), plus 2:2. StandardShapes(2) is Gale & Church's set.
std::vector<BeadShape> StandardShapes(std::size_t max_bead);

// Dense vectors in one space shared by both texts, one per sentence, for comparing long runs
// of sentences cheaply: the similarity of source run [i, i + a) and target run [j, j + b) is the
// cosine of the sums of their vectors. Searches that work coarse-to-fine use them to find where
// the texts correspond before asking the scorer about single beads.
struct SentenceVectors {
  std::size_t dimension = 0;
  std::vector<float> source;  // source_size x dimension, row-major
  std::vector<float> target;  // target_size x dimension, row-major
};

struct SearchProblem {
  const BeadScorer* scorer = nullptr;  // required: the cost of every candidate bead
  std::size_t source_size = 0;
  std::size_t target_size = 0;
  // Sentence lengths in characters (optional; coarse searches use them for long runs).
  std::vector<double> source_lengths;
  std::vector<double> target_lengths;
  // Optional vectors for coarse comparisons (see SentenceVectors).
  const SentenceVectors* vectors = nullptr;
  // Beads that must appear in the ladder as they are (a reviewer confirmed or corrected them):
  // in text order and without overlap. The search aligns the gaps between them; fixed beads
  // keep their confidence.
  std::vector<Bead> fixed;
};

// Ok when the fixed beads of `problem` are in order, inside the texts and do not overlap.
Status ValidateFixedBeads(const SearchProblem& problem);

class LadderSearch {
 public:
  virtual ~LadderSearch() = default;
  virtual StatusOr<Ladder> Search(const SearchProblem& problem) const = 0;
};

struct ExhaustiveSearchOptions {
  // The bead shapes the search may use; must contain 1:0 and 0:1 so that every pair of texts
  // has a ladder.
  std::vector<BeadShape> shapes = StandardShapes(2);
  // The largest (source_size + 1) * (target_size + 1) accepted; larger inputs get
  // kResourceExhausted instead of running out of memory (about 25 bytes per cell).
  std::size_t max_cells = 50'000'000;
};

// Dynamic programming over the full (source_size + 1) x (target_size + 1) grid: exact, with
// time and memory proportional to the product of the sizes.
class ExhaustiveSearch final : public LadderSearch {
 public:
  explicit ExhaustiveSearch(ExhaustiveSearchOptions options = {});
  StatusOr<Ladder> Search(const SearchProblem& problem) const override;

 private:
  // The ladder of the region source [i0, i1) x target [j0, j1), with no fixed beads inside.
  StatusOr<Ladder> SearchRegion(const BeadScorer& scorer, std::size_t i0, std::size_t i1,
                                std::size_t j0, std::size_t j1) const;

  ExhaustiveSearchOptions options_;
};

}  // namespace tandem::align
