// What the analysis of a pair of texts needs of its two languages and does not depend on the
// texts: the word keys (tokenizer, stemmer) of each side and the romanizer. Making them costs
// milliseconds (ICU and Boost.Locale objects); an Aligner makes them once for all its pairs.
// Safe to use from several threads at once (the stemmer and the romanizer serialise calls).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "evidence.h"
#include "romanize.h"
#include "tandem/align/aligner.h"
#include "tandem/core/status.h"
#include "word_keys.h"

namespace tandem::align::internal {

// What the analysis makes of single words (their stem and their name skeleton), kept for all the
// pairs of an aligner: the words of one language recur from pair to pair, and romanizing and
// stemming them is most of the analysis of a pair. Pure functions of the word, so the results
// do not depend on what is kept; at most kMaxWords words are (about 100 bytes each).
class WordMemo {
 public:
  struct Analysis {
    std::string stem;
    std::string skeleton;
  };
  static constexpr std::size_t kMaxWords = std::size_t{1} << 18;

  // The analysis of `word`, made by `make(word)` when it is not kept yet.
  template <typename Make>
  Analysis Get(const std::string& word, const Make& make) const {
    {
      const std::shared_lock<std::shared_mutex> lock(mutex_);
      const auto it = words_.find(word);
      if (it != words_.end()) return it->second;
    }
    Analysis made = make(word);
    const std::unique_lock<std::shared_mutex> lock(mutex_);
    if (words_.size() < kMaxWords) words_.emplace(word, made);
    return made;
  }

 private:
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, Analysis> words_;
};

struct AnalysisTools {
  AnalysisTools(WordKeys source_keys, WordKeys target_keys, Romanizer romanizer_of_names)
      : source(std::move(source_keys)),
        target(std::move(target_keys)),
        romanizer(std::move(romanizer_of_names)) {}

  WordKeys source;
  WordKeys target;
  Romanizer romanizer;
  WordMemo source_words;
  WordMemo target_words;

  static StatusOr<std::shared_ptr<const AnalysisTools>> Create(const std::string& source_language,
                                                               const std::string& target_language,
                                                               const AnalysisOptions& options);
};

// AnalyzeBitext with tools made for the input's languages and options.
StatusOr<BitextEvidence> AnalyzeBitextWith(const AnalysisInput& input,
                                           const AnalysisOptions& options,
                                           const AnalysisTools& tools);

// AlignWithReport with tools made for the input's languages and options.
StatusOr<AlignReport> AlignWith(const AlignInput& input, const AlignOptions& options,
                                const AnalysisTools& tools);

}  // namespace tandem::align::internal
