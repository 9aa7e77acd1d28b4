#include "tandem/corpora/document_builder.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "tandem/core/language.h"
#include "tandem/core/text_io.h"

namespace tandem::corpora {
namespace {

constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);

}  // namespace

DocumentBuilder::DocumentBuilder(std::string name, std::string language) {
  doc_.name = std::move(name);
  doc_.language = std::move(language);
}

void DocumentBuilder::Drop(std::string reason) {
  if (!original_ok_) return;
  original_ok_ = false;
  drop_reason_ = std::move(reason);
  pieces_.clear();
  pieces_.shrink_to_fit();
  original_sentences_.clear();
  original_sentences_.shrink_to_fit();
  original_paragraphs_.clear();
}

void DocumentBuilder::StartParagraph(std::string id, ParagraphKind kind, std::optional<Span> span) {
  if (in_paragraph_) EndParagraph();
  in_paragraph_ = true;
  if (!doc_.paragraphs.empty()) doc_.text += '\n';
  paragraph_begin_ = doc_.text.size();
  paragraph_span_ = span;
  cursor_known_ = span.has_value();
  cursor_ = span ? span->begin : 0;
  last_was_sentence_ = false;
  first_piece_ = pieces_.size();
  Paragraph paragraph;
  paragraph.first_sentence = doc_.sentences.size();
  paragraph.kind = kind;
  paragraph.id = std::move(id);
  doc_.paragraphs.push_back(std::move(paragraph));
}

void DocumentBuilder::AddGap(std::string_view text) {
  if (!in_paragraph_) StartParagraph();
  if (text.empty()) return;
  const std::size_t begin = doc_.text.size();
  doc_.text += text;
  last_was_sentence_ = false;
  if (original_ok_) {
    pieces_.push_back({begin, text.size(), cursor_known_ ? cursor_ : kUnknown});
    if (cursor_known_) cursor_ += text.size();
  }
}

void DocumentBuilder::AddSentence(std::string_view text, std::string id, std::optional<Span> span) {
  if (!in_paragraph_) StartParagraph();
  if (text.empty() && empty_sentence_.empty()) {
    empty_sentence_ = fmt::format("sentence {}{}", doc_.sentences.size() + 1,
                                  id.empty() ? std::string() : " (" + id + ")");
  }
  // In the synthetic layout, sentences without a gap between them are separated by a space.
  if (last_was_sentence_) doc_.text += ' ';
  const bool after_gap = !pieces_.empty() && pieces_.size() > first_piece_ &&
                         pieces_.back().original != kUnknown && !last_was_sentence_;
  const std::size_t begin = doc_.text.size();
  doc_.text += text;
  Sentence sentence;
  sentence.span = {begin, doc_.text.size()};
  sentence.paragraph = doc_.paragraphs.size() - 1;
  sentence.id = std::move(id);
  doc_.sentences.push_back(std::move(sentence));
  ++doc_.paragraphs.back().sentence_count;

  if (original_ok_) {
    if (!span) {
      Drop({});
    } else if (span->size() != text.size()) {
      Drop(fmt::format("sentence {} is {} bytes long but its span [{}, {}) is {}",
                       doc_.sentences.size(), text.size(), span->begin, span->end, span->size()));
    } else {
      if (!cursor_known_) {
        // A paragraph without a span: the gaps before its first sentence end where it begins.
        std::size_t leading = 0;
        for (std::size_t k = first_piece_; k < pieces_.size(); ++k) leading += pieces_[k].size;
        if (leading > span->begin) {
          Drop(fmt::format("the text before sentence {} does not fit before its span",
                           doc_.sentences.size()));
        } else {
          std::size_t at = span->begin - leading;
          for (std::size_t k = first_piece_; k < pieces_.size(); ++k) {
            pieces_[k].original = at;
            at += pieces_[k].size;
          }
          cursor_ = span->begin;
          cursor_known_ = true;
        }
      }
      const bool fits = after_gap ? span->begin == cursor_ : span->begin >= cursor_;
      const std::size_t previous_end =
          original_paragraphs_.empty() ? 0 : original_paragraphs_.back().end;
      if (original_ok_ && (!fits || span->begin < previous_end)) {
        Drop(fmt::format("sentence {} at [{}, {}) does not follow the text before it at {}",
                         doc_.sentences.size(), span->begin, span->end, cursor_));
      }
      if (original_ok_) {
        pieces_.push_back({begin, text.size(), span->begin});
        original_sentences_.push_back(*span);
        cursor_ = span->end;
      }
    }
  }
  last_was_sentence_ = true;
}

void DocumentBuilder::EndParagraph() {
  if (!in_paragraph_) return;
  in_paragraph_ = false;
  Paragraph& paragraph = doc_.paragraphs.back();
  if (doc_.text.size() == paragraph_begin_) {
    // Nothing in it: a Document cannot hold an empty paragraph.
    doc_.paragraphs.pop_back();
    if (!doc_.paragraphs.empty()) doc_.text.pop_back();  // the separator
    pieces_.resize(first_piece_);
    return;
  }
  paragraph.span = {paragraph_begin_, doc_.text.size()};
  if (!original_ok_) return;
  Span original;
  if (first_piece_ == pieces_.size() || !cursor_known_) {
    Drop({});  // a paragraph of gaps only, without a span: nowhere to put it
    return;
  }
  original.begin = pieces_[first_piece_].original;
  original.end = cursor_;
  if (paragraph_span_) {
    const bool last_is_gap = !last_was_sentence_;
    if (paragraph_span_->begin > original.begin ||
        (last_is_gap ? paragraph_span_->end != cursor_ : paragraph_span_->end < cursor_)) {
      Drop(fmt::format("paragraph {}'s span [{}, {}) does not fit its content",
                       doc_.paragraphs.size(), paragraph_span_->begin, paragraph_span_->end));
      return;
    }
    original = *paragraph_span_;
  }
  const std::size_t previous_end =
      original_paragraphs_.empty() ? 0 : original_paragraphs_.back().end;
  if (original.begin < previous_end || original.empty()) {
    Drop(fmt::format("paragraph {} at [{}, {}) overlaps the one before it", doc_.paragraphs.size(),
                     original.begin, original.end));
    return;
  }
  original_paragraphs_.push_back(original);
}

StatusOr<Document> DocumentBuilder::Finish(const WarningCallback& warn) {
  EndParagraph();
  // The language as BCP 47 writes it, whatever the file had ("en_US" in a TMX): TEI and the
  // other formats take nothing else.
  if (!doc_.language.empty()) {
    std::string canonical = CanonicalLanguageTag(doc_.language);
    if (canonical.empty()) {
      if (warn) {
        warn(
            fmt::format("{}: the language '{}' is not a BCP 47 tag; recorded as und "
                        "(undetermined)",
                        doc_.name, doc_.language));
      }
      canonical = "und";
    }
    doc_.language = std::move(canonical);
  }
  if (!empty_sentence_.empty()) {
    return InvalidDataError(fmt::format("{}: {} is empty; tandem cannot hold empty sentences",
                                        doc_.name, empty_sentence_));
  }
  if (doc_.sentences.empty() && doc_.paragraphs.empty()) {
    doc_.synthetic = true;
    return std::move(doc_);
  }
  if (original_ok_ && !original_paragraphs_.empty()) {
    const std::size_t last_end = original_paragraphs_.back().end;
    if (original_size_ && *original_size_ < last_end) {
      Drop(fmt::format("the text is {} bytes long but a paragraph ends at {}", *original_size_,
                       last_end));
    }
    // The original layout is a text as long as the original file: no file tandem reads is
    // longer than kMaxInputFileBytes, so a size or span beyond it is damage (and would make a
    // few bytes of input ask for terabytes of memory).
    const std::size_t size = std::max(original_size_.value_or(0), last_end);
    if (original_ok_ && size > kMaxInputFileBytes) {
      Drop(
          fmt::format("the original text would be {} bytes long, more than the {} bytes tandem "
                      "reads from one file",
                      size, kMaxInputFileBytes));
    }
  }
  if (!original_ok_ || original_paragraphs_.empty()) {
    if (!drop_reason_.empty() && warn) {
      warn(
          fmt::format("{}: the byte spans in the file do not fit the text ({}); the spans are "
                      "renumbered",
                      doc_.name, drop_reason_));
    }
    doc_.synthetic = true;
    return std::move(doc_);
  }
  const std::size_t size = std::max(original_size_.value_or(0), original_paragraphs_.back().end);
  std::string text(size, '\n');
  for (const Span& span : original_paragraphs_) {
    text.replace(span.begin, span.size(), span.size(), ' ');
  }
  for (const Piece& piece : pieces_) {
    text.replace(piece.original, piece.size, doc_.text, piece.begin, piece.size);
  }
  doc_.text = std::move(text);
  for (std::size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    doc_.paragraphs[p].span = original_paragraphs_[p];
  }
  for (std::size_t i = 0; i < doc_.sentences.size(); ++i) {
    doc_.sentences[i].span = original_sentences_[i];
  }
  doc_.synthetic = false;
  return std::move(doc_);
}

}  // namespace tandem::corpora
