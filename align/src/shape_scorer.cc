#include "shape_scorer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

namespace tandem::align {
namespace {

// Shapes outside the table (3:2, 5:1, ...): rare enough to count as one in ten thousand.
constexpr double kOther = 1e-4;

}  // namespace

ShapeTable::ShapeTable() {
  for (auto& row : p_) row.fill(kOther);
  p_[0][0] = 0;
}

ShapeTable ShapeTable::Default() {
  // Text+Berg dev gold, 422 links: 1:1 246, 1:2 50, 0:1 40, 2:1 32, 2:2 16, 1:3 9, 3:1 7,
  // 2:3 5, 1:4 5, 3:2 4, 1:5 2, 3:3 2, 1:0 1, 2:5 1, 4:1 1, 4:3 1. Symmetric means plus one
  // pseudo-count each, over the 422 + 16 links.
  ShapeTable table;
  const double total = 438;
  auto set = [&table, total](std::size_t a, std::size_t b, double count) {
    table.Set(a, b, (count + 1) / total);
    table.Set(b, a, (count + 1) / total);
  };
  set(1, 1, 246);
  set(1, 2, 41);
  set(1, 0, 20.5);
  set(2, 2, 16);
  set(1, 3, 8);
  set(2, 3, 4.5);
  set(1, 4, 3);
  set(1, 5, 1);
  set(3, 3, 2);
  set(2, 5, 0.5);
  set(3, 4, 0.5);
  return table;
}

ShapeTable ShapeTable::Estimate(const Ladder& ladder, const ShapeTable& prior, double strength) {
  std::array<std::array<double, kMaxSide + 1>, kMaxSide + 1> counts{};
  double total = 0;
  for (const Bead& bead : ladder) {
    if (bead.source_count > kMaxSide || bead.target_count > kMaxSide) continue;
    counts[bead.source_count][bead.target_count] += 1;
    total += 1;
  }
  double prior_mass = 0;
  for (std::size_t a = 0; a <= kMaxSide; ++a) {
    for (std::size_t b = 0; b <= kMaxSide; ++b) {
      if (prior.p_[a][b] > kOther) prior_mass += prior.p_[a][b];
    }
  }
  ShapeTable table;
  if (prior_mass <= 0) return prior;
  for (std::size_t a = 0; a <= kMaxSide; ++a) {
    for (std::size_t b = 0; b <= kMaxSide; ++b) {
      if (prior.p_[a][b] <= kOther) continue;
      const double pseudo = strength * prior.p_[a][b] / prior_mass;
      table.p_[a][b] = (counts[a][b] + pseudo) / (total + strength);
    }
  }
  return table;
}

ShapeTable ShapeTable::ForUnmatchedShares(const ShapeTable& base, std::size_t source_size,
                                          std::size_t target_size, double source_unmatched,
                                          double target_unmatched) {
  const double n = static_cast<double>(source_size);
  const double m = static_cast<double>(target_size);
  const double source_one_sided = std::clamp(source_unmatched, 0.0, 1.0) * n;
  const double target_one_sided = std::clamp(target_unmatched, 0.0, 1.0) * m;
  // The two-sided beads hold the rest, as many sentences per bead as the base table's.
  double two_sided_mass = 0;
  double sentences = 0;
  for (std::size_t a = 1; a <= kMaxSide; ++a) {
    for (std::size_t b = 1; b <= kMaxSide; ++b) {
      if (base.p_[a][b] <= kOther) continue;
      two_sided_mass += base.p_[a][b];
      sentences += base.p_[a][b] * static_cast<double>(a + b) / 2;
    }
  }
  if (two_sided_mass <= 0) return base;
  const double per_bead = sentences / two_sided_mass;
  const double two_sided =
      std::max(1.0, (n - source_one_sided + m - target_one_sided) / 2 / per_bead);
  const double beads = source_one_sided + target_one_sided + two_sided;
  const double p10 = std::max(base.p_[1][0], source_one_sided / beads);
  const double p01 = std::max(base.p_[0][1], target_one_sided / beads);
  if (p10 == base.p_[1][0] && p01 == base.p_[0][1]) return base;
  ShapeTable table = base;
  table.p_[1][0] = p10;
  table.p_[0][1] = p01;
  return table;
}

double ShapeTable::LargestLogRatio(const ShapeTable& other, double min_probability) const {
  double largest = 0;
  for (std::size_t a = 0; a <= kMaxSide; ++a) {
    for (std::size_t b = 0; b <= kMaxSide; ++b) {
      const double p = p_[a][b];
      const double q = other.p_[a][b];
      if (std::max(p, q) < min_probability || p <= 0 || q <= 0) continue;
      largest = std::max(largest, std::abs(std::log(p / q)));
    }
  }
  return largest;
}

double ShapeTable::Probability(std::size_t a, std::size_t b) const {
  if (a > kMaxSide || b > kMaxSide) return 0.0;
  return p_[a][b];
}

void ShapeTable::Set(std::size_t a, std::size_t b, double probability) {
  if (a <= kMaxSide && b <= kMaxSide && (a > 0 || b > 0)) p_[a][b] = probability;
}

ShapeScorer::ShapeScorer(const ShapeTable& table) {
  for (std::size_t a = 0; a <= ShapeTable::kMaxSide; ++a) {
    for (std::size_t b = 0; b <= ShapeTable::kMaxSide; ++b) {
      const double p = table.Probability(a, b);
      cost_[a][b] = p > 0 ? -std::log(p) : std::numeric_limits<double>::infinity();
    }
  }
}

double ShapeScorer::Cost(std::size_t, std::size_t a, std::size_t, std::size_t b) const {
  if (a > ShapeTable::kMaxSide || b > ShapeTable::kMaxSide) {
    return std::numeric_limits<double>::infinity();
  }
  return cost_[a][b];
}

namespace {

// A cost per shape, whatever the position: each shape's weighted cost is worked out once per
// row (the same product as bead by bead) and copied into every point.
class ConstantRows final : public RowScorer {
 public:
  ConstantRows(std::vector<double> costs, const std::vector<BeadShape>& shapes)
      : costs_(std::move(costs)), shapes_(shapes), weighted_(shapes.size()) {
    for (const BeadShape& shape : shapes) {
      max_a_ = std::max(max_a_, shape.source_count);
      max_b_ = std::max(max_b_, shape.target_count);
    }
  }

  void AddRow(std::size_t i, std::size_t j_begin, std::size_t j_end, double weight,
              double* out) override {
    const std::size_t count = shapes_.size();
    for (std::size_t s = 0; s < count; ++s) weighted_[s] = weight * costs_[s];
    for (std::size_t j = j_begin; j < j_end; ++j) {
      double* cell = out + (j - j_begin) * count;
      if (i >= max_a_ && j >= max_b_) {  // every shape fits: no checks
        for (std::size_t s = 0; s < count; ++s) cell[s] += weighted_[s];
        continue;
      }
      for (std::size_t s = 0; s < count; ++s) {
        if (shapes_[s].source_count > i || shapes_[s].target_count > j) continue;
        cell[s] += weighted_[s];
      }
    }
  }

 private:
  std::vector<double> costs_;
  std::vector<BeadShape> shapes_;
  std::vector<double> weighted_;
  std::size_t max_a_ = 0;
  std::size_t max_b_ = 0;
};

}  // namespace

std::unique_ptr<RowScorer> ShapeScorer::Rows(const std::vector<BeadShape>& shapes) const {
  std::vector<double> costs;
  costs.reserve(shapes.size());
  for (const BeadShape& shape : shapes) {
    costs.push_back(Cost(0, shape.source_count, 0, shape.target_count));
  }
  return std::make_unique<ConstantRows>(std::move(costs), shapes);
}

}  // namespace tandem::align
