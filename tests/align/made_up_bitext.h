// A made-up language pair for tests of the aligner that need exact ladders and a dictionary.
#pragma once

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "tandem/align/lexicon.h"

namespace tandem::align::test_data {

// A made-up language pair for exact ladders: source words begin with "b", their translations
// with "k" (so that no two look alike), and words of unrelated text with "m" and "t". The
// lexicon knows every b-word's translation; a target sentence renders its source sentence
// word by word, in a different order.
class MadeUpBitext {
 public:
  explicit MadeUpBitext(unsigned seed = 2024) : rng_(seed) {
    for (int k = 0; k < 300; ++k) {
      const std::string s = Word('b');
      const std::string t = Word('k');
      words_.emplace_back(s, t);
      lexicon_.entries.push_back({s, t});
    }
    lexicon_.name = "made-up";
  }

  // A new source sentence of 6 to 11 words and its translation. With `rendered` below 1, each
  // target word is the dictionary's translation with that probability and otherwise a word
  // the dictionary does not know (a free translation).
  std::pair<std::string, std::string> Pair(double rendered = 1.0) {
    std::vector<std::pair<std::string, std::string>> chosen;
    const std::size_t n = 6 + rng_() % 6;
    for (std::size_t k = 0; k < n; ++k) chosen.push_back(words_[rng_() % words_.size()]);
    std::string source;
    std::string target;
    for (std::size_t k = 0; k < n; ++k) {
      source += (k == 0 ? "" : " ") + chosen[k].first;
      const bool known = static_cast<double>(rng_() % 1000) < rendered * 1000;
      target += (k == 0 ? "" : " ") + (known ? chosen[(k + 2) % n].second : Word('k'));
    }
    return {source + ".", target + "."};
  }

  // A sentence of unrelated text, of 6 to 11 words or of `words`.
  std::string Unrelated(char initial, std::size_t words = 0) {
    std::string out;
    const std::size_t n = words > 0 ? words : 6 + rng_() % 6;
    for (std::size_t k = 0; k < n; ++k) out += (k == 0 ? "" : " ") + Word(initial);
    return out + ".";
  }

  const Lexicon& lexicon() const { return lexicon_; }

 private:
  std::string Word(char initial) {
    static const std::string kVowels = "aeiou";
    static const std::string kConsonants = "dfglnprstv";
    std::string word(1, initial);
    const std::size_t syllables = 2 + rng_() % 2;
    for (std::size_t k = 0; k < syllables; ++k) {
      word += kVowels[rng_() % kVowels.size()];
      word += kConsonants[rng_() % kConsonants.size()];
    }
    return word;
  }

  std::mt19937 rng_;
  std::vector<std::pair<std::string, std::string>> words_;
  Lexicon lexicon_;
};

}  // namespace tandem::align::test_data
