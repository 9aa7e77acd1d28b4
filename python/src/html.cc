// Bitext._repr_html_: the beads as `tandem report` draws them (corpora/web/bitext_view.css: the
// confidence bands' colours, the gutter with number, type and confidence), drawn here without
// the page's script, inside an iframe so that the report's style does not leak into the
// notebook.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "binding.h"
#include "pair_util.h"
#include "python_assets.h"
#include "tandem/corpora/html_report.h"
#include "tandem/corpora/view_data.h"

namespace tandem::python {
namespace {

void AppendSide(std::string& out, const Document& document, std::size_t begin, std::size_t count,
                const char* side) {
  if (count == 0) {
    out += "<div class=\"side empty ";
    out += side;
    out += "\"><span class=\"nothing\">no counterpart</span></div>";
    return;
  }
  out += "<div class=\"side ";
  out += side;
  out += "\">";
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (i > begin) out += ' ';
    out += corpora::internal::EscapeMarkup(document.SentenceText(i));
  }
  out += "</div>";
}

const char* BandName(double confidence) {
  switch (corpora::BandOf(confidence)) {
    case corpora::ConfidenceBand::kLow:
      return "low";
    case corpora::ConfidenceBand::kMedium:
      return "medium";
    case corpora::ConfidenceBand::kHigh:
      return "high";
  }
  return "high";
}

// As the report folds them (corpora/web/bitext_view.js, kFoldRun): runs of at least this many
// one-sided beads in the same zone become one row, so that a translation found inside a longer
// text does not open with a screenful of the text's front matter.
constexpr std::size_t kFoldRun = 8;

std::string Range(std::size_t first, std::size_t last) {
  return first == last ? std::to_string(first + 1)
                       : std::to_string(first + 1) + "&ndash;" + std::to_string(last + 1);
}

std::string Plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

enum class Zone { kBefore, kInside, kAfter };  // against the aligned region

// The row of a folded run of one-sided beads (the report's runs: ComputeReportStatistics),
// described as the report describes it.
void AppendFold(std::string& out, const corpora::Bitext& bitext, const corpora::OneSidedRun& run,
                Zone zone) {
  const std::size_t source = run.source_count;
  const std::size_t target = run.target_count;
  std::string what;
  if (source > 0) {
    what += Plural(source, bitext.source.language + " sentence") + " (" +
            Range(run.source_first, run.source_first + source - 1) + ")";
  }
  if (target > 0) {
    if (!what.empty()) what += " and ";
    what += Plural(target, bitext.target.language + " sentence") + " (" +
            Range(run.target_first, run.target_first + target - 1) + ")";
  }
  what += " without counterpart, ";
  what += zone == Zone::kBefore  ? "before the aligned region"
          : zone == Zone::kAfter ? "after the aligned region"
          : target == 0          ? "an omission inside the aligned region: not translated"
          : source == 0          ? "an addition inside the aligned region: not in the source"
                                 : "inside the aligned region";
  const char* zone_name = zone == Zone::kBefore  ? "before"
                          : zone == Zone::kAfter ? "after"
                                                 : "inside";
  out += std::string("<div class=\"bead fold fold-") + zone_name +
         "\"><div class=\"gutter\"><span class=\"num\">" +
         Range(run.first_bead, run.first_bead + run.beads - 1) +
         "</span><span class=\"type\">&#9656; " + std::to_string(run.beads) +
         "</span></div><div class=\"fold-body\"><div class=\"fold-what\">" + what +
         "</div><div class=\"fold-preview\">&ldquo;";
  const align::Bead& bead = bitext.ladder[run.first_bead];
  const std::string_view text = bead.source_count > 0
                                    ? bitext.source.SentenceText(bead.source_begin)
                                    : bitext.target.SentenceText(bead.target_begin);
  out += corpora::internal::EscapeMarkup(text);
  out += "&rdquo; &hellip;</div></div></div>";
}

}  // namespace

std::string BitextHtml(const corpora::Bitext& bitext, std::size_t max_beads) {
  const std::vector<align::Bead>& ladder = bitext.ladder;
  // The runs to fold, by their first bead.
  const corpora::ReportStatistics stats = corpora::ComputeReportStatistics(bitext);
  std::map<std::size_t, std::pair<const corpora::OneSidedRun*, Zone>> folds;
  for (const corpora::OneSidedRun& run : stats.gaps) {
    if (run.beads >= kFoldRun) folds[run.first_bead] = {&run, Zone::kInside};
  }
  for (const corpora::OneSidedRun& run : stats.outside) {
    if (run.beads >= kFoldRun) {
      folds[run.first_bead] = {&run,
                               run.first_bead < stats.region_first ? Zone::kBefore : Zone::kAfter};
    }
  }
  std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>";
  page += assets::BitextViewCss();
  page +=
      "body{background:#fff}.head{padding:4px 8px;font-size:12px;color:#555}"
      ".head b{color:#1d1d1f}</style></head><body><div class=\"head\"><b>";
  page += corpora::internal::EscapeMarkup(corpora::ViewTitle(bitext));
  page += "</b> &middot; " + bitext.source.language + "&ndash;" + bitext.target.language +
          " &middot; " + std::to_string(bitext.ladder.size()) + " beads";
  std::string rows;
  std::size_t shown = 0;  // rows: a bead or a folded run
  std::size_t k = 0;
  for (; k < ladder.size() && shown < max_beads; ++shown) {
    const align::Bead& bead = ladder[k];
    if (const auto fold = folds.find(k); fold != folds.end()) {
      AppendFold(rows, bitext, *fold->second.first, fold->second.second);
      k += fold->second.first->beads;
      continue;
    }
    const std::string status(corpora::ReviewStatusName(corpora::ReviewOf(bitext, k).status));
    rows += "<div class=\"bead band-";
    rows += BandName(bead.confidence);
    if (!bead.two_sided()) rows += " unaligned";
    if (bead.source_count > 1 || bead.target_count > 1) rows += " multi";
    rows += " st-" + status + "\"><div class=\"gutter\"><span class=\"num\">" +
            std::to_string(k + 1) + "</span><span class=\"type\">" + align::BeadTypeName(bead) +
            "</span><span class=\"conf\">";
    const int percent = static_cast<int>(bead.confidence * 100 + 0.5);
    rows += std::to_string(percent) + "%</span></div>";
    AppendSide(rows, bitext.source, bead.source_begin, bead.source_count, "src");
    AppendSide(rows, bitext.target, bead.target_begin, bead.target_count, "tgt");
    rows += "</div>";
    ++k;
  }
  if (k < ladder.size()) page += " (beads 1&ndash;" + std::to_string(k) + " shown)";
  page += "</div>" + rows + "</body></html>";

  const std::size_t height = std::min<std::size_t>(480, 40 + 44 * shown);
  std::string out = "<iframe style=\"width:100%;height:" + std::to_string(height) +
                    "px;border:1px solid #d9d9d9\" sandbox srcdoc=\"";
  out += corpora::internal::EscapeMarkup(page);
  out += "\"></iframe>";
  return out;
}

}  // namespace tandem::python
