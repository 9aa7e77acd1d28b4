#include "tandem/corpora/summary.h"

#include <algorithm>

#include <fmt/format.h>

#include "tandem/core/text_io.h"

namespace tandem::corpora {
namespace {

void FillRegion(const Document& doc, std::size_t first, std::size_t last, SideSummary* side) {
  side->first_aligned = first;
  side->last_aligned = last;
  side->first_line = PositionOf(doc.text, doc.sentences[first].span.begin).line;
  side->last_line = PositionOf(doc.text, doc.sentences[last].span.begin).line;
}

std::string Region(const std::string& name, const SideSummary& side) {
  if (side.aligned_sentences == 0) return fmt::format("{}: nothing aligned", name);
  return fmt::format("{}: sentences {}-{} of {} (lines {}-{}), {} aligned", name,
                     side.first_aligned + 1, side.last_aligned + 1, side.sentences, side.first_line,
                     side.last_line, side.aligned_sentences);
}

}  // namespace

BeadRange AlignedBeads(const align::Ladder& ladder) {
  BeadRange range;
  bool found = false;
  for (std::size_t k = 0; k < ladder.size(); ++k) {
    if (!ladder[k].two_sided()) continue;
    if (!found) range.first = k;
    found = true;
    range.end = k + 1;
  }
  return range;
}

BitextSummary Summarize(const Bitext& bitext) {
  BitextSummary summary;
  summary.source.sentences = bitext.source.sentences.size();
  summary.source.paragraphs = bitext.source.paragraphs.size();
  summary.target.sentences = bitext.target.sentences.size();
  summary.target.paragraphs = bitext.target.paragraphs.size();
  summary.beads = bitext.ladder.size();
  double confidence = 0.0;
  for (const align::Bead& bead : bitext.ladder) {
    ++summary.beads_by_type[align::BeadTypeName(bead)];
    confidence += bead.confidence;
    if (bead.two_sided()) {
      summary.source.aligned_sentences += bead.source_count;
      summary.target.aligned_sentences += bead.target_count;
    }
  }
  if (summary.beads > 0) summary.mean_confidence = confidence / static_cast<double>(summary.beads);
  if (const BeadRange region = AlignedBeads(bitext.ladder); !region.empty()) {
    const align::Bead& first = bitext.ladder[region.first];
    const align::Bead& last = bitext.ladder[region.end - 1];
    FillRegion(bitext.source, first.source_begin, last.source_end() - 1, &summary.source);
    FillRegion(bitext.target, first.target_begin, last.target_end() - 1, &summary.target);
  }
  return summary;
}

std::string FormatSummary(const Bitext& bitext, const BitextSummary& summary) {
  std::string types;
  // Most frequent first, then by name.
  std::vector<std::pair<std::string, std::size_t>> sorted(summary.beads_by_type.begin(),
                                                          summary.beads_by_type.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [type, count] : sorted) {
    if (!types.empty()) types += ", ";
    types += fmt::format("{} {}", type, count);
  }
  std::string out;
  out += fmt::format("sentences:  {} {} ({}), {} {} ({})\n", bitext.source.name,
                     summary.source.sentences, CountOf(summary.source.paragraphs, "paragraph"),
                     bitext.target.name, summary.target.sentences,
                     CountOf(summary.target.paragraphs, "paragraph"));
  out += fmt::format("beads:      {} ({})\n", summary.beads, types);
  out += fmt::format("aligned:    {}\n", Region(bitext.source.name, summary.source));
  out += fmt::format("            {}\n", Region(bitext.target.name, summary.target));
  out += fmt::format("confidence: {:.3f} mean\n", summary.mean_confidence);
  return out;
}

std::string CountOf(std::size_t count, std::string_view noun, std::string_view plural) {
  if (count == 1) return fmt::format("1 {}", noun);
  if (!plural.empty()) return fmt::format("{} {}", count, plural);
  const bool sibilant =
      noun.ends_with("s") || noun.ends_with("x") || noun.ends_with("ch") || noun.ends_with("sh");
  return fmt::format("{} {}{}", count, noun, sibilant ? "es" : "s");
}

}  // namespace tandem::corpora
