#include "tandem/core/segmenter.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"

namespace tandem {
namespace {

struct ExpectedSentence {
  std::size_t paragraph;
  std::size_t begin;
  std::size_t end;
  std::string text;
  friend bool operator==(const ExpectedSentence&, const ExpectedSentence&) = default;
};

void PrintTo(const ExpectedSentence& s, std::ostream* os) {
  *os << "{p" << s.paragraph << " [" << s.begin << ", " << s.end << ") \"" << s.text << "\"}";
}

std::vector<ExpectedSentence> Sentences(const Document& doc) {
  std::vector<ExpectedSentence> out;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    out.push_back({s.paragraph, s.span.begin, s.span.end, std::string(doc.SentenceText(i))});
  }
  return out;
}

StatusOr<Document> SegmentString(const std::string& text, const SegmentOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(Segmenter segmenter, Segmenter::Create(options));
  TANDEM_ASSIGN_OR_RETURN(DecodedText decoded, DecodeText(text, "case.txt"));
  return segmenter.Segment(std::move(decoded), "case.txt");
}

struct SegmentCase {
  const char* name;
  std::string language;
  ParagraphMode paragraphs;
  bool presegmented;
  std::string text;
  std::vector<ExpectedSentence> expected;
};

// Test names and failure messages show the case name, not its bytes.
void PrintTo(const SegmentCase& c, std::ostream* os) { *os << c.name; }

class SegmenterCases : public ::testing::TestWithParam<SegmentCase> {};

TEST_P(SegmenterCases, SentencesAndSpans) {
  const SegmentCase& c = GetParam();
  SegmentOptions options;
  options.language = c.language;
  options.paragraphs = c.paragraphs;
  options.presegmented = c.presegmented;
  StatusOr<Document> doc = SegmentString(c.text, options);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(Sentences(*doc), c.expected);
  EXPECT_TRUE(ValidateDocument(*doc).ok()) << ValidateDocument(*doc).message();
}

constexpr auto kAuto = ParagraphMode::kAuto;
constexpr auto kBlank = ParagraphMode::kBlankLines;
constexpr auto kLines = ParagraphMode::kLines;

INSTANTIATE_TEST_SUITE_P(
    Literal, SegmenterCases,
    ::testing::Values(
        SegmentCase{"two_sentences",
                    "en",
                    kAuto,
                    false,
                    "Hello world. How are you?",
                    {{0, 0, 12, "Hello world."}, {0, 13, 25, "How are you?"}}},
        SegmentCase{"blank_line_paragraphs",
                    "en",
                    kAuto,
                    false,
                    "First paragraph.\n\nSecond one. It has two sentences.\n",
                    {{0, 0, 16, "First paragraph."},
                     {1, 18, 29, "Second one."},
                     {1, 30, 51, "It has two sentences."}}},
        SegmentCase{"one_paragraph_per_line",
                    "en",
                    kAuto,
                    false,
                    "Reply to Stalin\nToday the representative came.\n",
                    {{0, 0, 15, "Reply to Stalin"}, {1, 16, 46, "Today the representative came."}}},
        SegmentCase{"hard_wrapped_lines_are_joined",
                    "en",
                    kAuto,
                    false,
                    "This is a long paragraph that has been wrapped at\nsome column by an editor, "
                    "as in Gutenberg files.\nIt ends here.\n\nNext paragraph.\n",
                    {{0, 0, 98,
                      "This is a long paragraph that has been wrapped at\nsome column by an "
                      "editor, as in Gutenberg files."},
                     {0, 99, 112, "It ends here."},
                     {1, 114, 129, "Next paragraph."}}},
        SegmentCase{"blank_mode_joins_every_block",
                    "en",
                    kBlank,
                    false,
                    "Reply to Stalin\nToday the representative came.\n",
                    {{0, 0, 46, "Reply to Stalin\nToday the representative came."}}},
        SegmentCase{"line_mode_never_joins",
                    "en",
                    kLines,
                    false,
                    "This is a long paragraph that has been wrapped at\nsome column.\n",
                    {{0, 0, 49, "This is a long paragraph that has been wrapped at"},
                     {1, 50, 62, "some column."}}},
        SegmentCase{"crlf_line_ends",
                    "en",
                    kAuto,
                    false,
                    "One line.\r\nAnother line.\r\n",
                    {{0, 0, 9, "One line."}, {1, 11, 24, "Another line."}}},
        SegmentCase{"lone_cr_line_ends",
                    "en",
                    kAuto,
                    false,
                    "One line.\rAnother line.\r",
                    {{0, 0, 9, "One line."}, {1, 10, 23, "Another line."}}},
        SegmentCase{"unicode_spaces_are_trimmed",
                    "en",
                    kAuto,
                    false,
                    "\u00a0\u2003Text with spaces around.\u3000\u00a0\n",
                    {{0, 5, 29, "Text with spaces around."}}},
        SegmentCase{"surrounding_whitespace",
                    "en",
                    kAuto,
                    false,
                    "  \t Indented sentence.   Second.  \n\n\n",
                    {{0, 4, 22, "Indented sentence."}, {0, 25, 32, "Second."}}},
        SegmentCase{"hungarian_text",
                    "hu",
                    kAuto,
                    false,
                    "Ma, december 16-\xC3\xA1n sz\xC3\xB3"
                    "ban k\xC3\xB6z\xC3\xB6lt\xC3\xA9k. "
                    "V\xC3\xA1laszoltam.",
                    {{0, 0, 40,
                      "Ma, december 16-\xC3\xA1n sz\xC3\xB3"
                      "ban k\xC3\xB6z\xC3\xB6lt\xC3\xA9k."},
                     {0, 41, 54, "V\xC3\xA1laszoltam."}}},
        SegmentCase{"byte_order_mark_is_not_text",
                    "en",
                    kAuto,
                    false,
                    "\xEF\xBB\xBFHi there. Bye.",
                    {{0, 3, 12, "Hi there."}, {0, 13, 17, "Bye."}}},
        SegmentCase{"presegmented_lines_are_sentences",
                    "en",
                    kAuto,
                    true,
                    "a b. c\nno period here\n\n  e f  \n",
                    {{0, 0, 6, "a b. c"}, {0, 7, 21, "no period here"}, {1, 25, 28, "e f"}}},
        SegmentCase{"presegmented_crlf",
                    "de",
                    kAuto,
                    true,
                    "Eins.\r\nZwei.\r\n",
                    {{0, 0, 5, "Eins."}, {0, 7, 12, "Zwei."}}},
        SegmentCase{"empty_text", "en", kAuto, false, "", {}},
        SegmentCase{"only_whitespace", "en", kAuto, false, " \n\t\n\u00a0\n", {}}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(Segmenter, UnknownLanguageIsAUsageError) {
  StatusOr<Segmenter> segmenter = Segmenter::Create({.language = "xx-unknown"});
  ASSERT_FALSE(segmenter.ok());
  EXPECT_EQ(segmenter.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(segmenter.status().message().find("xx-unknown"), std::string::npos);
}

TEST(Segmenter, KeepsTheOriginalText) {
  const std::string text = "Line one.\r\n\r\nLine\ttwo.";
  StatusOr<Document> doc = SegmentString(text, {});
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, text);
  EXPECT_EQ(doc->name, "case.txt");
  EXPECT_EQ(doc->language, "en");
}

TEST(SegmentFile, BundledEnglishLetterIsValid) {
  StatusOr<Document> doc = SegmentFile(testing::SamplePath("en.txt"), {.language = "en"});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(ValidateDocument(*doc).ok());
  // One paragraph per non-empty line of the file.
  EXPECT_EQ(doc->paragraphs.size(), 42u);
  EXPECT_EQ(doc->ParagraphText(1), "Reply to Stalin");
  EXPECT_GT(doc->sentences.size(), 80u);
}

TEST(SegmentFile, BundledHungarianCollectionIsValid) {
  StatusOr<Document> doc = SegmentFile(testing::SamplePath("hu.txt"), {.language = "hu"});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(ValidateDocument(*doc).ok());
  // The letter starts at the 6th non-empty line (see corpora/samples/reply-to-stalin/README.md).
  EXPECT_TRUE(doc->ParagraphText(5).starts_with("A Bolsevik Kommunista P\xC3\xA1rt"))
      << doc->ParagraphText(5);
}

TEST(SegmentFile, MissingFileNamesThePath) {
  StatusOr<Document> doc = SegmentFile("/nonexistent/x.txt", {.language = "en"});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kNotFound);
  EXPECT_NE(doc.status().message().find("/nonexistent/x.txt"), std::string::npos);
}

}  // namespace
}  // namespace tandem
