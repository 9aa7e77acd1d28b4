// Rebuilding a Document from what a file format kept of it: readers of TEI, TMX, XCES,
// InterText, JSONL, Moses, ... hand over paragraphs and sentences in order, with their original
// byte spans when the format kept them, and get a valid Document back.
//
//   tandem::corpora::DocumentBuilder builder("en.txt", "en");
//   builder.StartParagraph("en.p1", tandem::ParagraphKind::kText, tandem::Span{0, 15});
//   builder.AddSentence("One.", "", tandem::Span{0, 4});
//   builder.AddGap(" ");                                   // the text between two sentences
//   builder.AddSentence("Two three.", "", tandem::Span{5, 15});
//   builder.EndParagraph();
//   TANDEM_ASSIGN_OR_RETURN(tandem::Document doc, builder.Finish(warn));
//
// Two layouts:
// - **original**: when every sentence came with a span and the spans fit (in order, inside
//   their paragraphs, each as long as its text, gaps as long as the distance between
//   sentences), the document keeps them: its text holds every paragraph's bytes at their
//   original offsets. Bytes that no paragraph covers are line feeds and bytes inside a paragraph
//   that no sentence or gap covers are spaces, so the spans index into the text exactly as into
//   the original file. The text is as long as SetOriginalSize() says (or ends with the last
//   paragraph).
// - **synthetic** (Document::synthetic): otherwise, the text is laid out afresh: paragraphs
//   follow each other separated by one line feed, and inside a paragraph the sentences are
//   separated by the gaps given, or by one space where none was given. Spans that were given
//   but did not fit are dropped with a warning.
// Paragraphs without content are left out (a Document cannot hold them). The language becomes
// its canonical BCP 47 tag (CanonicalLanguageTag: "en_US" -> "en-US"); one that is not a tag at
// all becomes "und", with a warning.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/document.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

class DocumentBuilder {
 public:
  DocumentBuilder(std::string name, std::string language);

  // The document under construction, to set encoding, converted and the like. Its paragraphs,
  // sentences and text belong to the builder until Finish().
  Document& document() { return doc_; }

  // The size in bytes of the original text, when the format recorded it.
  void SetOriginalSize(std::size_t size) { original_size_ = size; }

  void StartParagraph(std::string id = {}, ParagraphKind kind = ParagraphKind::kText,
                      std::optional<Span> span = std::nullopt);
  // Text between the sentences of the current paragraph (or before the first, after the last),
  // for formats that keep it. Consecutive gaps are joined.
  void AddGap(std::string_view text);
  // A sentence of the current paragraph. Empty sentences make Finish() fail.
  void AddSentence(std::string_view text, std::string id = {},
                   std::optional<Span> span = std::nullopt);
  void EndParagraph();

  std::size_t sentence_count() const { return doc_.sentences.size(); }

  // The document. Fails (kInvalidData, naming the sentence) when a sentence was empty.
  StatusOr<Document> Finish(const WarningCallback& warn = {});

 private:
  struct Piece {
    std::size_t begin;  // in text_ (the synthetic layout)
    std::size_t size;
    std::size_t original;  // where it goes in the original layout (npos: unknown)
  };
  void Drop(std::string reason);

  Document doc_;
  std::optional<std::size_t> original_size_;
  bool original_ok_ = true;  // every piece so far fits the original layout
  std::string drop_reason_;
  std::vector<Piece> pieces_;  // every sentence and gap, in order
  std::vector<Span> original_paragraphs_;
  std::vector<Span> original_sentences_;
  // The current paragraph.
  bool in_paragraph_ = false;
  std::optional<Span> paragraph_span_;
  std::size_t paragraph_begin_ = 0;  // in text_
  std::size_t cursor_ = 0;           // original offset where the next piece would start
  bool cursor_known_ = false;
  bool last_was_sentence_ = false;
  std::size_t first_piece_ = 0;
  std::string empty_sentence_;  // the first empty sentence, for the error
};

}  // namespace tandem::corpora
