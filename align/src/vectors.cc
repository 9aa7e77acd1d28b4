#include "vectors.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tandem::align {
namespace {

std::uint64_t Mix(std::uint64_t x) {
  // splitmix64's finaliser: a cheap, well-spread hash of an integer.
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Sentences in which each key of `side` occurs.
std::vector<std::uint32_t> DocumentFrequencies(const KeyedSide& side) {
  std::vector<std::uint32_t> frequency(side.key_count(), 0);
  side.ForEachSentenceKey([&frequency](std::size_t, std::uint32_t key) { ++frequency[key]; });
  return frequency;
}

}  // namespace

void SentenceVectors::Rows::Add(const float* dense, std::size_t dimension) {
  for (std::size_t x = 0; x < dimension; ++x) {
    if (dense[x] == 0.0F) continue;
    index.push_back(static_cast<std::uint16_t>(x));
    value.push_back(dense[x]);
  }
  begin.push_back(static_cast<std::uint32_t>(index.size()));
}

void SentenceVectors::Rows::AddTo(std::size_t r, float* dense) const {
  for (std::uint32_t k = begin[r]; k < begin[r + 1]; ++k) dense[index[k]] += value[k];
}

SentenceVectors BuildSentenceVectors(const std::vector<const EvidenceChannel*>& channels,
                                     const VectorOptions& options) {
  SentenceVectors vectors;
  vectors.dimension = std::min<std::size_t>(options.dimension, std::size_t{1} << 16);
  if (channels.empty() || vectors.dimension == 0) return vectors;
  const std::size_t n = channels.front()->source.sentence_count();
  const std::size_t m = channels.front()->target.sentence_count();
  const std::size_t d = vectors.dimension;
  // Per channel: where each source key lands and with what weight, and the source keys each
  // target key reaches.
  struct Channel {
    const EvidenceChannel* evidence = nullptr;
    std::vector<std::uint32_t> slot;
    std::vector<float> weight;
    std::vector<std::vector<std::uint32_t>> reverse;
    std::vector<bool> target_kept;
  };
  std::vector<Channel> prepared(channels.size());
  for (std::size_t c = 0; c < channels.size(); ++c) {
    const EvidenceChannel& channel = *channels[c];
    Channel& p = prepared[c];
    p.evidence = &channel;
    const std::vector<std::uint32_t> source_df = DocumentFrequencies(channel.source);
    const std::vector<std::uint32_t> target_df = DocumentFrequencies(channel.target);
    const double source_limit = options.max_sentence_share * static_cast<double>(n);
    p.slot.resize(channel.source.key_count());
    p.weight.assign(channel.source.key_count(), 0.0F);
    for (std::uint32_t key = 0; key < channel.source.key_count(); ++key) {
      const std::uint64_t h = Mix((static_cast<std::uint64_t>(c) << 40) ^ key);
      p.slot[key] = static_cast<std::uint32_t>(h % d);
      if (source_df[key] == 0 || source_df[key] > std::max(1.0, source_limit)) continue;
      const double idf = std::log(1.0 + static_cast<double>(n) / source_df[key]);
      p.weight[key] = static_cast<float>((h >> 63) != 0 ? -idf : idf);
    }
    p.reverse.resize(channel.target.key_count());
    for (std::uint32_t key = 0; key < channel.links.size(); ++key) {
      if (p.weight[key] == 0.0F) continue;
      for (const KeyLink& link : channel.links[key]) p.reverse[link.target].push_back(key);
    }
    const double target_limit = options.max_sentence_share * static_cast<double>(m);
    p.target_kept.resize(channel.target.key_count());
    for (std::uint32_t key = 0; key < channel.target.key_count(); ++key) {
      p.target_kept[key] = target_df[key] <= std::max(1.0, target_limit);
    }
  }
  // Each sentence's row, dense while it is summed (channel by channel, occurrence by
  // occurrence), then kept sparse.
  std::vector<float> row(d);
  vectors.source.begin.reserve(n + 1);
  for (std::size_t s = 0; s < n; ++s) {
    std::fill(row.begin(), row.end(), 0.0F);
    for (const Channel& p : prepared) {
      const KeyedSide& side = p.evidence->source;
      for (std::uint32_t k = side.sentence_begin[s]; k < side.sentence_begin[s + 1]; ++k) {
        const std::uint32_t key = side.keys[k];
        row[p.slot[key]] += p.weight[key];
      }
    }
    vectors.source.Add(row.data(), d);
  }
  // Target keys reach the source keys they are linked to.
  vectors.target.begin.reserve(m + 1);
  for (std::size_t t = 0; t < m; ++t) {
    std::fill(row.begin(), row.end(), 0.0F);
    for (const Channel& p : prepared) {
      const KeyedSide& side = p.evidence->target;
      for (std::uint32_t k = side.sentence_begin[t]; k < side.sentence_begin[t + 1]; ++k) {
        const std::uint32_t key = side.keys[k];
        const std::vector<std::uint32_t>& linked = p.reverse[key];
        if (linked.empty() || !p.target_kept[key]) continue;
        const auto share = static_cast<float>(1.0 / static_cast<double>(linked.size()));
        for (std::uint32_t source_key : linked)
          row[p.slot[source_key]] += share * p.weight[source_key];
      }
    }
    vectors.target.Add(row.data(), d);
  }
  return vectors;
}

double RunCosine(const SentenceVectors& vectors, std::size_t i, std::size_t a, std::size_t j,
                 std::size_t b) {
  const std::size_t d = vectors.dimension;
  std::vector<float> x(d, 0.0F);
  std::vector<float> y(d, 0.0F);
  for (std::size_t s = i; s < i + a; ++s) vectors.source.AddTo(s, x.data());
  for (std::size_t t = j; t < j + b; ++t) vectors.target.AddTo(t, y.data());
  double dot = 0;
  double source_norm = 0;
  double target_norm = 0;
  for (std::size_t k = 0; k < d; ++k) {
    dot += static_cast<double>(x[k]) * y[k];
    source_norm += static_cast<double>(x[k]) * x[k];
    target_norm += static_cast<double>(y[k]) * y[k];
  }
  if (source_norm <= 0 || target_norm <= 0) return 0.0;
  return dot / std::sqrt(source_norm * target_norm);
}

}  // namespace tandem::align
