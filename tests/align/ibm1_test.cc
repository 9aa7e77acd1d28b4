#include "ibm1.h"

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

KeyedSide Side(const std::vector<std::vector<std::uint32_t>>& sentences, std::size_t keys) {
  KeyedSide side;
  for (const auto& sentence : sentences) {
    for (std::uint32_t key : sentence) side.Add(key, {0, 1});
    side.EndSentence();
  }
  for (std::size_t k = 0; k < keys; ++k) side.key_names.push_back("k" + std::to_string(k));
  return side;
}

// Source key s translates as target key s + 100; each sentence pair holds three such pairs,
// in shuffled order on the target side.
TEST(LearnLinks, FindsConsistentTranslations) {
  std::vector<std::vector<std::uint32_t>> source;
  std::vector<std::vector<std::uint32_t>> target;
  Ladder beads;
  for (std::uint32_t k = 0; k < 30; ++k) {
    const std::uint32_t a = k % 10;
    const std::uint32_t b = (k * 3 + 1) % 10;
    const std::uint32_t c = (k * 7 + 2) % 10;
    if (a == b || b == c || a == c) continue;
    source.push_back({a, b, c});
    target.push_back({c + 100, a + 100, b + 100});
    beads.push_back({source.size() - 1, 1, target.size() - 1, 1, 1.0});
  }
  const KeyedSide s = Side(source, 10);
  const KeyedSide t = Side(target, 110);
  const auto links = LearnLinks(s, t, beads, {.max_sentence_share = 1.0});
  ASSERT_EQ(links.size(), 10u);
  std::size_t right = 0;
  std::size_t total = 0;
  for (std::uint32_t k = 0; k < 10; ++k) {
    for (const KeyLink& link : links[k]) {
      ++total;
      right += link.target == k + 100 ? 1 : 0;
    }
  }
  EXPECT_GE(right, 8u);
  EXPECT_EQ(total, right);
}

TEST(LearnLinks, ChanceCooccurrencesAreNotLinked) {
  // Two beads only: every pair co-occurs at most twice, too little to be significant when the
  // keys are frequent.
  const KeyedSide s = Side({{0, 1}, {0, 1}, {0}, {1}}, 2);
  const KeyedSide t = Side({{5, 6}, {5, 6}, {6}, {5}}, 7);
  const Ladder beads = {{0, 1, 0, 1, 1.0}, {1, 1, 1, 1, 1.0}, {2, 1, 2, 1, 1.0}, {3, 1, 3, 1, 1.0}};
  const auto links = LearnLinks(s, t, beads, {.max_sentence_share = 1.0});
  for (const auto& list : links) EXPECT_TRUE(list.empty());
}

TEST(LearnLinks, NoBeadsNoLinks) {
  const KeyedSide s = Side({{0}}, 1);
  const KeyedSide t = Side({{0}}, 1);
  const auto links = LearnLinks(s, t, {}, {});
  ASSERT_EQ(links.size(), 1u);
  EXPECT_TRUE(links[0].empty());
}

}  // namespace
}  // namespace tandem::align
