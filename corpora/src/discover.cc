#include "tandem/corpora/discover.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "stemmer.h"
#include "tandem/core/language_id.h"
#include "tandem/core/segmenter.h"
#include "tandem/core/text_io.h"
#include "tandem/corpora/pipeline.h"
#include "tandem/corpora/summary.h"
#include "tokenizer.h"

namespace tandem::corpora {
namespace {

using FeatureId = std::uint32_t;

// Paragraphs shorter than this are not identified: CLD2 answers "unknown" below about 40
// bytes anyway.
constexpr std::size_t kMinParagraphBytesForLanguage = 40;

std::size_t ThreadCount(std::size_t requested, std::size_t work) {
  std::size_t n = requested;
  if (n == 0) n = std::max(1U, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min(n, work));
}

// Runs `task(i)` for i in [0, count) on `threads` threads; each index once.
void ParallelFor(std::size_t count, std::size_t threads,
                 const std::function<void(std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) task(i);
  };
  const std::size_t n = ThreadCount(threads, count);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < n; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::size_t LineOf(const std::string& text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(
                 text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string FileName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// One document as the stages see it.
struct Loaded {
  DiscoveredDocument info;
  Document document;
  std::string normalized;  // whitespace collapsed, for duplicates
  // Stage 2 signature: word stems (in the document's language), numbers, capitalised words.
  std::vector<std::string> stems;
  std::vector<std::string> numbers;
  std::vector<std::string> names;
};

struct LanguageTools {
  std::unique_ptr<Segmenter> segmenter;
  std::unique_ptr<WordTokenizer> tokenizer;
  std::unique_ptr<Stemmer> stemmer;  // null when Snowball has none
};

class ToolBox {
 public:
  StatusOr<const LanguageTools*> For(const std::string& language) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = tools_.find(language);
    if (it != tools_.end()) return it->second.get();
    auto tools = std::make_unique<LanguageTools>();
    SegmentOptions options;
    options.language = language;
    TANDEM_ASSIGN_OR_RETURN(Segmenter segmenter, Segmenter::Create(options));
    tools->segmenter = std::make_unique<Segmenter>(std::move(segmenter));
    TANDEM_ASSIGN_OR_RETURN(WordTokenizer tokenizer, WordTokenizer::Create(language));
    tools->tokenizer = std::make_unique<WordTokenizer>(std::move(tokenizer));
    StatusOr<Stemmer> stemmer = Stemmer::Create(language);
    if (stemmer.ok()) tools->stemmer = std::make_unique<Stemmer>(std::move(*stemmer));
    const LanguageTools* result = tools.get();
    tools_.emplace(language, std::move(tools));
    return result;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<LanguageTools>> tools_;
};

std::string StemOf(const LanguageTools& tools, const std::string& key) {
  return tools.stemmer ? tools.stemmer->Stem(key) : key;
}

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  const auto c = static_cast<unsigned char>(word[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  // Latin-1 Supplement and Latin Extended-A capitals (Á, É, Ő, Š, ...): enough for a cheap
  // signature; the aligner's own name evidence is more thorough.
  if (word.size() >= 2 && c == 0xC3) {
    const auto d = static_cast<unsigned char>(word[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  if (word.size() >= 2 && (c == 0xC4 || c == 0xC5)) {
    return (static_cast<unsigned char>(word[1]) & 1) == 0;
  }
  return false;
}

std::string DigitsOnly(std::string_view number) {
  std::string out;
  for (const char c : number) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

void Signature(Loaded& doc, const LanguageTools& tools) {
  std::set<std::string> stems;
  std::set<std::string> numbers;
  std::set<std::string> names;
  const std::string_view text = doc.document.text;
  for (std::size_t s = 0; s < doc.document.sentences.size(); ++s) {
    const std::string_view sentence = doc.document.SentenceText(s);
    const std::vector<Token> tokens = tools.tokenizer->Tokenize(sentence);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
      const Token& token = tokens[t];
      if (token.kind == TokenKind::kNumber) {
        std::string digits = DigitsOnly(token.key);
        if (digits.size() >= 2) numbers.insert(std::move(digits));
        continue;
      }
      ++doc.info.words;
      if (token.key.size() < 3) continue;
      stems.insert(StemOf(tools, token.key));
      // Capitalised words inside a sentence are mostly names; the first word is not counted.
      if (t > 0 && token.key.size() >= 4 &&
          StartsUpper(sentence.substr(token.span.begin, token.span.size()))) {
        names.insert(token.key);
      }
    }
  }
  (void)text;
  doc.stems.assign(stems.begin(), stems.end());
  doc.numbers.assign(numbers.begin(), numbers.end());
  doc.names.assign(names.begin(), names.end());
}

StatusOr<Loaded> LoadDocument(const std::string& path, const DiscoverOptions& options,
                              ToolBox& toolbox) {
  Loaded doc;
  doc.info.path = path;
  TANDEM_ASSIGN_OR_RETURN(DecodedText decoded, ReadTextFile(path));
  const std::string_view content = std::string_view(decoded.text).substr(decoded.content_begin);
  doc.info.bytes = content.size();
  doc.normalized = CollapseWhitespace(content);
  const LanguageGuess guess = IdentifyLanguage(content);
  doc.info.detected_language = guess.language;
  doc.info.percent = guess.percent;
  doc.info.reliable = guess.reliable;
  doc.info.language = guess.language;
  auto declared = options.declared_languages.find(path);
  if (declared == options.declared_languages.end()) {
    declared = options.declared_languages.find(FileName(path));
  }
  if (declared != options.declared_languages.end()) {
    doc.info.language = declared->second;
    doc.info.declared = true;
    if (options.warn && !guess.language.empty() && guess.language != declared->second) {
      options.warn(fmt::format("{}: declared language {} but the text looks like {} ({}%)", path,
                               declared->second, guess.language, guess.percent));
    }
  } else if (options.warn && !guess.language.empty() &&
             (!guess.reliable || guess.percent < options.min_language_percent)) {
    options.warn(fmt::format("{}: language uncertain: {} ({}% of the letters{})", path,
                             guess.language, guess.percent, guess.reliable ? "" : ", unreliable"));
  }
  if (doc.info.language.empty()) {
    if (options.warn) options.warn(path + ": language unknown; the document is not paired");
    return doc;
  }
  TANDEM_ASSIGN_OR_RETURN(const LanguageTools* tools, toolbox.For(doc.info.language));
  TANDEM_ASSIGN_OR_RETURN(doc.document, tools->segmenter->Segment(std::move(decoded), path));
  doc.document.language = doc.info.language;
  doc.info.paragraphs = doc.document.paragraphs.size();
  doc.info.sentences = doc.document.sentences.size();
  std::map<std::string, std::size_t> languages;
  for (std::size_t p = 0; p < doc.document.paragraphs.size(); ++p) {
    const std::string_view paragraph = doc.document.ParagraphText(p);
    ++languages[paragraph.size() < kMinParagraphBytesForLanguage
                    ? std::string()
                    : IdentifyLanguage(paragraph).language];
  }
  for (const auto& [language, count] : languages) {
    doc.info.paragraph_languages.push_back({language, count});
  }
  std::stable_sort(doc.info.paragraph_languages.begin(), doc.info.paragraph_languages.end(),
                   [](const ParagraphLanguage& a, const ParagraphLanguage& b) {
                     // Languages by frequency, then the paragraphs too short to tell.
                     if (a.language.empty() != b.language.empty()) return b.language.empty();
                     return a.paragraphs > b.paragraphs;
                   });
  Signature(doc, *tools);
  return doc;
}

// Source-language stem -> target-language stems, from the single-word entries of the
// lexicons (and "particle + word" entries such as English "to give").
using StemMap = std::unordered_map<std::string, std::vector<std::string>>;

StemMap BuildStemMap(const std::vector<align::Lexicon>& lexicons, const LanguageTools& source,
                     const LanguageTools& target) {
  StemMap map;
  for (const align::Lexicon& lexicon : lexicons) {
    for (const align::LexiconEntry& entry : lexicon.entries) {
      std::vector<Token> from = source.tokenizer->Tokenize(entry.source);
      std::erase_if(from, [](const Token& t) { return t.kind != TokenKind::kWord; });
      if (from.size() == 2 && from[0].key.size() <= 2) from.erase(from.begin());
      if (from.size() != 1 || from[0].key.size() < 3) continue;
      std::vector<Token> to = target.tokenizer->Tokenize(entry.target);
      std::erase_if(to, [](const Token& t) { return t.kind != TokenKind::kWord; });
      std::vector<std::string>& stems = map[StemOf(source, from[0].key)];
      for (const Token& t : to) {
        if (t.key.size() < (to.size() == 1 ? 3U : 4U)) continue;
        std::string stem = StemOf(target, t.key);
        if (std::find(stems.begin(), stems.end(), stem) == stems.end()) {
          stems.push_back(std::move(stem));
        }
      }
    }
  }
  return map;
}

struct Candidate {
  std::size_t source = 0;  // indices into the loaded documents
  std::size_t target = 0;
  double signature = 0;
};

// Stage 2 for one language pair: every source document against every target document through
// an inverted index of the target documents' features.
std::vector<Candidate> Candidates(const std::vector<Loaded>& docs,
                                  const std::vector<std::size_t>& sources,
                                  const std::vector<std::size_t>& targets, const StemMap& stem_map,
                                  const DiscoverOptions& options) {
  // Feature ids of the target side: "w" stems, "n" numbers, "c" capitalised words.
  std::unordered_map<std::string, FeatureId> ids;
  std::vector<std::vector<std::size_t>> postings;  // feature -> positions in `targets`
  std::vector<std::vector<FeatureId>> target_features(targets.size());
  auto intern = [&](const std::string& key) {
    auto [it, added] = ids.emplace(key, static_cast<FeatureId>(postings.size()));
    if (added) postings.emplace_back();
    return it->second;
  };
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const Loaded& doc = docs[targets[t]];
    std::vector<FeatureId>& features = target_features[t];
    for (const std::string& s : doc.stems) features.push_back(intern("w" + s));
    for (const std::string& s : doc.numbers) features.push_back(intern("n" + s));
    for (const std::string& s : doc.names) features.push_back(intern("c" + s));
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    for (const FeatureId f : features) postings[f].push_back(t);
  }
  const double n_targets = static_cast<double>(targets.size());
  const bool drop_common = targets.size() >= 4;
  std::vector<double> target_weight(postings.size());
  for (std::size_t f = 0; f < postings.size(); ++f) {
    const double df = static_cast<double>(postings[f].size());
    target_weight[f] = (drop_common && df > options.max_feature_share * n_targets)
                           ? 0.0
                           : std::log(1.0 + n_targets / df);
  }
  std::vector<double> target_total(targets.size(), 0.0);
  for (std::size_t t = 0; t < targets.size(); ++t) {
    for (const FeatureId f : target_features[t]) target_total[t] += target_weight[f];
  }

  // Units of a source document: each stem (matched through its translations), number, name.
  // Their weights come from their rarity among the source documents.
  std::unordered_map<std::string, std::size_t> source_df;
  for (const std::size_t s : sources) {
    for (const std::string& x : docs[s].stems) ++source_df["w" + x];
    for (const std::string& x : docs[s].numbers) ++source_df["n" + x];
    for (const std::string& x : docs[s].names) ++source_df["c" + x];
  }
  const double n_sources = static_cast<double>(sources.size());
  const bool drop_common_source = sources.size() >= 4;
  auto source_weight = [&](const std::string& key) {
    const double df = static_cast<double>(source_df[key]);
    if (drop_common_source && df > options.max_feature_share * n_sources) return 0.0;
    return std::log(1.0 + n_sources / df);
  };

  std::vector<Candidate> result;
  std::vector<double> unit_score(targets.size());
  std::vector<double> feature_score(targets.size());
  std::vector<std::size_t> shared(targets.size());
  std::vector<std::size_t> last_unit(targets.size());
  std::vector<FeatureId> seen_features;
  std::vector<char> feature_seen(postings.size(), 0);
  for (const std::size_t s : sources) {
    const Loaded& doc = docs[s];
    std::fill(unit_score.begin(), unit_score.end(), 0.0);
    std::fill(feature_score.begin(), feature_score.end(), 0.0);
    std::fill(shared.begin(), shared.end(), 0);
    std::fill(last_unit.begin(), last_unit.end(), SIZE_MAX);
    double total = 0;
    std::size_t unit = 0;
    auto add_unit = [&](const std::string& key, const std::vector<std::string>& translations) {
      const double w = source_weight(key);
      total += w;
      for (const std::string& translation : translations) {
        const auto it = ids.find(translation);
        if (it == ids.end() || target_weight[it->second] == 0.0) continue;
        const FeatureId f = it->second;
        if (!feature_seen[f]) {
          feature_seen[f] = 1;
          seen_features.push_back(f);
          for (const std::size_t t : postings[f]) feature_score[t] += target_weight[f];
        }
        for (const std::size_t t : postings[f]) {
          if (last_unit[t] == unit) continue;
          last_unit[t] = unit;
          unit_score[t] += w;
          ++shared[t];
        }
      }
      ++unit;
    };
    std::vector<std::string> translations;
    for (const std::string& stem : doc.stems) {
      translations.clear();
      if (const auto it = stem_map.find(stem); it != stem_map.end()) {
        for (const std::string& x : it->second) translations.push_back("w" + x);
      }
      // Identical words (names, loans, cognates spelled alike) count as translations too.
      translations.push_back("w" + stem);
      add_unit("w" + stem, translations);
    }
    for (const std::string& number : doc.numbers) add_unit("n" + number, {"n" + number});
    for (const std::string& name : doc.names) add_unit("c" + name, {"c" + name});
    for (const FeatureId f : seen_features) feature_seen[f] = 0;
    seen_features.clear();

    for (std::size_t t = 0; t < targets.size(); ++t) {
      if (shared[t] < options.min_shared_features) continue;
      const double from_source = total > 0 ? unit_score[t] / total : 0.0;
      const double from_target = target_total[t] > 0 ? feature_score[t] / target_total[t] : 0.0;
      const double score = std::max(from_source, from_target);
      if (score < options.min_signature_score) continue;
      result.push_back({s, targets[t], score});
    }
  }
  // Each document keeps its best few on each side.
  std::map<std::size_t, std::vector<std::size_t>> by_doc;
  for (std::size_t c = 0; c < result.size(); ++c) {
    by_doc[result[c].source].push_back(c);
    by_doc[result[c].target].push_back(c);
  }
  std::vector<char> keep(result.size(), 0);
  for (auto& [doc, list] : by_doc) {
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      return result[a].signature > result[b].signature;
    });
    for (std::size_t k = 0; k < list.size() && k < options.candidates_per_document; ++k) {
      keep[list[k]] = 1;
    }
  }
  std::vector<Candidate> kept;
  for (std::size_t c = 0; c < result.size(); ++c) {
    if (keep[c]) kept.push_back(result[c]);
  }
  return kept;
}

Region MakeRegion(const Document& doc, std::size_t first_sentence, std::size_t last_sentence) {
  Region region;
  region.first_sentence = first_sentence + 1;
  region.last_sentence = last_sentence + 1;
  const std::size_t first_paragraph = doc.sentences[first_sentence].paragraph;
  const std::size_t last_paragraph = doc.sentences[last_sentence].paragraph;
  region.first_paragraph = first_paragraph + 1;
  region.last_paragraph = last_paragraph + 1;
  region.first_line = LineOf(doc.text, doc.paragraphs[first_paragraph].span.begin);
  region.last_line = LineOf(doc.text, doc.paragraphs[last_paragraph].span.begin);
  // A few sentences without counterpart at the edges (a title, a translator's note) do not
  // make a translation partial.
  const std::size_t outside = first_sentence + (doc.sentences.size() - 1 - last_sentence);
  region.whole = outside <= std::max<std::size_t>(3, doc.sentences.size() / 20);
  return region;
}

// The last sentence of the paragraph of sentence `i`.
std::size_t ParagraphEnd(const Document& doc, std::size_t i) {
  const Paragraph& p = doc.paragraphs[doc.sentences[i].paragraph];
  return p.first_sentence + p.sentence_count - 1;
}

std::size_t ParagraphBegin(const Document& doc, std::size_t i) {
  return doc.paragraphs[doc.sentences[i].paragraph].first_sentence;
}

// Stage 3: the verdict on one aligned candidate.
std::optional<DiscoveredPair> Judge(const Loaded& source, const Loaded& target,
                                    const align::Ladder& ladder, double signature,
                                    const DiscoverOptions& options) {
  std::size_t first = ladder.size();  // bead indices of the first and last anchor
  std::size_t last = 0;
  std::size_t anchors = 0;
  double confidence = 0;
  for (std::size_t k = 0; k < ladder.size(); ++k) {
    if (ladder[k].two_sided() && ladder[k].confidence >= options.anchor_confidence) {
      first = std::min(first, k);
      last = k;
      ++anchors;
      confidence += ladder[k].confidence;
    }
  }
  if (anchors < options.min_anchors) return std::nullopt;
  // Two-sided beads of lower confidence that continue the run of anchors belong to the region
  // too (a short sentence with little evidence at the edge), across at most one one-sided bead.
  auto extends = [&](std::size_t k) {
    return ladder[k].two_sided() && ladder[k].confidence >= options.edge_confidence;
  };
  for (std::size_t k = first; k-- > 0;) {
    if (extends(k)) {
      first = k;
    } else if (!(k > 0 && !ladder[k].two_sided() && extends(k - 1))) {
      break;
    }
  }
  for (std::size_t k = last + 1; k < ladder.size(); ++k) {
    if (extends(k)) {
      last = k;
    } else if (!(k + 1 < ladder.size() && !ladder[k].two_sided() && extends(k + 1))) {
      break;
    }
  }
  const Document& s = source.document;
  const Document& t = target.document;
  // The region: whole paragraphs, from the first to the last two-sided bead.
  std::size_t s_first = ParagraphBegin(s, ladder[first].source_begin);
  std::size_t t_first = ParagraphBegin(t, ladder[first].target_begin);
  std::size_t s_last = ParagraphEnd(s, ladder[last].source_end() - 1);
  std::size_t t_last = ParagraphEnd(t, ladder[last].target_end() - 1);
  // Where both texts go on without counterparts beyond an edge, a paragraph of one sentence
  // right at the edge is taken in: a translation's own opening or closing line (the other
  // side's paragraphs there are longer, or it would have been aligned).
  if (options.edge_sentences) {
    const bool s_more_before = s_first > 0;
    const bool t_more_before = t_first > 0;
    if (s_more_before && t_more_before) {
      const std::size_t s_prev = ParagraphBegin(s, s_first - 1);
      const std::size_t t_prev = ParagraphBegin(t, t_first - 1);
      const bool s_single = s_prev == s_first - 1;
      const bool t_single = t_prev == t_first - 1;
      if (s_single != t_single) (s_single ? s_first : t_first) -= 1;
    }
    const bool s_more_after = s_last + 1 < s.sentences.size();
    const bool t_more_after = t_last + 1 < t.sentences.size();
    if (s_more_after && t_more_after) {
      const bool s_single = ParagraphEnd(s, s_last + 1) == s_last + 1;
      const bool t_single = ParagraphEnd(t, t_last + 1) == t_last + 1;
      if (s_single != t_single) (s_single ? s_last : t_last) += 1;
    }
  }
  std::size_t s_aligned = 0;
  std::size_t t_aligned = 0;
  for (std::size_t k = first; k <= last; ++k) {
    if (!ladder[k].two_sided() || ladder[k].confidence < options.anchor_confidence) continue;
    s_aligned += ladder[k].source_count;
    t_aligned += ladder[k].target_count;
  }
  const double s_density =
      static_cast<double>(s_aligned) / static_cast<double>(s_last - s_first + 1);
  const double t_density =
      static_cast<double>(t_aligned) / static_cast<double>(t_last - t_first + 1);
  const double density = std::min(s_density, t_density);
  if (density < options.min_density) return std::nullopt;
  DiscoveredPair pair;
  pair.source = source.info.path;
  pair.target = target.info.path;
  pair.source_language = source.info.language;
  pair.target_language = target.info.language;
  pair.signature = signature;
  pair.anchors = anchors;
  pair.mean_confidence = confidence / static_cast<double>(anchors);
  pair.score = pair.mean_confidence * density;
  if (pair.score < options.min_score) return std::nullopt;
  pair.source_region = MakeRegion(s, s_first, s_last);
  pair.target_region = MakeRegion(t, t_first, t_last);
  return pair;
}

bool Overlap(const Region& a, const Region& b) {
  return a.first_paragraph <= b.last_paragraph && b.first_paragraph <= a.last_paragraph;
}

std::string Range(std::size_t first, std::size_t last) { return fmt::format("{}-{}", first, last); }

nlohmann::json RegionJson(const Region& r) {
  return {{"paragraphs", {r.first_paragraph, r.last_paragraph}},
          {"lines", {r.first_line, r.last_line}},
          {"sentences", {r.first_sentence, r.last_sentence}},
          {"whole", r.whole}};
}

}  // namespace

StatusOr<std::vector<std::string>> ListDocuments(const std::string& directory) {
  std::error_code error;
  std::filesystem::directory_iterator it(directory, error);
  if (error)
    return IoError(fmt::format("{}: cannot list the directory: {}", directory, error.message()));
  std::vector<std::string> paths;
  for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
    if (error) break;
    const std::string name = it->path().filename().string();
    // Not documents: hidden files, a folder's READMEs and licences, and tandem's own metadata
    // sidecar (corpora/metadata.h), which the bundled pair's folder has.
    const auto starts = [&name](std::string_view prefix) { return name.rfind(prefix, 0) == 0; };
    if (name.empty() || name[0] == '.' || starts("README") || starts("LICENSE") ||
        starts("LICENCE") || starts("COPYING") || name == "metadata.json") {
      continue;
    }
    if (!it->is_regular_file(error)) continue;
    paths.push_back(it->path().string());
  }
  if (error)
    return IoError(fmt::format("{}: cannot list the directory: {}", directory, error.message()));
  std::sort(paths.begin(), paths.end());
  return paths;
}

StatusOr<Discovery> Discover(const DiscoverOptions& options) {
  auto progress = [&](const std::string& message) {
    if (options.progress) options.progress(message);
  };
  ToolBox toolbox;
  // Stage 1: read, identify, segment.
  std::vector<std::optional<StatusOr<Loaded>>> slots(options.paths.size());
  ParallelFor(options.paths.size(), options.threads, [&](std::size_t i) {
    slots[i].emplace(LoadDocument(options.paths[i], options, toolbox));
  });
  std::vector<Loaded> docs;
  docs.reserve(slots.size());
  for (auto& slot : slots) {
    if (!slot->ok()) return slot->status();
    docs.push_back(std::move(**slot));
  }
  slots.clear();
  progress("read " + CountOf(docs.size(), "document"));
  std::unordered_map<std::string, std::size_t> first_with_text;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const auto [it, added] = first_with_text.emplace(docs[i].normalized, i);
    if (!added) docs[i].info.duplicate_of = docs[it->second].info.path;
    docs[i].normalized.clear();
    docs[i].normalized.shrink_to_fit();
  }

  // Stage 2: candidates, per pair of languages.
  std::map<std::string, std::vector<std::size_t>> by_language;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].info.language.empty() || !docs[i].info.duplicate_of.empty()) continue;
    if (docs[i].document.sentences.empty()) continue;
    by_language[docs[i].info.language].push_back(i);
  }
  struct PairData {
    std::vector<align::Lexicon> lexicons;
    std::shared_ptr<const align::Aligner> aligner;  // made for stage 3
  };
  std::map<std::pair<std::string, std::string>, PairData> pair_data;
  std::vector<Candidate> candidates;
  for (auto a = by_language.begin(); a != by_language.end(); ++a) {
    for (auto b = std::next(a); b != by_language.end(); ++b) {
      PairData& data = pair_data[{a->first, b->first}];
      TANDEM_ASSIGN_OR_RETURN(data.lexicons,
                              LoadDictionaries(options.dictionaries, a->first, b->first));
      TANDEM_ASSIGN_OR_RETURN(const LanguageTools* source_tools, toolbox.For(a->first));
      TANDEM_ASSIGN_OR_RETURN(const LanguageTools* target_tools, toolbox.For(b->first));
      const StemMap stem_map = BuildStemMap(data.lexicons, *source_tools, *target_tools);
      std::vector<Candidate> found = Candidates(docs, a->second, b->second, stem_map, options);
      progress(fmt::format("{}-{}: {} x {}, {}", a->first, b->first, a->second.size(),
                           CountOf(b->second.size(), "document"),
                           CountOf(found.size(), "candidate")));
      candidates.insert(candidates.end(), found.begin(), found.end());
    }
  }

  // Stage 3: align the candidates.
  std::vector<std::optional<StatusOr<std::optional<DiscoveredPair>>>> verdicts(candidates.size());
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  align::AlignOptions align_options = options.align;
  align_options.threads = 1;
  align_options.explain = false;
  align_options.progress = nullptr;
  for (auto& [languages, data] : pair_data) {
    TANDEM_ASSIGN_OR_RETURN(data.aligner, MakeAligner(options.dictionaries, languages.first,
                                                      languages.second, align_options));
  }
  const std::uint64_t memory_share =
      options.memory_limit / ThreadCount(options.threads, candidates.size());
  ParallelFor(candidates.size(), options.threads, [&](std::size_t c) {
    const Loaded& source = docs[candidates[c].source];
    const Loaded& target = docs[candidates[c].target];
    if (options.memory_limit > 0) {
      if (Status memory = CheckAlignmentMemory(source.document, target.document, memory_share);
          !memory.ok()) {
        verdicts[c].emplace(std::move(memory));
        ++done;
        return;
      }
    }
    align::AlignInput input = align::InputFromDocuments(source.document, target.document);
    input.source_language = source.info.language;
    input.target_language = target.info.language;
    StatusOr<align::AlignReport> report =
        pair_data.at({source.info.language, target.info.language}).aligner->AlignWithReport(input);
    if (!report.ok()) {
      verdicts[c].emplace(
          Status(report.status().code(), fmt::format("{} / {}: {}", source.info.path,
                                                     target.info.path, report.status().message())));
    } else {
      verdicts[c].emplace(Judge(source, target, report->ladder, candidates[c].signature, options));
    }
    const std::size_t n = ++done;
    std::lock_guard<std::mutex> lock(progress_mutex);
    progress(fmt::format("aligned {}/{}: {} {}", n, candidates.size(), source.info.path,
                         target.info.path));
  });

  Discovery discovery;
  discovery.candidates = candidates.size();
  std::vector<DiscoveredPair> accepted;
  for (auto& verdict : verdicts) {
    if (!verdict->ok()) return verdict->status();
    if (**verdict) accepted.push_back(std::move(***verdict));
  }
  std::stable_sort(
      accepted.begin(), accepted.end(),
      [](const DiscoveredPair& a, const DiscoveredPair& b) { return a.score > b.score; });
  // Better pairs win; a document pairs again only outside the regions it already gave.
  for (DiscoveredPair& pair : accepted) {
    bool clash = false;
    for (const DiscoveredPair& kept : discovery.pairs) {
      const auto side_clash = [&](const std::string& path, const Region& region,
                                  const std::string& other_language) {
        if (kept.source == path && kept.target_language == other_language &&
            Overlap(kept.source_region, region)) {
          return true;
        }
        return kept.target == path && kept.source_language == other_language &&
               Overlap(kept.target_region, region);
      };
      if (side_clash(pair.source, pair.source_region, pair.target_language) ||
          side_clash(pair.target, pair.target_region, pair.source_language)) {
        clash = true;
        break;
      }
    }
    if (!clash) discovery.pairs.push_back(std::move(pair));
  }
  for (Loaded& doc : docs) discovery.documents.push_back(std::move(doc.info));
  return discovery;
}

std::string PairId(const std::string& source, const std::string& target) {
  return std::filesystem::path(source).stem().string() + "__" +
         std::filesystem::path(target).stem().string();
}

std::string FormatManifestTsv(const Discovery& discovery) {
  std::string out =
      "id\tsource\ttarget\tsource_lang\ttarget_lang\tscore\tpartial\tsource_paragraphs\t"
      "target_paragraphs\tsource_lines\ttarget_lines\n";
  for (const DiscoveredPair& p : discovery.pairs) {
    out += fmt::format("{}\t{}\t{}\t{}\t{}\t{:.3f}\t{}\t{}\t{}\t{}\t{}\n",
                       PairId(p.source, p.target), p.source, p.target, p.source_language,
                       p.target_language, p.score, p.partial() ? "yes" : "no",
                       Range(p.source_region.first_paragraph, p.source_region.last_paragraph),
                       Range(p.target_region.first_paragraph, p.target_region.last_paragraph),
                       Range(p.source_region.first_line, p.source_region.last_line),
                       Range(p.target_region.first_line, p.target_region.last_line));
  }
  return out;
}

std::string FormatDiscoveryJson(const Discovery& discovery) {
  nlohmann::json documents = nlohmann::json::array();
  for (const DiscoveredDocument& d : discovery.documents) {
    nlohmann::json paragraph_languages = nlohmann::json::array();
    for (const ParagraphLanguage& p : d.paragraph_languages) {
      paragraph_languages.push_back({{"language", p.language}, {"paragraphs", p.paragraphs}});
    }
    nlohmann::json entry = {{"path", d.path},
                            {"language", d.language},
                            {"detected_language", d.detected_language},
                            {"percent", d.percent},
                            {"reliable", d.reliable},
                            {"declared", d.declared},
                            {"bytes", d.bytes},
                            {"paragraphs", d.paragraphs},
                            {"sentences", d.sentences},
                            {"words", d.words},
                            {"paragraph_languages", paragraph_languages}};
    if (!d.duplicate_of.empty()) entry["duplicate_of"] = d.duplicate_of;
    documents.push_back(std::move(entry));
  }
  nlohmann::json pairs = nlohmann::json::array();
  for (const DiscoveredPair& p : discovery.pairs) {
    pairs.push_back({{"id", PairId(p.source, p.target)},
                     {"source", p.source},
                     {"target", p.target},
                     {"source_lang", p.source_language},
                     {"target_lang", p.target_language},
                     {"score", std::round(p.score * 1000) / 1000},
                     {"signature", std::round(p.signature * 1000) / 1000},
                     {"anchors", p.anchors},
                     {"mean_confidence", std::round(p.mean_confidence * 1000) / 1000},
                     {"partial", p.partial()},
                     {"source_region", RegionJson(p.source_region)},
                     {"target_region", RegionJson(p.target_region)}});
  }
  nlohmann::json out = {
      {"documents", documents}, {"pairs", pairs}, {"candidates", discovery.candidates}};
  return out.dump(2) + "\n";
}

}  // namespace tandem::corpora
