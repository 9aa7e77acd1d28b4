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
#include <cstdint>
#include <functional>
#include <vector>

#include "scorer.h"
#include "tandem/align/bead.h"
#include "tandem/core/status.h"

namespace tandem::align {

// 1:0, 0:1, 1:1, and every a:b up to `max_bead` on a side where one side has a single sentence
// (1:2, 2:1, 1:3, ...), plus 2:2. StandardShapes(2) is Gale & Church's set.
std::vector<BeadShape> StandardShapes(std::size_t max_bead);

// Vectors in one space shared by both texts, one per sentence, for comparing long runs of
// sentences cheaply: the similarity of source run [i, i + a) and target run [j, j + b) is the
// cosine of the sums of their vectors. Searches that work coarse-to-fine use them to find where
// the texts correspond before asking the scorer about single beads. A sentence has a few dozen
// words in a space of hundreds of dimensions, so the rows are kept sparse: only their nonzero
// entries.
struct SentenceVectors {
  // The rows of one text: row r's nonzero entries are [begin[r], begin[r + 1]) of `index` (the
  // dimension) and `value`.
  struct Rows {
    std::vector<std::uint32_t> begin = {0};
    std::vector<std::uint16_t> index;
    std::vector<float> value;

    std::size_t size() const { return begin.size() - 1; }
    // Appends a row given densely (`dimension` floats), keeping its nonzero entries.
    void Add(const float* dense, std::size_t dimension);
    // Adds row r into `dense`.
    void AddTo(std::size_t r, float* dense) const;
  };
  std::size_t dimension = 0;  // at most 65536
  Rows source;                // source_size rows
  Rows target;                // target_size rows
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
  // A ladder of the same texts from an earlier pass (optional). A CoarseToFineSearch then
  // searches the band of `guide_window` sentences around it instead of finding the band again
  // from blocks (see CoarseToFineSearchOptions::guided_cells).
  const Ladder* guide = nullptr;
  std::size_t guide_window = 0;
  // Optional, for problems without fixed beads: a CoarseToFineSearch asks it with the cheapest
  // ladder (confidences 0) before it computes the confidences, which it does only when it
  // answers true (otherwise every confidence is 0): for a caller that needs them only for some
  // ladders. (An ExhaustiveSearch computes them anyway.)
  std::function<bool(const Ladder& ladder)> confidences_for;
};

// The number of threads a search uses for `requested` (0 = one per core).
std::size_t SearchThreads(std::size_t requested);

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
  // kResourceExhausted instead of running out of memory (about 65 bytes per cell).
  std::size_t max_cells = 20'000'000;
  // Threads for computing costs and for the forward and backward passes; 0 = one per core.
  std::size_t threads = 0;
};

// Dynamic programming over the full (source_size + 1) x (target_size + 1) grid: exact, with
// time and memory proportional to the product of the sizes. Fine for texts of a few thousand
// sentences; CoarseToFineSearch is linear.
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

struct CoarseToFineSearchOptions {
  // The bead shapes of the final, sentence-level pass (must contain 1:0 and 0:1).
  std::vector<BeadShape> shapes = StandardShapes(2);
  // Regions whose full grid has at most this many cells are searched exhaustively.
  std::size_t max_exhaustive_cells = 1'000'000;
  // The coarsest level groups sentences into blocks (1, 2, 4, ... sentences) until its grid has
  // at most this many cells, and is searched in full.
  std::size_t coarse_cells = 250'000;
  // But blocks hold at most this many sentences: a block of thousands of sentences holds whole
  // documents, and where documents repeat (boilerplate, rounds of the same texts) every block
  // looks like every other and the path is lost. When the grid of such blocks has more than
  // coarse_cells cells, the coarsest level is searched in a band of max_top_cells cells around
  // the diagonal that the lengths of the texts give (the texts are then both long, and a
  // translation of one by the other keeps to its lengths within a few percent).
  std::size_t max_block = 256;
  std::size_t max_top_cells = 4'000'000;
  // At every finer level, the band reaches this many blocks (of that level) to either side of
  // the path projected from the level above.
  std::size_t window = 4;
  // With a guide (SearchProblem::guide), regions of more than this many cells are searched in
  // the band around the guide; smaller ones in full, as without.
  std::size_t guided_cells = 1'000'000;
  // When not empty, regions searched exhaustively with more than guided_cells cells and no
  // guide are sketched first: the cheapest path of these shapes over the whole grid (Viterbi
  // alone), then the band of SearchProblem::guide_window sentences around it is searched with
  // every shape and the posteriors. Fewer shapes and no sums of all paths make the full grid
  // cheap; the band finds what every shape would.
  std::vector<BeadShape> sketch_shapes;
  // Threads for computing costs and for the forward and backward passes; 0 = one per core.
  std::size_t threads = 0;
};

// Linear in the size of the texts: the path is first found between blocks of many sentences
// (compared through their summed vectors, when the problem has them, and their lengths), then
// refined level by level, halving the block size, inside a band around the path of the level
// above, and finally placed sentence by sentence with the scorer inside a band of
// 2 * window + 1 sentences or so. Blocks may be skipped on either side, so that a translation
// of only part of the other text is found where it lies. Memory and time grow with
// (source_size + target_size) * window.
class CoarseToFineSearch final : public LadderSearch {
 public:
  explicit CoarseToFineSearch(CoarseToFineSearchOptions options = {});
  StatusOr<Ladder> Search(const SearchProblem& problem) const override;

 private:
  StatusOr<Ladder> SearchRegion(const SearchProblem& problem, std::size_t i0, std::size_t i1,
                                std::size_t j0, std::size_t j1) const;
  CoarseToFineSearchOptions options_;
};

}  // namespace tandem::align
