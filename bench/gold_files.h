// Reading the gold sets' text files, shared by the alignment tools of bench/ (align_experiment,
// fit_weights).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tandem::bench {

// The sentences of a presegmented file, one per line; with `index_tab` (ParIce) without the
// leading index column. Exits with the reader's message when the file cannot be read.
std::vector<std::string> ReadSentences(const std::string& path, bool index_tab);

// The same with the paragraph of each sentence (blank lines separate paragraphs).
struct PresegmentedText {
  std::vector<std::string> sentences;
  std::vector<std::size_t> paragraphs;
};
PresegmentedText ReadPresegmented(const std::string& path, bool index_tab);

}  // namespace tandem::bench
