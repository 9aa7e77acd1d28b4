#include "band_dp.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>
#include <thread>

#include <fmt/format.h>

#include "fast_math.h"

namespace tandem::align::internal {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// What a step of a shape does: a run of source sentences only, of target sentences only, or
// both.
enum class Kind : std::uint8_t { kSourceOnly, kTargetOnly, kTwoSided };

Kind KindOf(const BeadShape& shape) {
  if (shape.target_count == 0) return Kind::kSourceOnly;
  if (shape.source_count == 0) return Kind::kTargetOnly;
  return Kind::kTwoSided;
}

// -ln(exp(-x) + exp(-y)): adding two probabilities given as costs.
double AddCosts(double x, double y) {
  if (x == kInfinity) return y;
  if (y == kInfinity) return x;
  const double lo = std::min(x, y);
  const double gap = std::abs(x - y);
  // exp(-50) = 2e-22 changes no cost a path can have (a double of 0.002 moves by 4e-19), and
  // most pairs of alternatives in a band are that far apart: spare the exp and the log.
  if (gap > 50) return lo;
  return lo - std::log1p(FastExp(-gap));
}

// -ln of the sum of exp(-v) over costs v, gathered and added at once: one logarithm per point
// instead of one per step into it, and terms more than 50 above the smallest (exp(-50) =
// 2e-22 of it) left out.
class CostSum {
 public:
  void Add(double v) {
    if (v == kInfinity || v > min_ + 50) return;
    values_[count_++] = v;
    if (v < min_) min_ = v;
  }
  double Total() const {
    if (count_ == 0) return kInfinity;
    // One term is its own total (min_ - log(e^0)), and a point's sum for one state often has
    // one: spare the logarithm.
    if (count_ == 1) return values_[0];
    double sum = 0;
    for (std::size_t k = 0; k < count_; ++k) {
      const double gap = values_[k] - min_;
      if (gap <= 50) sum += FastExp(-gap);
    }
    return min_ - std::log(sum);
  }

 private:
  std::array<double, 128> values_;  // one per shape at most
  std::size_t count_ = 0;
  double min_ = kInfinity;
};

// Runs body(begin, end) over [0, count) split into `threads` contiguous parts.
template <typename Body>
void ParallelRanges(std::size_t count, std::size_t threads, const Body& body) {
  threads = std::max<std::size_t>(1, std::min(threads, count));
  if (threads == 1) {
    body(0, count);
    return;
  }
  std::vector<std::thread> workers;
  const std::size_t chunk = (count + threads - 1) / threads;
  for (std::size_t t = 0; t < threads; ++t) {
    const std::size_t begin = t * chunk;
    const std::size_t end = std::min(count, begin + chunk);
    if (begin >= end) break;
    workers.emplace_back([&body, begin, end] { body(begin, end); });
  }
  for (std::thread& worker : workers) worker.join();
}

// A bead scorer made of a cost function (the coarse levels' block costs, tests), asked only
// about steps that start inside the band (block costs are prepared for the band's cells only).
class FunctionScorer final : public BeadScorer {
 public:
  FunctionScorer(const CostFunction& cost, const Band& band) : cost_(cost), band_(band) {}
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override {
    return cost_(i, a, j, b);
  }
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override {
    return std::make_unique<BandRows>(*this, shapes);
  }

 private:
  class BandRows final : public RowScorer {
   public:
    BandRows(const FunctionScorer& scorer, const std::vector<BeadShape>& shapes)
        : scorer_(scorer), shapes_(shapes) {}
    void AddRow(std::size_t i, std::size_t j_begin, std::size_t j_end, double weight,
                double* out) override {
      for (std::size_t j = j_begin; j < j_end; ++j) {
        for (std::size_t s = 0; s < shapes_.size(); ++s) {
          const std::size_t a = shapes_[s].source_count;
          const std::size_t b = shapes_[s].target_count;
          if (a > i || b > j || !scorer_.band_.Contains(i - a, j - b)) continue;
          out[(j - j_begin) * shapes_.size() + s] += weight * scorer_.cost_(i - a, a, j - b, b);
        }
      }
    }

   private:
    const FunctionScorer& scorer_;
    const std::vector<BeadShape>& shapes_;
  };

  const CostFunction& cost_;
  const Band& band_;
};

// The costs of the (cell, shape) steps that end inside the band: computed row by row (the
// scorer's RowScorer) and kept, or, when keeping them would take more memory than allowed,
// computed again where they are needed (RowCursor).
class StepCosts {
 public:
  StepCosts(const Band& band, const std::vector<BeadShape>& shapes, const BeadScorer& scorer,
            const SolveOptions& options, std::size_t source_offset, std::size_t target_offset)
      : band_(band),
        shapes_(shapes),
        scorer_(scorer),
        source_offset_(source_offset),
        target_offset_(target_offset) {
    for (const BeadShape& shape : shapes) {
      max_source_count_ = std::max(max_source_count_, shape.source_count);
    }
    const std::size_t entries = band.cells() * shapes.size();
    if (entries * sizeof(float) > options.cost_cache_bytes) return;
    table_.assign(entries, std::numeric_limits<float>::infinity());
    ParallelRanges(band.n() + 1, options.threads, [&](std::size_t row_begin, std::size_t row_end) {
      const std::unique_ptr<RowScorer> rows = scorer_.Rows(shapes_);
      std::vector<double> row;
      for (std::size_t i = row_begin; i < row_end; ++i) {
        ComputeRow(*rows, i, row);
        for (std::size_t j = band.lo(i); j <= band.hi(i); ++j) {
          const double* in = &row[(j - band.lo(i)) * shapes_.size()];
          float* out = &table_[band.Index(i, j) * shapes_.size()];
          for (std::size_t s = 0; s < shapes_.size(); ++s) {
            const std::size_t a = shapes_[s].source_count;
            const std::size_t b = shapes_[s].target_count;
            if (a > i || b > j || !band.Contains(i - a, j - b)) continue;
            out[s] = static_cast<float>(in[s]);
          }
        }
      }
    });
  }

  bool tabled() const { return !table_.empty(); }
  const Band& band() const { return band_; }
  const std::vector<BeadShape>& shapes() const { return shapes_; }
  const BeadScorer& scorer() const { return scorer_; }
  std::size_t max_source_count() const { return max_source_count_; }

  // The cost of the step of shape s that ends at (i, j), whose start is in the band (as a
  // float, kept or not, so that the costs do not depend on whether they fit in memory).
  double Cost(std::size_t i, std::size_t j, std::size_t s) const {
    if (!table_.empty()) return table_[band_.Index(i, j) * shapes_.size() + s];
    const std::size_t a = shapes_[s].source_count;
    const std::size_t b = shapes_[s].target_count;
    return static_cast<float>(scorer_.Cost(source_offset_ + i - a, a, target_offset_ + j - b, b));
  }
  // The kept costs of row i: shapes().size() per point from band().lo(i) on.
  const float* TableRow(std::size_t i) const {
    return &table_[band_.Index(i, band_.lo(i)) * shapes_.size()];
  }

  // The costs of the steps that end on row i, shapes_.size() per point from band.lo(i) on
  // (steps that would start before the grid are left at 0).
  void ComputeRow(RowScorer& rows, std::size_t i, std::vector<double>& row) const {
    const std::size_t lo = band_.lo(i);
    const std::size_t hi = band_.hi(i);
    row.assign((hi - lo + 1) * shapes_.size(), 0.0);
    rows.AddRow(source_offset_ + i, target_offset_ + lo, target_offset_ + hi + 1, 1.0, row.data());
  }

 private:
  const Band& band_;
  const std::vector<BeadShape>& shapes_;
  const BeadScorer& scorer_;
  std::size_t source_offset_;
  std::size_t target_offset_;
  std::size_t max_source_count_ = 0;
  std::vector<float> table_;
};

// One thread's access to the costs of a StepCosts, a row at a time. Without a table it computes
// whole rows and keeps the last few (the backward pass at row i asks for the rows i to i + the
// largest source count), so that the rows come from the scorer's RowScorer, not bead by bead.
class RowCursor {
 public:
  explicit RowCursor(const StepCosts& costs) : costs_(costs) {
    if (costs.tabled()) return;
    rows_ = costs.scorer().Rows(costs.shapes());
    ring_.resize(costs.max_source_count() + 1);
  }

  // The costs of the steps that end on row i: shapes().size() per point from band().lo(i) on.
  // Valid until a row max_source_count() + 1 rows away is asked for.
  const float* Row(std::size_t i) {
    if (costs_.tabled()) return costs_.TableRow(i);
    Kept& row = ring_[i % ring_.size()];
    if (row.i != i) {
      costs_.ComputeRow(*rows_, i, sums_);
      row.costs.assign(sums_.begin(), sums_.end());
      row.i = i;
    }
    return row.costs.data();
  }

  double Cost(std::size_t i, std::size_t j, std::size_t s) {
    return Row(i)[(j - costs_.band().lo(i)) * costs_.shapes().size() + s];
  }

 private:
  struct Kept {
    std::size_t i = static_cast<std::size_t>(-1);
    std::vector<float> costs;
  };
  const StepCosts& costs_;
  std::unique_ptr<RowScorer> rows_;
  std::vector<Kept> ring_;
  std::vector<double> sums_;
};

// Where the steps of each shape come from (forward) or go to (backward) from row i: the row
// i - a (or i + a), its columns and where they are in the flat per-cell arrays; shapes whose
// row is outside the grid are left out.
struct StepRows {
  struct Step {
    std::size_t shape = 0;
    std::size_t b = 0;    // its target count
    std::size_t row = 0;  // i - a or i + a
    std::size_t lo = 0;   // that row's columns
    std::size_t hi = 0;
    std::size_t first = 0;         // band.Index(row, lo)
    const float* costs = nullptr;  // backward: the costs of the steps that end on `row`
    int to = 0;                    // the state a step of the shape leads to
    bool target_only = false;
  };
  std::vector<Step> steps;  // the shapes whose rows are in the grid, in the shapes' order

  void Set(const Band& band, const std::vector<BeadShape>& shapes, std::size_t i, bool forward) {
    steps.clear();
    for (std::size_t s = 0; s < shapes.size(); ++s) {
      const std::size_t a = shapes[s].source_count;
      if (forward ? a > i : i + a > band.n()) continue;
      Step step;
      step.shape = s;
      step.b = shapes[s].target_count;
      step.row = forward ? i - a : i + a;
      step.lo = band.lo(step.row);
      step.hi = band.hi(step.row);
      step.first = band.Index(step.row, step.lo);
      step.to = KindOf(shapes[s]) == Kind::kSourceOnly ? 1 : 0;
      step.target_only = KindOf(shapes[s]) == Kind::kTargetOnly;
      steps.push_back(step);
    }
  }
};

// A step of the cheapest path: its shape and the state of the point it ends at.
struct PathStep {
  std::size_t shape = 0;
  int state = 0;
};

// The cheapest path into (n, m) from the step kept per point and state, as a ladder with
// confidences of 0, and each bead's step.
Ladder Trace(const Band& band, const std::vector<BeadShape>& shapes,
             const std::vector<std::uint8_t> (&back)[2], const std::vector<double> (&best)[2],
             std::size_t source_offset, std::size_t target_offset,
             std::vector<PathStep>* steps = nullptr) {
  Ladder ladder;
  const std::size_t end = band.Index(band.n(), band.m());
  int state = best[1][end] < best[0][end] ? 1 : 0;
  for (std::size_t i = band.n(), j = band.m(); i > 0 || j > 0;) {
    const std::uint8_t step = back[state][band.Index(i, j)];
    const std::size_t s = step & 0x7F;
    const std::size_t a = shapes[s].source_count;
    const std::size_t b = shapes[s].target_count;
    ladder.push_back({source_offset + i - a, a, target_offset + j - b, b, 0.0});
    if (steps != nullptr) steps->push_back({s, state});
    i -= a;
    j -= b;
    state = (step & 0x80) != 0 ? 1 : 0;
  }
  std::reverse(ladder.begin(), ladder.end());
  if (steps != nullptr) std::reverse(steps->begin(), steps->end());
  return ladder;
}

}  // namespace

Band Band::Full(std::size_t n, std::size_t m) {
  return Band(std::vector<std::size_t>(n + 1, 0), std::vector<std::size_t>(n + 1, m));
}

Band::Band(std::vector<std::size_t> lo, std::vector<std::size_t> hi)
    : lo_(std::move(lo)), hi_(std::move(hi)) {
  assert(!lo_.empty() && lo_.size() == hi_.size());
  offset_.resize(lo_.size() + 1);
  offset_[0] = 0;
  for (std::size_t i = 0; i < lo_.size(); ++i) {
    assert(lo_[i] <= hi_[i]);
    offset_[i + 1] = offset_[i] + (hi_[i] - lo_[i] + 1);
    m_ = std::max(m_, hi_[i]);
  }
}

Status Band::CheckConnected() const {
  if (lo_[0] != 0 || hi_.back() != m_) {
    return InternalError("the search band does not contain both corners of the grid");
  }
  for (std::size_t i = 0; i + 1 < lo_.size(); ++i) {
    if (std::max(lo_[i], lo_[i + 1]) > std::min(hi_[i], hi_[i + 1])) {
      return InternalError(
          fmt::format("the search band is broken between rows {} and {}", i, i + 1));
    }
  }
  return Status::Ok();
}

StatusOr<Ladder> SolveBand(const Band& band, const std::vector<BeadShape>& shapes,
                           const CostFunction& cost, const SolveOptions& options) {
  return SolveBand(band, shapes, FunctionScorer(cost, band), options);
}

StatusOr<Ladder> SolveBand(const Band& band, const std::vector<BeadShape>& shapes,
                           const BeadScorer& scorer, const SolveOptions& options,
                           std::size_t source_offset, std::size_t target_offset) {
  TANDEM_RETURN_IF_ERROR(band.CheckConnected());
  assert(shapes.size() < 128);
  const std::size_t n = band.n();
  const std::size_t m = band.m();
  if (n == 0 && m == 0) return Ladder{};
  const StepCosts costs(band, shapes, scorer, options, source_offset, target_offset);
  const std::size_t cells = band.cells();

  // Sentences without counterpart on both sides can stand in any order between two two-sided
  // beads (1:0 0:1 or 0:1 1:0, and so on), and every order would be another path of the same
  // cost: a long stretch of them would count a thousand-fold as alternatives to aligning, and
  // the posteriors of aligned beads next to it would come out near zero. So the paths keep one
  // order: within a run of one-sided beads the target's come first. The state of a point says
  // whether the last step was source-only (state 1), after which no target-only step may
  // follow.
  std::vector<Kind> kinds(shapes.size());
  for (std::size_t s = 0; s < shapes.size(); ++s) kinds[s] = KindOf(shapes[s]);

  // Forward: the best path cost (Viterbi) into every point, per state, and the total of all
  // paths into it: in state 0 (alpha, what a target-only step may follow) and in either state
  // (alpha_any, what every other step may follow), so that such a step adds one term, not one
  // per state.
  std::vector<double> best[2] = {std::vector<double>(cells, kInfinity),
                                 std::vector<double>(cells, kInfinity)};
  // The sums are made (below) only when the posteriors are wanted.
  std::vector<double> alpha;
  std::vector<double> alpha_any;
  // The step into a point per state: shape index, and 0x80 when it came from state 1.
  std::vector<std::uint8_t> back[2] = {std::vector<std::uint8_t>(cells, 0),
                                       std::vector<std::uint8_t>(cells, 0)};
  auto forward = [&](bool sums) {
    RowCursor step_costs(costs);
    StepRows from_rows;
    const std::size_t count = shapes.size();
    best[0][band.Index(0, 0)] = 0.0;
    if (sums) {
      alpha[band.Index(0, 0)] = 0.0;
      alpha_any[band.Index(0, 0)] = 0.0;
    }
    for (std::size_t i = 0; i <= n; ++i) {
      from_rows.Set(band, shapes, i, true);
      const float* row_costs = step_costs.Row(i);
      for (std::size_t j = band.lo(i); j <= band.hi(i); ++j) {
        if (i == 0 && j == 0) continue;
        const float* cell_costs = row_costs + (j - band.lo(i)) * count;
        double cell_best[2] = {kInfinity, kInfinity};
        CostSum cell_alpha[2];
        std::uint8_t cell_back[2] = {0, 0};
        for (const StepRows::Step& step : from_rows.steps) {
          if (step.b > j) continue;
          const std::size_t column = j - step.b;
          if (column < step.lo || column > step.hi) continue;
          const std::size_t from = step.first + (column - step.lo);
          // A point no path reaches has an infinite best cost (and alpha).
          if (best[0][from] == kInfinity && best[1][from] == kInfinity) continue;
          const std::size_t s = step.shape;
          const double c = cell_costs[s];
          const int to = step.to;
          // Target-only steps only from state 0; the others from either.
          const int last_from = step.target_only ? 0 : 1;
          for (int state = 0; state <= last_from; ++state) {
            if (best[state][from] == kInfinity) continue;
            if (best[state][from] + c < cell_best[to]) {
              cell_best[to] = best[state][from] + c;
              cell_back[to] = static_cast<std::uint8_t>(s | (state == 1 ? 0x80 : 0));
            }
          }
          if (sums) cell_alpha[to].Add((last_from == 0 ? alpha[from] : alpha_any[from]) + c);
        }
        const std::size_t at = band.Index(i, j);
        for (int state = 0; state < 2; ++state) {
          best[state][at] = cell_best[state];
          back[state][at] = cell_back[state];
        }
        if (sums) {
          alpha[at] = cell_alpha[0].Total();
          alpha_any[at] = AddCosts(alpha[at], cell_alpha[1].Total());
        }
      }
    }
  };

  // Backward: the total of all paths from every point, in each state, to the end (beta).
  std::vector<double> beta[2];
  auto backward = [&] {
    RowCursor step_costs(costs);
    StepRows to_rows;
    const std::size_t count = shapes.size();
    beta[0][band.Index(n, m)] = 0.0;
    beta[1][band.Index(n, m)] = 0.0;
    for (std::size_t i = n + 1; i-- > 0;) {
      to_rows.Set(band, shapes, i, false);
      for (StepRows::Step& step : to_rows.steps) step.costs = step_costs.Row(step.row);
      for (std::size_t j = band.hi(i) + 1; j-- > band.lo(i);) {
        if (i == n && j == m) continue;
        // Every step may follow state 0; all but target-only steps state 1 (each step's term
        // is added once: beta[0] is beta[1] plus the target-only steps).
        CostSum others;
        CostSum target_only;
        for (const StepRows::Step& step : to_rows.steps) {
          const std::size_t column = j + step.b;
          if (column > m || column < step.lo || column > step.hi) continue;
          const std::size_t offset = column - step.lo;
          const double next = beta[step.to][step.first + offset];
          if (next == kInfinity) continue;
          const double total = static_cast<double>(step.costs[offset * count + step.shape]) + next;
          (step.target_only ? target_only : others).Add(total);
        }
        const double from_either = others.Total();
        beta[0][band.Index(i, j)] = AddCosts(from_either, target_only.Total());
        beta[1][band.Index(i, j)] = from_either;
      }
    }
  };

  const std::size_t end = band.Index(n, m);
  bool posteriors = options.posteriors;
  bool forward_done = false;
  if (posteriors && options.posteriors_for_path) {
    // The path first: whether its posteriors are wanted depends on it.
    forward(false);
    forward_done = true;
    if (best[0][end] == kInfinity && best[1][end] == kInfinity) {
      return InternalError("no path through the search band with the given bead shapes");
    }
    posteriors =
        options.posteriors_for_path(Trace(band, shapes, back, best, source_offset, target_offset));
  }
  if (posteriors) {
    alpha.assign(cells, kInfinity);
    alpha_any.assign(cells, kInfinity);
    beta[0].assign(cells, kInfinity);
    beta[1].assign(cells, kInfinity);
    // The forward pass again when it ran for the path alone: the same path, now with the sums.
    if (options.threads > 1) {
      std::thread backward_thread(backward);
      forward(true);
      backward_thread.join();
    } else {
      forward(true);
      backward();
    }
  } else if (!forward_done) {
    forward(false);
  }
  if (best[0][end] == kInfinity && best[1][end] == kInfinity) {
    return InternalError("no path through the search band with the given bead shapes");
  }
  const double total = posteriors ? alpha_any[end] : 0.0;
  // The total of all paths into a point, whatever the state.
  auto into = [&alpha_any](std::size_t at) { return alpha_any[at]; };
  // A sentence without counterpart stands where the canonical order puts it, but whether a
  // sentence is unaligned at all is what a reviewer needs: the confidence of a one-sided bead
  // is the probability that its sentence is unaligned (the posterior of all 1:0, or 0:1, steps
  // over it, wherever they stand on the other side).
  std::vector<double> source_unaligned;
  std::vector<double> target_unaligned;
  std::size_t skip_source = shapes.size();
  std::size_t skip_target = shapes.size();
  for (std::size_t s = 0; s < shapes.size(); ++s) {
    if (shapes[s].source_count == 1 && shapes[s].target_count == 0) skip_source = s;
    if (shapes[s].source_count == 0 && shapes[s].target_count == 1) skip_target = s;
  }
  bool masses_ready = false;
  auto unaligned_mass = [&] {
    RowCursor step_costs(costs);
    source_unaligned.assign(n, 0.0);
    target_unaligned.assign(m, 0.0);
    for (std::size_t i = 0; i <= n; ++i) {
      for (std::size_t j = band.lo(i); j <= band.hi(i); ++j) {
        const std::size_t at = band.Index(i, j);
        if (skip_source < shapes.size() && i > 0 && band.Contains(i - 1, j) &&
            beta[1][at] != kInfinity) {
          const double before = into(band.Index(i - 1, j));
          if (before != kInfinity) {
            source_unaligned[i - 1] +=
                FastExp(-(before + step_costs.Cost(i, j, skip_source) + beta[1][at] - total));
          }
        }
        if (skip_target < shapes.size() && j > 0 && band.Contains(i, j - 1) &&
            beta[0][at] != kInfinity) {
          const double before = alpha[band.Index(i, j - 1)];
          if (before != kInfinity) {
            target_unaligned[j - 1] +=
                FastExp(-(before + step_costs.Cost(i, j, skip_target) + beta[0][at] - total));
          }
        }
      }
    }
  };
  std::vector<PathStep> steps;
  Ladder ladder = Trace(band, shapes, back, best, source_offset, target_offset, &steps);
  if (!posteriors) return ladder;  // the path only
  for (std::size_t k = 0; k < ladder.size(); ++k) {
    Bead& bead = ladder[k];
    const std::size_t s = steps[k].shape;
    const std::size_t a = bead.source_count;
    const std::size_t b = bead.target_count;
    // The point the bead ends at, in the band's coordinates.
    const std::size_t i = bead.source_end() - source_offset;
    const std::size_t j = bead.target_end() - target_offset;
    double posterior = 0.0;
    if (a + b != 1 || (s != skip_source && s != skip_target)) {
      const double c = costs.Cost(i, j, s);
      const std::size_t from = band.Index(i - a, j - b);
      const double before = kinds[s] == Kind::kTargetOnly ? alpha[from] : into(from);
      posterior = std::exp(-(before + c + beta[steps[k].state][band.Index(i, j)] - total));
    } else {
      if (!masses_ready) {
        unaligned_mass();
        masses_ready = true;
      }
      posterior = a == 1 ? source_unaligned[i - 1] : target_unaligned[j - 1];
    }
    // Four decimals: finer differences carry no information, and short values keep the output
    // files readable and exactly re-readable.
    bead.confidence = std::round(std::clamp(posterior, 0.0, 1.0) * 1e4) / 1e4;
  }
  return ladder;
}

StatusOr<Ladder> SolveAroundFixedBeads(const SearchProblem& problem,
                                       const RegionSolver& solve_region) {
  TANDEM_RETURN_IF_ERROR(ValidateFixedBeads(problem));
  Ladder ladder;
  std::size_t i = 0;
  std::size_t j = 0;
  auto fill_gap = [&](std::size_t i1, std::size_t j1) -> Status {
    if (i1 == i && j1 == j) return Status::Ok();
    TANDEM_ASSIGN_OR_RETURN(Ladder part, solve_region(i, i1, j, j1));
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

}  // namespace tandem::align::internal
