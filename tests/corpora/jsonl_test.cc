#include "tandem/corpora/jsonl.h"

#include <sstream>

#include <gtest/gtest.h>

#include "fixtures.h"

namespace tandem::corpora {
namespace {

TEST(Jsonl, OneBeadPerLineWithTextsAndSpans) {
  std::ostringstream out;
  ASSERT_TRUE(WriteJsonl(testing::SmallBitext(), out).ok());
  const std::string expected =
      R"({"bead":0,"confidence":0.9876,"source":[{"begin":0,"end":4,"index":0,"text":"One."}],)"
      R"("target":[{"begin":0,"end":4,"index":0,"text":"Egy."}],"type":"1:1"})"
      "\n"
      R"({"bead":1,"confidence":0.75,"source":[{"begin":5,"end":15,"index":1,"text":"Two three."}],)"
      R"("target":[{"begin":5,"end":12,"index":1,"text":"Kettő."},)"
      R"({"begin":13,"end":20,"index":2,"text":"Három."}],"type":"1:2"})"
      "\n"
      R"({"bead":2,"confidence":1.0,"source":[{"begin":17,"end":22,"index":2,"text":"Four."}],)"
      R"("target":[{"begin":22,"end":28,"index":3,"text":"Négy."}],"type":"1:1"})"
      "\n"
      R"({"bead":3,"confidence":0.5,"source":[],)"
      R"("target":[{"begin":29,"end":33,"index":4,"text":"Öt."}],"type":"0:1"})"
      "\n";
  EXPECT_EQ(out.str(), expected);
}

}  // namespace
}  // namespace tandem::corpora
