// The prior probability of a bead's shape (1:1, 2:1, 0:1, ...), as a scorer of its own.
//
//   tandem::align::ShapeTable table = tandem::align::ShapeTable::Default();
//   tandem::align::ShapeScorer shapes(table);
//   double cost = shapes.Cost(i, 2, j, 1);          // -ln P(2:1)
//   // after a first pass: the shapes of this text pair, smoothed towards the default
//   table = tandem::align::ShapeTable::Estimate(first_ladder, table, 50);
//
// ShapeTable::Default() was fitted on the Text+Berg dev gold alignment (422 links), made
// symmetric (a:b and b:a get their mean: which side is longer is a property of the pair, not of
// the method) and smoothed with one pseudo-count per shape. Per pair, Align() re-estimates the
// table from its first-pass ladder, so that a text with many omissions, or one embedded in a
// larger document, makes one-sided beads cheaper.
#pragma once

#include <array>
#include <cstddef>

#include "scorer.h"
#include "tandem/align/bead.h"

namespace tandem::align {

class ShapeTable {
 public:
  static constexpr std::size_t kMaxSide = 8;

  // Every shape with both sides at most kMaxSide gets probability `other` (normalisation is
  // left to the caller's choice of shapes: the search only compares ladders).
  ShapeTable();

  static ShapeTable Default();

  // Counts of the shapes of `ladder` plus `strength` pseudo-beads spread as `prior` spreads
  // them, made into probabilities over the shapes `prior` gives more than its floor.
  static ShapeTable Estimate(const Ladder& ladder, const ShapeTable& prior, double strength);

  // `base` for texts of which the given shares of the sentences have no counterpart whatever
  // the evidence: a letter inside a collection, found from their sizes before anything is
  // aligned (Align()'s first pass). The one-sided shapes get at least the share of beads that
  // those sentences make, the two-sided shapes keep their proportions in the rest.
  static ShapeTable ForUnmatchedShares(const ShapeTable& base, std::size_t source_size,
                                       std::size_t target_size, double source_unmatched,
                                       double target_unmatched);

  // How far the costs of two tables lie apart: the largest |ln(p / q)| over the shapes that
  // either gives a probability of at least `min_probability`.
  double LargestLogRatio(const ShapeTable& other, double min_probability) const;

  double Probability(std::size_t a, std::size_t b) const;
  void Set(std::size_t a, std::size_t b, double probability);

 private:
  std::array<std::array<double, kMaxSide + 1>, kMaxSide + 1> p_{};
};

class ShapeScorer final : public BeadScorer {
 public:
  explicit ShapeScorer(const ShapeTable& table);
  // -ln P(a:b); infinity for 0:0 and for shapes beyond ShapeTable::kMaxSide.
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override;

 private:
  std::array<std::array<double, ShapeTable::kMaxSide + 1>, ShapeTable::kMaxSide + 1> cost_{};
};

}  // namespace tandem::align
