// How one side of an alignment turns words into the keys the dictionary channel compares:
// folded (WordTokenizer::Key), then stemmed with Snowball, or cut to a prefix where the
// language has no stemmer; dictionary placeholder words ("sg", "vmit", "jdn") dropped. The
// sentences (evidence.cc) and the dictionary entries (prepared_lexicon.cc) go through the same
// WordKeys, so that both sides of a comparison are keyed the same way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stemmer.h"
#include "tandem/core/status.h"
#include "tokenizer.h"

namespace tandem::align::internal {

// Words of a language without a Snowball stemmer are cut to this many code points
// (AnalysisOptions::unstemmed_prefix, whose default it is; PreparedLexicon::Prepare uses it).
inline constexpr std::size_t kUnstemmedPrefix = 6;

// "en" of "en-GB".
std::string_view PrimarySubtag(std::string_view language);

// Words that dictionaries write in place of an argument ("to give sg to sy", "vmit felad",
// "jdm etw geben", "donner qch à qn"); they never occur in running text as such, so entries are
// matched without them.
bool IsPlaceholder(std::string_view language, std::string_view key);

class WordKeys {
 public:
  // The tools of `language` (BCP 47; empty: English word boundaries, no stemming).
  static StatusOr<WordKeys> Create(const std::string& language, std::size_t unstemmed_prefix);

  // The key of a folded word.
  std::string Stem(const std::string& folded) const;

  // The stem keys of a dictionary word or phrase, without placeholder words; empty when the
  // entry has no words or holds a number (numbers have their own channel).
  std::vector<std::string> EntryStems(std::string_view entry) const;

  // What decides the keys: two sides with equal signatures key every word alike, so a
  // dictionary prepared for one serves the other ("hu snowball", "is prefix 6").
  std::string Signature() const;

  bool stemmed() const { return stemmer_.has_value(); }
  std::string_view language() const { return language_; }
  const WordTokenizer& tokenizer() const { return *tokenizer_; }

 private:
  WordKeys() = default;
  std::string language_;  // the primary subtag
  std::size_t unstemmed_prefix_ = 0;
  std::optional<WordTokenizer> tokenizer_;
  std::optional<Stemmer> stemmer_;
};

}  // namespace tandem::align::internal
