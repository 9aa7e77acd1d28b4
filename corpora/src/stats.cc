#include "tandem/corpora/stats.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "pair_util.h"
#include "tandem/align/bead.h"
#include "tandem/corpora/summary.h"
#include "tandem/util/utf8.h"

namespace tandem::corpora {

using internal::EscapeMarkup;

namespace {

std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  bool counted = false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f' || u == '\v') {
      in_word = false;
      continue;
    }
    if (!in_word) {
      in_word = true;
      counted = false;
    }
    const bool alnum = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                       u >= 0xC0;  // a lead byte of a non-ASCII character: letters, mostly
    if (alnum && !counted) {
      ++words;
      counted = true;
    }
  }
  return words;
}

std::size_t Chars(std::string_view text) { return tandem::internal::CountCodePoints(text); }

std::size_t SideChars(const Document& doc, std::size_t begin, std::size_t count) {
  std::size_t n = 0;
  for (std::size_t i = begin; i < begin + count; ++i) n += Chars(doc.SentenceText(i));
  return n;
}

// 1-based line of a byte offset.
std::size_t LineOf(const Document& doc, std::size_t offset) {
  const std::size_t end = std::min(offset, doc.text.size());
  return 1 + static_cast<std::size_t>(
                 std::count(doc.text.begin(), doc.text.begin() + static_cast<long>(end), '\n'));
}

// The sentences [begin, begin + count) of `doc` joined by spaces, cut at a character boundary
// after kExcerptCharacters characters with an ellipsis.
std::string Excerpt(const Document& doc, std::size_t begin, std::size_t count) {
  std::string text;
  for (std::size_t i = begin; i < begin + count; ++i) {
    if (!text.empty()) text += ' ';
    text += doc.SentenceText(i);
    if (Chars(text) > kExcerptCharacters) break;
  }
  const std::string_view kept = tandem::internal::CodePointPrefix(text, kExcerptCharacters);
  if (kept.size() < text.size()) return std::string(kept) + "…";
  return text;
}

nlohmann::json StretchJson(const UnalignedStretch& s) {
  nlohmann::json out = nlohmann::json::object();
  if (s.source_count > 0) {
    out["source"] = {{"first", s.source_begin},
                     {"sentences", s.source_count},
                     {"line", s.source_line},
                     {"text", s.source_text}};
  }
  if (s.target_count > 0) {
    out["target"] = {{"first", s.target_begin},
                     {"sentences", s.target_count},
                     {"line", s.target_line},
                     {"text", s.target_text}};
  }
  return out;
}

nlohmann::json PairJson(const PairStats& p) {
  nlohmann::json types = nlohmann::json::object();
  for (const auto& [type, count] : p.beads_by_type) types[type] = count;
  nlohmann::json review = nlohmann::json::object();
  for (const auto& [status, count] : p.review) review[status] = count;
  nlohmann::json ratio = nlohmann::json::array();
  for (std::size_t i = 0; i < kRatioBins; ++i) {
    ratio.push_back(
        {{"from", std::round(RatioBinLow(i) * 1000) / 1000}, {"beads", p.length_ratio[i]}});
  }
  nlohmann::json confidence = nlohmann::json::array();
  for (std::size_t i = 0; i < kConfidenceBins; ++i) {
    confidence.push_back({{"from", static_cast<double>(i) / 10}, {"beads", p.confidence[i]}});
  }
  nlohmann::json omissions = nlohmann::json::array();
  for (const UnalignedStretch& stretch : p.omissions) omissions.push_back(StretchJson(stretch));
  return {{"name", p.name},
          {"source_sentences", p.source_sentences},
          {"target_sentences", p.target_sentences},
          {"source_words", p.source_words},
          {"target_words", p.target_words},
          {"beads", p.beads},
          {"beads_by_type", types},
          {"mean_confidence", std::round(p.mean_confidence() * 10000) / 10000},
          {"confidence", confidence},
          {"length_ratio", ratio},
          {"unaligned",
           {{"stretches", p.unaligned_stretches},
            {"source_sentences", p.unaligned_source},
            {"target_sentences", p.unaligned_target},
            {"longest", p.longest_unaligned},
            {"inside_aligned_region",
             {{"stretches", p.inside_stretches},
              {"omitted_source_sentences", p.omitted_source},
              {"added_target_sentences", p.added_target},
              {"list", omissions}}},
            {"outside_aligned_region",
             {{"source_sentences", p.outside_source}, {"target_sentences", p.outside_target}}}}},
          {"review", review}};
}

// Omission stretches listed per pair in the text format.
constexpr std::size_t kListedStretches = 20;

// The bead types that get their own CSV column; the rest are summed under "other".
constexpr const char* kCsvTypes[] = {"1:1", "1:0", "0:1", "2:1", "1:2", "2:2"};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRow(const std::string& corpus, const std::string& pair, const PairStats& p) {
  std::string row =
      fmt::format("{},{},{},{},{},{},{}", CsvField(corpus), CsvField(pair), p.source_sentences,
                  p.target_sentences, p.source_words, p.target_words, p.beads);
  std::size_t other = p.beads;
  for (const char* type : kCsvTypes) {
    const auto it = p.beads_by_type.find(type);
    const std::size_t n = it == p.beads_by_type.end() ? 0 : it->second;
    other -= n;
    row += fmt::format(",{}", n);
  }
  std::size_t low = 0;
  std::size_t mid = 0;
  for (std::size_t i = 0; i < kConfidenceBins; ++i) (i < 5 ? low : mid) += p.confidence[i];
  const std::size_t high = p.confidence[kConfidenceBins - 1];
  mid -= high;
  auto review = [&](const char* status) {
    const auto it = p.review.find(status);
    return it == p.review.end() ? std::size_t{0} : it->second;
  };
  row += fmt::format(",{},{:.4f},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", other,
                     p.mean_confidence(), low, mid, high, p.unaligned_stretches, p.unaligned_source,
                     p.unaligned_target, p.longest_unaligned, review("automatic"),
                     review("confirmed"), review("edited"), p.omitted_source, p.added_target,
                     p.outside_source, p.outside_target);
  return row;
}

}  // namespace

double RatioBinLow(std::size_t i) { return std::exp2(-2.0 + 0.25 * static_cast<double>(i)); }

PairStats ComputePairStats(const Bitext& bitext, const std::string& name) {
  PairStats s;
  s.name = name;
  s.source_sentences = bitext.source.sentences.size();
  s.target_sentences = bitext.target.sentences.size();
  for (std::size_t i = 0; i < s.source_sentences; ++i) {
    s.source_words += CountWords(bitext.source.SentenceText(i));
  }
  for (std::size_t i = 0; i < s.target_sentences; ++i) {
    s.target_words += CountWords(bitext.target.SentenceText(i));
  }
  s.beads = bitext.ladder.size();
  std::size_t run = 0;  // sentences in the current unaligned stretch
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const align::Bead& bead = bitext.ladder[k];
    ++s.beads_by_type[align::BeadTypeName(bead)];
    s.confidence_sum += bead.confidence;
    s.confidence[std::min<std::size_t>(kConfidenceBins - 1,
                                       static_cast<std::size_t>(bead.confidence * 10))]++;
    ++s.review[std::string(ReviewStatusName(ReviewOf(bitext, k).status))];
    if (bead.two_sided()) {
      run = 0;
      const double source = static_cast<double>(
          std::max<std::size_t>(1, SideChars(bitext.source, bead.source_begin, bead.source_count)));
      const double target = static_cast<double>(
          std::max<std::size_t>(1, SideChars(bitext.target, bead.target_begin, bead.target_count)));
      const double bin = std::floor((std::log2(target / source) + 2.0) / 0.25);
      s.length_ratio[static_cast<std::size_t>(
          std::clamp(bin, 0.0, static_cast<double>(kRatioBins - 1)))]++;
    } else {
      if (run == 0) ++s.unaligned_stretches;
      run += bead.source_count + bead.target_count;
      s.unaligned_source += bead.source_count;
      s.unaligned_target += bead.target_count;
      s.longest_unaligned = std::max(s.longest_unaligned, run);
    }
  }
  for (UnalignedStretch& stretch : UnalignedStretches(bitext)) {
    if (stretch.inside) {
      ++s.inside_stretches;
      s.omitted_source += stretch.source_count;
      s.added_target += stretch.target_count;
      s.omissions.push_back(std::move(stretch));
    } else {
      s.outside_source += stretch.source_count;
      s.outside_target += stretch.target_count;
    }
  }
  return s;
}

std::vector<UnalignedStretch> UnalignedStretches(const Bitext& bitext) {
  const align::Ladder& ladder = bitext.ladder;
  std::size_t first_two_sided = ladder.size();
  std::size_t last_two_sided = 0;
  for (std::size_t k = 0; k < ladder.size(); ++k) {
    if (!ladder[k].two_sided()) continue;
    first_two_sided = std::min(first_two_sided, k);
    last_two_sided = k;
  }
  std::vector<UnalignedStretch> stretches;
  for (std::size_t k = 0; k < ladder.size();) {
    if (ladder[k].two_sided()) {
      ++k;
      continue;
    }
    UnalignedStretch stretch;
    stretch.source_begin = ladder[k].source_begin;
    stretch.target_begin = ladder[k].target_begin;
    stretch.inside = k > first_two_sided && k < last_two_sided;
    for (; k < ladder.size() && !ladder[k].two_sided(); ++k) {
      stretch.source_count += ladder[k].source_count;
      stretch.target_count += ladder[k].target_count;
    }
    // One-sided beads of both sides may interleave; the sentences of each side are consecutive.
    if (stretch.source_count > 0) {
      stretch.source_line =
          LineOf(bitext.source, bitext.source.sentences[stretch.source_begin].span.begin);
      stretch.source_text = Excerpt(bitext.source, stretch.source_begin, stretch.source_count);
    }
    if (stretch.target_count > 0) {
      stretch.target_line =
          LineOf(bitext.target, bitext.target.sentences[stretch.target_begin].span.begin);
      stretch.target_text = Excerpt(bitext.target, stretch.target_begin, stretch.target_count);
    }
    stretches.push_back(std::move(stretch));
  }
  return stretches;
}

void AddPair(CorpusStats& corpus, PairStats pair) {
  PairStats& t = corpus.total;
  t.name = corpus.name;
  t.source_sentences += pair.source_sentences;
  t.target_sentences += pair.target_sentences;
  t.source_words += pair.source_words;
  t.target_words += pair.target_words;
  t.beads += pair.beads;
  for (const auto& [type, count] : pair.beads_by_type) t.beads_by_type[type] += count;
  t.confidence_sum += pair.confidence_sum;
  for (std::size_t i = 0; i < kConfidenceBins; ++i) t.confidence[i] += pair.confidence[i];
  for (std::size_t i = 0; i < kRatioBins; ++i) t.length_ratio[i] += pair.length_ratio[i];
  t.unaligned_stretches += pair.unaligned_stretches;
  t.unaligned_source += pair.unaligned_source;
  t.unaligned_target += pair.unaligned_target;
  t.longest_unaligned = std::max(t.longest_unaligned, pair.longest_unaligned);
  t.inside_stretches += pair.inside_stretches;
  t.omitted_source += pair.omitted_source;
  t.added_target += pair.added_target;
  t.outside_source += pair.outside_source;
  t.outside_target += pair.outside_target;
  for (const auto& [status, count] : pair.review) t.review[status] += count;
  corpus.pairs.push_back(std::move(pair));
}

std::string FormatStatsText(const std::vector<CorpusStats>& corpora) {
  std::string out;
  for (const CorpusStats& c : corpora) {
    const PairStats& t = c.total;
    out += fmt::format("corpus {}: {}\n", c.name, CountOf(c.pairs.size(), "pair"));
    out +=
        fmt::format("  sentences   {} source, {} target\n", t.source_sentences, t.target_sentences);
    out += fmt::format("  words       {} source, {} target\n", t.source_words, t.target_words);
    std::string types;
    for (const auto& [type, count] : t.beads_by_type) {
      types += fmt::format("{}{} {}", types.empty() ? "" : ", ", type, count);
    }
    out += fmt::format("  beads       {} ({})\n", t.beads, types);
    out += fmt::format("  confidence  mean {:.3f}; per 0.1 from 0: {}\n", t.mean_confidence(),
                       fmt::join(t.confidence, " "));
    out += fmt::format("  length      target/source characters, per bin from {:.2f}: {}\n",
                       RatioBinLow(0), fmt::join(t.length_ratio, " "));
    out += fmt::format("  unaligned   {}, {} source and {} target sentences, longest {}\n",
                       CountOf(t.unaligned_stretches, "stretch"), t.unaligned_source,
                       t.unaligned_target, t.longest_unaligned);
    out += fmt::format(
        "  omissions   inside the aligned region: {} left out and {} added, in {}; outside "
        "it: {} and {}\n",
        CountOf(t.omitted_source, "source sentence"), CountOf(t.added_target, "target sentence"),
        CountOf(t.inside_stretches, "stretch"), CountOf(t.outside_source, "source sentence"),
        CountOf(t.outside_target, "target sentence"));
    std::string review;
    for (const auto& [status, count] : t.review) {
      review += fmt::format("{}{} {}", review.empty() ? "" : ", ", status, count);
    }
    out += fmt::format("  review      {}\n", review.empty() ? "-" : review);
    for (const PairStats& p : c.pairs) {
      out += fmt::format(
          "  pair {}: {}/{} sentences, {}/{} words, {}, mean confidence {:.3f}, {} unaligned\n",
          p.name, p.source_sentences, p.target_sentences, p.source_words, p.target_words,
          CountOf(p.beads, "bead"), p.mean_confidence(), CountOf(p.unaligned_stretches, "stretch"));
      for (std::size_t k = 0; k < p.omissions.size() && k < kListedStretches; ++k) {
        const UnalignedStretch& stretch = p.omissions[k];
        auto side = [](const char* what, const char* name, std::size_t begin, std::size_t count,
                       std::size_t line, const std::string& text) {
          return fmt::format("    {:<9} {} {} (line {}): {}\n", what,
                             count == 1 ? name : fmt::format("{}s {}-", name, begin + 1).c_str(),
                             count == 1 ? begin + 1 : begin + count, line, text);
        };
        if (stretch.source_count > 0) {
          out += side("omission", "source sentence", stretch.source_begin, stretch.source_count,
                      stretch.source_line, stretch.source_text);
        }
        if (stretch.target_count > 0) {
          out += side("addition", "target sentence", stretch.target_begin, stretch.target_count,
                      stretch.target_line, stretch.target_text);
        }
      }
      if (p.omissions.size() > kListedStretches) {
        out += fmt::format("    ... and {} more stretches (--format json lists them all)\n",
                           p.omissions.size() - kListedStretches);
      }
    }
  }
  return out;
}

std::string FormatStatsJson(const std::vector<CorpusStats>& corpora) {
  nlohmann::json list = nlohmann::json::array();
  for (const CorpusStats& c : corpora) {
    nlohmann::json pairs = nlohmann::json::array();
    for (const PairStats& p : c.pairs) pairs.push_back(PairJson(p));
    list.push_back({{"name", c.name}, {"total", PairJson(c.total)}, {"pairs", pairs}});
  }
  return nlohmann::json{{"corpora", list}}.dump(2) + "\n";
}

std::string FormatStatsCsv(const std::vector<CorpusStats>& corpora) {
  std::string out = "corpus,pair,source_sentences,target_sentences,source_words,target_words,beads";
  for (const char* type : kCsvTypes) out += fmt::format(",beads_{}", type);
  out +=
      ",beads_other,mean_confidence,confidence_below_0.5,confidence_0.5_to_0.9,confidence_0.9_"
      "and_above,unaligned_stretches,unaligned_source,unaligned_target,longest_unaligned,"
      "automatic,confirmed,edited,omitted_source,added_target,outside_source,outside_target\n";
  for (const CorpusStats& c : corpora) {
    for (const PairStats& p : c.pairs) out += CsvRow(c.name, p.name, p);
    out += CsvRow(c.name, "*", c.total);
  }
  return out;
}

std::string HistogramSvg(const Histogram& histogram) {
  constexpr int kBar = 40;
  constexpr int kPlot = 220;  // the height of the plot area
  constexpr int kLeft = 70;
  constexpr int kTop = 46;
  constexpr int kRight = 24;
  const std::vector<std::size_t>& values = histogram.values;
  const int bars = static_cast<int>(values.size());
  const int width = std::max(kLeft + kBar * bars + kRight, 360);
  const int height = kTop + kPlot + 64;
  const int bottom = kTop + kPlot;
  const std::size_t max = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  // The axis goes up to the next power of ten: log10(1 + count) of it is the plot's height.
  double top_power = 1;
  while (top_power < static_cast<double>(max)) top_power *= 10;
  const double scale = std::log10(1 + top_power);
  const auto y_of = [&](double count) {
    return bottom - static_cast<int>(std::lround(kPlot * std::log10(1 + count) / scale));
  };
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"20\" font-size=\"14\">{3}</text>\n",
      width, height, kLeft, EscapeMarkup(histogram.title));
  // The count axis: grid lines and labels at 0, 1, 10, 100, ...
  for (double tick = 0; tick <= top_power; tick = tick == 0 ? 1 : tick * 10) {
    const int y = y_of(tick);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#dddddd\"/>\n"
        "<text x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5:.0f}</text>\n",
        kLeft, y, kLeft + kBar * bars, kLeft - 6, y + 4, tick);
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"black\"/>\n",
                     kLeft, kTop - 6, bottom);
  out += fmt::format(
      "<text x=\"16\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {0})\">{1} "
      "(logarithmic scale)</text>\n",
      kTop + kPlot / 2, EscapeMarkup(histogram.y_title));
  // The bars, each with its count above it.
  for (int i = 0; i < bars; ++i) {
    const std::size_t value = values[static_cast<std::size_t>(i)];
    const int x = kLeft + kBar * i;
    const std::string range =
        static_cast<std::size_t>(i + 1) < histogram.edges.size()
            ? fmt::format("{}-{}", histogram.edges[static_cast<std::size_t>(i)],
                          histogram.edges[static_cast<std::size_t>(i + 1)])
            : std::string();
    if (value == 0) continue;
    const int y = y_of(static_cast<double>(value));
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#4477aa\"><title>{}: {}"
        "</title></rect>\n"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\">{}</text>\n",
        x + 3, y, kBar - 6, bottom - y, EscapeMarkup(range), value, x + kBar / 2, y - 3, value);
  }
  // The bins' axis: the line, a tick and a label at every edge, the title under them.
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"black\"/>\n",
                     kLeft, bottom, kLeft + kBar * bars);
  for (std::size_t e = 0; e < histogram.edges.size(); ++e) {
    const int x = kLeft + kBar * static_cast<int>(e);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"black\"/>\n"
        "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        x, bottom, bottom + 5, bottom + 18, EscapeMarkup(histogram.edges[e]));
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                     kLeft + kBar * bars / 2, bottom + 40, EscapeMarkup(histogram.x_title));
  out += "</svg>\n";
  return out;
}

}  // namespace tandem::corpora
