#include "tandem/corpora/html_report.h"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <string_view>

#include <fmt/format.h>

#include "pair_util.h"
#include "report_assets.h"
#include "tandem/align/aligner.h"
#include "tandem/corpora/summary.h"
#include "tandem/corpora/view_data.h"
#include "tandem/util/strings.h"
#include "tandem/util/utf8.h"

namespace tandem::corpora {

using internal::EscapeMarkup;

namespace {

std::string Percent(std::size_t part, std::size_t whole) {
  if (whole == 0) return "";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

// A bar of width proportional to part / whole (at most 90 pixels).
std::string Bar(std::size_t part, std::size_t whole, std::string_view cls = "") {
  if (whole == 0 || part == 0) return "";
  const double width = 90.0 * static_cast<double>(part) / static_cast<double>(whole);
  return fmt::format(R"(<span class="bar {}" style="width:{:.1f}px"></span>)", cls,
                     std::max(width, 1.0));
}

// "12" or "12–40" (1-based, for people).
std::string Range(std::size_t first, std::size_t count) {
  if (count == 1) return std::to_string(first + 1);
  return fmt::format("{}\u2013{}", first + 1, first + count);
}

std::string HeaderHtml(const Bitext& bitext, const ReportStatistics& stats,
                       const HtmlReportOptions& options) {
  std::string html;
  auto side = [&](std::string_view label, const Document& doc, std::size_t sentences) {
    html += fmt::format("{}: <b>{}</b> ({}, {}, {})<br>", label, EscapeMarkup(doc.name),
                        EscapeMarkup(doc.language), CountOf(sentences, "sentence"),
                        CountOf(doc.paragraphs.size(), "paragraph"));
  };
  html += R"(<p class="meta">)";
  side("source", bitext.source, stats.source_sentences);
  side("target", bitext.target, stats.target_sentences);
  html += "</p>\n";
  const AlignmentInfo& info = bitext.alignment;
  std::string aligned = "aligned by " + EscapeMarkup(info.tool);
  if (!info.version.empty()) aligned += " " + EscapeMarkup(info.version);
  if (!info.timestamp.empty()) aligned += " on " + EscapeMarkup(info.timestamp);
  if (const std::optional<std::size_t> max_bead = align::RecordedMaxBead(info.parameters)) {
    aligned += fmt::format("; max-bead {}", *max_bead);
  }
  html += R"(<p class="meta">)" + aligned + "</p>\n";
  std::string made;
  if (!options.generator.empty()) made += "report by " + EscapeMarkup(options.generator);
  if (!options.timestamp.empty())
    made += (made.empty() ? "report of " : ", ") + EscapeMarkup(options.timestamp);
  if (!options.bitext_path.empty()) {
    made += (made.empty() ? "" : "; ") + std::string("corpus ") + EscapeMarkup(options.bitext_path);
  }
  if (!made.empty()) html += R"(<p class="meta">)" + made + "</p>\n";
  return html;
}

// Up to `max_bytes` of the sentences [first, first + count) of `doc`, on one line, escaped.
std::string Excerpt(const Document& doc, std::size_t first, std::size_t count,
                    std::size_t max_bytes = 240) {
  std::string text;
  for (std::size_t i = first; i < first + count && text.size() < max_bytes; ++i) {
    if (!text.empty()) text += ' ';
    for (const char c : doc.SentenceText(i))
      text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  if (text.size() > max_bytes) {
    std::size_t cut = max_bytes;
    cut = tandem::internal::BoundaryAtOrBefore(text, cut);
    text = text.substr(0, cut) + "\u2026";
  }
  return EscapeMarkup(text);
}

std::string Plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// "source sentences 12–14 (3)", for a side of a stretch.
std::string SentencesOf(std::string_view side, std::size_t first, std::size_t count) {
  if (count == 0) return "";
  return fmt::format("{} {} {} ({})", side, count == 1 ? "sentence" : "sentences",
                     Range(first, count), count);
}

std::string StatisticsHtml(const Bitext& bitext, const ReportStatistics& stats,
                           const HtmlReportOptions& options) {
  std::string html = R"(<section class="stats">)";
  const bool aligned = stats.source_aligned + stats.target_aligned > 0;
  html += "\n<h2>The aligned region</h2>\n";
  if (!aligned) {
    html += R"(<p class="meta">No bead has sentences on both sides: nothing is aligned.</p>)";
  } else {
    const align::Bead& first = bitext.ladder[stats.region_first];
    const align::Bead& last = bitext.ladder[stats.region_first + stats.region_beads - 1];
    std::size_t outside_beads = 0;
    for (const OneSidedRun& s : stats.outside) outside_beads += s.beads;
    html += fmt::format(
        R"(<p class="meta">Beads <a href="#bead-{}" data-bead="{}">{}</a> of {}: source sentences {} of {}, target sentences {} of {}. What needs review is here: the counts below are over these beads{}.</p>)",
        stats.region_first + 1, stats.region_first, Range(stats.region_first, stats.region_beads),
        stats.beads, Range(first.source_begin, last.source_end() - first.source_begin),
        stats.source_sentences, Range(first.target_begin, last.target_end() - first.target_begin),
        stats.target_sentences,
        outside_beads == 0 ? ""
                           : fmt::format("; the {} outside it are counted apart",
                                         Plural(outside_beads, "one-sided bead")));
  }
  html += "\n<h2>Review</h2>\n<table>\n";
  constexpr std::array<std::string_view, 3> kStatus = {"automatic", "confirmed", "edited"};
  for (std::size_t s = 0; s < 3; ++s) {
    html +=
        fmt::format(R"(<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td></tr>)",
                    kStatus[s], stats.by_status[s], Percent(stats.by_status[s], stats.region_beads),
                    Bar(stats.by_status[s], stats.region_beads));
  }
  html += "\n</table>\n<h2>Confidence</h2>\n<table>\n";
  const std::array<std::string, 3> kBandRange = {
      fmt::format("below {}", kLowConfidence),
      fmt::format("{} to {}", kLowConfidence, kHighConfidence),
      fmt::format("{} and above", kHighConfidence)};
  constexpr std::array<std::string_view, 3> kBand = {"low", "medium", "high"};
  for (std::size_t b = 0; b < 3; ++b) {
    html +=
        fmt::format(R"(<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td></tr>)",
                    kBandRange[b], stats.by_band[b], Percent(stats.by_band[b], stats.region_beads),
                    Bar(stats.by_band[b], stats.region_beads, kBand[b]));
  }
  html += fmt::format(R"(<tr><th>mean</th><th class="n">{:.3f}</th><th></th><th></th></tr>)",
                      stats.mean_confidence);
  html += fmt::format(
      R"(<tr><td>low confidence (automatic, below {})</td><td class="n">{}</td><td colspan="2">{}</td></tr>)",
      kReviewThreshold, stats.low_confidence + stats.low_confidence_outside,
      stats.low_confidence_outside == 0
          ? std::string()
          : fmt::format("{} outside the region", stats.low_confidence_outside));
  html += "\n</table>\n<h2>Omissions and additions</h2>\n";
  std::size_t omitted = 0;
  std::size_t added = 0;
  for (const OneSidedRun& s : stats.gaps) {
    omitted += s.source_count;
    added += s.target_count;
  }
  if (!aligned) {
    html += R"(<p class="meta">None: there is no aligned region.</p>)";
  } else if (stats.gaps.empty()) {
    html += R"(<p class="meta">Inside the aligned region every sentence has a counterpart.</p>)";
  } else {
    html += fmt::format(
        R"(<p class="meta">Inside the aligned region, {} without counterpart: {} the translation leaves out (omissions), {} it adds (additions){}.</p>)",
        Plural(stats.gaps.size(), "stretch"), Plural(omitted, "source sentence"),
        Plural(added, "target sentence"),
        stats.gaps.size() > options.max_stretches
            ? fmt::format("; the {} longest, in text order", options.max_stretches)
            : "");
    // The longest stretches, shown in text order.
    std::vector<std::size_t> order(stats.gaps.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (order.size() > options.max_stretches) {
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return stats.gaps[a].sentences() > stats.gaps[b].sentences();
      });
      order.resize(options.max_stretches);
      std::sort(order.begin(), order.end());
    }
    html +=
        R"(<table class="gaps"><tr><th>beads</th><th>what</th><th>sentences and text</th></tr>)";
    for (const std::size_t i : order) {
      const OneSidedRun& s = stats.gaps[i];
      const std::string_view what = s.target_count == 0   ? "omission"
                                    : s.source_count == 0 ? "addition"
                                                          : "omission and addition";
      std::string text;
      if (s.source_count > 0) {
        text += fmt::format(R"(<div>{}: <q lang="{}">{}</q></div>)",
                            SentencesOf("source", s.source_first, s.source_count),
                            EscapeMarkup(bitext.source.language),
                            Excerpt(bitext.source, s.source_first, s.source_count));
      }
      if (s.target_count > 0) {
        text += fmt::format(R"(<div>{}: <q lang="{}">{}</q></div>)",
                            SentencesOf("target", s.target_first, s.target_count),
                            EscapeMarkup(bitext.target.language),
                            Excerpt(bitext.target, s.target_first, s.target_count));
      }
      html += fmt::format(
          R"(<tr><td><a href="#bead-{}" data-bead="{}">{}</a></td><td>{}</td><td>{}</td></tr>)",
          s.first_bead + 1, s.first_bead, Range(s.first_bead, s.beads), what, text);
    }
    html += "</table>\n";
  }
  html += "\n<h2>Outside the aligned region</h2>\n";
  if (stats.outside.empty()) {
    html +=
        R"(<p class="meta">Nothing: the texts correspond from their first to their last sentences.</p>)";
  } else {
    html +=
        R"(<p class="meta">Text without counterpart before and after the aligned region (the rest of a longer document, front or back matter); not counted as omissions or additions.</p>)";
    html +=
        R"(<table><tr><th>beads</th><th>where</th><th>source sentences</th><th>target sentences</th></tr>)";
    for (const OneSidedRun& s : stats.outside) {
      const std::string_view where = !aligned                            ? "nothing aligned"
                                     : s.first_bead < stats.region_first ? "before"
                                                                         : "after";
      html += fmt::format(
          R"(<tr><td><a href="#bead-{}" data-bead="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>)",
          s.first_bead + 1, s.first_bead, Range(s.first_bead, s.beads), where,
          s.source_count
              ? fmt::format("{} ({})", Range(s.source_first, s.source_count), s.source_count)
              : "",
          s.target_count
              ? fmt::format("{} ({})", Range(s.target_first, s.target_count), s.target_count)
              : "");
    }
    html += "</table>\n";
  }
  html += "\n<h2>Beads by type</h2>\n<table>\n";
  html += R"(<tr><th>type</th><th class="n">beads</th><th class="n">share</th><th></th></tr>)";
  for (const auto& [type, count] : stats.by_type) {
    html +=
        fmt::format(R"(<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td></tr>)",
                    type, count, Percent(count, stats.beads), Bar(count, stats.beads));
  }
  html +=
      fmt::format(R"(<tr><th>all</th><th class="n">{}</th><th></th><th></th></tr>)", stats.beads);
  html += "\n</table>\n<h2>Sentences</h2>\n<table>\n";
  html +=
      R"(<tr><th></th><th class="n">sentences</th><th class="n">aligned</th><th class="n">share</th></tr>)";
  html += fmt::format(
      R"(<tr><td>source</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>)",
      stats.source_sentences, stats.source_aligned,
      Percent(stats.source_aligned, stats.source_sentences));
  html += fmt::format(
      R"(<tr><td>target</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>)",
      stats.target_sentences, stats.target_aligned,
      Percent(stats.target_aligned, stats.target_sentences));
  html += "\n</table>\n</section>\n";
  return html;
}

using tandem::internal::ReplaceAll;

}  // namespace

ConfidenceBand BandOf(double confidence) {
  if (confidence < kLowConfidence) return ConfidenceBand::kLow;
  if (confidence < kHighConfidence) return ConfidenceBand::kMedium;
  return ConfidenceBand::kHigh;
}

ReportStatistics ComputeReportStatistics(const Bitext& bitext) {
  ReportStatistics stats;
  stats.beads = bitext.ladder.size();
  stats.source_sentences = bitext.source.sentences.size();
  stats.target_sentences = bitext.target.sentences.size();
  BeadRange region = AlignedBeads(bitext.ladder);
  const bool aligned = !region.empty();
  if (!aligned) region = {.first = 0, .end = bitext.ladder.size()};
  stats.region_first = region.first;
  stats.region_beads = region.end - region.first;
  std::map<std::string, std::size_t> types;
  double sum = 0.0;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const align::Bead& bead = bitext.ladder[k];
    const BeadReview& review = ReviewOf(bitext, k);
    ++types[BeadTypeName(bead)];
    const bool low =
        review.status == ReviewStatus::kAutomatic && bead.confidence < kReviewThreshold;
    if (region.contains(k)) {
      ++stats.by_status[static_cast<std::size_t>(review.status)];
      ++stats.by_band[static_cast<std::size_t>(BandOf(bead.confidence))];
      sum += bead.confidence;
      if (low) ++stats.low_confidence;
    } else if (low) {
      ++stats.low_confidence_outside;
    }
    if (bead.two_sided()) {
      stats.source_aligned += bead.source_count;
      stats.target_aligned += bead.target_count;
      continue;
    }
    // Inside a region that is aligned: an omission or addition; else text outside it.
    std::vector<OneSidedRun>& runs = aligned && region.contains(k) ? stats.gaps : stats.outside;
    if (runs.empty() || runs.back().first_bead + runs.back().beads != k) {
      runs.push_back(
          {.first_bead = k, .source_first = bead.source_begin, .target_first = bead.target_begin});
    }
    OneSidedRun& stretch = runs.back();
    ++stretch.beads;
    stretch.source_count += bead.source_count;
    stretch.target_count += bead.target_count;
  }
  if (stats.region_beads > 0) stats.mean_confidence = sum / static_cast<double>(stats.region_beads);
  stats.by_type.assign(types.begin(), types.end());
  std::stable_sort(stats.by_type.begin(), stats.by_type.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return stats;
}

Status WriteHtmlReport(const Bitext& bitext, const HtmlReportOptions& options, std::ostream& out) {
  TANDEM_RETURN_IF_ERROR(ValidateBitext(bitext));
  const ReportStatistics stats = ComputeReportStatistics(bitext);
  const std::string title = ViewTitle(bitext);
  std::string page(assets::ReportHtml());
  std::string style(assets::BitextViewCss());
  style += assets::ReportCss();
  std::string script(assets::BitextViewJs());
  script += assets::ReportJs();
  // The data and the script go in last, so that nothing in them is taken for a marker.
  ReplaceAll(page, "{{GENERATOR}}", EscapeMarkup(options.generator));
  ReplaceAll(page, "{{TITLE}}", EscapeMarkup("Alignment report: " + title));
  ReplaceAll(page, "{{HEADER}}", HeaderHtml(bitext, stats, options));
  ReplaceAll(page, "{{STATS}}", StatisticsHtml(bitext, stats, options));
  ReplaceAll(page, "{{STYLE}}", style);
  const std::size_t script_at = page.find("{{SCRIPT}}");
  const std::size_t data_at = page.find("{{DATA}}");
  if (script_at == std::string::npos || data_at == std::string::npos || data_at > script_at) {
    return InternalError("the report template lacks its data or script marker");
  }
  out << std::string_view(page).substr(0, data_at) << ViewDataJson(bitext)
      << std::string_view(page).substr(data_at + 8, script_at - data_at - 8) << script
      << std::string_view(page).substr(script_at + 10);
  if (!out) return IoError("could not write the report");
  return Status::Ok();
}

}  // namespace tandem::corpora
