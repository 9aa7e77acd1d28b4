#include "vectors.h"

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
  std::vector<std::uint32_t> last(side.key_count(), UINT32_MAX);
  for (std::size_t s = 0; s < side.sentence_count(); ++s) {
    for (std::uint32_t k = side.sentence_begin[s]; k < side.sentence_begin[s + 1]; ++k) {
      const std::uint32_t key = side.keys[k];
      if (last[key] != s) {
        last[key] = static_cast<std::uint32_t>(s);
        ++frequency[key];
      }
    }
  }
  return frequency;
}

}  // namespace

SentenceVectors BuildSentenceVectors(const std::vector<const EvidenceChannel*>& channels,
                                     const VectorOptions& options) {
  SentenceVectors vectors;
  vectors.dimension = options.dimension;
  if (channels.empty() || options.dimension == 0) return vectors;
  const std::size_t n = channels.front()->source.sentence_count();
  const std::size_t m = channels.front()->target.sentence_count();
  const std::size_t d = options.dimension;
  vectors.source.assign(n * d, 0.0F);
  vectors.target.assign(m * d, 0.0F);
  for (std::size_t c = 0; c < channels.size(); ++c) {
    const EvidenceChannel& channel = *channels[c];
    const std::vector<std::uint32_t> source_df = DocumentFrequencies(channel.source);
    const std::vector<std::uint32_t> target_df = DocumentFrequencies(channel.target);
    const double source_limit = options.max_sentence_share * static_cast<double>(n);
    // Where each source key lands, and with what weight.
    std::vector<std::uint32_t> slot(channel.source.key_count());
    std::vector<float> weight(channel.source.key_count(), 0.0F);
    for (std::uint32_t key = 0; key < channel.source.key_count(); ++key) {
      const std::uint64_t h = Mix((static_cast<std::uint64_t>(c) << 40) ^ key);
      slot[key] = static_cast<std::uint32_t>(h % d);
      if (source_df[key] == 0 || source_df[key] > std::max(1.0, source_limit)) continue;
      const double idf = std::log(1.0 + static_cast<double>(n) / source_df[key]);
      weight[key] = static_cast<float>((h >> 63) != 0 ? -idf : idf);
    }
    for (std::size_t s = 0; s < n; ++s) {
      for (std::uint32_t k = channel.source.sentence_begin[s];
           k < channel.source.sentence_begin[s + 1]; ++k) {
        const std::uint32_t key = channel.source.keys[k];
        vectors.source[s * d + slot[key]] += weight[key];
      }
    }
    // Target keys reach the source keys they are linked to.
    std::vector<std::vector<std::uint32_t>> reverse(channel.target.key_count());
    for (std::uint32_t key = 0; key < channel.links.size(); ++key) {
      if (weight[key] == 0.0F) continue;
      for (const KeyLink& link : channel.links[key]) reverse[link.target].push_back(key);
    }
    const double target_limit = options.max_sentence_share * static_cast<double>(m);
    for (std::size_t t = 0; t < m; ++t) {
      for (std::uint32_t k = channel.target.sentence_begin[t];
           k < channel.target.sentence_begin[t + 1]; ++k) {
        const std::uint32_t key = channel.target.keys[k];
        const std::vector<std::uint32_t>& linked = reverse[key];
        if (linked.empty() || target_df[key] > std::max(1.0, target_limit)) continue;
        const auto share = static_cast<float>(1.0 / static_cast<double>(linked.size()));
        for (std::uint32_t source_key : linked) {
          vectors.target[t * d + slot[source_key]] += share * weight[source_key];
        }
      }
    }
  }
  return vectors;
}

double RunCosine(const SentenceVectors& vectors, std::size_t i, std::size_t a, std::size_t j,
                 std::size_t b) {
  const std::size_t d = vectors.dimension;
  double dot = 0;
  double source_norm = 0;
  double target_norm = 0;
  for (std::size_t k = 0; k < d; ++k) {
    double x = 0;
    double y = 0;
    for (std::size_t s = i; s < i + a; ++s) x += vectors.source[s * d + k];
    for (std::size_t t = j; t < j + b; ++t) y += vectors.target[t * d + k];
    dot += x * y;
    source_norm += x * x;
    target_norm += y * y;
  }
  if (source_norm <= 0 || target_norm <= 0) return 0.0;
  return dot / std::sqrt(source_norm * target_norm);
}

}  // namespace tandem::align
