#include "gold_files.h"

#include <cstdlib>
#include <iostream>

#include "tandem/core/segmenter.h"

namespace tandem::bench {

PresegmentedText ReadPresegmented(const std::string& path, bool index_tab) {
  StatusOr<Document> doc = SegmentFile(path, {.language = "en", .presegmented = true});
  if (!doc.ok()) {
    std::cerr << doc.status().message() << '\n';
    std::exit(1);
  }
  PresegmentedText text;
  for (std::size_t k = 0; k < doc->sentences.size(); ++k) {
    std::string s(doc->SentenceText(k));
    if (index_tab) s = s.substr(s.find('\t') + 1);
    text.sentences.push_back(std::move(s));
    text.paragraphs.push_back(doc->sentences[k].paragraph);
  }
  return text;
}

std::vector<std::string> ReadSentences(const std::string& path, bool index_tab) {
  return ReadPresegmented(path, index_tab).sentences;
}

}  // namespace tandem::bench
