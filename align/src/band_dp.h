// Private: dynamic programming over a band of the alignment grid, the engine of every search.
//
// The grid has points (i, j), 0 <= i <= n, 0 <= j <= m: "the first i source and the first j
// target sentences are aligned". A bead of shape a:b is a step from (i, j) to (i + a, j + b).
// A band allows, for every row i, the points j in [lo(i), hi(i)]; the full grid is one band, a
// corridor around a path found at a coarser resolution is another. SolveBand finds the cheapest
// path from (0, 0) to (n, m) that stays in the band, and every bead's posterior probability
// among all paths in the band (forward-backward).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "search.h"
#include "tandem/align/bead.h"
#include "tandem/core/status.h"

namespace tandem::align::internal {

class Band {
 public:
  // Every point of the (n + 1) x (m + 1) grid.
  static Band Full(std::size_t n, std::size_t m);
  // Rows 0..n with the given inclusive column ranges (lo.size() == hi.size() == n + 1).
  Band(std::vector<std::size_t> lo, std::vector<std::size_t> hi);

  std::size_t n() const { return lo_.size() - 1; }
  std::size_t m() const { return m_; }
  std::size_t lo(std::size_t i) const { return lo_[i]; }
  std::size_t hi(std::size_t i) const { return hi_[i]; }
  bool Contains(std::size_t i, std::size_t j) const {
    return i < lo_.size() && j >= lo_[i] && j <= hi_[i];
  }
  // The position of (i, j) in flat per-cell arrays; (i, j) must be in the band.
  std::size_t Index(std::size_t i, std::size_t j) const { return offset_[i] + (j - lo_[i]); }
  std::size_t cells() const { return offset_.back(); }

  // Ok when a path from (0, 0) to (n, m) can stay in the band using 1:0 and 0:1 steps: the
  // corners are inside and consecutive rows share a column.
  Status CheckConnected() const;

 private:
  std::vector<std::size_t> lo_;
  std::vector<std::size_t> hi_;
  std::vector<std::size_t> offset_;  // offset_[i] = cells in rows < i; offset_.back() = total
  std::size_t m_ = 0;
};

// The cost of the bead of shape a:b that starts at grid point (i, j).
using CostFunction =
    std::function<double(std::size_t i, std::size_t a, std::size_t j, std::size_t b)>;

struct SolveOptions {
  // Threads for computing costs and for running the forward and backward passes side by side.
  std::size_t threads = 1;
  // Costs are computed once and kept (4 bytes per cell and shape) while that stays under this
  // many bytes; beyond it they are computed again for the backward pass.
  std::size_t cost_cache_bytes = std::size_t{1} << 30;
  // Compute every bead's posterior probability (forward-backward). Without, only the cheapest
  // path is found (the same path), and every confidence is 0: for searches that need only the
  // path, such as the coarse levels, this saves the backward pass and the sums of all paths.
  bool posteriors = true;
  // When set (and posteriors is), it is asked with the cheapest path (confidences 0) before the
  // sums of all paths are made, and they are made only when it answers true: for a caller that
  // needs the posteriors only for some paths. The path costs one more forward pass without
  // sums when they are wanted after all.
  std::function<bool(const Ladder& path)> posteriors_for_path;
};

// The cheapest path through `band` made of `shapes`, as a ladder whose bead positions are grid
// coordinates plus (source_offset, target_offset), and whose confidences are posteriors rounded
// to four decimals. `shapes` must include 1:0 and 0:1. The scorer is asked about beads in
// those coordinates too (the point (i, j) of the band is (source_offset + i, target_offset + j)
// of the texts), row by row (BeadScorer::Rows).
StatusOr<Ladder> SolveBand(const Band& band, const std::vector<BeadShape>& shapes,
                           const BeadScorer& scorer, const SolveOptions& options,
                           std::size_t source_offset = 0, std::size_t target_offset = 0);
// The same with the costs of a function, in band coordinates.
StatusOr<Ladder> SolveBand(const Band& band, const std::vector<BeadShape>& shapes,
                           const CostFunction& cost, const SolveOptions& options);

// Aligns the regions between the fixed beads of `problem` with `solve_region` (which gets the
// region source [i0, i1) x target [j0, j1) and returns its ladder) and joins the pieces and the
// fixed beads into one ladder.
using RegionSolver =
    std::function<StatusOr<Ladder>(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1)>;
StatusOr<Ladder> SolveAroundFixedBeads(const SearchProblem& problem,
                                       const RegionSolver& solve_region);

}  // namespace tandem::align::internal
