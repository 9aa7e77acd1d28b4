// What the analysis of a pair of texts needs of its two languages and does not depend on the
// texts: the word keys (tokenizer, stemmer) of each side and the romanizer. Making them costs
// milliseconds (ICU and Boost.Locale objects); an Aligner makes them once for all its pairs.
// Safe to use from several threads at once (the stemmer and the romanizer serialise calls).
#pragma once

#include <memory>
#include <string>

#include "evidence.h"
#include "romanize.h"
#include "tandem/align/aligner.h"
#include "tandem/core/status.h"
#include "word_keys.h"

namespace tandem::align::internal {

struct AnalysisTools {
  WordKeys source;
  WordKeys target;
  Romanizer romanizer;

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
