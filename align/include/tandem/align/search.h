// Search: finding the best ladder given a scorer. The search only asks the scorer for bead
// costs (scorer.h); it knows nothing about text.
//
//   tandem::align::ExhaustiveSearch search({.shapes = tandem::align::StandardShapes(2)});
//   TANDEM_ASSIGN_OR_RETURN(tandem::align::Ladder ladder, search.Search(scorer, n, m));
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

class LadderSearch {
 public:
  virtual ~LadderSearch() = default;
  virtual StatusOr<Ladder> Search(const BeadScorer& scorer, std::size_t source_size,
                                  std::size_t target_size) const = 0;
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
  StatusOr<Ladder> Search(const BeadScorer& scorer, std::size_t source_size,
                          std::size_t target_size) const override;

 private:
  ExhaustiveSearchOptions options_;
};

}  // namespace tandem::align
