// Bitext._repr_html_: the beads as `tandem report` draws them (corpora/web/bitext_view.css: the
// confidence bands' colours, the gutter with number, type and confidence), drawn here without
// the page's script, inside an iframe so that the report's style does not leak into the
// notebook.
#include <algorithm>
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

}  // namespace

std::string BitextHtml(const corpora::Bitext& bitext, std::size_t max_beads) {
  const std::size_t shown = std::min(max_beads, bitext.ladder.size());
  std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>";
  page += assets::BitextViewCss();
  page +=
      "body{background:#fff}.head{padding:4px 8px;font-size:12px;color:#555}"
      ".head b{color:#1d1d1f}</style></head><body><div class=\"head\"><b>";
  page += corpora::internal::EscapeMarkup(corpora::ViewTitle(bitext));
  page += "</b> &middot; " + bitext.source.language + "&ndash;" + bitext.target.language +
          " &middot; " + std::to_string(bitext.ladder.size()) + " beads";
  if (shown < bitext.ladder.size()) page += " (the first " + std::to_string(shown) + " shown)";
  page += "</div>";
  for (std::size_t k = 0; k < shown; ++k) {
    const align::Bead& bead = bitext.ladder[k];
    const std::string status(corpora::ReviewStatusName(corpora::ReviewOf(bitext, k).status));
    page += "<div class=\"bead band-";
    page += BandName(bead.confidence);
    if (!bead.two_sided()) page += " unaligned";
    if (bead.source_count > 1 || bead.target_count > 1) page += " multi";
    page += " st-" + status + "\"><div class=\"gutter\"><span class=\"num\">" +
            std::to_string(k + 1) + "</span><span class=\"type\">" + align::BeadTypeName(bead) +
            "</span><span class=\"conf\">";
    const int percent = static_cast<int>(bead.confidence * 100 + 0.5);
    page += std::to_string(percent) + "%</span></div>";
    AppendSide(page, bitext.source, bead.source_begin, bead.source_count, "src");
    AppendSide(page, bitext.target, bead.target_begin, bead.target_count, "tgt");
    page += "</div>";
  }
  page += "</body></html>";

  const std::size_t height = std::min<std::size_t>(480, 40 + 44 * shown);
  std::string out = "<iframe style=\"width:100%;height:" + std::to_string(height) +
                    "px;border:1px solid #d9d9d9\" sandbox srcdoc=\"";
  out += corpora::internal::EscapeMarkup(page);
  out += "\"></iframe>";
  return out;
}

}  // namespace tandem::python
