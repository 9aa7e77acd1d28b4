// Statistics of aligned corpora for translation research: per pair and per corpus, sizes,
// beads by type, the distributions of confidence and of length ratio, unaligned stretches and
// review status. What `tandem stats` prints.
//
//   tandem::corpora::PairStats pair = tandem::corpora::ComputePairStats(bitext, "letter");
//   tandem::corpora::CorpusStats corpus{.name = "out"};
//   tandem::corpora::AddPair(corpus, pair);
//   std::cout << tandem::corpora::FormatStatsText({corpus});
//
// Words are counted as runs of non-space characters with at least one letter or digit (a
// language-independent count; no tokenizer). The length ratio of a two-sided bead is the
// target's characters over the source's, binned on a log2 scale (kRatioBins).
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

// Confidence histogram: 10 bins of width 0.1 (the last includes 1.0).
inline constexpr std::size_t kConfidenceBins = 10;
// Length-ratio histogram: log2(target/source characters) from -2 to 2 in steps of 0.25;
// the outer bins also take everything beyond.
inline constexpr std::size_t kRatioBins = 16;

// A maximal run of one-sided beads. Inside the aligned region (between the first and the last
// two-sided bead) its source sentences are omissions of the translation and its target
// sentences additions; outside it, they are text around the part that was translated (the rest
// of a collection, front and back matter).
struct UnalignedStretch {
  std::size_t source_begin = 0;  // first sentence (0-based) and how many, per side
  std::size_t source_count = 0;
  std::size_t target_begin = 0;
  std::size_t target_count = 0;
  std::size_t source_line = 0;  // 1-based line of the first sentence in its text; 0 when none
  std::size_t target_line = 0;
  bool inside = false;
  std::string source_text;  // the sentences, shortened to kExcerptCharacters
  std::string target_text;
};
inline constexpr std::size_t kExcerptCharacters = 160;

// The unaligned stretches of a bitext, in text order.
std::vector<UnalignedStretch> UnalignedStretches(const Bitext& bitext);

struct PairStats {
  std::string name;
  std::size_t source_sentences = 0;
  std::size_t target_sentences = 0;
  std::size_t source_words = 0;
  std::size_t target_words = 0;
  std::size_t beads = 0;
  std::map<std::string, std::size_t> beads_by_type;  // "1:1" -> count
  double confidence_sum = 0;                         // over all beads
  std::array<std::size_t, kConfidenceBins> confidence{};
  std::array<std::size_t, kRatioBins> length_ratio{};  // two-sided beads only
  // Unaligned stretches: maximal runs of one-sided beads; their number, the sentences in
  // them on each side, and the longest run in sentences.
  std::size_t unaligned_stretches = 0;
  std::size_t unaligned_source = 0;
  std::size_t unaligned_target = 0;
  std::size_t longest_unaligned = 0;
  // The same split by where they lie: inside the aligned region, sentences the translation
  // left out (source) or added (target); outside it, the text around the translated part.
  std::size_t inside_stretches = 0;
  std::size_t omitted_source = 0;
  std::size_t added_target = 0;
  std::size_t outside_source = 0;
  std::size_t outside_target = 0;
  // The stretches inside the aligned region, for listing (per pair; empty in a corpus total).
  std::vector<UnalignedStretch> omissions;
  std::map<std::string, std::size_t> review;  // "automatic", "confirmed", "edited" -> beads

  double mean_confidence() const {
    return beads == 0 ? 0.0 : confidence_sum / static_cast<double>(beads);
  }
};

struct CorpusStats {
  std::string name;
  std::vector<PairStats> pairs;
  PairStats total;  // the sums over the pairs (longest_unaligned: the maximum)
};

// The statistics of one bitext, called `name` in the output; reads nothing but the bitext.
PairStats ComputePairStats(const Bitext& bitext, const std::string& name);

// Adds `pair` to `corpus.pairs` and to its total.
void AddPair(CorpusStats& corpus, PairStats pair);

// The lower edge of ratio bin `i` as a ratio (0.25, 0.297, ... 3.36).
double RatioBinLow(std::size_t i);

// Readable text: per corpus its totals, then one line per pair.
std::string FormatStatsText(const std::vector<CorpusStats>& corpora);
// {"corpora": [{"name", "total": {...}, "pairs": [{...}]}]}
std::string FormatStatsJson(const std::vector<CorpusStats>& corpora);
// One row per pair and one per corpus total (pair column "*"), with a header.
std::string FormatStatsCsv(const std::vector<CorpusStats>& corpora);

struct Histogram {
  std::string title;
  std::string x_title;             // what the bins divide ("confidence")
  std::string y_title;             // what is counted ("beads")
  std::vector<std::string> edges;  // the labels of the bins' edges: one more than `values`
  std::vector<std::size_t> values;
};

// A bar chart as a standalone SVG document, with both axes and their titles. The count axis is
// logarithmic (0, 1, 10, 100, ...), so that a bin of one or two beads stays visible beside bins
// of thousands, and every bar that is not empty carries its count.
std::string HistogramSvg(const Histogram& histogram);

}  // namespace tandem::corpora
