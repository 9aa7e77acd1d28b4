#include "tandem/align/search.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

namespace tandem::align {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// -ln(exp(-x) + exp(-y)): adding two probabilities given as costs.
double AddCosts(double x, double y) {
  if (x == kInfinity) return y;
  if (y == kInfinity) return x;
  const double lo = std::min(x, y);
  return lo - std::log1p(std::exp(-std::abs(x - y)));
}

}  // namespace

std::vector<BeadShape> StandardShapes(std::size_t max_bead) {
  std::vector<BeadShape> shapes = {{1, 0}, {0, 1}, {1, 1}};
  for (std::size_t k = 2; k <= max_bead; ++k) {
    shapes.push_back({k, 1});
    shapes.push_back({1, k});
  }
  if (max_bead >= 2) shapes.push_back({2, 2});
  return shapes;
}

ExhaustiveSearch::ExhaustiveSearch(ExhaustiveSearchOptions options)
    : options_(std::move(options)) {}

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

StatusOr<Ladder> ExhaustiveSearch::Search(const SearchProblem& problem) const {
  assert(problem.scorer != nullptr);
  TANDEM_RETURN_IF_ERROR(ValidateFixedBeads(problem));
  Ladder ladder;
  std::size_t i = 0;
  std::size_t j = 0;
  auto fill_gap = [&](std::size_t i1, std::size_t j1) -> Status {
    TANDEM_ASSIGN_OR_RETURN(Ladder part, SearchRegion(*problem.scorer, i, i1, j, j1));
    ladder.insert(ladder.end(), part.begin(), part.end());
    return Status::Ok();
  };
  for (const Bead& bead : problem.fixed) {
    TANDEM_RETURN_IF_ERROR(fill_gap(bead.source_begin, bead.target_begin));
    ladder.push_back(bead);
    i = bead.source_end();
    j = bead.target_end();
  }
  TANDEM_RETURN_IF_ERROR(fill_gap(problem.source_size, problem.target_size));
  return ladder;
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
        "aligning {} x {} sentences needs {} search cells, more than the limit of {}; split the "
        "texts into smaller parts",
        n, m, cells, options_.max_cells));
  }
  if (n == 0 && m == 0) return Ladder{};
  const std::vector<BeadShape>& shapes = options_.shapes;
  auto at = [width](std::size_t i, std::size_t j) { return i * width + j; };

  // Forward pass: the best path cost (Viterbi) and the total of all paths (alpha) into
  // every cell.
  std::vector<double> best(cells, kInfinity);
  std::vector<double> alpha(cells, kInfinity);
  std::vector<std::uint8_t> back(cells, 0);
  best[0] = 0.0;
  alpha[0] = 0.0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = 0; j <= m; ++j) {
      if (i == 0 && j == 0) continue;
      double cell_best = kInfinity;
      double cell_alpha = kInfinity;
      std::uint8_t cell_back = 0;
      for (std::size_t s = 0; s < shapes.size(); ++s) {
        const std::size_t a = shapes[s].source_count;
        const std::size_t b = shapes[s].target_count;
        if (a > i || b > j) continue;
        const std::size_t from = at(i - a, j - b);
        if (alpha[from] == kInfinity) continue;
        const double cost = scorer.Cost(i0 + i - a, a, j0 + j - b, b);
        if (best[from] + cost < cell_best) {
          cell_best = best[from] + cost;
          cell_back = static_cast<std::uint8_t>(s);
        }
        cell_alpha = AddCosts(cell_alpha, alpha[from] + cost);
      }
      best[at(i, j)] = cell_best;
      alpha[at(i, j)] = cell_alpha;
      back[at(i, j)] = cell_back;
    }
  }
  if (best[at(n, m)] == kInfinity) {
    return InternalError("the bead shapes given to the search cannot cover the texts");
  }

  // Backward pass: the total of all paths from every cell to the end (beta).
  std::vector<double> beta(cells, kInfinity);
  beta[at(n, m)] = 0.0;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = m + 1; j-- > 0;) {
      if (i == n && j == m) continue;
      double cell_beta = kInfinity;
      for (const BeadShape& shape : shapes) {
        const std::size_t a = shape.source_count;
        const std::size_t b = shape.target_count;
        if (i + a > n || j + b > m) continue;
        const double next = beta[at(i + a, j + b)];
        if (next == kInfinity) continue;
        cell_beta = AddCosts(cell_beta, scorer.Cost(i0 + i, a, j0 + j, b) + next);
      }
      beta[at(i, j)] = cell_beta;
    }
  }
  const double total = alpha[at(n, m)];

  Ladder ladder;
  for (std::size_t i = n, j = m; i > 0 || j > 0;) {
    const BeadShape& shape = shapes[back[at(i, j)]];
    const std::size_t a = shape.source_count;
    const std::size_t b = shape.target_count;
    Bead bead{i0 + i - a, a, j0 + j - b, b, 0.0};
    const double cost = scorer.Cost(i0 + i - a, a, j0 + j - b, b);
    const double posterior = std::exp(-(alpha[at(i - a, j - b)] + cost + beta[at(i, j)] - total));
    // Four decimals: finer differences carry no information, and short values keep the
    // output files readable and exactly re-readable.
    bead.confidence = std::round(std::clamp(posterior, 0.0, 1.0) * 1e4) / 1e4;
    ladder.push_back(bead);
    i -= a;
    j -= b;
  }
  std::reverse(ladder.begin(), ladder.end());
  return ladder;
}

}  // namespace tandem::align
