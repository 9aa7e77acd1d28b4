#include "jsonl.h"

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "fixtures.h"

namespace tandem::corpora {
namespace {

TEST(Jsonl, OneBeadPerLineWithTextsAndSpans) {
  std::ostringstream out;
  ASSERT_TRUE(WriteJsonl(testing::SmallBitext(), out).ok());
  const std::string expected =
      R"({"bead":0,"confidence":0.9876,"source":[{"begin":0,"end":4,"index":0,"paragraph":0,)"
      R"("text":"One."}],"target":[{"begin":0,"end":4,"index":0,"paragraph":0,"text":"Egy."}],)"
      R"("type":"1:1"})"
      "\n"
      R"({"bead":1,"confidence":0.75,"source":[{"begin":5,"end":15,"index":1,"paragraph":0,)"
      R"("text":"Two three."}],"target":[{"begin":5,"end":12,"index":1,"paragraph":0,)"
      R"("text":"Kettő."},{"begin":13,"end":20,"index":2,"paragraph":0,"text":"Három."}],)"
      R"("type":"1:2"})"
      "\n"
      R"({"bead":2,"confidence":1.0,"source":[{"begin":17,"end":22,"index":2,"paragraph":1,)"
      R"("text":"Four."}],"target":[{"begin":22,"end":28,"index":3,"paragraph":1,)"
      R"("text":"Négy."}],"type":"1:1"})"
      "\n"
      R"({"bead":3,"confidence":0.5,"source":[],)"
      R"("target":[{"begin":29,"end":33,"index":4,"paragraph":1,"text":"Öt."}],"type":"0:1"})"
      "\n";
  EXPECT_EQ(out.str(), expected);
}

TEST(Jsonl, ReadsWhatItWritesWithReviewAndIds) {
  corpora::Bitext original = testing::ReviewedBitext();
  original.target.sentences[2].id = "h3";
  std::ostringstream out;
  ASSERT_TRUE(WriteJsonl(original, out).ok());
  StatusOr<Bitext> read = ParseJsonl(out.str(), "x.jsonl", {"en", "hu"});
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->ladder, original.ladder);
  EXPECT_EQ(read->review, original.review);
  EXPECT_EQ(read->target.sentences, original.target.sentences);
  EXPECT_EQ(read->target.paragraphs.size(), 2u);
  EXPECT_EQ(read->target.SentenceText(4), "Öt.");
  EXPECT_EQ(read->target.name, "");  // the spans point into a file JSON Lines does not name
}

TEST(Jsonl, BadLinesNameTheLine) {
  StatusOr<Bitext> read = ParseJsonl(
      "\n{\"confidence\":0.5,\"source\":[{\"index\":0,\"text\":\"A.\"}],"
      "\"target\":[]}\n[1]\n",
      "x.jsonl");
  EXPECT_EQ(read.status().message(),
            "x.jsonl:3: not a JSON object (the file is not JSON Lines, "
            "or is damaged)");
}

// Found by fuzz_jsonl (tests/fuzz/regressions/fuzz_jsonl/): a span of 3.3e50 was converted to
// size_t, which is undefined behaviour. Numbers that are not whole, negative or too large are
// errors with the line and the field.
TEST(Jsonl, SpansMustBeWholeNumbersThatFit) {
  for (const char* end : {"3.3e50", "333333333333333333333333333333333", "-4", "4.5", "\"4\""}) {
    StatusOr<Bitext> read = ParseJsonl(
        std::string("{\"confidence\":1,\"source\":[{\"index\":0,\"text\":\"A.\",\"begin\":0,"
                    "\"end\":") +
            end + "}],\"target\":[]}\n",
        "x.jsonl");
    EXPECT_EQ(read.status().message(), "x.jsonl:1: \"end\" must be a whole number of 0 or more")
        << end;
  }
  StatusOr<Bitext> read = ParseJsonl(
      "{\"confidence\":1,\"source\":[{\"index\":1e300,\"text\":\"A.\"}],\"target\":[]}\n",
      "x.jsonl");
  EXPECT_EQ(read.status().message(), "x.jsonl:1: \"index\" must be a whole number of 0 or more");
}

TEST(Jsonl, SentencesOutOfOrderAreAnError) {
  StatusOr<Bitext> read = ParseJsonl(
      "{\"confidence\":1,\"source\":[{\"index\":3,\"text\":\"A.\"}],\"target\":[]}\n"
      "{\"confidence\":1,\"source\":[{\"index\":1,\"text\":\"B.\"}],\"target\":[]}\n",
      "x.jsonl");
  EXPECT_EQ(read.status().message(),
            "x.jsonl:2: source sentence 1 comes after sentence 3: beads "
            "and sentences must be in order");
}

}  // namespace
}  // namespace tandem::corpora
