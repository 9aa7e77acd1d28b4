// An alignment at a glance: one self-contained HTML file (`tandem report`) with the path plot,
// a confidence strip, statistics (over the aligned region, what needs review: beads by status
// and confidence band, the omissions and additions inside it; apart, the text without
// counterpart outside it) and the two texts side by side, bead by bead, read-only. The page needs
// no network and no other file: its style, script and data are inside it.
//
//   tandem::corpora::HtmlReportOptions options;
//   options.generator = "tandem 0.1.0";
//   TANDEM_RETURN_IF_ERROR(tandem::corpora::WriteHtmlReport(bitext, options, out));
//
// The statistics are also available on their own (ComputeReportStatistics), for tests and for
// other summaries. The page's script and style are the files in corpora/web/, compiled into the
// library; the review editor of `tandem review` shows beads and the plot with the same code.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

// Confidence bands: low below kLowConfidence, medium up to kHighConfidence, high from there.
inline constexpr double kLowConfidence = 0.5;
inline constexpr double kHighConfidence = 0.9;
// "Low confidence" for reviewers: below this, beads start to be wrong (the calibration makes
// beads of 0.9 and more at least 97% right on its dev set). The report, the editor's filter and
// counts use it (the editor lets the reviewer change it).
inline constexpr double kReviewThreshold = kHighConfidence;

enum class ConfidenceBand { kLow, kMedium, kHigh };
ConfidenceBand BandOf(double confidence);

// A run of consecutive beads with sentences on one side only: text that has no counterpart in
// the other text. Inside the aligned region, a translator's omission (source sentences only) or
// addition (target sentences only); outside it, the rest of a longer document.
struct OneSidedRun {
  std::size_t first_bead = 0;  // 0-based
  std::size_t beads = 0;
  // The sentences of each side in the stretch: [first, first + count), 0-based.
  std::size_t source_first = 0;
  std::size_t source_count = 0;
  std::size_t target_first = 0;
  std::size_t target_count = 0;

  std::size_t sentences() const { return source_count + target_count; }
};

struct ReportStatistics {
  std::size_t beads = 0;
  // Bead type ("1:1", "2:1", ...) and count over all beads, most frequent first (ties: by name).
  std::vector<std::pair<std::string, std::size_t>> by_type;
  // The aligned region (AlignedBeads, summary.h): what needs review. The whole ladder when no
  // bead has sentences on both sides. The counts below are over its beads.
  std::size_t region_first = 0;
  std::size_t region_beads = 0;
  std::array<std::size_t, 3> by_status{};  // automatic, confirmed, edited
  std::array<std::size_t, 3> by_band{};    // low, medium, high
  double mean_confidence = 0.0;
  // Automatic beads below kReviewThreshold, in the region and outside it.
  std::size_t low_confidence = 0;
  std::size_t low_confidence_outside = 0;
  std::size_t source_sentences = 0;
  std::size_t target_sentences = 0;
  std::size_t source_aligned = 0;  // sentences in beads with both sides
  std::size_t target_aligned = 0;
  // Runs of one-sided beads, in text order: inside the region (omissions and additions), and
  // outside it (before and after).
  std::vector<OneSidedRun> gaps;
  std::vector<OneSidedRun> outside;
};

// The figures of the report's header and tables.
ReportStatistics ComputeReportStatistics(const Bitext& bitext);

struct HtmlReportOptions {
  // Shown in the page: what wrote it ("tandem 0.1.0") and when (ISO 8601), and the bitext file
  // it shows. Empty fields are left out.
  std::string generator;
  std::string timestamp;
  std::string bitext_path;
  // The omissions and additions listed in the page: the longest ones, at most this many, in text
  // order (all are counted).
  std::size_t max_stretches = 50;
};

// Writes the report of `bitext`: one self-contained HTML page (style, script and data inline,
// nothing fetched from the network). Fails only when `out` fails.
Status WriteHtmlReport(const Bitext& bitext, const HtmlReportOptions& options, std::ostream& out);

}  // namespace tandem::corpora
