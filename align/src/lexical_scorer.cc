#include "lexical_scorer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <memory>

#include "fast_math.h"

namespace tandem::align {
namespace {

// log(1 + y) for y >= 0, from the float's exponent and a polynomial for the mantissa.
double FastLog1p(double y) {
  if (y < 1e-3) return y * (1 - y / 2);
  const auto v = static_cast<float>(1 + y);
  std::uint32_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  const int exponent = static_cast<int>((bits >> 23) & 0xFF) - 127;
  bits = (bits & 0x007FFFFFu) | 0x3F800000u;  // mantissa m in [1, 2)
  float m = 0;
  std::memcpy(&m, &bits, sizeof m);
  // log(m) for m in [1, 2) with t = (m - 1) / (m + 1): 2 (t + t^3/3 + t^5/5 + t^7/7).
  const double t = (m - 1.0) / (m + 1.0);
  const double t2 = t * t;
  const double log_m = 2 * t * (1 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7))));
  return exponent * 0.6931471805599453 + log_m;
}

// Occurrence counts per key of one side.
std::vector<std::uint32_t> KeyCounts(const KeyedSide& side) {
  std::vector<std::uint32_t> counts(side.key_count(), 0);
  for (std::uint32_t key : side.keys) ++counts[key];
  return counts;
}

// For each key, the sorted sentences it occurs in: sentences[begin[key], begin[key + 1]).
struct Postings {
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> sentences;

  explicit Postings(const KeyedSide& side) : begin(side.key_count() + 1, 0) {
    // Counted first, then placed: two flat arrays instead of a list per key.
    side.ForEachSentenceKey([this](std::size_t, std::uint32_t key) { ++begin[key + 1]; });
    for (std::size_t key = 0; key < side.key_count(); ++key) begin[key + 1] += begin[key];
    sentences.resize(begin.back());
    std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
    side.ForEachSentenceKey([this, &next](std::size_t s, std::uint32_t key) {
      sentences[next[key]++] = static_cast<std::uint32_t>(s);
    });
  }
  std::size_t size(std::uint32_t key) const { return begin[key + 1] - begin[key]; }
};

// True when some sentence in reach[first, last) lies in [begin, end).
bool Reaches(const std::uint32_t* first, const std::uint32_t* last, std::size_t begin,
             std::size_t end) {
  if (last - first <= 8) {  // most words are rare: a short scan beats a binary search
    for (; first != last; ++first) {
      if (*first >= begin) return *first < end;
    }
    return false;
  }
  const std::uint32_t* it = std::lower_bound(first, last, static_cast<std::uint32_t>(begin));
  return it != last && *it < end;
}

// The score of a matched occurrence, log((p + (1 - p) c) / c) with c = 1 - (1 - q)^n the
// chance of a random match, where log1m_share = log(1 - q). The scorer's inner loop: the
// chance is a short series when it is small, and the logarithm a float approximation
// (relative error below 1e-4, far below what the costs can tell apart).
double MatchedScore(double p, double log1m_share, double n) {
  const double x = n * log1m_share;  // <= 0
  const double chance = x > -0.02 ? -x * (1 + x * (0.5 + x / 6)) : 1 - internal::FastExp(x);
  return FastLog1p(p * (1 - chance) / chance);
}

// The first sentence in reach[first, last) at or after `begin`, or none.
const std::uint32_t* FirstFrom(const std::uint32_t* first, const std::uint32_t* last,
                               std::size_t begin) {
  if (last - first <= 8) {
    for (; first != last; ++first) {
      if (*first >= begin) return first;
    }
    return last;
  }
  return std::lower_bound(first, last, static_cast<std::uint32_t>(begin));
}

}  // namespace

LexicalScorer::LexicalScorer(const EvidenceChannel& channel, LexicalScorerOptions options)
    : channel_(channel), options_(options) {
  assert(channel.links.size() == channel.source.key_count());
  // The links target -> source, in the same order as lists of the target keys would have them:
  // by source key, then as listed.
  LinkTable forward;
  forward.begin.assign(1, 0);
  for (const std::vector<KeyLink>& list : channel.links) {
    for (const KeyLink& link : list) forward.targets.push_back(link.target);
    forward.begin.push_back(static_cast<std::uint32_t>(forward.targets.size()));
  }
  LinkTable reverse;
  reverse.begin.assign(channel.target.key_count() + 1, 0);
  for (const std::vector<KeyLink>& list : channel.links) {
    for (const KeyLink& link : list) ++reverse.begin[link.target + 1];
  }
  for (std::size_t t = 0; t < channel.target.key_count(); ++t) {
    reverse.begin[t + 1] += reverse.begin[t];
  }
  reverse.targets.resize(reverse.begin.back());
  std::vector<std::uint32_t> next(reverse.begin.begin(), reverse.begin.end() - 1);
  for (std::uint32_t s = 0; s < channel.links.size(); ++s) {
    for (const KeyLink& link : channel.links[s]) reverse.targets[next[link.target]++] = s;
  }
  Prepare(channel.source, channel.target, forward, forward_);
  Prepare(channel.target, channel.source, reverse, backward_);
}

void LexicalScorer::Prepare(const KeyedSide& side, const KeyedSide& other, const LinkTable& links,
                            Direction& direction) const {
  const std::vector<std::uint32_t> counts = KeyCounts(side);
  const std::vector<std::uint32_t> other_counts = KeyCounts(other);
  const Postings other_postings(other);
  const double other_total = static_cast<double>(other.keys.size());
  const auto max_reach = static_cast<std::size_t>(
      std::max(1.0, options_.max_sentence_share * static_cast<double>(other.sentence_count())));
  direction.keys.assign(side.key_count(), {});
  std::vector<std::uint32_t> reach;
  for (std::size_t key = 0; key < side.key_count(); ++key) {
    KeyStats& stats = direction.keys[key];
    if (counts[key] == 0 || links.begin[key] == links.begin[key + 1] || other_total == 0) {
      continue;
    }
    double linked = 0;
    reach.clear();
    bool too_common = false;
    for (std::uint32_t l = links.begin[key]; l < links.begin[key + 1]; ++l) {
      const std::uint32_t target = links.targets[l];
      linked += other_counts[target];
      if (other_postings.size(target) > max_reach) {
        too_common = true;
        break;
      }
      reach.insert(reach.end(), other_postings.sentences.begin() + other_postings.begin[target],
                   other_postings.sentences.begin() + other_postings.begin[target + 1]);
    }
    if (too_common || linked == 0) continue;
    std::sort(reach.begin(), reach.end());
    reach.erase(std::unique(reach.begin(), reach.end()), reach.end());
    if (reach.size() > max_reach) continue;
    stats.reach_begin = static_cast<std::uint32_t>(direction.reach.size());
    direction.reach.insert(direction.reach.end(), reach.begin(), reach.end());
    stats.reach_end = static_cast<std::uint32_t>(direction.reach.size());
    stats.share = std::min(linked / other_total, 0.999);
    stats.log1m_share = std::log1p(-stats.share);
    stats.coverage = std::min(1.0, linked / counts[key]);
    stats.p = options_.reliability * stats.coverage;
    stats.log1m_p = std::log1p(-stats.p);
    stats.active = true;
  }
  direction.active_begin.assign(1, 0);
  for (std::size_t sentence = 0; sentence < side.sentence_count(); ++sentence) {
    for (std::uint32_t k = side.sentence_begin[sentence]; k < side.sentence_begin[sentence + 1];
         ++k) {
      const KeyStats& stats = direction.keys[side.keys[k]];
      if (!stats.active) continue;
      direction.active.push_back({stats.reach_begin, stats.reach_end, static_cast<float>(stats.p),
                                  static_cast<float>(stats.log1m_p),
                                  static_cast<float>(stats.log1m_share)});
    }
    direction.active_begin.push_back(static_cast<std::uint32_t>(direction.active.size()));
  }
}

bool LexicalScorer::Active(bool source_side, std::uint32_t key) const {
  const Direction& direction = source_side ? forward_ : backward_;
  return key < direction.keys.size() && direction.keys[key].active;
}

// A direct-mapped table of one scorer's and direction's matched scores: a key (its reach
// list's start, which no other key of the direction shares) and an occurrence count give the
// score; a collision only costs a recomputation.
class LexicalScorer::MatchCache {
 public:
  // Room for about eight counts per key of the direction (`keys`), within [2^8, 2^14] entries:
  // a short text's table is made for each search, and should cost less than what it saves.
  explicit MatchCache(std::size_t keys)
      : entries_(std::bit_ceil(std::clamp<std::size_t>(8 * keys, 256, kMaxSize))),
        shift_(64 - std::countr_zero(entries_.size())) {}

  double Score(const ActiveOccurrence& o, std::uint32_t n) {
    const std::uint64_t tag = (std::uint64_t{o.reach_begin} << 32) | n;
    Entry& entry = entries_[(tag * 0x9E3779B97F4A7C15ull) >> shift_];
    if (entry.tag != tag) {
      entry.tag = tag;
      entry.score = MatchedScore(o.p, o.log1m_share, static_cast<double>(n)) - o.log1m_p;
    }
    return entry.score;
  }

 private:
  static constexpr std::size_t kMaxSize = std::size_t{1} << 14;
  struct Entry {
    std::uint64_t tag = ~std::uint64_t{0};
    double score = 0;
  };
  std::vector<Entry> entries_;
  int shift_;
};

void LexicalScorer::SentenceLlrsEndingAt(const Direction& direction, bool forward,
                                         std::size_t sentence, std::size_t end_begin,
                                         std::size_t end_end, std::size_t ranges, double weight,
                                         double* out, MatchCache* cache) const {
  const std::vector<std::uint32_t>& other_begins =
      forward ? channel_.target.sentence_begin : channel_.source.sentence_begin;
  const std::uint32_t* reach = direction.reach.data();
  const std::uint32_t first_active = direction.active_begin[sentence];
  const std::uint32_t last_active = direction.active_begin[sentence + 1];
  if (first_active == last_active) return;
  double unmatched = 0;
  for (std::uint32_t k = first_active; k < last_active; ++k) {
    unmatched += direction.active[k].log1m_p;
  }
  unmatched *= weight;
  for (std::size_t end = end_begin; end < end_end; ++end) {
    double* cell = out + (end - end_begin) * ranges;
    const std::size_t count = std::min(ranges, end);
    for (std::size_t b = 0; b < count; ++b) cell[b] += unmatched;
  }
  for (std::uint32_t k = first_active; k < last_active; ++k) {
    const ActiveOccurrence& o = direction.active[k];
    const std::uint32_t* last = reach + o.reach_end;
    // A sentence r with a counterpart is the last such before the ends (r, next], where next
    // is the following one, and the occurrence is matched there by the ranges of end - r
    // sentences or more.
    for (const std::uint32_t* at =
             FirstFrom(reach + o.reach_begin, last, end_begin - std::min(end_begin, ranges));
         at != last && *at + 1 < end_end; ++at) {
      const std::size_t r = *at;
      std::size_t end_last = std::min(r + ranges, end_end - 1);
      if (at + 1 != last) end_last = std::min<std::size_t>(end_last, at[1]);
      for (std::size_t end = std::max(r + 1, end_begin); end <= end_last; ++end) {
        double* cell = out + (end - end_begin) * ranges;
        const std::size_t count = std::min(ranges, end);
        for (std::size_t b = end - r; b <= count; ++b) {
          const std::uint32_t n = other_begins[end] - other_begins[end - b];
          cell[b - 1] +=
              weight * (cache != nullptr
                            ? cache->Score(o, n)
                            : MatchedScore(o.p, o.log1m_share, static_cast<double>(n)) - o.log1m_p);
        }
      }
    }
  }
}

// The lexical costs of a row's beads from each sentence's scores against the ranges that end
// at the row's points: the source sentences of the rows above against the target ranges that
// end at each point, and the target sentences before each point against the source ranges that
// end at the row. Both are computed for a stretch of ends at once and kept for the rows that
// need them again. A group's scorers' weighted scores are summed per sentence.
class LexicalScorer::RowCosts final : public RowScorer {
 public:
  RowCosts(std::vector<LexicalGroup::Member> members, const std::vector<BeadShape>& shapes)
      : members_(std::move(members)), shape_count_(shapes.size()) {
    for (std::size_t s = 0; s < shapes.size(); ++s) {
      const BeadShape& shape = shapes[s];
      if (shape.source_count == 0 || shape.target_count == 0) continue;
      two_sided_.push_back({s, shape.source_count, shape.target_count});
      source_ranges_ = std::max(source_ranges_, shape.source_count);
      target_ranges_ = std::max(target_ranges_, shape.target_count);
    }
    sources_.resize(source_ranges_);
    forward_.resize(source_ranges_);
    caches_.reserve(2 * members_.size());
    for (const LexicalGroup::Member& member : members_) {
      caches_.emplace_back(member.scorer->forward_.keys.size());
      caches_.emplace_back(member.scorer->backward_.keys.size());
    }
    forward_sums_.resize(source_ranges_ * target_ranges_);
    backward_sums_.resize(source_ranges_ * target_ranges_);
  }

  void AddRow(std::size_t i, std::size_t j_begin, std::size_t j_end, double weight,
              double* out) override {
    if (two_sided_.empty() || members_.empty() || i == 0 || j_begin >= j_end) return;
    const bool downwards = i >= last_row_;
    last_row_ = i;
    const KeyedSide& source = members_.front().scorer->channel_.source;
    const KeyedSide& target = members_.front().scorer->channel_.target;
    // forward_[a - 1]: source sentence i - a, its scores against the target ranges ending at
    // j at [(j - j_begin) * target_ranges_ + b - 1].
    const std::size_t rows_above = std::min(source_ranges_, i);
    for (std::size_t a = 1; a <= rows_above; ++a) {
      Scores& f = sources_[(i - a) % source_ranges_];
      Refresh(f, true, i - a, j_begin, j_end, downwards, target);
      forward_[a - 1] = f.llr.data() + (j_begin - f.end_begin) * target_ranges_;
    }
    // backward_[t - t_begin]: target sentence t's scores against the source ranges ending at
    // i, at [a - 1].
    const std::size_t t_begin = j_begin - std::min(j_begin, target_ranges_);
    if (targets_.size() < 2 * (j_end - t_begin)) {
      targets_.assign(std::bit_ceil(2 * (j_end - t_begin)), Scores{});
    }
    backward_.resize(j_end - t_begin);
    for (std::size_t t = t_begin; t + 1 < j_end; ++t) {
      Scores& g = targets_[t & (targets_.size() - 1)];
      Refresh(g, false, t, i, i + 1, downwards, source);
      backward_[t - t_begin] = g.llr.data() + (i - g.end_begin) * source_ranges_;
    }
    const std::size_t ra = rows_above;
    const std::size_t rt = target_ranges_;
    for (std::size_t j = j_begin; j < j_end; ++j) {
      // Sums over the a rows above (forward_sums_[(a - 1) * rt + b - 1]) and over the b target
      // sentences before j (backward_sums_[(a - 1) * rt + b - 1]).
      const std::size_t at = (j - j_begin) * rt;
      const std::size_t rb = std::min(rt, j);
      for (std::size_t b = 0; b < rb; ++b) forward_sums_[b] = forward_[0][at + b];
      for (std::size_t a = 1; a < ra; ++a) {
        for (std::size_t b = 0; b < rb; ++b) {
          forward_sums_[a * rt + b] = forward_sums_[(a - 1) * rt + b] + forward_[a][at + b];
        }
      }
      for (std::size_t a = 0; a < ra; ++a) {
        double sum = 0;
        for (std::size_t b = 0; b < rb; ++b) {
          sum += backward_[j - 1 - b - t_begin][a];
          backward_sums_[a * rt + b] = sum;
        }
      }
      double* cell = out + (j - j_begin) * shape_count_;
      for (const TwoSided& shape : two_sided_) {
        if (shape.a > ra || shape.b > rb) continue;
        const std::size_t k = (shape.a - 1) * rt + shape.b - 1;
        cell[shape.index] += weight * -(forward_sums_[k] + backward_sums_[k]);
      }
    }
  }

 private:
  // One sentence's scores against the ranges of the other side that end in
  // [end_begin, end_end).
  struct Scores {
    std::size_t sentence = static_cast<std::size_t>(-1);
    std::size_t end_begin = 0;
    std::size_t end_end = 0;
    std::vector<double> llr;
  };
  struct TwoSided {
    std::size_t index = 0;
    std::size_t a = 0;
    std::size_t b = 0;
  };
  // Rows ahead (or behind, going up) reuse a sentence's scores this far beyond the ends asked:
  // a source sentence is needed by the next few rows, whose points move on by a few columns; a
  // target sentence by every row its column is in.
  static constexpr std::size_t kSourceAhead = 8;
  static constexpr std::size_t kTargetAhead = 32;

  // Makes `scores` hold `sentence`'s scores for at least the ends [end_begin, end_end).
  void Refresh(Scores& scores, bool forward, std::size_t sentence, std::size_t end_begin,
               std::size_t end_end, bool downwards, const KeyedSide& other) {
    if (scores.sentence == sentence && scores.end_begin <= end_begin && end_end <= scores.end_end) {
      return;
    }
    const std::size_t ends = other.sentence_count() + 1;
    scores.sentence = sentence;
    const std::size_t ahead = forward ? kSourceAhead : kTargetAhead;
    scores.end_begin = downwards ? end_begin : end_begin - std::min(end_begin, ahead);
    scores.end_end = downwards ? std::min(ends, end_end + ahead) : end_end;
    const std::size_t ranges = forward ? target_ranges_ : source_ranges_;
    scores.llr.assign((scores.end_end - scores.end_begin) * ranges, 0.0);
    for (std::size_t k = 0; k < members_.size(); ++k) {
      const LexicalScorer& scorer = *members_[k].scorer;
      scorer.SentenceLlrsEndingAt(forward ? scorer.forward_ : scorer.backward_, forward, sentence,
                                  scores.end_begin, scores.end_end, ranges, members_[k].weight,
                                  scores.llr.data(), &caches_[2 * k + (forward ? 0 : 1)]);
    }
  }

  std::vector<LexicalGroup::Member> members_;
  std::vector<MatchCache> caches_;  // per member and direction
  std::size_t shape_count_;
  std::vector<TwoSided> two_sided_;
  std::size_t source_ranges_ = 0;
  std::size_t target_ranges_ = 0;
  std::size_t last_row_ = 0;
  std::vector<Scores> sources_;          // by sentence modulo source_ranges_
  std::vector<Scores> targets_;          // by sentence modulo their count (a power of two)
  std::vector<const double*> forward_;   // the rows above, nearest first
  std::vector<const double*> backward_;  // the target sentences from t_begin on
  std::vector<double> forward_sums_;
  std::vector<double> backward_sums_;
};

std::unique_ptr<RowScorer> LexicalScorer::Rows(const std::vector<BeadShape>& shapes) const {
  return std::make_unique<RowCosts>(std::vector<LexicalGroup::Member>{{this, 1.0}}, shapes);
}

LexicalGroup::LexicalGroup(std::vector<Member> members) {
  for (const Member& member : members) {
    if (member.weight != 0) members_.push_back(member);
  }
}

double LexicalGroup::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  double cost = 0;
  for (const Member& member : members_) cost += member.weight * member.scorer->Cost(i, a, j, b);
  return cost;
}

std::unique_ptr<RowScorer> LexicalGroup::Rows(const std::vector<BeadShape>& shapes) const {
  return std::make_unique<LexicalScorer::RowCosts>(members_, shapes);
}

double LexicalScorer::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  if (a == 0 || b == 0) return 0.0;
  // The sentences' scores against the other side's range, as the rows compute them (one end).
  std::vector<double> scores(std::max(a, b));
  auto side = [&](const Direction& direction, bool forward, std::size_t begin, std::size_t end,
                  std::size_t other_end, std::size_t range) {
    double llr = 0;
    for (std::size_t sentence = begin; sentence < end; ++sentence) {
      std::fill(scores.begin(), scores.end(), 0.0);
      SentenceLlrsEndingAt(direction, forward, sentence, other_end, other_end + 1, range, 1.0,
                           scores.data(), nullptr);
      llr += scores[range - 1];
    }
    return llr;
  };
  return -(side(forward_, true, i, i + a, j + b, b) + side(backward_, false, j, j + b, i + a, a));
}

std::vector<LexicalMatch> LexicalScorer::Matches(std::size_t i, std::size_t a, std::size_t j,
                                                 std::size_t b) const {
  std::vector<LexicalMatch> matches;
  if (a == 0 || b == 0) return matches;
  // The link between a source key and a target key, if any (the channel's lists are sorted).
  auto link_of = [this](std::uint32_t source_key, std::uint32_t target_key) -> const KeyLink* {
    const std::vector<KeyLink>& links = channel_.links[source_key];
    const auto it = std::lower_bound(
        links.begin(), links.end(), target_key,
        [](const KeyLink& link, std::uint32_t target) { return link.target < target; });
    return it != links.end() && it->target == target_key ? &*it : nullptr;
  };
  auto side_matches = [&matches, &link_of](const KeyedSide& side, const Direction& direction,
                                           const KeyedSide& other, std::size_t begin,
                                           std::size_t end, std::size_t other_begin,
                                           std::size_t other_end, bool source_side) {
    for (std::size_t k = side.sentence_begin[begin]; k < side.sentence_begin[end]; ++k) {
      const std::uint32_t key = side.keys[k];
      if (!direction.keys[key].active) continue;
      for (std::size_t o = other.sentence_begin[other_begin]; o < other.sentence_begin[other_end];
           ++o) {
        const KeyLink* link =
            source_side ? link_of(key, other.keys[o]) : link_of(other.keys[o], key);
        if (link != nullptr) {
          matches.push_back({source_side, static_cast<std::uint32_t>(k),
                             static_cast<std::uint32_t>(o), link->origin});
          break;
        }
      }
    }
  };
  side_matches(channel_.source, forward_, channel_.target, i, i + a, j, j + b, true);
  side_matches(channel_.target, backward_, channel_.source, j, j + b, i, i + a, false);
  return matches;
}

ReliabilityCounts LexicalScorer::Count(const std::vector<Bead>& beads) const {
  ReliabilityCounts counts;
  auto count_side = [&counts](const KeyedSide& side, const Direction& direction, std::size_t begin,
                              std::size_t end, std::size_t other_begin, std::size_t other_end,
                              std::size_t other_occurrences) {
    const auto n = static_cast<double>(other_occurrences);
    for (std::size_t k = side.sentence_begin[begin]; k < side.sentence_begin[end]; ++k) {
      const KeyStats& stats = direction.keys[side.keys[k]];
      if (!stats.active) continue;
      const double chance = -std::expm1(n * stats.log1m_share);
      const std::uint32_t* reach = direction.reach.data();
      const double matched =
          Reaches(reach + stats.reach_begin, reach + stats.reach_end, other_begin, other_end) ? 1.0
                                                                                              : 0.0;
      counts.excess_matches += matched - chance;
      counts.possible += stats.coverage * (1 - chance);
      ++counts.occurrences;
    }
  };
  for (const Bead& bead : beads) {
    if (!bead.two_sided()) continue;
    const KeyedSide& source = channel_.source;
    const KeyedSide& target = channel_.target;
    const std::size_t ns =
        source.sentence_begin[bead.source_end()] - source.sentence_begin[bead.source_begin];
    const std::size_t nt =
        target.sentence_begin[bead.target_end()] - target.sentence_begin[bead.target_begin];
    count_side(source, forward_, bead.source_begin, bead.source_end(), bead.target_begin,
               bead.target_end(), nt);
    count_side(target, backward_, bead.target_begin, bead.target_end(), bead.source_begin,
               bead.source_end(), ns);
  }
  return counts;
}

double EstimateReliability(const ReliabilityCounts& counts, double prior, double prior_strength) {
  const double estimate =
      (counts.excess_matches + prior * prior_strength) / (counts.possible + prior_strength);
  return std::clamp(estimate, 0.02, 0.98);
}

}  // namespace tandem::align
