#include "vectors.h"

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

// Twenty sentence pairs; source key k is linked to target key k + 1000.
EvidenceChannel Channel() {
  std::vector<std::vector<std::uint32_t>> source;
  std::vector<std::vector<std::uint32_t>> target;
  for (std::uint32_t k = 0; k < 20; ++k) {
    source.push_back({3 * k, 3 * k + 1, 3 * k + 2});
    target.push_back({3 * k + 1001, 3 * k + 1000});
  }
  EvidenceChannel channel;
  channel.source = Side(source, 60);
  channel.target = Side(target, 1060);
  channel.links.resize(60);
  for (std::uint32_t k = 0; k < 60; ++k) channel.links[k] = {{k + 1000, 0}};
  return channel;
}

TEST(SentenceVectors, TranslationsAreCloserThanOtherSentences) {
  const EvidenceChannel channel = Channel();
  const SentenceVectors vectors = BuildSentenceVectors({&channel}, {.dimension = 64});
  EXPECT_EQ(vectors.dimension, 64u);
  EXPECT_EQ(vectors.source.size(), 20u);
  EXPECT_EQ(vectors.target.size(), 20u);
  for (std::size_t k = 0; k < 20; ++k) {
    const double own = RunCosine(vectors, k, 1, k, 1);
    EXPECT_GT(own, 0.6) << k;
    EXPECT_GT(own, RunCosine(vectors, k, 1, (k + 7) % 20, 1)) << k;
  }
  // Runs: two sentences against their two translations, better than shifted by one.
  EXPECT_GT(RunCosine(vectors, 4, 2, 4, 2), RunCosine(vectors, 4, 2, 5, 2));
}

TEST(SentenceVectors, EmptyRunsHaveCosineZero) {
  const EvidenceChannel channel = Channel();
  const SentenceVectors vectors = BuildSentenceVectors({&channel}, {.dimension = 16});
  EXPECT_EQ(RunCosine(vectors, 3, 0, 3, 1), 0.0);
  const SentenceVectors none = BuildSentenceVectors({}, {});
  EXPECT_EQ(none.source.size(), 0u);
}

}  // namespace
}  // namespace tandem::align
