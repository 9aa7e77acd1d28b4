#include "tandem/corpora/vecalign.h"

#include <sstream>

#include <gtest/gtest.h>

#include "fixtures.h"
#include "test_util.h"

namespace tandem::corpora {
namespace {

TEST(Vecalign, WritesOneBeadPerLineWithConfidence) {
  std::ostringstream out;
  ASSERT_TRUE(WriteVecalign(testing::SmallBitext().ladder, out).ok());
  EXPECT_EQ(out.str(), "[0]:[0]:0.988\n[1]:[1, 2]:0.750\n[2]:[3]:1.000\n[]:[4]:0.500\n");
}

TEST(Vecalign, ReadsWhatItWrites) {
  const align::Ladder ladder = testing::SmallBitext().ladder;
  std::ostringstream out;
  ASSERT_TRUE(WriteVecalign(ladder, out).ok());
  StatusOr<std::vector<align::Link>> links = ParseVecalign(out.str(), "x.va");
  ASSERT_TRUE(links.ok()) << links.status().message();
  EXPECT_EQ(*links, align::LinksFromLadder(ladder));
}

TEST(Vecalign, ParsesGoldNotation) {
  StatusOr<std::vector<align::Link>> links =
      ParseVecalign("[0]:[0, 1]\n\n  [2,3] : []  \r\n[]:[2]:0.1234\n", "gold");
  ASSERT_TRUE(links.ok()) << links.status().message();
  ASSERT_EQ(links->size(), 3u);
  EXPECT_EQ((*links)[0], (align::Link{{0}, {0, 1}}));
  EXPECT_EQ((*links)[1], (align::Link{{2, 3}, {}}));
  EXPECT_EQ((*links)[2], (align::Link{{}, {2}}));
}

struct BadLine {
  const char* name;
  const char* text;
  const char* message;
};

// Test names and failure messages show the case name, not its bytes.
void PrintTo(const BadLine& c, std::ostream* os) { *os << c.name; }

class VecalignErrors : public ::testing::TestWithParam<BadLine> {};

TEST_P(VecalignErrors, NameFileLineAndColumn) {
  StatusOr<std::vector<align::Link>> links = ParseVecalign(GetParam().text, "gold.txt");
  ASSERT_FALSE(links.ok());
  EXPECT_EQ(links.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(links.status().message().find(GetParam().message), std::string::npos)
      << links.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, VecalignErrors,
    ::testing::Values(BadLine{"no_colon", "[0]:[0]\n[1] [1]\n", "gold.txt:2:5: expected ':'"},
                      BadLine{"not_a_number", "[a]:[0]", "gold.txt:1:2: expected a sentence index"},
                      BadLine{"unclosed", "[0, 1:[0]", "gold.txt:1:6: expected ',' or ']'"},
                      BadLine{"negative", "[-1]:[0]", "gold.txt:1:2: expected a sentence index"},
                      BadLine{"no_bracket", "0:0", "gold.txt:1:1: expected '['"}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(Vecalign, ReadsTheSharedGoldFiles) {
  TANDEM_SKIP_WITHOUT_SHARED();
  StatusOr<std::vector<align::Link>> links =
      ReadVecalignFile(testing::SharedPath("data/align-gold/textberg-de-fr/test0.defr"));
  ASSERT_TRUE(links.ok()) << links.status().message();
  EXPECT_EQ(links->size(), 128u);
  EXPECT_EQ((*links)[0], (align::Link{{0}, {0, 1}}));
}

}  // namespace
}  // namespace tandem::corpora
