// Generated bitexts for round-trip tests and benchmarks: every bead type tandem knows (1:1,
// 1:2, 2:1, 2:2, 1:3, 3:1, 1:0, 0:1), every review status, notes and bookmarks, and text that
// is hard to carry (XML's special characters, non-ASCII letters, carriage returns, line breaks
// inside sentences, runs of spaces between sentences).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "tandem/corpora/bitext.h"

namespace tandem::testing {

struct GenerateOptions {
  std::size_t beads = 100;
  std::uint32_t seed = 1;
  // Words per sentence, from min to max.
  std::size_t min_words = 3;
  std::size_t max_words = 20;
  bool review = true;        // fill in review records of every kind
  bool awkward_text = true;  // &, <, >, quotes, CR LF, non-ASCII in the texts
  bool metadata = true;      // titles, authors, dates in TextInfo
  std::string source_language = "en";
  std::string target_language = "hu";
};

corpora::Bitext GenerateBitext(const GenerateOptions& options);

}  // namespace tandem::testing
