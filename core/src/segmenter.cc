#include "tandem/core/segmenter.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "icu_sentences.h"
#include "paragraphs.h"
#include "segment_rules.h"
#include "sentence_rules.h"
#include "tandem/core/language.h"
#include "tandem/util/utf8.h"

namespace tandem {

struct Segmenter::Impl {
  SegmentOptions options;
  internal::IcuSentenceBreaker breaker;  // stage 2
  internal::SentenceRules rules;         // stage 3
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

StatusOr<Segmenter> Segmenter::Create(const SegmentOptions& options) {
  // The language must be known to ICU before anything else is looked at.
  TANDEM_ASSIGN_OR_RETURN(internal::IcuSentenceBreaker breaker,
                          internal::IcuSentenceBreaker::Create(options.language));
  TANDEM_ASSIGN_OR_RETURN(internal::SegmentRules rules,
                          internal::BuiltinSegmentRules(options.language));
  for (const std::string& path : options.abbreviation_files) {
    TANDEM_ASSIGN_OR_RETURN(DecodedText file, ReadTextFile(path));
    TANDEM_RETURN_IF_ERROR(
        internal::ParseSegmentRules(std::string_view(file.text).substr(file.content_begin),
                                    path == "-" ? "<stdin>" : path, &rules));
  }
  if (rules.icu_suppressions) {
    internal::AddIcuAbbreviations(internal::IcuAbbreviations(options.language), &rules);
  }
  return Segmenter(std::make_unique<Impl>(
      Impl{options, std::move(breaker), internal::SentenceRules(std::move(rules))}));
}

const SegmentOptions& Segmenter::options() const { return impl_->options; }

StatusOr<Document> Segmenter::Segment(DecodedText input, std::string name) const {
  Document doc;
  doc.name = std::move(name);
  // As BCP 47 writes it ("en_US" -> "en-US"); Create() made sure ICU knows the language.
  doc.language = CanonicalLanguageTag(impl_->options.language);
  if (doc.language.empty()) doc.language = impl_->options.language;
  doc.text = std::move(input.text);
  doc.encoding = std::move(input.encoding);
  doc.converted = input.converted;
  const std::string_view text = doc.text;

  auto add_sentence = [&](std::size_t begin, std::size_t end) {
    internal::TrimSpaces(text, &begin, &end);
    if (begin == end) return;
    doc.sentences.push_back({{begin, end}, doc.paragraphs.size() - 1, {}});
    ++doc.paragraphs.back().sentence_count;
  };

  if (impl_->options.presegmented) {
    for (const internal::PresegmentedParagraph& para :
         internal::FindPresegmentedParagraphs(text, input.content_begin)) {
      doc.paragraphs.push_back({para.span, doc.sentences.size(), 0, ParagraphKind::kText, {}});
      for (const Span& line : para.lines) add_sentence(line.begin, line.end);
    }
    return doc;
  }

  // Stage 1: paragraphs.
  const internal::ParagraphStyle style{impl_->rules.rules().dialogue_dash};
  const std::vector<internal::ParagraphUnit> paragraphs =
      internal::FindParagraphs(text, input.content_begin, impl_->options.paragraphs, style);
  // Whether each block of lines (between blank lines: a document, a letter, a post) is written
  // without capitals at sentence starts.
  // Capitalised starts are first counted as an upper bound, which decides almost every block;
  // the blocks it leaves undecided are counted again exactly.
  std::vector<internal::SentenceStarts> blocks;
  for (const internal::ParagraphUnit& para : paragraphs) {
    if (para.block >= blocks.size()) blocks.resize(para.block + 1);
    blocks[para.block].Add(impl_->rules.CountSentenceStarts(
        text.substr(para.span.begin, para.span.size()), /*exact_capitals=*/false));
  }
  std::vector<bool> undecided(blocks.size());
  bool any_undecided = false;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    undecided[b] = blocks[b].Undecided();
    if (undecided[b]) {
      blocks[b] = {};
      any_undecided = true;
    }
  }
  if (any_undecided) {
    for (const internal::ParagraphUnit& para : paragraphs) {
      if (!undecided[para.block]) continue;
      blocks[para.block].Add(
          impl_->rules.CountSentenceStarts(text.substr(para.span.begin, para.span.size())));
    }
  }
  internal::IcuSentenceBreaker::Cursor cursor = impl_->breaker.NewCursor();
  std::vector<std::size_t> candidates;
  std::string flattened;  // a paragraph with its line breaks turned into spaces
  for (const internal::ParagraphUnit& para : paragraphs) {
    // ICU counts in 32-bit offsets.
    if (para.span.size() >= static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
      return ResourceExhaustedError(
          fmt::format("{}: a paragraph of {} bytes is too long to segment (at most 2 GB)",
                      DescribePosition(doc.name, text, para.span.begin), para.span.size()));
    }
    doc.paragraphs.push_back({para.span, doc.sentences.size(), 0, para.kind, {}});
    std::string_view view = text.substr(para.span.begin, para.span.size());
    if (para.multi_line) {
      // Inside a joined paragraph a line break is just a space (ICU would end a sentence at
      // every one). Same length, so offsets stay valid.
      flattened.assign(view);
      for (char& c : flattened) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      view = flattened;
    }
    // Stage 2: ICU's candidates; stage 3: the language rules decide.
    cursor.Candidates(view, &candidates);
    const std::vector<std::size_t> bounds =
        impl_->rules.Boundaries(view, candidates, blocks[para.block].LowerCaseStyle());
    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
      add_sentence(para.span.begin + bounds[k], para.span.begin + bounds[k + 1]);
    }
  }
  return doc;
}

std::vector<std::string> SegmentationRuleLanguages() { return internal::BuiltinRuleLanguages(); }

StatusOr<Document> SegmentFile(const std::string& path, const SegmentOptions& options,
                               const DecodeOptions& decode) {
  TANDEM_ASSIGN_OR_RETURN(Segmenter segmenter, Segmenter::Create(options));
  TANDEM_ASSIGN_OR_RETURN(DecodedText input, ReadTextFile(path, decode));
  return segmenter.Segment(std::move(input), path == "-" ? "<stdin>" : path);
}

}  // namespace tandem
