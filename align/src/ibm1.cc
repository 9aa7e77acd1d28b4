#include "ibm1.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace tandem::align {
namespace {

// Keys of `side` that occur in at most `max_share` of its sentences.
std::vector<bool> UsefulKeys(const KeyedSide& side, double max_share) {
  std::vector<std::uint32_t> sentences(side.key_count(), 0);
  side.ForEachSentenceKey([&sentences](std::size_t, std::uint32_t key) { ++sentences[key]; });
  const double limit = std::max(2.0, max_share * static_cast<double>(side.sentence_count()));
  std::vector<bool> useful(side.key_count());
  for (std::size_t key = 0; key < useful.size(); ++key) useful[key] = sentences[key] <= limit;
  return useful;
}

std::vector<std::uint32_t> BeadKeys(const KeyedSide& side, std::size_t begin, std::size_t end,
                                    const std::vector<bool>& useful) {
  std::vector<std::uint32_t> keys;
  for (std::uint32_t k = side.sentence_begin[begin]; k < side.sentence_begin[end]; ++k) {
    if (useful[side.keys[k]]) keys.push_back(side.keys[k]);
  }
  return keys;
}

constexpr std::uint32_t kNull = UINT32_MAX;

// t(f | e) for the pairs that co-occur, trained by EM. `pairs[b]` holds, for bead b, for each
// f of F(b) in turn, the pair indices of (e, f) for NULL and every e of E(b).
std::vector<double> TrainDirection(const std::vector<std::vector<std::uint32_t>>& pairs,
                                   const std::vector<std::uint32_t>& pair_e,
                                   const std::vector<std::size_t>& e_sizes, std::size_t keys_e,
                                   std::size_t iterations) {
  std::vector<double> t(pair_e.size(), 1.0);
  std::vector<double> counts(pair_e.size());
  std::vector<double> totals(keys_e + 1);
  for (std::size_t iteration = 0; iteration < iterations; ++iteration) {
    std::fill(counts.begin(), counts.end(), 0.0);
    std::fill(totals.begin(), totals.end(), 0.0);
    for (std::size_t b = 0; b < pairs.size(); ++b) {
      const std::size_t width = e_sizes[b] + 1;
      for (std::size_t start = 0; start < pairs[b].size(); start += width) {
        double denominator = 0;
        for (std::size_t k = start; k < start + width; ++k) denominator += t[pairs[b][k]];
        if (denominator <= 0) continue;
        for (std::size_t k = start; k < start + width; ++k) {
          counts[pairs[b][k]] += t[pairs[b][k]] / denominator;
        }
      }
    }
    for (std::size_t p = 0; p < counts.size(); ++p) {
      totals[pair_e[p] == kNull ? keys_e : pair_e[p]] += counts[p];
    }
    for (std::size_t p = 0; p < counts.size(); ++p) {
      const double total = totals[pair_e[p] == kNull ? keys_e : pair_e[p]];
      t[p] = total > 0 ? counts[p] / total : 0.0;
    }
  }
  return t;
}

// Dunning's G² for a 2x2 table of beads: k11 with both keys, k12 with the first only, k21 with
// the second only, k22 with neither. Negative when they occur together less than by chance.
double Association(double k11, double k12, double k21, double k22) {
  const double n = k11 + k12 + k21 + k22;
  auto term = [n](double k, double row, double column) {
    return k > 0 ? k * std::log(k * n / (row * column)) : 0.0;
  };
  const double g2 = 2 * (term(k11, k11 + k12, k11 + k21) + term(k12, k11 + k12, k12 + k22) +
                         term(k21, k21 + k22, k11 + k21) + term(k22, k21 + k22, k12 + k22));
  return k11 * n >= (k11 + k12) * (k11 + k21) ? g2 : -g2;
}

// Indices of key pairs (source << 32 | target): an open-addressing table that doubles when it
// is half full. The training meets every pair of every bead, millions of lookups for a long
// text, and most of them repeat pairs met before: a table sized for every pair met would be
// mostly empty and slow to clear.
class PairIndex {
 public:
  PairIndex() { Resize(std::size_t{1} << 12); }

  // The index of `pair`, given `next` when it is new (and then true).
  std::pair<std::uint32_t, bool> Insert(std::uint64_t pair, std::uint32_t next) {
    std::size_t at = Home(pair);
    while (true) {
      Slot& slot = slots_[at];
      if (slot.pair == pair) return {slot.index, false};
      if (slot.pair == kEmpty) {
        slot = {pair, next};
        if (++used_ * 2 > slots_.size()) Resize(slots_.size() * 2);
        return {next, true};
      }
      at = (at + 1) & mask_;
    }
  }

 private:
  static constexpr std::uint64_t kEmpty = UINT64_MAX;  // (NULL, NULL) is never a pair
  struct Slot {
    std::uint64_t pair;
    std::uint32_t index;
  };

  std::size_t Home(std::uint64_t pair) const {
    return static_cast<std::size_t>((pair * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  void Resize(std::size_t size) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(size, {kEmpty, 0});
    mask_ = size - 1;
    shift_ = 64;
    for (std::size_t s = size; s > 1; s /= 2) --shift_;
    for (const Slot& slot : old) {
      if (slot.pair == kEmpty) continue;
      std::size_t at = Home(slot.pair);
      while (slots_[at].pair != kEmpty) at = (at + 1) & mask_;
      slots_[at] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = 64;
  std::size_t used_ = 0;
};

// Pair indices for training t(f | e) on beads given as (E, F) key lists.
struct Direction {
  std::vector<std::vector<std::uint32_t>> pairs;
  std::vector<std::size_t> e_sizes;
};

}  // namespace

std::vector<std::vector<KeyLink>> LearnLinks(const KeyedSide& source, const KeyedSide& target,
                                             const std::vector<Bead>& beads,
                                             const Model1Options& options) {
  std::vector<std::vector<KeyLink>> links(source.key_count());
  const std::vector<bool> useful_source = UsefulKeys(source, options.max_sentence_share);
  const std::vector<bool> useful_target = UsefulKeys(target, options.max_sentence_share);

  std::vector<std::vector<std::uint32_t>> bead_source;
  std::vector<std::vector<std::uint32_t>> bead_target;
  for (const Bead& bead : beads) {
    if (!bead.two_sided()) continue;
    if (bead_source.size() >= options.max_beads) break;
    std::vector<std::uint32_t> e =
        BeadKeys(source, bead.source_begin, bead.source_end(), useful_source);
    std::vector<std::uint32_t> f =
        BeadKeys(target, bead.target_begin, bead.target_end(), useful_target);
    if (e.empty() || f.empty()) continue;
    bead_source.push_back(std::move(e));
    bead_target.push_back(std::move(f));
  }

  // One index per co-occurring (source, target) key pair, shared by both directions; NULL
  // pairs of each direction get their own indices. Indices are given in the order pairs are
  // first met.
  PairIndex index;
  std::vector<std::uint32_t> pair_source;
  std::vector<std::uint32_t> pair_target;
  auto pair_of = [&](std::uint32_t s, std::uint32_t t) {
    const auto [at, inserted] = index.Insert((static_cast<std::uint64_t>(s) << 32) | t,
                                             static_cast<std::uint32_t>(pair_source.size()));
    if (inserted) {
      pair_source.push_back(s);
      pair_target.push_back(t);
    }
    return at;
  };
  Direction forward;   // t(target | source)
  Direction backward;  // t(source | target)
  forward.pairs.reserve(bead_source.size());
  backward.pairs.reserve(bead_source.size());
  // Beads in which each pair occurs; while a bead is counted, the pairs it has counted carry
  // kCounted.
  constexpr std::uint32_t kCounted = 0x80000000u;
  std::vector<std::uint32_t> cooccurrences;
  std::vector<std::uint32_t> grid;  // the pair of (e[x], f[y]) at y * |e| + x
  for (std::size_t b = 0; b < bead_source.size(); ++b) {
    const std::vector<std::uint32_t>& e = bead_source[b];
    const std::vector<std::uint32_t>& f = bead_target[b];
    std::vector<std::uint32_t> fw;
    fw.reserve(f.size() * (e.size() + 1));
    grid.resize(e.size() * f.size());
    for (std::size_t y = 0; y < f.size(); ++y) {
      fw.push_back(pair_of(kNull, f[y]));
      for (std::size_t x = 0; x < e.size(); ++x) {
        grid[y * e.size() + x] = pair_of(e[x], f[y]);
        fw.push_back(grid[y * e.size() + x]);
      }
    }
    std::vector<std::uint32_t> bw;
    bw.reserve(e.size() * (f.size() + 1));
    for (std::size_t x = 0; x < e.size(); ++x) {
      bw.push_back(pair_of(e[x], kNull));
      for (std::size_t y = 0; y < f.size(); ++y) bw.push_back(grid[y * e.size() + x]);
    }
    forward.pairs.push_back(std::move(fw));
    forward.e_sizes.push_back(e.size());
    backward.pairs.push_back(std::move(bw));
    backward.e_sizes.push_back(f.size());
    // Each pair counted once per bead (without sorting the bead's pairs).
    cooccurrences.resize(pair_source.size(), 0);
    for (std::uint32_t p : grid) {
      if ((cooccurrences[p] & kCounted) == 0) cooccurrences[p] = (cooccurrences[p] + 1) | kCounted;
    }
    for (std::uint32_t p : grid) cooccurrences[p] &= ~kCounted;
  }
  cooccurrences.resize(pair_source.size(), 0);
  // Beads in which each key occurs.
  std::vector<std::uint32_t> source_beads(source.key_count(), 0);
  std::vector<std::uint32_t> target_beads(target.key_count(), 0);
  std::vector<std::uint32_t> keys;
  auto count_keys = [&keys](const std::vector<std::uint32_t>& bead_keys,
                            std::vector<std::uint32_t>& counts) {
    keys.assign(bead_keys.begin(), bead_keys.end());
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::uint32_t key : keys) ++counts[key];
  };
  for (std::size_t b = 0; b < bead_source.size(); ++b) {
    count_keys(bead_source[b], source_beads);
    count_keys(bead_target[b], target_beads);
  }
  const auto beads_total = static_cast<double>(bead_source.size());
  const std::vector<double> forward_t = TrainDirection(forward.pairs, pair_source, forward.e_sizes,
                                                       source.key_count(), options.iterations);
  const std::vector<double> backward_t = TrainDirection(
      backward.pairs, pair_target, backward.e_sizes, target.key_count(), options.iterations);
  for (std::size_t p = 0; p < pair_source.size(); ++p) {
    if (pair_source[p] == kNull || pair_target[p] == kNull) continue;
    if (cooccurrences[p] < options.min_cooccurrences) continue;
    if (forward_t[p] < options.min_probability || backward_t[p] < options.min_probability) continue;
    const double both = cooccurrences[p];
    const double source_only = source_beads[pair_source[p]] - both;
    const double target_only = target_beads[pair_target[p]] - both;
    const double neither = beads_total - both - source_only - target_only;
    if (Association(both, source_only, target_only, neither) < options.min_association) continue;
    links[pair_source[p]].push_back({pair_target[p], 0});
  }
  for (std::vector<KeyLink>& list : links) {
    std::sort(list.begin(), list.end(),
              [](const KeyLink& a, const KeyLink& b) { return a.target < b.target; });
  }
  return links;
}

}  // namespace tandem::align
