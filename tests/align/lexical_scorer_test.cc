#include "lexical_scorer.h"

#include <cmath>

#include <gtest/gtest.h>

namespace tandem::align {
namespace {

// A side from lists of keys per sentence; key k is named "k<k>".
KeyedSide Side(const std::vector<std::vector<std::uint32_t>>& sentences, std::size_t keys) {
  KeyedSide side;
  for (const auto& sentence : sentences) {
    for (std::uint32_t key : sentence) side.Add(key, {0, 1});
    side.EndSentence();
  }
  for (std::size_t k = 0; k < keys; ++k) side.key_names.push_back("k" + std::to_string(k));
  return side;
}

// Source key k is linked to target key k (an identity channel over `keys` keys).
EvidenceChannel Identity(const std::vector<std::vector<std::uint32_t>>& source,
                         const std::vector<std::vector<std::uint32_t>>& target, std::size_t keys) {
  EvidenceChannel channel;
  channel.name = "test";
  channel.origins = {"same"};
  channel.source = Side(source, keys);
  channel.target = Side(target, keys);
  channel.links.resize(keys);
  for (std::uint32_t k = 0; k < keys; ++k) channel.links[k] = {{k, 0}};
  return channel;
}

// Ten sentence pairs, each sharing two rare keys: sentence k has keys 2k and 2k+1.
EvidenceChannel Parallel() {
  std::vector<std::vector<std::uint32_t>> sentences;
  for (std::uint32_t k = 0; k < 10; ++k) sentences.push_back({2 * k, 2 * k + 1});
  return Identity(sentences, sentences, 20);
}

TEST(LexicalScorer, MatchesMakeTranslationsCheapAndMismatchesExpensive) {
  const EvidenceChannel channel = Parallel();
  const LexicalScorer scorer(channel, {.reliability = 0.8, .max_sentence_share = 0.5});
  EXPECT_LT(scorer.Cost(3, 1, 3, 1), -2.0);
  EXPECT_GT(scorer.Cost(3, 1, 4, 1), 2.0);
  EXPECT_LT(scorer.Cost(3, 1, 3, 1), scorer.Cost(3, 1, 4, 1));
  // One-sided beads carry no lexical evidence.
  EXPECT_EQ(scorer.Cost(3, 1, 3, 0), 0.0);
  EXPECT_EQ(scorer.Cost(3, 0, 3, 1), 0.0);
  // Merging an unrelated sentence into a bead costs its unmatched words.
  EXPECT_GT(scorer.Cost(3, 2, 3, 1), scorer.Cost(3, 1, 3, 1));
  // A 2:2 of two translation pairs is cheaper than one of them with an unrelated pair.
  EXPECT_LT(scorer.Cost(3, 2, 3, 2), scorer.Cost(3, 2, 5, 2));
}

TEST(LexicalScorer, TheScoreFollowsTheModel) {
  // One source sentence with key 0, three target sentences: key 0 once, key 1 twice.
  const EvidenceChannel channel = Identity({{0}}, {{0}, {1}, {1}}, 2);
  const double reliability = 0.6;
  const LexicalScorer scorer(channel, {.reliability = reliability, .max_sentence_share = 1.0});
  // Source occurrence of key 0: p = 0.6 (one counterpart for one occurrence), q = 1/3, and
  // n = 1 target occurrence in the bead: chance = 1/3. The target occurrence of key 0 is
  // matched the same way (q = 1 on the source side, which has one occurrence).
  const double chance = 1.0 / 3.0;
  const double source_llr = std::log((reliability + (1 - reliability) * chance) / chance);
  const double target_chance = 1.0 - 1e-3;  // q is capped at 0.999
  const double target_llr =
      std::log((reliability + (1 - reliability) * target_chance) / target_chance);
  EXPECT_NEAR(scorer.Cost(0, 1, 0, 1), -(source_llr + target_llr), 1e-4);  // fast logarithm
  // Against target sentence 1: the source occurrence is unmatched (log(1 - p)); key 1 has no
  // counterpart in the source, so it takes no part.
  // Occurrence scores are kept as floats (lexical_scorer.h): 1e-6 is their precision.
  EXPECT_NEAR(scorer.Cost(0, 1, 1, 1), -std::log(1 - reliability), 1e-6);
}

TEST(LexicalScorer, FrequentKeysAreIgnored) {
  // Key 0 is in every sentence of both sides: it says nothing.
  std::vector<std::vector<std::uint32_t>> sentences;
  for (std::uint32_t k = 1; k <= 10; ++k) sentences.push_back({0, k});
  const EvidenceChannel channel = Identity(sentences, sentences, 11);
  const LexicalScorer scorer(channel, {.reliability = 0.8, .max_sentence_share = 0.2});
  EXPECT_FALSE(scorer.Active(true, 0));
  EXPECT_TRUE(scorer.Active(true, 1));
  const std::vector<LexicalMatch> matches = scorer.Matches(0, 1, 0, 1);
  ASSERT_EQ(matches.size(), 2u);  // key 1 from each side, not key 0
  EXPECT_TRUE(matches[0].source_side);
  EXPECT_FALSE(matches[1].source_side);
  EXPECT_EQ(channel.source.keys[matches[0].occurrence], 1u);
  EXPECT_EQ(channel.target.keys[matches[0].counterpart], 1u);
}

TEST(LexicalScorer, RareCounterpartsLimitTheReliability) {
  // Key 0 occurs in four source sentences, its counterpart in one target sentence only: a
  // missing match costs little (p = reliability / 4).
  const EvidenceChannel channel = Identity({{0}, {0}, {0}, {0}}, {{0}, {1}, {1}, {1}}, 2);
  const LexicalScorer scorer(channel, {.reliability = 0.8, .max_sentence_share = 1.0});
  EXPECT_NEAR(scorer.Cost(1, 1, 1, 1), -std::log(1 - 0.8 / 4), 1e-6);
}

TEST(LexicalScorer, ReliabilityFromBeads) {
  const EvidenceChannel channel = Parallel();
  const LexicalScorer scorer(channel, {.reliability = 0.5, .max_sentence_share = 0.5});
  Ladder right;
  for (std::size_t k = 0; k < 10; ++k) right.push_back({k, 1, k, 1, 1.0});
  const ReliabilityCounts counts = scorer.Count(right);
  EXPECT_EQ(counts.occurrences, 40u);
  // Every occurrence matched: the estimate approaches 1 as the evidence outweighs the prior.
  EXPECT_GT(EstimateReliability(counts, 0.5, 10), 0.85);
  EXPECT_NEAR(EstimateReliability(counts, 0.5, 1e9), 0.5, 1e-3);
  Ladder wrong;
  for (std::size_t k = 0; k + 1 < 10; ++k) wrong.push_back({k, 1, k + 1, 1, 1.0});
  EXPECT_LT(EstimateReliability(scorer.Count(wrong), 0.5, 10), 0.2);
}

}  // namespace
}  // namespace tandem::align
