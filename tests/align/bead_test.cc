#include "tandem/align/bead.h"

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

TEST(Bead, TypeNameAndSides) {
  const Bead bead{3, 2, 5, 1, 0.5};
  EXPECT_EQ(BeadTypeName(bead), "2:1");
  EXPECT_EQ(bead.source_end(), 5u);
  EXPECT_EQ(bead.target_end(), 6u);
  EXPECT_TRUE(bead.two_sided());
  EXPECT_FALSE((Bead{0, 0, 0, 1, 1.0}).two_sided());
}

TEST(ValidateLadder, AcceptsCompleteMonotoneLadder) {
  const Ladder ladder = {{0, 1, 0, 1, 0.9}, {1, 0, 1, 1, 0.8}, {1, 2, 2, 1, 0.7}};
  EXPECT_TRUE(ValidateLadder(ladder, 3, 3).ok());
  EXPECT_TRUE(ValidateLadder({}, 0, 0).ok());
}

TEST(ValidateLadder, RejectsGapsOverlapsAndBadConfidence) {
  EXPECT_FALSE(ValidateLadder({{0, 1, 0, 1, 0.9}, {2, 1, 1, 1, 0.9}}, 3, 2).ok());  // gap
  EXPECT_FALSE(ValidateLadder({{0, 2, 0, 1, 0.9}, {1, 1, 1, 1, 0.9}}, 2, 2).ok());  // overlap
  EXPECT_FALSE(ValidateLadder({{0, 1, 0, 1, 0.9}}, 2, 1).ok());                     // incomplete
  EXPECT_FALSE(ValidateLadder({{0, 0, 0, 0, 0.9}, {0, 1, 0, 1, 0.9}}, 1, 1).ok());  // empty bead
  EXPECT_FALSE(ValidateLadder({{0, 1, 0, 1, 1.5}}, 1, 1).ok());                     // confidence
  const Status status = ValidateLadder({{0, 1, 0, 1, 0.9}}, 2, 1);
  EXPECT_NE(status.message().find("covers 1 source and 1 target"), std::string::npos);
}

}  // namespace
}  // namespace tandem::align
