#include "tandem/corpora/stats.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "pair_util.h"
#include "tandem/align/bead.h"
#include "tandem/corpora/summary.h"

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

std::size_t Chars(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::size_t SideChars(const Document& doc, std::size_t begin, std::size_t count) {
  std::size_t n = 0;
  for (std::size_t i = begin; i < begin + count; ++i) n += Chars(doc.SentenceText(i));
  return n;
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
            {"longest", p.longest_unaligned}}},
          {"review", review}};
}

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
  row +=
      fmt::format(",{},{:.4f},{},{},{},{},{},{},{},{},{},{}\n", other, p.mean_confidence(), low,
                  mid, high, p.unaligned_stretches, p.unaligned_source, p.unaligned_target,
                  p.longest_unaligned, review("automatic"), review("confirmed"), review("edited"));
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
  return s;
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
  for (const auto& [status, count] : pair.review) t.review[status] += count;
  corpus.pairs.push_back(std::move(pair));
}

std::string FormatStatsText(const std::vector<CorpusStats>& corpora) {
  std::string out;
  for (const CorpusStats& c : corpora) {
    const PairStats& t = c.total;
    out += fmt::format("corpus {}: {} pairs\n", c.name, c.pairs.size());
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
      "automatic,confirmed,edited\n";
  for (const CorpusStats& c : corpora) {
    for (const PairStats& p : c.pairs) out += CsvRow(c.name, p.name, p);
    out += CsvRow(c.name, "*", c.total);
  }
  return out;
}

std::string HistogramSvg(const std::string& title, const std::vector<std::string>& labels,
                         const std::vector<std::size_t>& values) {
  constexpr int kBar = 36;
  constexpr int kHeight = 200;
  constexpr int kLeft = 50;
  constexpr int kTop = 40;
  const int width = kLeft + kBar * static_cast<int>(values.size()) + 20;
  const std::size_t max = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"22\" font-size=\"14\">{3}</text>\n",
      width, kTop + kHeight + 50, kLeft, EscapeMarkup(title));
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", kLeft - 6,
                     kTop + 10, max);
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"black\"/>\n",
                     kLeft, kTop + kHeight, width - 20);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int h =
        max == 0
            ? 0
            : static_cast<int>(static_cast<double>(values[i]) * kHeight / static_cast<double>(max));
    const int x = kLeft + kBar * static_cast<int>(i);
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#4477aa\"><title>{}: {}</title>"
        "</rect>\n",
        x + 3, kTop + kHeight - h, kBar - 6, h, EscapeMarkup(i < labels.size() ? labels[i] : ""),
        values[i]);
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" transform=\"rotate(-45 {} {})\">{}</text>\n",
        x + kBar / 2 + 4, kTop + kHeight + 14, x + kBar / 2 + 4, kTop + kHeight + 14,
        EscapeMarkup(i < labels.size() ? labels[i] : ""));
  }
  out += "</svg>\n";
  return out;
}

}  // namespace tandem::corpora
