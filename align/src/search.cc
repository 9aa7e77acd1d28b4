#include "search.h"

#include <cassert>
#include <thread>

#include <fmt/format.h>

#include "band_dp.h"

namespace tandem::align {

std::vector<BeadShape> StandardShapes(std::size_t max_bead) {
  std::vector<BeadShape> shapes = {{1, 0}, {0, 1}, {1, 1}};
  for (std::size_t k = 2; k <= max_bead; ++k) {
    shapes.push_back({k, 1});
    shapes.push_back({1, k});
  }
  if (max_bead >= 2) shapes.push_back({2, 2});
  return shapes;
}

Status ValidateFixedBeads(const SearchProblem& problem) {
  std::size_t i = 0;
  std::size_t j = 0;
  for (std::size_t k = 0; k < problem.fixed.size(); ++k) {
    const Bead& bead = problem.fixed[k];
    if (bead.source_count == 0 && bead.target_count == 0) {
      return InvalidArgumentError(fmt::format("fixed bead {} is empty", k + 1));
    }
    if (bead.source_begin < i || bead.target_begin < j) {
      return InvalidArgumentError(
          fmt::format("fixed bead {} overlaps the one before it or is out of order", k + 1));
    }
    if (bead.source_end() > problem.source_size || bead.target_end() > problem.target_size) {
      return InvalidArgumentError(fmt::format("fixed bead {} lies outside the texts", k + 1));
    }
    i = bead.source_end();
    j = bead.target_end();
  }
  return Status::Ok();
}

std::size_t SearchThreads(std::size_t requested) {
  if (requested > 0) return requested;
  return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

ExhaustiveSearch::ExhaustiveSearch(ExhaustiveSearchOptions options)
    : options_(std::move(options)) {}

StatusOr<Ladder> ExhaustiveSearch::Search(const SearchProblem& problem) const {
  assert(problem.scorer != nullptr);
  return internal::SolveAroundFixedBeads(
      problem, [&](std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) {
        return SearchRegion(*problem.scorer, i0, i1, j0, j1);
      });
}

StatusOr<Ladder> ExhaustiveSearch::SearchRegion(const BeadScorer& scorer, std::size_t i0,
                                                std::size_t i1, std::size_t j0,
                                                std::size_t j1) const {
  const std::size_t n = i1 - i0;
  const std::size_t m = j1 - j0;
  const std::size_t width = m + 1;
  const std::size_t cells = (n + 1) * width;
  if (cells / width != n + 1 || cells > options_.max_cells) {
    return ResourceExhaustedError(fmt::format(
        "aligning {} x {} sentences exhaustively needs {} search cells, more than the limit of "
        "{}",
        n, m, cells, options_.max_cells));
  }
  internal::SolveOptions solve;
  solve.threads = SearchThreads(options_.threads);
  return internal::SolveBand(internal::Band::Full(n, m), options_.shapes, scorer, solve, i0, j0);
}

}  // namespace tandem::align
