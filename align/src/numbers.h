// Numbers across languages and notations: "2,500" and "2500", "seventy-three" and "73",
// "ötven" and "50", "dreiundsiebzig" and "73" all get the same key, "#2500", "#73", ...
//
//   tandem::align::NumberReader en = tandem::align::NumberReader::ForLanguage("en");
//   std::vector<tandem::align::NumberMention> numbers = en.Read(tokens);  // tokens of a sentence
//   // "seventy-three days" -> one mention: tokens [0, 2), key "#73"
//
// Digits: separators (",", ".", "'", thin and no-break spaces) that split the digits into
// groups of three after the first group are digit grouping ("2,500", "2.500", "2 500" -> 2500);
// otherwise the last separator is a decimal point ("2.5", "2,5" -> "#2.5"). A word that starts
// with digits and ends in letters is an ordinal or a unit ("16th", "1er", "18e", "5km") and gets
// the value of its digits.
//
// Number words come from data embedded at build time (align/data/number_words.tsv) for
// English, Hungarian, German, French and Icelandic; other languages have digits only. A run of
// number-word tokens (possibly joined by "and"/"und"/"és"/"et"/"og" or hyphens) is one number;
// in a single token, number words are found by longest match from the left ("hetvenhárom",
// "zweitausendfünfhundert"), and the token must consist of them entirely, apart from one of
// the language's listed suffixes at the end (Hungarian "ötvenet"; "hatalom" is no number).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer.h"

namespace tandem::align {

struct NumberMention {
  std::size_t first_token = 0;  // the tokens [first_token, end_token) of the sentence
  std::size_t end_token = 0;
  std::string key;  // "#73", "#2500", "#2.5"
};

// The key of a number written in digits, or nullopt when `token` has no leading digits.
std::optional<std::string> DigitNumberKey(std::string_view token);

class NumberReader {
 public:
  // The number words of `language` (BCP 47; the primary subtag is used); a reader without
  // number words (digits only) for languages without data.
  static NumberReader ForLanguage(const std::string& language);

  // The numbers among a sentence's tokens (core/tokenizer.h, keys folded), in text order.
  // `text` is the sentence the tokens index into; number words must be separated only by
  // white space or hyphens to form one number.
  std::vector<NumberMention> Read(const std::vector<Token>& tokens, std::string_view text) const;

  // The value of one folded word made of number words ("seventy", "hetvenhárom"), if it is
  // one.
  std::optional<long long> WordValue(std::string_view word) const;

  bool has_words() const { return !words_.empty(); }

 private:
  enum class Kind { kAdd, kScore, kTimes, kGroup, kJoiner, kSuffix };
  struct Word {
    std::string text;
    long long value = 0;
    Kind kind = Kind::kAdd;
  };
  // Splits a folded token into number-word pieces; empty when it is not made of them.
  std::vector<const Word*> Pieces(std::string_view word) const;
  // Appends the pieces of `word` to `pieces`; false when `word` is not made of them.
  bool Split(std::string_view word, std::vector<const Word*>& pieces) const;
  // The entry for exactly `text`: a suffix entry when `suffix`, a number word otherwise.
  const Word* Find(std::string_view text, bool suffix) const;
  static long long Value(const std::vector<const Word*>& pieces);

  std::vector<Word> words_;  // sorted by text, longest prefix matches are searched
  // No piece is longer than this, and every piece starts with one of these bytes: a word that
  // starts otherwise is not split at all (most words of a text).
  std::size_t longest_ = 0;
  std::array<bool, 256> starts_{};
};

}  // namespace tandem::align
