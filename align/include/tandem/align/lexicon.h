// Bilingual lexicons: word and phrase pairs that the aligner takes as evidence that two
// sentences translate each other (FreeDict dictionaries, user dictionaries).
//
//   tandem::align::Lexicon lexicon{.name = "my.tsv"};
//   lexicon.entries.push_back({.source = "answer", .target = "válasz"});
//   lexicon.entries.push_back({.source = "give up", .target = "felad"});   // multi-word
//   input.lexicons.push_back(std::move(lexicon));                          // AlignInput
//
// Entries are plain text as a dictionary writes it, oriented source -> target of the
// alignment; the aligner tokenizes, case-folds and stems them with the same rules as the
// sentences, drops placeholder words ("vmit", "vkinek", "sy", "sg", "qn", "jdn", ...), and
// matches multi-word entries as contiguous runs of stems inside one sentence. Reading files is
// not this layer's business: corpora/dictionary.h reads FreeDict and user dictionaries.
#pragma once

#include <string>
#include <vector>

namespace tandem::align {

struct LexiconEntry {
  std::string source;  // a word or phrase of the source language
  std::string target;  // a translation of it in the target language
  friend bool operator==(const LexiconEntry&, const LexiconEntry&) = default;
};

struct Lexicon {
  // Where the entries come from, shown in explanations ("freedict-eng-hun", "my.tsv").
  std::string name;
  std::vector<LexiconEntry> entries;
};

}  // namespace tandem::align
