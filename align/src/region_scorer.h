// Where the two texts correspond, as evidence: a translation may cover only part of the other
// document (a letter inside a collection, a book without its front matter), and outside that
// part, a sentence pair that happens to share a name or a number is a coincidence, not a
// translation. This scorer makes two-sided beads cost more the farther they lie outside the
// region found by a first pass.
//
//   std::optional<tandem::align::Region> region =
//       tandem::align::FindCorrespondingRegion(first_ladder, lexical_evidence, {});
//   tandem::align::RegionScorer where(region, {});
//   double cost = where.Cost(i, 1, j, 1);   // 0 inside the region
//
// FindCorrespondingRegion: the anchors are the first pass's two-sided beads whose lexical
// evidence alone (a scorer of log-likelihood ratios, such as the dictionary, numbers and names
// combined, unweighted) speaks for them by at least `anchor_evidence` nats: runs that share
// words, not just a plausible length. Their confidence does not matter: where the first pass
// hesitates between a 1:1 and a 2:1, the texts still correspond. Consecutive anchors
// belong to one run unless the texts between them are lopsided: one side skips at least `max_skew`
// sentences more than the other (a long stretch without counterpart, such as the rest of a
// collection). Besides the largest run, only runs with at least `min_anchors` anchors are kept: the
// others are coincidences. The region spans the runs kept, from the first anchor's start to the
// last anchor's end on both sides. Then the region must earn its edges: a stretch outside it is
// only declared untranslated on positive evidence, that the two texts could not translate each
// other there. Where, before or after the region, both texts go on for at least `max_skew`
// sentences and their lengths (in characters, after the length ratio) are within a factor of
// `max_length_factor`, the stretch may well be a translation whose words the lexical evidence
// missed (no dictionary for the pair, a translation that splits and joins sentences), and the
// region extends to that end of the texts. A region that then covers both texts is none.
//
// RegionScorer: outside the region the texts do not correspond, so there a sentence without
// counterpart is the rule, not the exception, and a pair is a coincidence. But the edges of
// the region are uncertain: it extends d sentences beyond them with probability
// p = exp(-d * per_sentence) (geometrically; the default, ln 2, is a mean extension of one
// sentence). A bead at distance d (the larger of the two sides' distances) is an inside bead
// with probability p and an outside bead otherwise, so
// - a two-sided bead costs its inside cost plus d * per_sentence (outside, pairs do not
//   happen);
// - a one-sided bead costs -ln(p P_inside + (1 - p) P_outside), where P_inside comes from the
//   ShapeScorer's table and P_outside = exp(-outside_one_sided).
// The scorer returns the difference to the inside cost, so that the ShapeScorer can stay
// independent of position. Inside the region, and without a region, every bead costs 0.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "scorer.h"
#include "shape_scorer.h"
#include "tandem/align/bead.h"

namespace tandem::align {

struct Region {
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
  std::size_t target_begin = 0;
  std::size_t target_end = 0;
  friend bool operator==(const Region&, const Region&) = default;
};

struct RegionOptions {
  double anchor_evidence = 6.0;  // a likelihood ratio of about 400
  std::size_t max_skew = 20;
  std::size_t min_anchors = 5;
  double per_sentence = 0.693;     // ln 2: a mean extension of one sentence
  double outside_one_sided = 0.1;  // -ln P(one-sided) outside the region, about 0.9
  double max_length_factor = 3.0;
};

// `source_lengths` and `target_lengths` are the sentences' lengths, `length_ratio` the expected
// target length per unit of source length.
std::optional<Region> FindCorrespondingRegion(const Ladder& ladder, const BeadScorer& evidence,
                                              std::span<const double> source_lengths,
                                              std::span<const double> target_lengths,
                                              double length_ratio, const RegionOptions& options);

// True when the bead lies inside the region on both sides (always without a region).
bool InsideRegion(const Bead& bead, const std::optional<Region>& region);

class RegionScorer final : public BeadScorer {
 public:
  // `inside` is the shape table of the ShapeScorer used with this scorer and `inside_weight`
  // its weight in the combination.
  RegionScorer(std::optional<Region> region, const ShapeTable& inside, double inside_weight,
               const RegionOptions& options);
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override;
  // How far, in sentences, the bead lies outside the region (0 inside).
  std::size_t Distance(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const;

 private:
  // Cost, inlined where it is defined.
  double CostAt(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const;
  std::optional<Region> region_;
  ShapeScorer inside_;
  double inside_weight_;
  double per_sentence_;
  double outside_one_sided_;
};

}  // namespace tandem::align
