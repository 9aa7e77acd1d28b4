// Scoring: what a candidate bead costs. The search (search.h) asks a scorer for the cost of
// every bead it considers and never looks at the text itself, so evidence and search can be
// replaced independently.
//
//   class MyScorer final : public tandem::align::BeadScorer {
//    public:
//     double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
//   };
//
// Invariant: costs are negative natural-log probabilities of the bead (0 = certain, larger =
// less likely), finite or +infinity for impossible beads; the search adds them along a path,
// and the confidence of a bead is derived from them (search.h), so scorers must stay on this
// scale.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace tandem::align {

// A bead of a source sentences against b target sentences (a:b).
struct BeadShape {
  std::size_t source_count = 0;
  std::size_t target_count = 0;
  friend bool operator==(const BeadShape&, const BeadShape&) = default;
};

// The costs of all the beads that end on one row of the alignment grid, for a search that goes
// row by row (band_dp.h): one per thread, made by BeadScorer::Rows. It may keep what one row
// computed for the next (a sentence's score against the other text is shared by the beads of
// several rows); rows may come in any order.
class RowScorer {
 public:
  virtual ~RowScorer() = default;
  // For every end point (i, j) with j in [j_begin, j_end), and every shape s = a:b of the
  // scorer's shapes with a <= i and b <= j, adds weight * Cost(i - a, a, j - b, b) to
  // out[(j - j_begin) * shapes.size() + s]; other entries are left as they are. The costs are
  // Cost's, up to rounding (a scorer may add its terms in another order).
  virtual void AddRow(std::size_t i, std::size_t j_begin, std::size_t j_end, double weight,
                      double* out) = 0;
};

class BeadScorer {
 public:
  virtual ~BeadScorer() = default;

  // The cost of the bead that covers source sentences [i, i + a) and target sentences
  // [j, j + b), where a + b >= 1. Must be safe to call from several threads at once.
  virtual double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const = 0;

  // The same costs row by row, for one thread. The default asks Cost for every bead; scorers
  // whose beads share work (the lexical scorers) do better.
  virtual std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const;
};

// A RowScorer that adds nothing, for a scorer whose every cost is 0 on the texts at hand.
std::unique_ptr<RowScorer> NoRowCosts();

// A RowScorer that asks `cost` (i, a, j, b) for every bead of a row: for scorers whose cost is
// cheap and known where their Rows is defined, so that it is inlined into the loop (a lambda
// calling the scorer's non-virtual cost), and for BeadScorer::Rows's default. With
// `two_sided_only`, beads with an empty side cost 0 and are not asked about.
template <typename CostOf>
class BeadByBeadRows final : public RowScorer {
 public:
  BeadByBeadRows(CostOf cost, const std::vector<BeadShape>& shapes, bool two_sided_only)
      : cost_(cost), shape_count_(shapes.size()) {
    for (std::size_t s = 0; s < shapes.size(); ++s) {
      if (two_sided_only && (shapes[s].source_count == 0 || shapes[s].target_count == 0)) {
        continue;
      }
      shapes_.push_back({s, shapes[s]});
    }
  }

  void AddRow(std::size_t i, std::size_t j_begin, std::size_t j_end, double weight,
              double* out) override {
    for (std::size_t j = j_begin; j < j_end; ++j) {
      double* cell = out + (j - j_begin) * shape_count_;
      for (const Indexed& shape : shapes_) {
        const std::size_t a = shape.shape.source_count;
        const std::size_t b = shape.shape.target_count;
        if (a > i || b > j) continue;
        cell[shape.index] += weight * cost_(i - a, a, j - b, b);
      }
    }
  }

 private:
  struct Indexed {
    std::size_t index = 0;
    BeadShape shape;
  };
  CostOf cost_;
  std::size_t shape_count_;
  std::vector<Indexed> shapes_;
};

template <typename CostOf>
std::unique_ptr<RowScorer> MakeBeadByBeadRows(CostOf cost, const std::vector<BeadShape>& shapes,
                                              bool two_sided_only) {
  return std::make_unique<BeadByBeadRows<CostOf>>(cost, shapes, two_sided_only);
}

}  // namespace tandem::align
