// The text model: a document is its original text plus paragraphs and sentences, each a
// [begin, end) byte span into that text.
//
//   tandem::Document doc = ...;                     // from the segmenter or a reader
//   for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
//     std::string_view s = doc.SentenceText(i);     // exactly the bytes of the source
//   }
//
// The stored text is never normalised or changed: comparisons use separate views (see
// normalize.h). A sentence can therefore always be found again in the original file.
//
// Invariants (checked by ValidateDocument):
// - every span lies inside `text` and is non-empty, and spans are in text order without overlap;
// - paragraphs cover their sentences: paragraph p holds sentences
//   [first_sentence, first_sentence + sentence_count), and each of those sentences has
//   `paragraph == p` and lies inside the paragraph's span;
// - sentence indices of consecutive paragraphs are consecutive (no sentence outside a paragraph).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/status.h"

namespace tandem {

// [begin, end) in UTF-8 bytes of a document's text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return end == begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// What a paragraph is in the layout of its text. Headings and list items stay units of their
// own even when the text around them is joined into paragraphs.
enum class ParagraphKind {
  kText,      // running text
  kHeading,   // a short line on its own without final punctuation ("Reply to Stalin")
  kListItem,  // starts with a bullet or a list marker ("1.", "a)", "- ")
};

// "text", "heading" or "list-item": the names used in JSON output.
std::string_view ParagraphKindName(ParagraphKind kind);

struct Paragraph {
  Span span;
  std::size_t first_sentence = 0;
  std::size_t sentence_count = 0;
  ParagraphKind kind = ParagraphKind::kText;
  std::string id;  // empty: writers derive one (documented in docs/formats.md)

  friend bool operator==(const Paragraph&, const Paragraph&) = default;
};

struct Sentence {
  Span span;
  std::size_t paragraph = 0;
  std::string id;  // empty: writers derive one; set when read from a file that had ids

  friend bool operator==(const Sentence&, const Sentence&) = default;
};

struct Document {
  std::string name;      // where the text came from (a path as given), for messages and headers
  std::string language;  // BCP 47 tag, e.g. "en", "hu"
  std::string text;      // the original text, UTF-8; all spans index into it
  std::string encoding = "UTF-8";  // the encoding of the input file
  bool converted = false;          // true when `text` is a conversion, not the file's own bytes
  // True when `text` was laid out by a reader of a format that does not keep the original text
  // (TMX, XCES, Moses, ...): the spans then index into this text only, not into any file.
  bool synthetic = false;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;

  std::string_view SentenceText(std::size_t i) const {
    const Span& s = sentences[i].span;
    return std::string_view(text).substr(s.begin, s.size());
  }
  std::string_view ParagraphText(std::size_t i) const {
    const Span& s = paragraphs[i].span;
    return std::string_view(text).substr(s.begin, s.size());
  }
  // The sentences as views into `text`, in order.
  std::vector<std::string_view> SentenceTexts() const;

  friend bool operator==(const Document&, const Document&) = default;
};

// Checks the invariants listed at the top of this file; the message names the document and
// the first offending unit.
Status ValidateDocument(const Document& document);

}  // namespace tandem
