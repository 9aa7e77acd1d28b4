// Input as it comes: paragraph layouts and kinds, encodings and line ends, and invalid input
// (bytes that are not UTF-8, NUL, a 50 MB line, empty and blank files): always a correct
// result or a clear error naming the file and the place, never a crash.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tandem/core/segmenter.h"
#include "test_util.h"

namespace tandem {
namespace {

using testing::TempDir;
using testing::WriteFile;

StatusOr<Document> SegmentBytes(const std::string& bytes, const std::string& language,
                                const DecodeOptions& decode = {},
                                ParagraphMode mode = ParagraphMode::kAuto) {
  SegmentOptions options;
  options.language = language;
  options.paragraphs = mode;
  TANDEM_ASSIGN_OR_RETURN(Segmenter segmenter, Segmenter::Create(options));
  TANDEM_ASSIGN_OR_RETURN(DecodedText decoded, DecodeText(bytes, "in.txt", decode));
  return segmenter.Segment(std::move(decoded), "in.txt");
}

std::vector<std::string> Paragraphs(const Document& doc) {
  std::vector<std::string> out;
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    out.push_back(std::string(ParagraphKindName(doc.paragraphs[p].kind)) + ": " +
                  std::string(doc.ParagraphText(p)));
  }
  return out;
}

// --- Paragraphs and their kinds --------------------------------------------------------------

struct LayoutCase {
  const char* name;
  const char* language;
  std::string text;
  std::vector<std::string> paragraphs;  // "kind: text"
};

void PrintTo(const LayoutCase& c, std::ostream* os) { *os << c.name; }

class LayoutCases : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(LayoutCases, ParagraphsAndKinds) {
  const LayoutCase& c = GetParam();
  StatusOr<Document> doc = SegmentBytes(c.text, c.language);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(Paragraphs(*doc), c.paragraphs);
  EXPECT_TRUE(ValidateDocument(*doc).ok());
}

INSTANTIATE_TEST_SUITE_P(
    Literal, LayoutCases,
    ::testing::Values(
        LayoutCase{
            "heading_text_and_list",
            "en",
            "Reply to Stalin\n\nThe letter starts. It ends.\n\n- first item\n- second item\n",
            {"heading: Reply to Stalin", "text: The letter starts. It ends.",
             "list-item: - first item", "list-item: - second item"}},
        LayoutCase{"dated_heading_and_numbered_footnote",
                   "en",
                   "(December 1928)\n\n1. Article 58 of the Penal Code. It was used.\n",
                   {"heading: (December 1928)",
                    "list-item: 1. Article 58 of the Penal Code. It was used."}},
        LayoutCase{"heading_at_the_top_of_a_wrapped_block",
                   "en",
                   "CHAPTER I\nIt was a dark and stormy night; the rain fell in\ntorrents, except "
                   "at occasional intervals, when it\nwas checked by a violent gust of wind.\n",
                   {"heading: CHAPTER I",
                    "text: It was a dark and stormy night; the rain fell in\ntorrents, except at "
                    "occasional intervals, when it\nwas checked by a violent gust of wind."}},
        LayoutCase{"indented_paragraphs_without_blank_lines",
                   "en",
                   "    It was the best of times, it was the worst of times, it\nwas the age of "
                   "wisdom.\n    It was the epoch of belief, it was the epoch of\nincredulity.\n",
                   {"text: It was the best of times, it was the worst of times, it\nwas the age of "
                    "wisdom.",
                    "text: It was the epoch of belief, it was the epoch of\nincredulity."}},
        LayoutCase{"wrapped_list_items",
                   "en",
                   "This is a long paragraph that has been wrapped at a\ncolumn of about sixty "
                   "characters, like Gutenberg.\n* A list item that is also long enough to wrap "
                   "at the\n  same column as the rest.\n* Second item.\n",
                   {"text: This is a long paragraph that has been wrapped at a\ncolumn of about "
                    "sixty characters, like Gutenberg.",
                    "list-item: * A list item that is also long enough to wrap at the\n  same "
                    "column as the rest.",
                    "list-item: * Second item."}},
        LayoutCase{"long_lines_are_paragraphs_of_their_own",
                   "en",
                   std::string(130, 'a') + " end\n" + std::string(90, 'b') + " c\nShort.\n",
                   {"text: " + std::string(130, 'a') + " end",
                    "text: " + std::string(90, 'b') + " c", "text: Short."}},
        LayoutCase{"dialogue_lines_are_text_in_hungarian",
                   "hu",
                   "\u2013 Szia! \u2013 mondta.\n- Hová mész?\n",
                   {"text: \u2013 Szia! \u2013 mondta.", "text: - Hová mész?"}},
        LayoutCase{"dash_lines_are_list_items_in_english",
                   "en",
                   "- eggs\n- milk\n",
                   {"list-item: - eggs", "list-item: - milk"}},
        LayoutCase{"bullets_and_lettered_items",
                   "en",
                   "\u2022 one\nb) two\n(3) three\n",
                   {"list-item: \u2022 one", "list-item: b) two", "list-item: (3) three"}},
        LayoutCase{"colon_line_is_text",
                   "hu",
                   "Megoldva:\nTrockij - kiutasítani.\n",
                   {"text: Megoldva:", "text: Trockij - kiutasítani."}}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(Layout, BlankLineModeJoinsAndLineModeSplits) {
  const std::string text = "A line that is long enough to be wrapped at the\nmargin here.\n";
  StatusOr<Document> blank = SegmentBytes(text, "en", {}, ParagraphMode::kBlankLines);
  ASSERT_TRUE(blank.ok());
  EXPECT_EQ(blank->paragraphs.size(), 1u);
  StatusOr<Document> lines = SegmentBytes(text, "en", {}, ParagraphMode::kLines);
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(lines->paragraphs.size(), 2u);
}

// --- Encodings and line ends ------------------------------------------------------------------

TEST(Encodings, Utf8WithBomAndCrlf) {
  StatusOr<Document> doc = SegmentBytes("\xEF\xBB\xBFOne. Two.\r\n\r\nThree.\r\n", "en");
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->converted);
  EXPECT_EQ(doc->SentenceTexts(), (std::vector<std::string_view>{"One.", "Two.", "Three."}));
  EXPECT_EQ(doc->sentences[0].span, (Span{3, 7}));
  EXPECT_EQ(doc->sentences[2].span, (Span{16, 22}));
}

TEST(Encodings, MixedLineEnds) {
  StatusOr<Document> doc = SegmentBytes("One.\nTwo.\rThree.\r\nFour.", "en");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->paragraphs.size(), 4u);
  EXPECT_EQ(doc->sentences[3].span, (Span{18, 23}));
}

TEST(Encodings, Utf16LittleEndianWithBom) {
  // "Ősz. Tél.\r\n" in UTF-16LE with a byte-order mark.
  const std::string bytes("\xFF\xFE\x50\x01s\0z\0.\0 \0T\0\xE9\0l\0.\0\r\0\n\0", 24);
  StatusOr<Document> doc = SegmentBytes(bytes, "hu");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(doc->converted);
  EXPECT_EQ(doc->encoding, "UTF-16");
  EXPECT_EQ(doc->text, "\u0150sz. T\u00e9l.\r\n");
  // Spans count bytes of the UTF-8 conversion.
  EXPECT_EQ(doc->sentences[0].span, (Span{0, 5}));
  EXPECT_EQ(doc->sentences[1].span, (Span{6, 11}));
}

TEST(Encodings, Utf16BigEndianWithBom) {
  const std::string bytes("\xFE\xFF\0O\0n\0e\0.\0 \0T\0w\0o\0.", 20);
  StatusOr<Document> doc = SegmentBytes(bytes, "en");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->SentenceTexts(), (std::vector<std::string_view>{"One.", "Two."}));
}

TEST(Encodings, Latin2AndWindows1250ByName) {
  // "Őszi szél. Új nap." in ISO-8859-2 (Ő = 0xD5, é = 0xE9, Ú = 0xDA).
  StatusOr<Document> doc =
      SegmentBytes("\xD5szi sz\xE9l. \xDAj nap.", "hu", {.encoding = "ISO-8859-2"});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->encoding, "ISO-8859-2");
  EXPECT_TRUE(doc->converted);
  EXPECT_EQ(doc->SentenceTexts(),
            (std::vector<std::string_view>{"\u0150szi sz\u00e9l.", "\u00daj nap."}));
  EXPECT_EQ(doc->sentences[1].span, (Span{13, 21}));
  // "Šta je? Ništa." in windows-1250 (Š = 0x8A).
  doc = SegmentBytes("\x8Ata je? Ni\x9Ata.", "hr", {.encoding = "windows-1250"});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->SentenceTexts(), (std::vector<std::string_view>{"\u0160ta je?", "Ni\u0161ta."}));
}

TEST(Encodings, Latin2WithoutEncodingNamesIcusGuess) {
  std::string latin2;
  for (int i = 0; i < 20; ++i) latin2 += "A b\xF5r \xE9s a k\xE9z, \xF5sz \xE9s t\xE9l. ";
  StatusOr<Document> doc = SegmentBytes(latin2, "hu");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(doc.status().message().find("in.txt:1:4: invalid UTF-8 (byte 0xF5)"),
            std::string::npos);
  // Without an option of the caller's to name, the advice is to convert the file.
  EXPECT_NE(doc.status().message().find("(ICU's guess): convert it to UTF-8 (iconv -f "),
            std::string::npos)
      << doc.status().message();
  // The caller's option, when it has one (tandem align: --source-encoding).
  doc = SegmentBytes(latin2, "hu", {.encoding_option = "--source-encoding"});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("(ICU's guess): try --source-encoding "), std::string::npos)
      << doc.status().message();
}

TEST(Encodings, ByteNotInTheEncodingNamesLineAndColumn) {
  StatusOr<Document> doc = SegmentBytes("ab\ncd\xE9", "en", {.encoding = "US-ASCII"});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(doc.status().message(), "in.txt:2:3: byte 0xE9 (byte offset 5) is not valid US-ASCII");
}

TEST(Encodings, ByteOrderMarkContradictingTheEncodingIsAUsageError) {
  StatusOr<Document> doc = SegmentBytes("\xEF\xBB\xBFx", "en", {.encoding = "ISO-8859-2"});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(doc.status().message().find("UTF-8 byte-order mark"), std::string::npos);
}

TEST(Encodings, UnknownEncodingIsAUsageError) {
  StatusOr<Document> doc = SegmentBytes("x", "en", {.encoding = "klingon-8"});
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
}

// --- Invalid and extreme input ---------------------------------------------------------------

TEST(InvalidInput, NulByteNamesItsPlace) {
  StatusOr<Document> doc = SegmentBytes(std::string("One.\nTw\0o.", 10), "en");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(doc.status().message(),
            "in.txt:2:3: a NUL character (byte 0x00): this is not a text file");
}

TEST(InvalidInput, Utf16WithoutByteOrderMarkIsRecognised) {
  const std::string bytes("H\0e\0l\0l\0o\0.\0 \0Y\0e\0s\0.\0", 22);
  StatusOr<Document> doc = SegmentBytes(bytes, "en");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8)"),
            std::string::npos)
      << doc.status().message();
  doc = SegmentBytes(bytes, "en", {.encoding_option = "--encoding"});
  EXPECT_NE(doc.status().message().find("try --encoding UTF-16LE"), std::string::npos)
      << doc.status().message();
  doc = SegmentBytes(bytes, "en", {.encoding = "UTF-16LE"});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->SentenceTexts(), (std::vector<std::string_view>{"Hello.", "Yes."}));
}

TEST(InvalidInput, InvalidUtf8InTheMiddleOfASequence) {
  StatusOr<Document> doc = SegmentBytes("ok \xC3(", "en");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("in.txt:1:4: invalid UTF-8 (byte 0xC3)"),
            std::string::npos);
}

TEST(InvalidInput, EmptyAndBlankFilesHaveNoSentences) {
  for (const std::string text : {"", " \n\t\r\n", "\u00a0\u3000\n\n", "\xEF\xBB\xBF"}) {
    StatusOr<Document> doc = SegmentBytes(text, "hu");
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_TRUE(doc->sentences.empty());
    EXPECT_TRUE(doc->paragraphs.empty());
  }
}

TEST(InvalidInput, FiftyMegabytesOnOneLine) {
  const std::string piece = "Szavak sora. M\u00e1sik mondat, vessz\u0151vel. ";
  std::string text;
  text.reserve((50u << 20) + piece.size());
  while (text.size() < (50u << 20)) text += piece;
  const std::size_t expected = text.size() / piece.size() * 2;
  StatusOr<Document> doc = SegmentBytes(text, "hu");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->paragraphs.size(), 1u);
  EXPECT_EQ(doc->sentences.size(), expected);
  EXPECT_EQ(doc->SentenceText(1), "M\u00e1sik mondat, vessz\u0151vel.");
  EXPECT_TRUE(ValidateDocument(*doc).ok());
}

TEST(InvalidInput, FiftyMegabytesWithoutASpace) {
  std::string text(50u << 20, 'x');
  for (std::size_t i = 100; i < text.size(); i += 1000) text[i] = '.';
  StatusOr<Document> doc = SegmentBytes(text, "en");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->sentences.size(), 1u);
  EXPECT_EQ(doc->sentences[0].span, (Span{0, text.size()}));
}

TEST(InvalidInput, ControlCharactersAndLoneSeparators) {
  // Form feeds, vertical tabs and Unicode line and paragraph separators are white space.
  StatusOr<Document> doc = SegmentBytes("One.\fTwo.\vThree.\u2028Four.\u2029Five.", "en");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->sentences.size(), 5u);
  EXPECT_TRUE(ValidateDocument(*doc).ok());
}

TEST(InvalidInput, FilesFromDisk) {
  TempDir dir;
  WriteFile(dir.File("nul.txt"), std::string("a\0b", 3));
  StatusOr<Document> doc = SegmentFile(dir.File("nul.txt"), {});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("nul.txt:1:2: a NUL character"), std::string::npos);
  WriteFile(dir.File("empty.txt"), "");
  doc = SegmentFile(dir.File("empty.txt"), {});
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->sentences.empty());
}

// Random texts from the characters the rules look at: every document is valid, and every
// non-space character of every paragraph is in exactly one sentence (nothing is lost).
TEST(Property, RandomTextsLoseNothing) {
  const std::vector<std::string> pieces = {
      "a",      "b",      "Z",   "\u00c9", "\u0151", "1",      "42",       ".",      "..",
      "...",    "\u2026", "!",   "?",      ",",      ":",      ";",        "(",      ")",
      "[",      "]",      "\"",  "'",      "\u201e", "\u201d", "\u2013",   "\u2014", "-",
      "\u2022", " ",      " ",   " ",      "\u00a0", "\n",     "\r\n",     "\n\n",   "Mr.",
      "stb.",   "U.S.",   "IV.", "1.",     "a)",     "e.g.",   "www.x.hu", "The",    "Az",
      "I",      "\u00a7", "@",   "/",      "\t"};
  std::mt19937 random(20261122);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = length(random); k > 0; --k) text += pieces[pick(random)];
    const std::string language = round % 3 == 0 ? "en" : round % 3 == 1 ? "hu" : "de";
    StatusOr<Document> doc = SegmentBytes(text, language);
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    ASSERT_TRUE(ValidateDocument(*doc).ok()) << ValidateDocument(*doc).message() << "\n" << text;
    std::vector<int> covered(text.size(), 0);
    for (const Sentence& sentence : doc->sentences) {
      for (std::size_t i = sentence.span.begin; i < sentence.span.end; ++i) ++covered[i];
    }
    for (const Paragraph& para : doc->paragraphs) {
      for (std::size_t i = para.span.begin; i < para.span.end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool space =
            c == ' ' || c == '\n' || c == '\r' || c == '\t' ||
            (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) ||
            (c == 0xA0 && i > 0 && static_cast<unsigned char>(text[i - 1]) == 0xC2);
        if (!space) {
          ASSERT_EQ(covered[i], 1) << "byte " << i << " of:\n" << text;
        }
      }
    }
  }
}

}  // namespace
}  // namespace tandem
