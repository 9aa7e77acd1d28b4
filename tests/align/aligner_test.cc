#include "tandem/align/aligner.h"

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

AlignInput Input(std::vector<std::string_view> source, std::vector<std::string_view> target) {
  return {std::move(source), std::move(target), "en", "hu"};
}

TEST(Align, IdenticalTextsAreAllOneToOne) {
  const std::vector<std::string_view> text = {
      "Today, December 16th, the representative of the Council came.",
      "He transmitted an ultimatum to me orally.", "I declared that I would answer in writing.",
      "Short.", "A much longer sentence that goes on and on for quite a number of words."};
  StatusOr<Ladder> ladder = Align(Input(text, text), {});
  ASSERT_TRUE(ladder.ok()) << ladder.status().message();
  ASSERT_EQ(ladder->size(), text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    EXPECT_EQ((*ladder)[k].source_begin, k);
    EXPECT_EQ((*ladder)[k].source_count, 1u);
    EXPECT_EQ((*ladder)[k].target_count, 1u);
  }
}

TEST(Align, CountsCharactersNotBytes) {
  // Hungarian accented letters take two bytes; by characters the lengths match 1:1.
  const std::vector<std::string_view> source = {"aaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbb"};
  const std::vector<std::string_view> target = {
      "\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1"
      "\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1\xC3\xA1",
      "bbbbbbbbbb"};
  StatusOr<Ladder> ladder = Align(Input(source, target), {});
  ASSERT_TRUE(ladder.ok());
  ASSERT_EQ(ladder->size(), 2u);
  EXPECT_EQ(BeadTypeName((*ladder)[0]), "1:1");
}

TEST(Align, EmptyAndOneSidedInputs) {
  StatusOr<Ladder> empty = Align(Input({}, {}), {});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());

  StatusOr<Ladder> one_sided = Align(Input({}, {"Egy.", "Kett\xC5\x91."}), {});
  ASSERT_TRUE(one_sided.ok());
  ASSERT_EQ(one_sided->size(), 2u);
  EXPECT_EQ(BeadTypeName((*one_sided)[0]), "0:1");
}

TEST(Align, OneSentenceEach) {
  StatusOr<Ladder> ladder = Align(Input({"Hello there."}, {"Szia, hell\xC3\xB3."}), {});
  ASSERT_TRUE(ladder.ok());
  ASSERT_EQ(ladder->size(), 1u);
  EXPECT_EQ(BeadTypeName((*ladder)[0]), "1:1");
}

TEST(Align, RejectsBadMaxBead) {
  StatusOr<Ladder> ladder = Align(Input({"a"}, {"b"}), {.max_bead = 0});
  ASSERT_FALSE(ladder.ok());
  EXPECT_EQ(ladder.status().code(), StatusCode::kInvalidArgument);
}

TEST(Align, DescribesItsOptions) {
  const auto parameters = DescribeOptions({.max_bead = 3});
  bool found = false;
  for (const auto& [name, value] : parameters) found |= name == "max-bead" && value == "3";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace tandem::align
