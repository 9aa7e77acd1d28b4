#include "region_scorer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tandem::align {
namespace {

std::size_t SideDistance(std::size_t begin, std::size_t end, std::size_t region_begin,
                         std::size_t region_end) {
  if (end <= region_begin) return region_begin - end + 1;
  if (begin >= region_end) return begin - region_end + 1;
  return 0;
}

}  // namespace

std::optional<Region> FindCorrespondingRegion(const Ladder& ladder, const BeadScorer& evidence,
                                              std::span<const double> source_lengths,
                                              std::span<const double> target_lengths,
                                              double length_ratio, const RegionOptions& options) {
  if (ladder.empty()) return std::nullopt;
  std::vector<std::vector<const Bead*>> runs;
  const Bead* previous = nullptr;
  for (const Bead& bead : ladder) {
    if (!bead.two_sided()) continue;
    if (-evidence.Cost(bead.source_begin, bead.source_count, bead.target_begin, bead.target_count) <
        options.anchor_evidence) {
      continue;
    }
    bool lopsided = false;
    if (previous != nullptr) {
      const std::size_t source_skip = bead.source_begin - previous->source_end();
      const std::size_t target_skip = bead.target_begin - previous->target_end();
      lopsided = std::max(source_skip, target_skip) - std::min(source_skip, target_skip) >=
                 options.max_skew;
    }
    if (previous == nullptr || lopsided) runs.emplace_back();
    runs.back().push_back(&bead);
    previous = &bead;
  }
  if (runs.empty()) return std::nullopt;
  std::size_t largest = 0;
  for (const auto& run : runs) largest = std::max(largest, run.size());
  const auto keep = [&](const std::vector<const Bead*>& run) {
    return run.size() >= options.min_anchors;
  };
  std::optional<Region> region;
  for (const auto& run : runs) {
    if (run.size() != largest && !keep(run)) continue;
    if (!region) {
      region = Region{run.front()->source_begin, run.back()->source_end(),
                      run.front()->target_begin, run.back()->target_end()};
    } else {
      region->source_end = run.back()->source_end();
      region->target_end = run.back()->target_end();
    }
  }
  if (!region) return region;
  const std::size_t source_size = ladder.back().source_end();
  const std::size_t target_size = ladder.back().target_end();
  // A stretch outside the region that could be a translation: both sides long enough, and of
  // lengths that fit each other.
  const auto could_translate = [&](std::size_t s0, std::size_t s1, std::size_t t0, std::size_t t1) {
    if (std::min(s1 - s0, t1 - t0) < options.max_skew) return false;
    if (s1 > source_lengths.size() || t1 > target_lengths.size()) return false;
    double source_length = 0;
    double target_length = 0;
    for (std::size_t k = s0; k < s1; ++k) source_length += source_lengths[k];
    for (std::size_t k = t0; k < t1; ++k) target_length += target_lengths[k];
    const double expected = source_length * length_ratio;
    if (expected <= 0 || target_length <= 0) return false;
    const double factor = target_length / expected;
    return factor <= options.max_length_factor && factor >= 1 / options.max_length_factor;
  };
  if (could_translate(0, region->source_begin, 0, region->target_begin)) {
    region->source_begin = 0;
    region->target_begin = 0;
  }
  if (could_translate(region->source_end, source_size, region->target_end, target_size)) {
    region->source_end = source_size;
    region->target_end = target_size;
  }
  // Only texts that correspond in part have a region: outside it, one side must have at least
  // max_skew sentences more than the other.
  const std::size_t source_outside = source_size - (region->source_end - region->source_begin);
  const std::size_t target_outside = target_size - (region->target_end - region->target_begin);
  if (std::max(source_outside, target_outside) - std::min(source_outside, target_outside) <
      options.max_skew) {
    return std::nullopt;
  }
  return region;
}

bool InsideRegion(const Bead& bead, const std::optional<Region>& region) {
  return !region ||
         (bead.source_begin >= region->source_begin && bead.source_end() <= region->source_end &&
          bead.target_begin >= region->target_begin && bead.target_end() <= region->target_end);
}

RegionScorer::RegionScorer(std::optional<Region> region, const ShapeTable& inside,
                           double inside_weight, const RegionOptions& options)
    : region_(region),
      inside_(inside),
      inside_weight_(inside_weight),
      per_sentence_(options.per_sentence),
      outside_one_sided_(options.outside_one_sided) {}

std::size_t RegionScorer::Distance(std::size_t i, std::size_t a, std::size_t j,
                                   std::size_t b) const {
  if (!region_) return 0;
  return std::max(SideDistance(i, i + a, region_->source_begin, region_->source_end),
                  SideDistance(j, j + b, region_->target_begin, region_->target_end));
}

inline double RegionScorer::CostAt(std::size_t i, std::size_t a, std::size_t j,
                                   std::size_t b) const {
  if (!region_) return 0.0;
  const std::size_t distance = Distance(i, a, j, b);
  if (distance == 0) return 0.0;
  // The region extends at least `distance` sentences further with probability p; the bead is
  // then an inside bead, else an outside one.
  const double log_p = -per_sentence_ * static_cast<double>(distance);
  if (a == 0 || b == 0) {
    const double inside = inside_weight_ * inside_.Cost(i, a, j, b);
    const double p = std::exp(log_p);
    const double mixed = -std::log(p * std::exp(-inside) + (1 - p) * std::exp(-outside_one_sided_));
    return mixed - inside;
  }
  return -log_p;
}

double RegionScorer::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  return CostAt(i, a, j, b);
}

std::unique_ptr<RowScorer> RegionScorer::Rows(const std::vector<BeadShape>& shapes) const {
  return MakeBeadByBeadRows([this](std::size_t i, std::size_t a, std::size_t j,
                                   std::size_t b) { return CostAt(i, a, j, b); },
                            shapes, false);
}

}  // namespace tandem::align
