#include "tandem/core/document.h"

#include <algorithm>

#include <fmt/format.h>

#include "tandem/core/text_io.h"

namespace tandem {

std::string_view ParagraphKindName(ParagraphKind kind) {
  switch (kind) {
    case ParagraphKind::kText:
      return "text";
    case ParagraphKind::kHeading:
      return "heading";
    case ParagraphKind::kListItem:
      return "list-item";
  }
  return "text";
}

std::vector<std::string_view> Document::SentenceTexts() const {
  std::vector<std::string_view> out;
  out.reserve(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) out.push_back(SentenceText(i));
  return out;
}

Status ValidateDocument(const Document& document) {
  const std::string& name = document.name;
  auto where = [&](std::size_t offset) { return DescribePosition(name, document.text, offset); };
  std::size_t next_sentence = 0;
  std::size_t previous_end = 0;
  for (std::size_t p = 0; p < document.paragraphs.size(); ++p) {
    const Paragraph& para = document.paragraphs[p];
    if (para.span.empty() || para.span.end > document.text.size() ||
        para.span.begin < previous_end) {
      return InternalError(fmt::format("{}: paragraph {} has a bad span [{}, {})", name, p + 1,
                                       para.span.begin, para.span.end));
    }
    previous_end = para.span.end;
    if (para.first_sentence != next_sentence) {
      return InternalError(fmt::format("{}: paragraph {} starts at sentence {}, expected {}",
                                       where(para.span.begin), p + 1, para.first_sentence + 1,
                                       next_sentence + 1));
    }
    std::size_t sentence_end = para.span.begin;
    for (std::size_t k = 0; k < para.sentence_count; ++k) {
      const std::size_t i = para.first_sentence + k;
      if (i >= document.sentences.size()) {
        return InternalError(fmt::format("{}: paragraph {} refers to sentence {} of {}", name,
                                         p + 1, i + 1, document.sentences.size()));
      }
      const Sentence& s = document.sentences[i];
      if (s.paragraph != p) {
        return InternalError(fmt::format("{}: sentence {} says it is in paragraph {}, not {}",
                                         where(s.span.begin), i + 1, s.paragraph + 1, p + 1));
      }
      if (s.span.empty() || s.span.begin < sentence_end || s.span.end > para.span.end) {
        return InternalError(fmt::format("{}: sentence {} has a bad span [{}, {})", name, i + 1,
                                         s.span.begin, s.span.end));
      }
      sentence_end = s.span.end;
    }
    next_sentence += para.sentence_count;
  }
  if (next_sentence != document.sentences.size()) {
    return InternalError(fmt::format("{}: {} sentences are outside every paragraph", name,
                                     document.sentences.size() - next_sentence));
  }
  return Status::Ok();
}

}  // namespace tandem
