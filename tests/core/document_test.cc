#include "tandem/core/document.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

Document TwoSentences() {
  Document doc;
  doc.name = "t.txt";
  doc.text = "One. Two.\n\nThree.";
  doc.paragraphs = {{{0, 9}, 0, 2, ParagraphKind::kText, {}},
                    {{11, 17}, 2, 1, ParagraphKind::kText, {}}};
  doc.sentences = {{{0, 4}, 0, {}}, {{5, 9}, 0, {}}, {{11, 17}, 1, {}}};
  return doc;
}

TEST(Document, SentenceAndParagraphTextAreViewsOfTheOriginal) {
  const Document doc = TwoSentences();
  EXPECT_EQ(doc.SentenceText(1), "Two.");
  EXPECT_EQ(doc.ParagraphText(0), "One. Two.");
  EXPECT_EQ(doc.SentenceTexts(), (std::vector<std::string_view>{"One.", "Two.", "Three."}));
}

TEST(Document, ValidDocumentPasses) { EXPECT_TRUE(ValidateDocument(TwoSentences()).ok()); }

TEST(Document, SpanOutsideTextFails) {
  Document doc = TwoSentences();
  doc.paragraphs[1].span.end = 99;
  EXPECT_FALSE(ValidateDocument(doc).ok());
}

TEST(Document, OverlappingSentencesFail) {
  Document doc = TwoSentences();
  doc.sentences[1].span.begin = 2;
  EXPECT_FALSE(ValidateDocument(doc).ok());
}

TEST(Document, SentenceInWrongParagraphFails) {
  Document doc = TwoSentences();
  doc.sentences[2].paragraph = 0;
  const Status status = ValidateDocument(doc);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("t.txt:3:1"), std::string::npos) << status.message();
}

TEST(Document, SentencesOutsideParagraphsFail) {
  Document doc = TwoSentences();
  doc.paragraphs[1].sentence_count = 0;
  EXPECT_FALSE(ValidateDocument(doc).ok());
}

TEST(Document, EmptySentenceFails) {
  Document doc = TwoSentences();
  doc.sentences[0].span.end = 0;
  EXPECT_FALSE(ValidateDocument(doc).ok());
}

}  // namespace
}  // namespace tandem
