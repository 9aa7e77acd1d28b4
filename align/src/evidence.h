// Lexical evidence: the sentences of both texts reduced to keys (stems, numbers, name
// skeletons), and which source keys may stand for which target keys. The lexical scorers
// (lexical_scorer.h) and the sentence vectors (vectors.h) read nothing else.
//
//   tandem::align::AnalysisInput input{.source = sentences_en, .target = sentences_hu,
//                                      .source_language = "en", .target_language = "hu"};
//   input.lexicons = &lexicons;                       // FreeDict, user dictionaries
//   TANDEM_ASSIGN_OR_RETURN(tandem::align::BitextEvidence evidence,
//                           tandem::align::AnalyzeBitext(input, {}));
//   // evidence.dictionary, evidence.numbers, evidence.names: one EvidenceChannel each
//
// Channels (each is scored by its own LexicalScorer):
// - dictionary: keys are Snowball stems of case-folded words (both sides stemmed the same
//   way), plus multi-word dictionary entries found as contiguous runs of stems in a sentence;
//   links are the lexicon entries, in both directions of every dictionary given;
// - numbers:    keys are number values (numbers.h), digits and number words alike; links join
//               equal values;
// - names:      keys are romanized skeletons of words of three letters or more (NameSkeleton),
//               linked when equal or, for four letters or more, similar enough
//               (LCSR >= names_min_lcsr and the same first two letters): Volinsky/Volynsky,
//               Sermouks/Szermukot, Butov/Butovot, Comintern/Komintern;
// - learned:    (after a first pass, ibm1.h) stems linked by a translation model trained on
//               the confident beads of that pass.
//
// Invariants: in every KeyedSide, sentence_begin has one entry per sentence plus one, starts at
// 0 and never decreases; keys, spans and (when present) words have one entry per occurrence;
// every key is below key_names.size(). links has one entry per source key, each sorted by
// target key without duplicates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/align/lexicon.h"
#include "tandem/core/document.h"
#include "tandem/core/status.h"

namespace tandem::align {

// Where an occurrence stands in its sentence: [begin, end) in bytes. Four bytes each: the
// evidence of a long text holds tens of millions of occurrences.
struct OccurrenceSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::size_t size() const { return end - begin; }
  friend bool operator==(const OccurrenceSpan&, const OccurrenceSpan&) = default;
};

// The occurrences of keys in the sentences of one text.
struct KeyedSide {
  // Sentence k's occurrences are [sentence_begin[k], sentence_begin[k + 1]).
  std::vector<std::uint32_t> sentence_begin = {0};
  std::vector<std::uint32_t> keys;     // the key of each occurrence
  std::vector<OccurrenceSpan> spans;   // its bytes in its sentence, for explanations
  std::vector<std::string> key_names;  // a readable form of each key: "válasz", "#73", "give up"

  std::size_t sentence_count() const { return sentence_begin.size() - 1; }
  std::size_t key_count() const { return key_names.size(); }
  // Appends one occurrence to the sentence being built; EndSentence() closes it.
  void Add(std::uint32_t key, Span span) {
    keys.push_back(key);
    spans.push_back({static_cast<std::uint32_t>(span.begin), static_cast<std::uint32_t>(span.end)});
  }
  void EndSentence() { sentence_begin.push_back(static_cast<std::uint32_t>(keys.size())); }
  // Calls visit(sentence, key) once for every key of every sentence (at its first occurrence
  // there), sentence by sentence.
  template <typename Visit>
  void ForEachSentenceKey(const Visit& visit) const {
    std::vector<std::uint32_t> last(key_count(), UINT32_MAX);
    for (std::size_t s = 0; s < sentence_count(); ++s) {
      for (std::uint32_t k = sentence_begin[s]; k < sentence_begin[s + 1]; ++k) {
        const std::uint32_t key = keys[k];
        if (last[key] != s) {
          last[key] = static_cast<std::uint32_t>(s);
          visit(s, key);
        }
      }
    }
  }
};

// A source key may stand for a target key, according to one origin (a dictionary's name,
// "equal number", "similar name", "learned").
struct KeyLink {
  std::uint32_t target = 0;
  std::uint16_t origin = 0;  // index into EvidenceChannel::origins
  friend bool operator==(const KeyLink&, const KeyLink&) = default;
};

struct EvidenceChannel {
  std::string name;  // "dictionary", "numbers", "names", "learned"
  KeyedSide source;
  KeyedSide target;
  std::vector<std::vector<KeyLink>> links;  // one list per source key, sorted by target key
  std::vector<std::string> origins;         // what each KeyLink::origin stands for
};

// The sentences of both texts, their languages and the lexicons to use; nothing is copied.
struct AnalysisInput {
  const std::vector<std::string_view>* source = nullptr;
  const std::vector<std::string_view>* target = nullptr;
  std::string source_language;  // BCP 47; empty or unknown: language-independent rules only
  std::string target_language;
  const std::vector<Lexicon>* lexicons = nullptr;  // optional
  // Lexicons prepared ahead of time for these languages (lexicon.h); optional.
  const std::vector<std::shared_ptr<const PreparedLexicon>>* prepared_lexicons = nullptr;
};

struct AnalysisOptions {
  // Name skeletons of four letters or more are linked when their longest common subsequence
  // is at least this share of the longer one (and the first two letters agree).
  double names_min_lcsr = 0.7;
  // Words whose language has no Snowball stemmer are cut to this many characters instead
  // (a cheap stand-in for stemming that keeps inflected forms of one word together); 0 keeps
  // whole words.
  std::size_t unstemmed_prefix = 6;
};

// What the analysis found, for summaries and explanations.
struct AnalysisStats {
  std::size_t lexicon_entries_used = 0;  // entries whose words both occur in the texts
  std::size_t dictionary_matches = 0;
  std::size_t name_matches = 0;
  std::size_t shared_numbers = 0;  // number values that occur in both texts
  // The share of all sentences (both texts) with a word or phrase that the dictionaries link to
  // one in the other text: how much the dictionary can say about this pair (0 without one).
  double dictionary_coverage = 0;
  bool source_stemmed = false;
  bool target_stemmed = false;
};

struct BitextEvidence {
  std::vector<double> source_lengths;  // characters (code points of the NFC text) per sentence
  std::vector<double> target_lengths;
  // Sentences without a word or a number (`* * *`, `- `, `! `).
  std::vector<bool> source_contentless;
  std::vector<bool> target_contentless;
  EvidenceChannel dictionary;
  EvidenceChannel numbers;
  EvidenceChannel names;
  // The word stems of the dictionary channel without its phrases: what the learned lexicon
  // (ibm1.h) is trained and scored on (Align() moves them into the learned channel).
  KeyedSide source_words;
  KeyedSide target_words;
  AnalysisStats stats;
};

// Tokenizes, folds and stems both texts and builds the three channels.
StatusOr<BitextEvidence> AnalyzeBitext(const AnalysisInput& input, const AnalysisOptions& options);

// A transliteration-tolerant form of a romanized, lower-case word, so that spellings of one
// name in different languages meet: "sch", "sz", "cz", "cs", "ch", "ts", "tz", "tch" -> "c";
// "zs" -> "z"; "ck", "q" -> "k"; "ph" -> "f"; "th" -> "t"; "w" -> "v"; "y", "j" -> "i"; "ou" ->
// "u"; "x" -> "ks"; then "c" -> "k"; then doubled letters once; characters other than a-z
// dropped. "volynsky" and "volinsky" -> "volinski", "trotsky" and "trockij" -> "troki".
std::string NameSkeleton(std::string_view ascii_lower);

// Longest common subsequence of two strings divided by the length of the longer (0 to 1).
double Lcsr(std::string_view a, std::string_view b);

}  // namespace tandem::align
