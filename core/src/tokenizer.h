// Words and numbers of a sentence, with comparison keys: the units the aligner's lexical
// evidence is made of (dictionary lookups, numbers, names that carry over).
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::WordTokenizer tokenizer, tandem::WordTokenizer::Create("en"));
//   for (const tandem::Token& token : tokenizer.Tokenize("Trotsky’s 2,500 MILES")) {
//     // {0, 11} kWord "trotsky's", {12, 17} kNumber "2,500", {18, 23} kWord "miles"
//   }
//
// Boundaries come from Unicode word-boundary analysis (UAX #29, ICU through Boost.Locale) for
// the language; only segments that ICU marks as letters or numbers become tokens, so
// punctuation, spaces and symbols are dropped. Inner apostrophes and number separators stay
// inside a token ("don't", "2,500", "12.8.2012"), hyphens split ("seventy-three" gives two
// tokens).
//
// Invariants: tokens are in text order, their spans lie inside the text and do not overlap;
// `key` is the token's NFC form with the language's full case folding, and the typographic
// apostrophe (U+2019) and modifier apostrophe (U+02BC) replaced by "'", so that keys compare
// equal whatever the typing conventions of the text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/document.h"
#include "tandem/core/status.h"

namespace tandem {

enum class TokenKind {
  kWord,    // letters (possibly with inner apostrophes or digits: "don't", "16th")
  kNumber,  // digits, possibly with inner separators ("2,500", "3.14", "12.8.2012")
};

struct Token {
  Span span;  // [begin, end) in bytes of the text given to Tokenize
  TokenKind kind = TokenKind::kWord;
  std::string key;  // comparison form: NFC, case-folded, apostrophes unified

  friend bool operator==(const Token&, const Token&) = default;
};

// Immutable after Create(); Tokenize may be called from several threads at once.
class WordTokenizer {
 public:
  // Fails with kInvalidArgument for a language ICU does not know.
  static StatusOr<WordTokenizer> Create(const std::string& language);

  WordTokenizer(WordTokenizer&&) noexcept;
  WordTokenizer& operator=(WordTokenizer&&) noexcept;
  // Not copyable: holds a std::locale with Boost.Locale facets; share by reference.
  WordTokenizer(const WordTokenizer&) = delete;
  WordTokenizer& operator=(const WordTokenizer&) = delete;
  ~WordTokenizer();

  const std::string& language() const;

  // The tokens of valid UTF-8 text.
  std::vector<Token> Tokenize(std::string_view text) const;

  // The comparison key of any text, as Tokenize computes it for a token (NFC, case folding,
  // apostrophes unified); for dictionary entries, which are looked up by the same keys.
  std::string Key(std::string_view text) const;

 private:
  struct Impl;
  explicit WordTokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem
