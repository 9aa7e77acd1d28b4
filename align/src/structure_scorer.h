// Private: evidence from the layout of the texts rather than their words.
//
// Paragraphs. A translator may merge or split paragraphs, but hardly ever joins the last
// sentence of one paragraph and the first of the next into one sentence where the translation
// keeps the break between the two paragraphs. So a bead whose run of sentences on one side
// crosses a paragraph break is unlikely, unless the other text does not keep that side's
// breaks (a translation that runs the addressee lines of a letter into one). ParagraphScorer
// charges each break crossed on a side -ln(1 - q + q * kJoinAcrossKeptBreak), where q is the
// share of that side's breaks that the other text keeps (EstimateParagraphCosts). Texts
// without paragraphs (presegmented files with no blank line) cost nothing.
// Separators. A paragraph that is one sentence with no word and no number (`* * *`, `***`,
// `—`) has nothing a translation could render inside another sentence: it stands alone,
// against another separator or without counterpart. SeparatorScorer makes any other bead with one
// in it impossible in practice (a cost of kSeparatorCost, high but finite, so that a reviewer's
// fixed bead is never infeasible).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "scorer.h"
#include "tandem/align/bead.h"

namespace tandem::align::internal {

// The cost of crossing one paragraph break, per side.
struct ParagraphCosts {
  double source = 0;
  double target = 0;
};

// The probability that a translation joins two sentences across a paragraph break it keeps.
constexpr double kJoinAcrossKeptBreak = 0.05;

// Before any alignment: q from the paragraph breaks per sentence of each side (a side with
// more of them than the other cannot have all its breaks kept).
ParagraphCosts ParagraphCostsFromCounts(const std::vector<std::size_t>& source_paragraphs,
                                        const std::vector<std::size_t>& target_paragraphs);
// From a ladder taken to be right where it has two-sided beads: a break at the start of a
// two-sided bead is kept when the bead starts a paragraph on the other side too, a break
// inside a bead's run is not; one pseudo-count each way.
ParagraphCosts EstimateParagraphCosts(const Ladder& ladder,
                                      const std::vector<std::size_t>& source_paragraphs,
                                      const std::vector<std::size_t>& target_paragraphs);

class ParagraphScorer final : public BeadScorer {
 public:
  // The paragraph of each sentence, per side; an empty list means the side has none.
  ParagraphScorer(const std::vector<std::size_t>& source_paragraphs,
                  const std::vector<std::size_t>& target_paragraphs, ParagraphCosts costs);
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override;
  // Breaks inside the run [begin, begin + count) of one side.
  static std::size_t Crossings(const std::vector<std::uint32_t>& breaks, std::size_t begin,
                               std::size_t count);

 private:
  // Cost, inlined where it is defined.
  double CostAt(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const;
  // breaks[k]: paragraph breaks before sentences 1..k-1 (a break before sentence k when it
  // starts another paragraph than sentence k - 1's).
  std::vector<std::uint32_t> source_breaks_;
  std::vector<std::uint32_t> target_breaks_;
  ParagraphCosts costs_;
};

class SeparatorScorer final : public BeadScorer {
 public:
  static constexpr double kSeparatorCost = 30.0;
  // Per side, whether each sentence is a separator (no word, no number).
  SeparatorScorer(const std::vector<bool>& source_separators,
                  const std::vector<bool>& target_separators);
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override;

 private:
  // Cost, inlined where it is defined.
  double CostAt(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const;
  std::vector<std::uint32_t> source_prefix_;  // separators among sentences [0, k)
  std::vector<std::uint32_t> target_prefix_;
};

}  // namespace tandem::align::internal
