#include "tandem/corpora/explain.h"

#include <fmt/format.h>

#include "tandem/util/utf8.h"

namespace tandem::corpora {
namespace {

// A sentence on one line: line breaks become spaces, long sentences are cut.
std::string OneLine(std::string_view text, std::size_t max_bytes = 160) {
  std::string out;
  for (const char c : text) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (out.size() > max_bytes) {
    std::size_t cut = max_bytes;
    cut = tandem::internal::BoundaryAtOrBefore(out, cut);
    out = out.substr(0, cut) + " ...";
  }
  return out;
}

}  // namespace

std::string FormatExplanation(const Bitext& bitext, const align::AlignReport& report) {
  std::string out;
  out += fmt::format(
      "length ratio {:.3f} (target characters per source character), variance {:.2f}\n"
      "reliability: dictionary {:.2f}, numbers {:.2f}, names {:.2f}; learned lexicon entries {}\n",
      report.length_ratio, report.length_variance, report.dictionary_reliability,
      report.numbers_reliability, report.names_reliability, report.learned_entries);
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const align::Bead& bead = bitext.ladder[k];
    out += fmt::format("\nbead {}  {}  confidence {:.4f}\n", k + 1, align::BeadTypeName(bead),
                       bead.confidence);
    for (std::size_t i = bead.source_begin; i < bead.source_end(); ++i) {
      out += fmt::format("  source {:<4} {}\n", i, OneLine(bitext.source.SentenceText(i)));
    }
    for (std::size_t j = bead.target_begin; j < bead.target_end(); ++j) {
      out += fmt::format("  target {:<4} {}\n", j, OneLine(bitext.target.SentenceText(j)));
    }
    if (k >= report.evidence.size()) continue;
    const align::BeadEvidence& evidence = report.evidence[k];
    out += fmt::format("  length      {:.0f} -> {:.0f} characters (expected {:.0f})\n",
                       evidence.source_length, evidence.target_length,
                       evidence.expected_target_length);
    std::string parts;
    for (const align::BeadEvidence::Part& part : evidence.parts) {
      parts += fmt::format("{}{} {:.2f}", parts.empty() ? "" : " + ", part.name, part.cost);
    }
    out += fmt::format("  cost        {:.2f} = {}\n", evidence.cost, parts);
    if (!evidence.matches.empty()) {
      std::string matches;
      for (const align::BeadEvidence::Match& match : evidence.matches) {
        matches += fmt::format("{}{} = {} ({}: {})", matches.empty() ? "" : "; ",
                               OneLine(match.source, 60), OneLine(match.target, 60), match.channel,
                               match.origin);
      }
      out += fmt::format("  matches     {}\n", matches);
    }
  }
  return out;
}

}  // namespace tandem::corpora
