#include "tandem/core/segmenter.h"

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "icu_util.h"
#include "utf8.h"

namespace tandem {
namespace {

using internal::DecodeAt;
using internal::PreviousStart;
using internal::TrimSpaces;

struct Line {
  std::size_t begin = 0;  // trimmed content
  std::size_t end = 0;
  bool blank() const { return begin == end; }
};

// Splits [from, text.size()) into lines at "\n", "\r\n" and lone "\r", trimming each.
std::vector<Line> SplitLines(std::string_view text, std::size_t from) {
  std::vector<Line> lines;
  std::size_t start = from;
  const std::size_t n = text.size();
  while (start < n) {
    std::size_t stop = start;
    while (stop < n && text[stop] != '\n' && text[stop] != '\r') ++stop;
    Line line{start, stop};
    TrimSpaces(text, &line.begin, &line.end);
    lines.push_back(line);
    if (stop < n && text[stop] == '\r' && stop + 1 < n && text[stop + 1] == '\n') ++stop;
    start = stop + 1;
  }
  return lines;
}

// A line "stops in mid-sentence" when it ends in a letter, a digit, a comma or a hyphen: the
// signature of a hard-wrapped paragraph. Lines of a list or of front matter end in
// punctuation or are short headings.
bool EndsMidSentence(std::string_view text, const Line& line) {
  if (line.blank()) return false;
  const std::size_t last = PreviousStart(text, line.end);
  std::size_t length = 0;
  const char32_t c = DecodeAt(text, last, &length);
  if (c == ',' || c == '-' || c == 0x00AD) return true;
  return u_isalnum(static_cast<UChar32>(c)) != 0;
}

std::size_t CountCodePoints(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// Whether the lines of one block (non-blank lines between blank lines) form a hard-wrapped
// paragraph: at least half of the lines before the last are long and stop mid-sentence.
bool LooksHardWrapped(std::string_view text, const std::vector<Line>& lines, std::size_t first,
                      std::size_t last) {
  if (last - first < 2) return false;
  constexpr std::size_t kMinWrappedWidth = 30;
  std::size_t wrapped = 0;
  for (std::size_t i = first; i + 1 < last; ++i) {
    if (EndsMidSentence(text, lines[i]) &&
        CountCodePoints(text, lines[i].begin, lines[i].end) >= kMinWrappedWidth) {
      ++wrapped;
    }
  }
  return 2 * wrapped >= last - 1 - first;
}

struct ParagraphSpan {
  Span span;
  bool multi_line = false;
};

std::vector<ParagraphSpan> FindParagraphs(std::string_view text, std::size_t from,
                                          ParagraphMode mode) {
  const std::vector<Line> lines = SplitLines(text, from);
  std::vector<ParagraphSpan> out;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank()) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < lines.size() && !lines[j].blank()) ++j;
    const bool join = mode == ParagraphMode::kBlankLines ||
                      (mode == ParagraphMode::kAuto && LooksHardWrapped(text, lines, i, j));
    if (join) {
      out.push_back({{lines[i].begin, lines[j - 1].end}, j - i > 1});
    } else {
      for (std::size_t k = i; k < j; ++k) out.push_back({{lines[k].begin, lines[k].end}, false});
    }
    i = j;
  }
  return out;
}

// Candidate sentence boundaries from ICU's sentence BreakIterator.
class IcuSentenceSplitter {
 public:
  static StatusOr<IcuSentenceSplitter> Create(const std::string& language) {
    TANDEM_ASSIGN_OR_RETURN(icu::Locale locale, internal::IcuLocaleFor(language));
    UErrorCode status = U_ZERO_ERROR;
    // ICU's own abbreviation suppressions where it has them (English, German, French, ...).
    locale.setKeywordValue("ss", "standard", status);
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status) || !iterator) {
      return internal::IcuStatus(status,
                                 fmt::format("creating the sentence breaker for '{}'", language));
    }
    return IcuSentenceSplitter(std::move(iterator));
  }

  // Boundaries (offsets into `paragraph`) including 0 and paragraph.size().
  std::vector<std::size_t> Boundaries(std::string_view paragraph) const {
    std::vector<std::size_t> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(prototype_->clone());
    UText* utext =
        utext_openUTF8(nullptr, paragraph.data(), static_cast<int64_t>(paragraph.size()), &status);
    if (U_FAILURE(status) || !iterator) {
      utext_close(utext);
      return {0, paragraph.size()};
    }
    iterator->setText(utext, status);
    for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next()) {
      out.push_back(static_cast<std::size_t>(b));
    }
    utext_close(utext);
    if (out.empty() || out.front() != 0) out.insert(out.begin(), 0);
    if (out.back() != paragraph.size()) out.push_back(paragraph.size());
    return out;
  }

 private:
  explicit IcuSentenceSplitter(std::unique_ptr<icu::BreakIterator> prototype)
      : prototype_(std::move(prototype)) {}
  std::shared_ptr<const icu::BreakIterator> prototype_;
};

}  // namespace

struct Segmenter::Impl {
  SegmentOptions options;
  IcuSentenceSplitter splitter;
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

StatusOr<Segmenter> Segmenter::Create(const SegmentOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(IcuSentenceSplitter splitter,
                          IcuSentenceSplitter::Create(options.language));
  return Segmenter(std::make_unique<Impl>(Impl{options, std::move(splitter)}));
}

const SegmentOptions& Segmenter::options() const { return impl_->options; }

StatusOr<Document> Segmenter::Segment(DecodedText input, std::string name) const {
  Document doc;
  doc.name = std::move(name);
  doc.language = impl_->options.language;
  doc.text = std::move(input.text);
  doc.encoding = std::move(input.encoding);
  doc.converted = input.converted;
  const std::string_view text = doc.text;

  auto add_sentence = [&](std::size_t begin, std::size_t end) {
    TrimSpaces(text, &begin, &end);
    if (begin == end) return;
    Paragraph& para = doc.paragraphs.back();
    doc.sentences.push_back({{begin, end}, doc.paragraphs.size() - 1, {}});
    ++para.sentence_count;
  };

  if (impl_->options.presegmented) {
    for (const ParagraphSpan& block :
         FindParagraphs(text, input.content_begin, ParagraphMode::kBlankLines)) {
      doc.paragraphs.push_back({block.span, doc.sentences.size(), 0, ParagraphKind::kText, {}});
      for (const Line& line : SplitLines(text.substr(0, block.span.end), block.span.begin)) {
        add_sentence(line.begin, line.end);
      }
    }
    return doc;
  }

  std::string flattened;  // a paragraph with its line breaks turned into spaces, for ICU
  for (const ParagraphSpan& para :
       FindParagraphs(text, input.content_begin, impl_->options.paragraphs)) {
    doc.paragraphs.push_back({para.span, doc.sentences.size(), 0, ParagraphKind::kText, {}});
    std::string_view view = text.substr(para.span.begin, para.span.size());
    if (para.multi_line) {
      // ICU ends a sentence at every line break; inside a joined paragraph a line break is
      // just a space. Same length, so offsets stay valid.
      flattened.assign(view);
      for (char& c : flattened) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      view = flattened;
    }
    const std::vector<std::size_t> bounds = impl_->splitter.Boundaries(view);
    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
      add_sentence(para.span.begin + bounds[k], para.span.begin + bounds[k + 1]);
    }
  }
  return doc;
}

StatusOr<Document> SegmentFile(const std::string& path, const SegmentOptions& options,
                               const DecodeOptions& decode) {
  TANDEM_ASSIGN_OR_RETURN(Segmenter segmenter, Segmenter::Create(options));
  TANDEM_ASSIGN_OR_RETURN(DecodedText input, ReadTextFile(path, decode));
  return segmenter.Segment(std::move(input), path == "-" ? "<stdin>" : path);
}

}  // namespace tandem
