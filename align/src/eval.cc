#include "tandem/align/eval.h"

#include <cstdint>
#include <set>
#include <string>
#include <unordered_set>

#include <fmt/format.h>

namespace tandem::align {
namespace {

using PairSet = std::unordered_set<std::uint64_t>;

std::uint64_t PairKey(std::size_t s, std::size_t t) {
  return (static_cast<std::uint64_t>(s) << 32) ^ static_cast<std::uint64_t>(t);
}

PairSet ColinkedPairs(const std::set<Link>& links) {
  PairSet pairs;
  for (const Link& link : links) {
    for (std::size_t s : link.source) {
      for (std::size_t t : link.target) pairs.insert(PairKey(s, t));
    }
  }
  return pairs;
}

struct Hit {
  bool strict = false;
  bool lax = false;
};

Hit Test(const Link& link, const std::set<Link>& exact, const PairSet& pairs) {
  if (exact.count(link) > 0) return {true, true};
  for (std::size_t s : link.source) {
    for (std::size_t t : link.target) {
      if (pairs.count(PairKey(s, t)) > 0) return {false, true};
    }
  }
  return {false, false};
}

double Ratio(std::size_t num, std::size_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

std::vector<Link> LinksFromLadder(const Ladder& ladder) {
  std::vector<Link> links;
  links.reserve(ladder.size());
  for (const Bead& bead : ladder) {
    Link link;
    for (std::size_t k = 0; k < bead.source_count; ++k)
      link.source.push_back(bead.source_begin + k);
    for (std::size_t k = 0; k < bead.target_count; ++k)
      link.target.push_back(bead.target_begin + k);
    links.push_back(std::move(link));
  }
  return links;
}

StatusOr<Ladder> LadderFromLinks(const std::vector<Link>& links, std::string_view name,
                                 std::size_t source_size, std::size_t target_size) {
  Ladder ladder;
  std::size_t next[2] = {0, 0};
  auto gap = [&](std::size_t source_end, std::size_t target_end) {
    for (; next[0] < source_end; ++next[0]) ladder.push_back({next[0], 1, next[1], 0, 0.0});
    for (; next[1] < target_end; ++next[1]) ladder.push_back({next[0], 0, next[1], 1, 0.0});
  };
  for (std::size_t k = 0; k < links.size(); ++k) {
    const Link& link = links[k];
    const std::vector<std::size_t>* sides[2] = {&link.source, &link.target};
    for (int side = 0; side < 2; ++side) {
      const std::vector<std::size_t>& list = *sides[side];
      for (std::size_t m = 0; m < list.size(); ++m) {
        if (list[m] != list.front() + m || list.front() < next[side] ||
            list[m] >= (side == 0 ? source_size : target_size)) {
          return InvalidDataError(fmt::format(
              "{}: link {} is not a run of sentences following the link before it (or points "
              "past the end of the text)",
              name, k + 1));
        }
      }
    }
    if (link.source.empty() && link.target.empty()) continue;
    gap(link.source.empty() ? next[0] : link.source.front(),
        link.target.empty() ? next[1] : link.target.front());
    ladder.push_back({next[0], link.source.size(), next[1], link.target.size(), 1.0});
    next[0] += link.source.size();
    next[1] += link.target.size();
  }
  gap(source_size, target_size);
  return ladder;
}

EvalCounts& EvalCounts::operator+=(const EvalCounts& other) {
  precision_strict += other.precision_strict;
  precision_lax += other.precision_lax;
  precision_total += other.precision_total;
  recall_strict += other.recall_strict;
  recall_lax += other.recall_lax;
  recall_total += other.recall_total;
  unaligned_hits += other.unaligned_hits;
  unaligned_hypothesis += other.unaligned_hypothesis;
  unaligned_gold += other.unaligned_gold;
  for (const auto& [shape, n] : other.gold_shapes) gold_shapes[shape] += n;
  for (const auto& [shape, n] : other.hypothesis_shapes) hypothesis_shapes[shape] += n;
  return *this;
}

EvalCounts CountLinks(const std::vector<Link>& gold_links,
                      const std::vector<Link>& hypothesis_links) {
  std::set<Link> gold;
  std::set<Link> hypothesis;
  std::set<Link> gold_two_sided;
  std::set<Link> hypothesis_two_sided;
  for (const Link& link : gold_links) {
    if (link.source.empty() && link.target.empty()) continue;
    gold.insert(link);
    if (!link.source.empty() && !link.target.empty()) gold_two_sided.insert(link);
  }
  for (const Link& link : hypothesis_links) {
    if (link.source.empty() && link.target.empty()) continue;
    hypothesis.insert(link);
    if (!link.source.empty() && !link.target.empty()) hypothesis_two_sided.insert(link);
  }

  EvalCounts counts;
  const PairSet gold_pairs = ColinkedPairs(gold);
  for (const Link& link : hypothesis) {
    const Hit hit = Test(link, gold, gold_pairs);
    ++counts.precision_total;
    counts.precision_strict += hit.strict ? 1 : 0;
    counts.precision_lax += hit.lax ? 1 : 0;
  }
  const PairSet hypothesis_pairs = ColinkedPairs(hypothesis_two_sided);
  for (const Link& link : gold_two_sided) {
    const Hit hit = Test(link, hypothesis_two_sided, hypothesis_pairs);
    ++counts.recall_total;
    counts.recall_strict += hit.strict ? 1 : 0;
    counts.recall_lax += hit.lax ? 1 : 0;
  }

  // Unaligned sentences as (side, index) keys; only sentences the gold mentions are scored.
  const auto key = [](bool source_side, std::size_t k) { return PairKey(source_side ? 0 : 1, k); };
  PairSet gold_mentioned;
  PairSet gold_unaligned;
  for (const Link& link : gold) {
    const bool one_sided = link.source.empty() || link.target.empty();
    for (std::size_t s : link.source) {
      gold_mentioned.insert(key(true, s));
      if (one_sided) gold_unaligned.insert(key(true, s));
    }
    for (std::size_t t : link.target) {
      gold_mentioned.insert(key(false, t));
      if (one_sided) gold_unaligned.insert(key(false, t));
    }
  }
  PairSet hypothesis_unaligned;
  for (const Link& link : hypothesis) {
    if (!link.source.empty() && !link.target.empty()) continue;
    for (std::size_t s : link.source) hypothesis_unaligned.insert(key(true, s));
    for (std::size_t t : link.target) hypothesis_unaligned.insert(key(false, t));
  }
  counts.unaligned_gold = gold_unaligned.size();
  for (std::uint64_t k : hypothesis_unaligned) {
    if (gold_mentioned.count(k) == 0) continue;
    ++counts.unaligned_hypothesis;
    counts.unaligned_hits += gold_unaligned.count(k);
  }

  const auto shape = [](const Link& link) {
    return std::to_string(link.source.size()) + ":" + std::to_string(link.target.size());
  };
  for (const Link& link : gold) ++counts.gold_shapes[shape(link)];
  for (const Link& link : hypothesis) ++counts.hypothesis_shapes[shape(link)];
  return counts;
}

EvalScores ScoresFromCounts(const EvalCounts& c) {
  EvalScores s;
  s.precision_strict = Ratio(c.precision_strict, c.precision_total);
  s.precision_lax = Ratio(c.precision_lax, c.precision_total);
  s.recall_strict = Ratio(c.recall_strict, c.recall_total);
  s.recall_lax = Ratio(c.recall_lax, c.recall_total);
  s.f1_strict = F1(s.precision_strict, s.recall_strict);
  s.f1_lax = F1(s.precision_lax, s.recall_lax);
  s.precision_unaligned = Ratio(c.unaligned_hits, c.unaligned_hypothesis);
  s.recall_unaligned = Ratio(c.unaligned_hits, c.unaligned_gold);
  s.f1_unaligned = F1(s.precision_unaligned, s.recall_unaligned);
  return s;
}

}  // namespace tandem::align
