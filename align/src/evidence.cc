#include "evidence.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "normalize.h"
#include "numbers.h"
#include "romanize.h"
#include "stemmer.h"
#include "tandem/util/utf8.h"
#include "tokenizer.h"

namespace tandem::align {
namespace {

std::string_view PrimarySubtag(std::string_view language) {
  const std::size_t end = language.find_first_of("-_");
  return end == std::string_view::npos ? language : language.substr(0, end);
}

using tandem::internal::CodePointPrefix;

// Words that dictionaries write in place of an argument ("to give sg to sy", "vmit felad",
// "jdm etw geben", "donner qch à qn"); they never occur in running text as such, so entries are
// matched without them.
bool IsPlaceholder(std::string_view language, std::string_view key) {
  static const std::unordered_map<std::string_view, std::unordered_set<std::string_view>>
      kPlaceholders = {
          {"en",
           {"sy", "sg", "sb", "sth", "smb", "smth", "someone", "something", "somebody", "one's",
            "oneself", "sy's", "sg's", "sb's", "someone's", "somebody's"}},
          {"de",
           {"jd", "jdn", "jdm", "jds", "etw", "jemand", "jemanden", "jemandem", "jemandes",
            "etwas"}},
          {"fr", {"qn", "qch", "qc", "qqn", "qqch", "quelqu'un"}},
      };
  if (language == "hu") {
    // vki, vkit, vkinek, vmi, vmit, vminek, vhol, vhova, ...: no Hungarian word starts so.
    return key.size() >= 2 && key[0] == 'v' && (key[1] == 'k' || key[1] == 'm' || key[1] == 'h');
  }
  const auto it = kPlaceholders.find(language);
  return it != kPlaceholders.end() && it->second.count(key) > 0;
}

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
  SideAnalyzer(const std::string& language, const Romanizer& romanizer,
               const AnalysisOptions& options)
      : language_(PrimarySubtag(language)),
        romanizer_(romanizer),
        options_(options),
        numbers_(NumberReader::ForLanguage(language)) {
    StatusOr<WordTokenizer> tokenizer = WordTokenizer::Create(language.empty() ? "en" : language);
    if (!tokenizer.ok()) tokenizer = WordTokenizer::Create("en");  // UAX #29 is mostly universal
    if (tokenizer.ok()) tokenizer_.emplace(std::move(*tokenizer));
    if (!language.empty()) {
      StatusOr<Stemmer> stemmer = Stemmer::Create(language);
      if (stemmer.ok()) stemmer_.emplace(std::move(*stemmer));
    }
  }

  Status Check() const {
    if (!tokenizer_) return InternalError("cannot create a word tokenizer");
    return Status::Ok();
  }
  bool stemmed() const { return stemmer_.has_value(); }
  std::string_view language() const { return language_; }
  Vocabulary& stems() { return stems_; }
  const Vocabulary& stems() const { return stems_; }
  const std::vector<AnalyzedSentence>& sentences() const { return sentences_; }

  void AnalyzeSentences(const std::vector<std::string_view>& sentences) {
    sentences_.reserve(sentences.size());
    for (std::string_view text : sentences) sentences_.push_back(Analyze(text));
  }

  // The stem keys of a dictionary word or phrase, without placeholder words; empty when the
  // entry has no words or holds a number (numbers have their own channel).
  std::vector<std::string> EntryStems(std::string_view entry) {
    if (const auto it = entry_cache_.find(std::string(entry)); it != entry_cache_.end()) {
      return it->second;
    }
    std::vector<std::string> stems;
    bool simple = !entry.empty();
    for (const char c : entry) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) simple = false;
    }
    if (simple) {
      // One word of letters (the usual case): no boundary analysis needed.
      const std::string key = tokenizer_->Key(entry);
      if (!IsPlaceholder(language_, key)) stems.push_back(Stem(key));
    } else {
      const std::vector<Token> tokens = tokenizer_->Tokenize(entry);
      for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& token = tokens[k];
        if (token.kind == TokenKind::kNumber || IsAsciiDigit(token.key.front())) {
          stems.clear();
          break;
        }
        if (IsPlaceholder(language_, token.key)) continue;
        // English verbs are written "to give up": the infinitive marker is no part of them.
        if (language_ == "en" && k == 0 && token.key == "to" && tokens.size() > 1) continue;
        stems.push_back(Stem(token.key));
      }
    }
    entry_cache_.emplace(std::string(entry), stems);
    return stems;
  }

 private:
  std::string Stem(const std::string& key) const {
    if (stemmer_) return stemmer_->Stem(key);
    if (options_.unstemmed_prefix > 0) {
      return std::string(CodePointPrefix(key, options_.unstemmed_prefix));
    }
    return key;
  }

  struct WordInfo {
    std::uint32_t stem = 0;
    std::string skeleton;
  };

  const WordInfo& Word(const std::string& key) {
    const auto it = word_cache_.find(key);
    if (it != word_cache_.end()) return it->second;
    WordInfo info;
    info.stem = stems_.Intern(Stem(key));
    std::string ascii = romanizer_.ToAscii(key);
    for (char& c : ascii) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    info.skeleton = NameSkeleton(ascii);
    if (info.skeleton.size() < 3) info.skeleton.clear();
    return word_cache_.emplace(key, std::move(info)).first->second;
  }

  AnalyzedSentence Analyze(std::string_view text) {
    AnalyzedSentence sentence;
    const std::vector<Token> tokens = tokenizer_->Tokenize(text);
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

  std::string language_;
  const Romanizer& romanizer_;
  const AnalysisOptions& options_;
  std::optional<WordTokenizer> tokenizer_;
  std::optional<Stemmer> stemmer_;
  NumberReader numbers_;
  Vocabulary stems_;
  std::unordered_map<std::string, WordInfo> word_cache_;
  std::unordered_map<std::string, std::vector<std::string>> entry_cache_;
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

// The key of a word or phrase of dictionary stems in a side's key space, if its stems all
// occur in the text.
std::optional<std::uint32_t> EntryKey(const std::vector<std::string>& stems,
                                      const Vocabulary& vocabulary, PhraseTable& phrases) {
  if (stems.empty()) return std::nullopt;
  std::vector<std::uint32_t> ids;
  for (const std::string& stem : stems) {
    const std::optional<std::uint32_t> id = vocabulary.Find(stem);
    if (!id) return std::nullopt;
    ids.push_back(*id);
  }
  if (ids.size() == 1) return ids.front();
  return phrases.Intern(ids, static_cast<std::uint32_t>(vocabulary.size()), vocabulary);
}

void BuildDictionary(const AnalysisInput& input, SideAnalyzer& source, SideAnalyzer& target,
                     BitextEvidence& evidence) {
  EvidenceChannel& channel = evidence.dictionary;
  channel.name = "dictionary";
  PhraseTable source_phrases;
  PhraseTable target_phrases;
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, std::uint16_t>> pairs;
  if (input.lexicons != nullptr) {
    for (const Lexicon& lexicon : *input.lexicons) {
      if (channel.origins.size() >= 0xFFFF) break;
      const auto origin = static_cast<std::uint16_t>(channel.origins.size());
      channel.origins.push_back(lexicon.name);
      for (const LexiconEntry& entry : lexicon.entries) {
        const std::optional<std::uint32_t> s =
            EntryKey(source.EntryStems(entry.source), source.stems(), source_phrases);
        if (!s) continue;
        const std::optional<std::uint32_t> t =
            EntryKey(target.EntryStems(entry.target), target.stems(), target_phrases);
        if (!t) continue;
        pairs.push_back({{*s, *t}, origin});
        ++evidence.stats.lexicon_entries_used;
      }
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
      } else if (a.size() >= 4 && b.size() >= 4 && Lcsr(a, b) >= options.names_min_lcsr) {
        channel.links[s].push_back({t, 1});
      }
    }
  }
  SortLinks(channel.links);
  for (const auto& list : channel.links) evidence.stats.name_matches += list.size();
}

}  // namespace

std::string NameSkeleton(std::string_view word) {
  // Multi-letter spellings first, longest first, then single letters.
  static const std::pair<std::string_view, std::string_view> kRewrites[] = {
      {"tch", "c"}, {"sch", "c"}, {"sz", "s"}, {"cz", "c"}, {"cs", "c"}, {"ch", "c"},
      {"ts", "c"},  {"tz", "c"},  {"zs", "z"}, {"ck", "k"}, {"ph", "f"}, {"th", "t"},
      {"ou", "u"},  {"x", "ks"},  {"q", "k"},  {"w", "v"},  {"y", "i"},  {"j", "i"},
  };
  std::string rewritten;
  rewritten.reserve(word.size());
  for (std::size_t k = 0; k < word.size();) {
    bool done = false;
    for (const auto& [from, to] : kRewrites) {
      if (word.substr(k, from.size()) == from) {
        rewritten += to;
        k += from.size();
        done = true;
        break;
      }
    }
    if (!done) rewritten += word[k++];
  }
  std::string skeleton;
  skeleton.reserve(rewritten.size());
  for (char c : rewritten) {
    if (c < 'a' || c > 'z') continue;
    if (c == 'c') c = 'k';
    if (!skeleton.empty() && skeleton.back() == c) continue;
    skeleton += c;
  }
  return skeleton;
}

double Lcsr(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  std::vector<std::size_t> row(b.size() + 1, 0);
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
  assert(input.source != nullptr && input.target != nullptr);
  TANDEM_ASSIGN_OR_RETURN(const Romanizer romanizer, Romanizer::Create());
  SideAnalyzer source(input.source_language, romanizer, options);
  SideAnalyzer target(input.target_language, romanizer, options);
  TANDEM_RETURN_IF_ERROR(source.Check());
  TANDEM_RETURN_IF_ERROR(target.Check());
  source.AnalyzeSentences(*input.source);
  target.AnalyzeSentences(*input.target);

  BitextEvidence evidence;
  evidence.stats.source_stemmed = source.stemmed();
  evidence.stats.target_stemmed = target.stemmed();
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
  BuildDictionary(input, source, target, evidence);
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

}  // namespace tandem::align
