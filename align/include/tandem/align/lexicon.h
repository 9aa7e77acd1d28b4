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
//
// Preparing a lexicon (tokenizing, folding and stemming every entry) costs seconds for a
// FreeDict dictionary of 100,000 entries, far more than aligning a short pair. A
// PreparedLexicon is that work done once for a language pair, as bytes that can be stored and
// used again as they are, without parsing (corpora/dictionary.h keeps them in the user's cache
// directory and maps them into memory):
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::align::PreparedLexicon prepared,
//                           tandem::align::PreparedLexicon::Prepare(lexicon, "en", "hu"));
//   std::string_view bytes = prepared.bytes();                 // store them anywhere
//   TANDEM_ASSIGN_OR_RETURN(tandem::align::PreparedLexicon again,
//                           tandem::align::PreparedLexicon::FromBytes(owner, bytes));
//   input.prepared_lexicons.push_back(std::make_shared<const PreparedLexicon>(std::move(again)));
//
// An alignment with a prepared lexicon is the same as with the lexicon it was prepared from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/status.h"

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

namespace internal {
struct PreparedLayout;  // align/src/prepared_lexicon.h
}

// A lexicon's entries as the stem keys the aligner compares, for one language pair. Immutable;
// safe to share between threads and alignments.
class PreparedLexicon {
 public:
  // Tokenizes, folds and stems every entry with the rules of the two languages (BCP 47), as
  // the aligner keys sentences. Entries without words on either side are left out.
  static StatusOr<PreparedLexicon> Prepare(const Lexicon& lexicon,
                                           const std::string& source_language,
                                           const std::string& target_language);

  // A prepared lexicon from bytes() of one, which `owner` keeps alive (a memory mapping, a
  // string); nothing is copied. Checks the format, its version and a checksum of the whole:
  // kInvalidData for bytes that are truncated, damaged or not a prepared lexicon of this version.
  static StatusOr<PreparedLexicon> FromBytes(std::shared_ptr<const void> owner,
                                             std::string_view bytes);

  // The serialized form; valid as long as this object (or a copy) lives.
  std::string_view bytes() const { return bytes_; }
  // The lexicon's name ("freedict-eng-hun").
  const std::string& name() const;
  // Entries kept.
  std::size_t size() const;
  // Whether it was prepared for these languages (with the same stemming of each side).
  bool Fits(const std::string& source_language, const std::string& target_language) const;

  // For the aligner's evidence (align/src).
  const internal::PreparedLayout& layout() const { return *layout_; }

  // The version of the serialized form; bytes of another version are refused.
  static constexpr std::uint32_t kFormatVersion = 2;

 private:
  PreparedLexicon() = default;
  std::shared_ptr<const void> owner_;
  std::string_view bytes_;
  std::shared_ptr<const internal::PreparedLayout> layout_;
};

}  // namespace tandem::align
