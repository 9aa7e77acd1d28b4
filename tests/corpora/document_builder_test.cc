#include "tandem/corpora/document_builder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.h"

namespace tandem::corpora {
namespace {

using ::testing::HasSubstr;

// Feeds `doc` to a builder the way a reader of a format that keeps everything would.
DocumentBuilder FromDocument(const Document& doc, bool spans, bool gaps) {
  DocumentBuilder builder(doc.name, doc.language);
  for (std::size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const Paragraph& para = doc.paragraphs[p];
    builder.StartParagraph(para.id, para.kind,
                           spans ? std::optional<Span>(para.span) : std::nullopt);
    std::size_t at = para.span.begin;
    for (std::size_t k = 0; k < para.sentence_count; ++k) {
      const Sentence& s = doc.sentences[para.first_sentence + k];
      if (gaps) builder.AddGap(std::string_view(doc.text).substr(at, s.span.begin - at));
      builder.AddSentence(doc.SentenceText(para.first_sentence + k), s.id,
                          spans ? std::optional<Span>(s.span) : std::nullopt);
      at = s.span.end;
    }
    if (gaps) builder.AddGap(std::string_view(doc.text).substr(at, para.span.end - at));
  }
  if (spans) builder.SetOriginalSize(doc.text.size());
  return builder;
}

TEST(DocumentBuilder, KeepsOriginalSpansAndText) {
  const Document original = testing::SmallBitext().target;
  DocumentBuilder builder = FromDocument(original, /*spans=*/true, /*gaps=*/true);
  StatusOr<Document> doc = builder.Finish();
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  // The text between paragraphs ("\n\n") is not kept by formats; it reads back as line feeds,
  // which is what it was.
  EXPECT_EQ(*doc, original);
  EXPECT_FALSE(doc->synthetic);
  EXPECT_TRUE(ValidateDocument(*doc).ok());
}

TEST(DocumentBuilder, UnknownGapsBecomeSpacesAndOutsideParagraphsLineFeeds) {
  Document original = testing::SmallBitext().source;  // "One. Two three.\n\nFour."
  original.text = "One.\tTwo three.  xx\n\nFour.";
  original.paragraphs[0].span = {0, 19};
  original.paragraphs[1].span = {21, 26};
  original.sentences = {{{0, 4}, 0, {}}, {{5, 15}, 0, {}}, {{21, 26}, 1, {}}};
  DocumentBuilder builder = FromDocument(original, /*spans=*/true, /*gaps=*/false);
  StatusOr<Document> doc = builder.Finish();
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "One. Two three.    \n\nFour.");
  EXPECT_EQ(doc->sentences, original.sentences);
  EXPECT_EQ(doc->paragraphs, original.paragraphs);
}

TEST(DocumentBuilder, WithoutSpansTheLayoutIsSynthetic) {
  DocumentBuilder builder = FromDocument(testing::SmallBitext().target, false, false);
  StatusOr<Document> doc = builder.Finish();
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->synthetic);
  EXPECT_EQ(doc->text, "Egy. Kettő. Három.\nNégy. Öt.");
  EXPECT_EQ(doc->SentenceText(4), "Öt.");
  EXPECT_EQ(doc->ParagraphText(1), "Négy. Öt.");
  EXPECT_TRUE(ValidateDocument(*doc).ok());
}

TEST(DocumentBuilder, SpansThatDoNotFitAreDroppedWithAWarning) {
  DocumentBuilder builder("x.tmx", "en");
  builder.StartParagraph();
  builder.AddSentence("One.", "", Span{0, 4});
  builder.AddSentence("Two.", "", Span{2, 6});  // overlaps
  std::vector<std::string> warnings;
  StatusOr<Document> doc = builder.Finish([&](const std::string& m) { warnings.push_back(m); });
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->synthetic);
  EXPECT_EQ(doc->text, "One. Two.");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("x.tmx: the byte spans in the file do not fit the text"));

  DocumentBuilder wrong_length("y.jsonl", "en");
  wrong_length.AddSentence("One\xEF\xBF\xBD", "", Span{0, 4});  // a replaced control character
  warnings.clear();
  doc = wrong_length.Finish([&](const std::string& m) { warnings.push_back(m); });
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->synthetic);
  EXPECT_THAT(warnings.at(0), HasSubstr("sentence 1 is 6 bytes long but its span [0, 4) is 4"));
}

// Found by fuzz_tmx: a header size (or a span) of terabytes in a small file made the original
// layout ask for that much memory. Beyond the largest file tandem reads, the layout is synthetic.
TEST(DocumentBuilder, AnOriginalSizeBeyondAnyFileIsDroppedWithAWarning) {
  for (const bool huge_span : {false, true}) {
    DocumentBuilder builder("x.tmx", "en");
    const std::size_t far = std::size_t{3} << 40;
    if (!huge_span) builder.SetOriginalSize(far);
    builder.StartParagraph();
    builder.AddSentence("One.", "", huge_span ? Span{far, far + 4} : Span{0, 4});
    std::vector<std::string> warnings;
    StatusOr<Document> doc = builder.Finish([&](const std::string& m) { warnings.push_back(m); });
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(doc->synthetic);
    EXPECT_EQ(doc->text, "One.");
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_THAT(warnings[0],
                HasSubstr("more than the 2147483648 bytes tandem reads from one file"));
  }
}

TEST(DocumentBuilder, EmptySentencesAreAnError) {
  DocumentBuilder builder("x.xml", "en");
  builder.AddSentence("One.", "s1");
  builder.AddSentence("", "s2");
  StatusOr<Document> doc = builder.Finish();
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidData);
  EXPECT_THAT(doc.status().message(), HasSubstr("x.xml: sentence 2 (s2) is empty"));
}

TEST(DocumentBuilder, EmptyParagraphsAreLeftOut) {
  DocumentBuilder builder("x.xml", "en");
  builder.StartParagraph("p1");
  builder.EndParagraph();
  builder.StartParagraph("p2");
  builder.AddSentence("One.");
  builder.StartParagraph("p3");
  StatusOr<Document> doc = builder.Finish();
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->paragraphs.size(), 1u);
  EXPECT_EQ(doc->paragraphs[0].id, "p2");
  EXPECT_EQ(doc->text, "One.");
}

TEST(DocumentBuilder, ParagraphWithoutSpanTakesItsContent) {
  DocumentBuilder builder("x.xml", "en");
  builder.StartParagraph();
  builder.AddGap("  ");
  builder.AddSentence("One.", "", Span{10, 14});
  builder.AddGap(" ");
  StatusOr<Document> doc = builder.Finish();
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->synthetic);
  EXPECT_EQ(doc->paragraphs[0].span, (Span{8, 15}));
  EXPECT_EQ(doc->text, "\n\n\n\n\n\n\n\n  One. ");
}

}  // namespace
}  // namespace tandem::corpora
