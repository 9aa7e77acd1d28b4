// Private: the first stage of the Segmenter. The line structure of a text becomes paragraphs,
// each with its kind (text, heading, list item).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "tandem/core/document.h"
#include "tandem/core/segmenter.h"

namespace tandem::internal {

struct ParagraphUnit {
  Span span;                // trimmed of whitespace at both ends
  bool multi_line = false;  // the span contains line breaks (joined hard-wrapped lines)
  ParagraphKind kind = ParagraphKind::kText;
  std::size_t block = 0;  // which block of lines between blank lines the paragraph is in
};

struct ParagraphStyle {
  // A line that starts with a dash is dialogue, not a list item (Hungarian, Russian, ...).
  bool dialogue_dash = false;
};

// The paragraphs of text[from, end). Lines end at "\n", "\r\n" or a lone "\r".
std::vector<ParagraphUnit> FindParagraphs(std::string_view text, std::size_t from,
                                          ParagraphMode mode, const ParagraphStyle& style);

// Every non-blank line of each blank-line-separated block, for presegmented input: the spans of
// the lines (trimmed) grouped into paragraphs.
struct PresegmentedParagraph {
  Span span;
  std::vector<Span> lines;
};
std::vector<PresegmentedParagraph> FindPresegmentedParagraphs(std::string_view text,
                                                              std::size_t from);

}  // namespace tandem::internal
