// A short description of an aligned bitext: sizes, beads by type, where the aligned part lies
// in each text, and the mean confidence. What `tandem align` prints when it is done.
//
//   tandem::corpora::BitextSummary summary = tandem::corpora::Summarize(bitext);
//   std::cerr << tandem::corpora::FormatSummary(bitext, summary);
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

struct SideSummary {
  std::size_t sentences = 0;
  std::size_t paragraphs = 0;
  std::size_t aligned_sentences = 0;  // sentences in two-sided beads
  // The aligned region: from the first to the last sentence in a two-sided bead (0-based,
  // inclusive), and the 1-based lines of the input where they start. Meaningless when
  // aligned_sentences == 0.
  std::size_t first_aligned = 0;
  std::size_t last_aligned = 0;
  std::size_t first_line = 0;
  std::size_t last_line = 0;
};

struct BitextSummary {
  SideSummary source;
  SideSummary target;
  std::size_t beads = 0;
  std::map<std::string, std::size_t> beads_by_type;  // "1:1" -> count
  double mean_confidence = 0.0;                      // over all beads
};

// The aligned region in beads: from the first to the last bead with sentences on both sides,
// [first, end); empty when no bead has both sides. Beads with sentences on one side only inside
// it are omissions (source only) and additions (target only); outside it lies text without a
// translation (the rest of a longer document). The sentence ranges above are this region's.
struct BeadRange {
  std::size_t first = 0;
  std::size_t end = 0;
  bool empty() const { return end <= first; }
  bool contains(std::size_t k) const { return k >= first && k < end; }
};
BeadRange AlignedBeads(const align::Ladder& ladder);

// The summary of `bitext` (the figures above).
BitextSummary Summarize(const Bitext& bitext);

// A few lines of text for people.
std::string FormatSummary(const Bitext& bitext, const BitextSummary& summary);

// A count and its English noun, in the singular for one: "1 sentence", "2 sentences",
// "3 stretches" (nouns ending in s, x, ch or sh take -es; give `plural` for the others).
std::string CountOf(std::size_t count, std::string_view noun, std::string_view plural = {});

}  // namespace tandem::corpora
