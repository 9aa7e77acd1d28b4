#include "evidence.h"

#include <algorithm>
#include <array>
#include <bit>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "analysis_tools.h"
#include "normalize.h"
#include "numbers.h"
#include "prepared_lexicon.h"
#include "romanize.h"
#include "stemmer.h"
#include "tandem/util/utf8.h"
#include "tokenizer.h"
#include "word_keys.h"

namespace tandem::align {
namespace {

using internal::WordKeys;

static_assert(AnalysisOptions{}.unstemmed_prefix == internal::kUnstemmedPrefix,
              "PreparedLexicon::Prepare keys unstemmed words as AnalysisOptions does by default");

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

struct AnalyzedToken {
  std::uint32_t stem = 0;  // id in the side's stem vocabulary
  std::string skeleton;    // empty when too short for the names channel
  Span span;
};

struct AnalyzedNumber {
  std::string key;
  Span span;
};

struct AnalyzedSentence {
  std::vector<AnalyzedToken> words;
  std::vector<AnalyzedNumber> numbers;
};

class Vocabulary {
 public:
  std::uint32_t Intern(const std::string& name) {
    const auto [it, inserted] = ids_.try_emplace(name, static_cast<std::uint32_t>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
  }
  std::optional<std::uint32_t> Find(const std::string& name) const {
    const auto it = ids_.find(name);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }
  const std::vector<std::string>& names() const { return names_; }
  std::size_t size() const { return names_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> names_;
};

// Everything about one side: its language tools, vocabulary and analysed sentences.
class SideAnalyzer {
 public:
  SideAnalyzer(const WordKeys& keys, const std::string& language, const Romanizer& romanizer,
               const internal::WordMemo& memo)
      : keys_(keys),
        romanizer_(romanizer),
        memo_(memo),
        numbers_(NumberReader::ForLanguage(language)) {}

  const WordKeys& keys() const { return keys_; }
  Vocabulary& stems() { return stems_; }
  const Vocabulary& stems() const { return stems_; }
  const std::vector<AnalyzedSentence>& sentences() const { return sentences_; }

  void AnalyzeSentences(const std::vector<std::string_view>& sentences) {
    sentences_.reserve(sentences.size());
    for (std::string_view text : sentences) sentences_.push_back(Analyze(text));
  }

 private:
  struct WordInfo {
    std::uint32_t stem = 0;
    std::string skeleton;
  };

  const WordInfo& Word(const std::string& key) {
    const auto it = word_cache_.find(key);
    if (it != word_cache_.end()) return it->second;
    internal::WordMemo::Analysis analysis = memo_.Get(key, [this](const std::string& word) {
      internal::WordMemo::Analysis made;
      made.stem = keys_.Stem(word);
      std::string ascii = romanizer_.ToAscii(word);
      for (char& c : ascii) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      made.skeleton = NameSkeleton(ascii);
      if (made.skeleton.size() < 3) made.skeleton.clear();
      return made;
    });
    WordInfo info;
    info.stem = stems_.Intern(analysis.stem);
    info.skeleton = std::move(analysis.skeleton);
    return word_cache_.emplace(key, std::move(info)).first->second;
  }

  AnalyzedSentence Analyze(std::string_view text) {
    AnalyzedSentence sentence;
    const std::vector<Token> tokens = keys_.tokenizer().Tokenize(text);
    for (NumberMention& number : numbers_.Read(tokens, text)) {
      sentence.numbers.push_back(
          {std::move(number.key),
           {tokens[number.first_token].span.begin, tokens[number.end_token - 1].span.end}});
    }
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::kNumber || IsAsciiDigit(token.key.front())) continue;
      const WordInfo& info = Word(token.key);
      sentence.words.push_back({info.stem, info.skeleton, token.span});
    }
    return sentence;
  }

  const WordKeys& keys_;
  const Romanizer& romanizer_;
  const internal::WordMemo& memo_;
  NumberReader numbers_;
  Vocabulary stems_;
  std::unordered_map<std::string, WordInfo> word_cache_;
  std::vector<AnalyzedSentence> sentences_;
};

// Multi-word dictionary entries of one side, found in its sentences as contiguous stems.
class PhraseTable {
 public:
  // The key of a phrase of stem ids (registered on first use), offset by `first_key`.
  std::uint32_t Intern(const std::vector<std::uint32_t>& stems, std::uint32_t first_key,
                       const Vocabulary& vocabulary) {
    const auto [it, inserted] =
        ids_.try_emplace(stems, first_key + static_cast<std::uint32_t>(phrases_.size()));
    if (inserted) {
      phrases_.push_back(stems);
      std::string name;
      for (std::uint32_t stem : stems) {
        if (!name.empty()) name += ' ';
        name += vocabulary.names()[stem];
      }
      names_.push_back(std::move(name));
      by_first_[stems.front()].push_back(it->second);
    }
    return it->second;
  }

  // Appends the phrases that occur in `sentence` to `side`.
  void Find(const AnalyzedSentence& sentence, std::uint32_t first_key, KeyedSide& side) const {
    const std::vector<AnalyzedToken>& words = sentence.words;
    for (std::size_t p = 0; p < words.size(); ++p) {
      const auto it = by_first_.find(words[p].stem);
      if (it == by_first_.end()) continue;
      for (std::uint32_t key : it->second) {
        const std::vector<std::uint32_t>& stems = phrases_[key - first_key];
        if (p + stems.size() > words.size()) continue;
        bool match = true;
        for (std::size_t k = 1; k < stems.size() && match; ++k) {
          match = words[p + k].stem == stems[k];
        }
        if (match) side.Add(key, {words[p].span.begin, words[p + stems.size() - 1].span.end});
      }
    }
  }

  const std::vector<std::string>& names() const { return names_; }

 private:
  struct Hash {
    std::size_t operator()(const std::vector<std::uint32_t>& v) const {
      std::size_t h = v.size();
      for (std::uint32_t x : v) h = h * 1000003u ^ x;
      return h;
    }
  };
  std::unordered_map<std::vector<std::uint32_t>, std::uint32_t, Hash> ids_;
  std::vector<std::vector<std::uint32_t>> phrases_;
  std::vector<std::string> names_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_first_;
};

void SortLinks(std::vector<std::vector<KeyLink>>& links) {
  for (std::vector<KeyLink>& list : links) {
    std::stable_sort(list.begin(), list.end(),
                     [](const KeyLink& a, const KeyLink& b) { return a.target < b.target; });
    list.erase(std::unique(list.begin(), list.end(),
                           [](const KeyLink& a, const KeyLink& b) { return a.target == b.target; }),
               list.end());
  }
}

constexpr std::uint32_t kAbsent = 0xFFFFFFFF;

// The stems of a prepared lexicon's side that the text has, with their ids in the text's
// vocabulary: a few hundred of the lexicon's hundred thousand, so kept as sorted pairs rather
// than an array as long as the lexicon's side.
class StemMap {
 public:
  StemMap(const internal::PreparedSide& side, const Vocabulary& vocabulary) {
    for (std::uint32_t id = 0; id < vocabulary.size(); ++id) {
      if (const std::optional<std::uint32_t> k = side.Find(vocabulary.names()[id])) {
        present_.push_back({*k, id});
      }
    }
    std::sort(present_.begin(), present_.end());
    // An open-addressing table at most half full for operator[], which the entries ask a
    // dozen times each.
    slots_.assign(std::bit_ceil(std::max<std::size_t>(16, 2 * present_.size())), {kAbsent, 0});
    mask_ = slots_.size() - 1;
    for (const auto& [k, id] : present_) {
      std::size_t at = Home(k);
      while (slots_[at].first != kAbsent) at = (at + 1) & mask_;
      slots_[at] = {k, id};
    }
  }
  // The text's id of lexicon stem k, or kAbsent.
  std::uint32_t operator[](std::uint32_t k) const {
    for (std::size_t at = Home(k);; at = (at + 1) & mask_) {
      if (slots_[at].first == k) return slots_[at].second;
      if (slots_[at].first == kAbsent) return kAbsent;
    }
  }
  // (lexicon stem, text id), by lexicon stem.
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& present() const { return present_; }

 private:
  std::size_t Home(std::uint32_t k) const {
    return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> 32) & mask_;
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> present_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> slots_;  // (lexicon stem, text id)
  std::size_t mask_ = 0;
};

// The key of an entry's word or phrase (stems [begin, end) of `list`) in a side's key space, if
// its stems all occur in the text.
std::optional<std::uint32_t> EntryKey(const internal::U32Array& list, std::uint32_t begin,
                                      std::uint32_t end, const StemMap& map,
                                      const Vocabulary& vocabulary, PhraseTable& phrases,
                                      std::vector<std::uint32_t>& ids) {
  if (begin == end) return std::nullopt;
  if (end - begin == 1) {
    const std::uint32_t id = map[list[begin]];
    if (id == kAbsent) return std::nullopt;
    return id;
  }
  ids.clear();
  for (std::uint32_t k = begin; k < end; ++k) {
    const std::uint32_t id = map[list[k]];
    if (id == kAbsent) return std::nullopt;
    ids.push_back(id);
  }
  return phrases.Intern(ids, static_cast<std::uint32_t>(vocabulary.size()), vocabulary);
}

Status BuildDictionary(const AnalysisInput& input, SideAnalyzer& source, SideAnalyzer& target,
                       BitextEvidence& evidence) {
  EvidenceChannel& channel = evidence.dictionary;
  channel.name = "dictionary";
  // Lexicons given as entries are prepared here, as they would be ahead of time.
  std::vector<std::shared_ptr<const PreparedLexicon>> lexicons;
  if (input.lexicons != nullptr) {
    for (const Lexicon& lexicon : *input.lexicons) {
      TANDEM_ASSIGN_OR_RETURN(PreparedLexicon prepared,
                              internal::PrepareWith(lexicon, source.keys(), target.keys()));
      lexicons.push_back(std::make_shared<const PreparedLexicon>(std::move(prepared)));
    }
  }
  if (input.prepared_lexicons != nullptr) {
    for (const std::shared_ptr<const PreparedLexicon>& lexicon : *input.prepared_lexicons) {
      TANDEM_RETURN_IF_ERROR(internal::CheckKeyedAs(*lexicon, source.keys(), target.keys()));
      lexicons.push_back(lexicon);
    }
  }
  PhraseTable source_phrases;
  PhraseTable target_phrases;
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::uint16_t>> pairs;
  std::vector<std::uint32_t> ids;
  for (const std::shared_ptr<const PreparedLexicon>& lexicon : lexicons) {
    if (channel.origins.size() >= 0xFFFF) break;
    const auto origin = static_cast<std::uint16_t>(channel.origins.size());
    channel.origins.push_back(lexicon->name());
    const internal::PreparedLayout& layout = lexicon->layout();
    const StemMap source_map(layout.source, source.stems());
    const StemMap target_map(layout.target, target.stems());
    // Only entries whose stems the texts have can match: those indexed under a stem they have
    // (an entry's rarest), taken in entry order (which fixes the keys of phrases).
    std::vector<std::uint32_t> candidates;
    auto take = [&candidates](const StemMap& map, const internal::U32Array& begin,
                              const internal::U32Array& list) {
      for (const auto& [k, id] : map.present()) {
        for (std::uint32_t at = begin[k]; at < begin[k + 1]; ++at) candidates.push_back(list[at]);
      }
    };
    take(source_map, layout.by_source_stem_begin, layout.by_source_stem);
    take(target_map, layout.by_target_stem_begin, layout.by_target_stem);
    std::sort(candidates.begin(), candidates.end());
    // An entry whose words are not all in both texts says nothing about them; its phrases are
    // not made keys either (a phrase whose translation is absent would only count as one more
    // occurrence).
    auto in_text = [](const internal::U32Array& list, std::uint32_t begin, std::uint32_t end,
                      const StemMap& map) {
      for (std::uint32_t k = begin; k < end; ++k) {
        if (map[list[k]] == kAbsent) return false;
      }
      return begin < end;
    };
    for (const std::uint32_t e : candidates) {
      if (!in_text(layout.source_stems, layout.source_begin[e], layout.source_begin[e + 1],
                   source_map) ||
          !in_text(layout.target_stems, layout.target_begin[e], layout.target_begin[e + 1],
                   target_map)) {
        continue;
      }
      const std::optional<std::uint32_t> s =
          EntryKey(layout.source_stems, layout.source_begin[e], layout.source_begin[e + 1],
                   source_map, source.stems(), source_phrases, ids);
      if (!s) continue;
      const std::optional<std::uint32_t> t =
          EntryKey(layout.target_stems, layout.target_begin[e], layout.target_begin[e + 1],
                   target_map, target.stems(), target_phrases, ids);
      if (!t) continue;
      pairs.push_back({{*s, *t}, origin});
      ++evidence.stats.lexicon_entries_used;
    }
  }
  const auto source_words = static_cast<std::uint32_t>(source.stems().size());
  const auto target_words = static_cast<std::uint32_t>(target.stems().size());
  channel.source.key_names = source.stems().names();
  channel.source.key_names.insert(channel.source.key_names.end(), source_phrases.names().begin(),
                                  source_phrases.names().end());
  channel.target.key_names = target.stems().names();
  channel.target.key_names.insert(channel.target.key_names.end(), target_phrases.names().begin(),
                                  target_phrases.names().end());
  channel.links.assign(channel.source.key_names.size(), {});
  for (const auto& [pair, origin] : pairs)
    channel.links[pair.first].push_back({pair.second, origin});
  SortLinks(channel.links);
  for (const auto& list : channel.links) evidence.stats.dictionary_matches += list.size();

  auto fill = [](const SideAnalyzer& side, const PhraseTable& phrases, std::uint32_t first_phrase,
                 KeyedSide& out, KeyedSide& words_only) {
    words_only.key_names = side.stems().names();
    for (const AnalyzedSentence& sentence : side.sentences()) {
      for (const AnalyzedToken& word : sentence.words) {
        out.Add(word.stem, word.span);
        words_only.Add(word.stem, word.span);
      }
      phrases.Find(sentence, first_phrase, out);
      out.EndSentence();
      words_only.EndSentence();
    }
  };
  fill(source, source_phrases, source_words, channel.source, evidence.source_words);
  fill(target, target_phrases, target_words, channel.target, evidence.target_words);
  return Status::Ok();
}

// Per side, which sentences hold a key that `channel` links to a key of the other text.
void MarkCovered(const EvidenceChannel& channel, std::vector<bool>& source,
                 std::vector<bool>& target) {
  std::vector<bool> target_linked(channel.target.key_count(), false);
  for (const std::vector<KeyLink>& list : channel.links) {
    for (const KeyLink& link : list) target_linked[link.target] = true;
  }
  auto mark = [](const KeyedSide& side, std::vector<bool>& covered, auto&& linked) {
    covered.resize(side.sentence_count(), false);
    for (std::size_t s = 0; s < side.sentence_count(); ++s) {
      for (std::uint32_t k = side.sentence_begin[s]; k < side.sentence_begin[s + 1]; ++k) {
        if (linked(side.keys[k])) {
          covered[s] = true;
          break;
        }
      }
    }
  };
  mark(channel.source, source,
       [&channel](std::uint32_t key) { return !channel.links[key].empty(); });
  mark(channel.target, target, [&target_linked](std::uint32_t key) { return target_linked[key]; });
}

// The share of all sentences that the channels cover (MarkCovered).
double Coverage(const std::vector<const EvidenceChannel*>& channels) {
  std::vector<bool> source;
  std::vector<bool> target;
  for (const EvidenceChannel* channel : channels) MarkCovered(*channel, source, target);
  const std::size_t total = source.size() + target.size();
  if (total == 0) return 0.0;
  const auto covered = static_cast<std::size_t>(std::count(source.begin(), source.end(), true) +
                                                std::count(target.begin(), target.end(), true));
  return static_cast<double>(covered) / static_cast<double>(total);
}

void BuildNumbers(const SideAnalyzer& source, const SideAnalyzer& target,
                  EvidenceChannel& channel) {
  channel.name = "numbers";
  channel.origins = {"equal number"};
  Vocabulary values;
  auto fill = [&values](const SideAnalyzer& side, KeyedSide& out) {
    for (const AnalyzedSentence& sentence : side.sentences()) {
      for (const AnalyzedNumber& number : sentence.numbers) {
        out.Add(values.Intern(number.key), number.span);
      }
      out.EndSentence();
    }
  };
  fill(source, channel.source);
  fill(target, channel.target);
  channel.source.key_names = values.names();
  channel.target.key_names = values.names();
  channel.links.resize(values.size());
  for (std::uint32_t k = 0; k < values.size(); ++k) channel.links[k] = {{k, 0}};
}

void BuildNames(const SideAnalyzer& source, const SideAnalyzer& target,
                const AnalysisOptions& options, BitextEvidence& evidence) {
  EvidenceChannel& channel = evidence.names;
  channel.name = "names";
  channel.origins = {"same name", "similar name"};
  Vocabulary source_skeletons;
  Vocabulary target_skeletons;
  auto fill = [](const SideAnalyzer& side, Vocabulary& vocabulary, KeyedSide& out) {
    for (const AnalyzedSentence& sentence : side.sentences()) {
      for (const AnalyzedToken& word : sentence.words) {
        if (!word.skeleton.empty()) out.Add(vocabulary.Intern(word.skeleton), word.span);
      }
      out.EndSentence();
    }
    out.key_names = vocabulary.names();
  };
  fill(source, source_skeletons, channel.source);
  fill(target, target_skeletons, channel.target);
  channel.links.resize(source_skeletons.size());
  // The letters of each skeleton (a-z): the longest common subsequence of two words is at most
  // the letters they have in common, counted with repeats, which rules out most candidates
  // before their subsequence is computed.
  auto letters = [](const Vocabulary& skeletons) {
    std::vector<std::array<std::uint8_t, 26>> counts(skeletons.size());
    for (std::size_t k = 0; k < skeletons.size(); ++k) {
      for (const char c : skeletons.names()[k]) {
        std::uint8_t& count = counts[k][static_cast<std::size_t>(c - 'a')];
        if (count < 255) ++count;
      }
    }
    return counts;
  };
  const std::vector<std::array<std::uint8_t, 26>> source_letters = letters(source_skeletons);
  const std::vector<std::array<std::uint8_t, 26>> target_letters = letters(target_skeletons);
  auto shared_letters = [&](std::uint32_t s, std::uint32_t t) {
    std::size_t shared = 0;
    for (std::size_t c = 0; c < 26; ++c) {
      shared += std::min(source_letters[s][c], target_letters[t][c]);
    }
    return shared;
  };
  // Candidates share their first two letters: compare within those buckets only.
  std::map<std::string_view, std::vector<std::uint32_t>> buckets;
  for (std::uint32_t t = 0; t < target_skeletons.size(); ++t) {
    buckets[std::string_view(target_skeletons.names()[t]).substr(0, 2)].push_back(t);
  }
  for (std::uint32_t s = 0; s < source_skeletons.size(); ++s) {
    const std::string& a = source_skeletons.names()[s];
    const auto it = buckets.find(std::string_view(a).substr(0, 2));
    if (it == buckets.end()) continue;
    for (std::uint32_t t : it->second) {
      const std::string& b = target_skeletons.names()[t];
      if (a == b) {
        channel.links[s].push_back({t, 0});
      } else if (a.size() >= 4 && b.size() >= 4 &&
                 // The ratio cannot exceed the shorter length over the longer.
                 static_cast<double>(std::min(a.size(), b.size())) >=
                     options.names_min_lcsr * static_cast<double>(std::max(a.size(), b.size())) &&
                 // (With a margin, so that rounding cannot rule out a ratio of exactly the
                 // minimum.)
                 static_cast<double>(shared_letters(s, t)) + 1e-9 >=
                     options.names_min_lcsr * static_cast<double>(std::max(a.size(), b.size())) &&
                 Lcsr(a, b) >= options.names_min_lcsr) {
        channel.links[s].push_back({t, 1});
      }
    }
  }
  SortLinks(channel.links);
  for (const auto& list : channel.links) evidence.stats.name_matches += list.size();
}

}  // namespace

std::string NameSkeleton(std::string_view word) {
  // Multi-letter spellings first, longest first, then single letters: tch sch sz cz cs ch ts tz
  // zs ck ph th ou -> c c s c c c c c z k f t u; x -> ks, q -> k, w -> v, y -> i, j -> i. Then
  // letters only, c as k, no letter twice in a row.
  std::string skeleton;
  skeleton.reserve(word.size() + 1);
  auto put = [&skeleton](char c) {
    if (c < 'a' || c > 'z') return;
    if (c == 'c') c = 'k';
    if (!skeleton.empty() && skeleton.back() == c) return;
    skeleton += c;
  };
  const auto at = [&word](std::size_t k) { return k < word.size() ? word[k] : '\0'; };
  for (std::size_t k = 0; k < word.size();) {
    const char c = word[k];
    const char next = at(k + 1);
    std::size_t used = 1;
    char out = c;
    switch (c) {
      case 't':
        if (next == 'c' && at(k + 2) == 'h') {
          out = 'c', used = 3;
        } else if (next == 's' || next == 'z') {
          out = 'c', used = 2;
        } else if (next == 'h') {
          out = 't', used = 2;
        }
        break;
      case 's':
        if (next == 'c' && at(k + 2) == 'h') {
          out = 'c', used = 3;
        } else if (next == 'z') {
          out = 's', used = 2;
        }
        break;
      case 'c':
        if (next == 'z' || next == 's' || next == 'h') {
          out = 'c', used = 2;
        } else if (next == 'k') {
          out = 'k', used = 2;
        }
        break;
      case 'z':
        if (next == 's') out = 'z', used = 2;
        break;
      case 'p':
        if (next == 'h') out = 'f', used = 2;
        break;
      case 'o':
        if (next == 'u') out = 'u', used = 2;
        break;
      case 'x':
        put('k');
        out = 's';
        break;
      case 'q':
        out = 'k';
        break;
      case 'w':
        out = 'v';
        break;
      case 'y':
      case 'j':
        out = 'i';
        break;
      default:
        break;
    }
    put(out);
    k += used;
  }
  return skeleton;
}

double Lcsr(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  // One row of the table; names are short, so it is on the stack but for long words.
  constexpr std::size_t kShort = 64;
  std::array<std::size_t, kShort> short_row{};
  std::vector<std::size_t> long_row(b.size() < kShort ? 0 : b.size() + 1, 0);
  std::size_t* row = b.size() < kShort ? short_row.data() : long_row.data();
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return static_cast<double>(row[b.size()]) / static_cast<double>(std::max(a.size(), b.size()));
}

StatusOr<BitextEvidence> AnalyzeBitext(const AnalysisInput& input, const AnalysisOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(
      const std::shared_ptr<const internal::AnalysisTools> tools,
      internal::AnalysisTools::Create(input.source_language, input.target_language, options));
  return internal::AnalyzeBitextWith(input, options, *tools);
}

namespace internal {

StatusOr<std::shared_ptr<const AnalysisTools>> AnalysisTools::Create(
    const std::string& source_language, const std::string& target_language,
    const AnalysisOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(WordKeys source,
                          WordKeys::Create(source_language, options.unstemmed_prefix));
  TANDEM_ASSIGN_OR_RETURN(WordKeys target,
                          WordKeys::Create(target_language, options.unstemmed_prefix));
  TANDEM_ASSIGN_OR_RETURN(Romanizer romanizer, Romanizer::Create());
  return std::make_shared<const AnalysisTools>(std::move(source), std::move(target),
                                               std::move(romanizer));
}

StatusOr<BitextEvidence> AnalyzeBitextWith(const AnalysisInput& input,
                                           const AnalysisOptions& options,
                                           const AnalysisTools& tools) {
  assert(input.source != nullptr && input.target != nullptr);
  SideAnalyzer source(tools.source, input.source_language, tools.romanizer, tools.source_words);
  SideAnalyzer target(tools.target, input.target_language, tools.romanizer, tools.target_words);
  source.AnalyzeSentences(*input.source);
  target.AnalyzeSentences(*input.target);

  BitextEvidence evidence;
  evidence.stats.source_stemmed = source.keys().stemmed();
  evidence.stats.target_stemmed = target.keys().stemmed();
  for (std::string_view s : *input.source) {
    evidence.source_lengths.push_back(static_cast<double>(NfcCharacterCount(s)));
  }
  for (std::string_view s : *input.target) {
    evidence.target_lengths.push_back(static_cast<double>(NfcCharacterCount(s)));
  }
  for (const AnalyzedSentence& sentence : source.sentences()) {
    evidence.source_contentless.push_back(sentence.words.empty() && sentence.numbers.empty());
  }
  for (const AnalyzedSentence& sentence : target.sentences()) {
    evidence.target_contentless.push_back(sentence.words.empty() && sentence.numbers.empty());
  }
  TANDEM_RETURN_IF_ERROR(BuildDictionary(input, source, target, evidence));
  BuildNumbers(source, target, evidence.numbers);
  BuildNames(source, target, options, evidence);
  evidence.stats.dictionary_coverage = Coverage({&evidence.dictionary});
  {
    std::vector<bool> in_source(evidence.numbers.source.key_count(), false);
    for (std::uint32_t key : evidence.numbers.source.keys) in_source[key] = true;
    std::vector<bool> counted(evidence.numbers.target.key_count(), false);
    for (std::uint32_t key : evidence.numbers.target.keys) {
      if (key < in_source.size() && in_source[key] && !counted[key]) {
        counted[key] = true;
        ++evidence.stats.shared_numbers;
      }
    }
  }
  return evidence;
}

}  // namespace internal
}  // namespace tandem::align
