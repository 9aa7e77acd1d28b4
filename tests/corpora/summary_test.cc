#include "tandem/corpora/summary.h"

#include <gtest/gtest.h>

#include "fixtures.h"

namespace tandem::corpora {
namespace {

TEST(Summary, CountsBeadsAndFindsTheAlignedRegion) {
  const Bitext bitext = testing::SmallBitext();
  const BitextSummary summary = Summarize(bitext);
  EXPECT_EQ(summary.source.sentences, 3u);
  EXPECT_EQ(summary.target.sentences, 5u);
  EXPECT_EQ(summary.target.paragraphs, 2u);
  EXPECT_EQ(summary.beads, 4u);
  EXPECT_EQ(summary.beads_by_type.at("1:1"), 2u);
  EXPECT_EQ(summary.beads_by_type.at("1:2"), 1u);
  EXPECT_EQ(summary.beads_by_type.at("0:1"), 1u);
  EXPECT_NEAR(summary.mean_confidence, (0.9876 + 0.75 + 1.0 + 0.5) / 4, 1e-12);
  EXPECT_EQ(summary.source.first_aligned, 0u);
  EXPECT_EQ(summary.source.last_aligned, 2u);
  EXPECT_EQ(summary.target.first_aligned, 0u);
  EXPECT_EQ(summary.target.last_aligned, 3u);  // sentence 4 is unaligned
  EXPECT_EQ(summary.target.aligned_sentences, 4u);
  EXPECT_EQ(summary.target.first_line, 1u);
  EXPECT_EQ(summary.target.last_line, 3u);
}

TEST(Summary, FormatsForPeople) {
  const Bitext bitext = testing::SmallBitext();
  const std::string text = FormatSummary(bitext, Summarize(bitext));
  EXPECT_NE(text.find("beads:      4 (1:1 2, 0:1 1, 1:2 1)"), std::string::npos) << text;
  EXPECT_NE(text.find("/data/hu.txt: sentences 1-4 of 5 (lines 1-3), 4 aligned"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace tandem::corpora
