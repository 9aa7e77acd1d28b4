#include "structure_scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace tandem::align::internal {
namespace {

std::vector<std::uint32_t> BreakPrefix(const std::vector<std::size_t>& paragraphs) {
  std::vector<std::uint32_t> breaks(paragraphs.size() + 1, 0);
  for (std::size_t k = 1; k < paragraphs.size(); ++k) {
    breaks[k + 1] = breaks[k] + (paragraphs[k] != paragraphs[k - 1] ? 1 : 0);
  }
  return breaks;
}

std::vector<std::uint32_t> CountPrefix(const std::vector<bool>& flags) {
  std::vector<std::uint32_t> prefix(flags.size() + 1, 0);
  for (std::size_t k = 0; k < flags.size(); ++k) prefix[k + 1] = prefix[k] + (flags[k] ? 1 : 0);
  return prefix;
}

double CrossingCost(double kept) { return -std::log(1 - kept + kept * kJoinAcrossKeptBreak); }

std::size_t Breaks(const std::vector<std::size_t>& paragraphs) {
  std::size_t breaks = 0;
  for (std::size_t k = 1; k < paragraphs.size(); ++k) breaks += paragraphs[k] != paragraphs[k - 1];
  return breaks;
}

bool StartsParagraph(const std::vector<std::size_t>& paragraphs, std::size_t k) {
  return k == 0 || k >= paragraphs.size() || paragraphs[k] != paragraphs[k - 1];
}

}  // namespace

ParagraphCosts ParagraphCostsFromCounts(const std::vector<std::size_t>& source_paragraphs,
                                        const std::vector<std::size_t>& target_paragraphs) {
  // Breaks per sentence, so that a text that holds more than its translation (a collection
  // around a letter) does not look as if it had more breaks for the same text.
  const auto density = [](const std::vector<std::size_t>& paragraphs) {
    return paragraphs.empty()
               ? 0.0
               : static_cast<double>(Breaks(paragraphs)) / static_cast<double>(paragraphs.size());
  };
  const double source = density(source_paragraphs);
  const double target = density(target_paragraphs);
  return {CrossingCost(source > 0 ? std::min(1.0, target / source) : 1.0),
          CrossingCost(target > 0 ? std::min(1.0, source / target) : 1.0)};
}

ParagraphCosts EstimateParagraphCosts(const Ladder& ladder,
                                      const std::vector<std::size_t>& source_paragraphs,
                                      const std::vector<std::size_t>& target_paragraphs) {
  double source_kept = 1;
  double source_total = 2;
  double target_kept = 1;
  double target_total = 2;
  const bool both = !source_paragraphs.empty() && !target_paragraphs.empty();
  for (const Bead& bead : ladder) {
    if (!bead.two_sided() || !both) continue;
    // Breaks inside the runs are not kept by the other side.
    for (std::size_t k = bead.source_begin + 1; k < bead.source_end(); ++k) {
      source_total += StartsParagraph(source_paragraphs, k) ? 1 : 0;
    }
    for (std::size_t k = bead.target_begin + 1; k < bead.target_end(); ++k) {
      target_total += StartsParagraph(target_paragraphs, k) ? 1 : 0;
    }
    // A break before the bead is kept when the other side breaks there too.
    const bool source_break =
        bead.source_begin > 0 && StartsParagraph(source_paragraphs, bead.source_begin);
    const bool target_break =
        bead.target_begin > 0 && StartsParagraph(target_paragraphs, bead.target_begin);
    if (source_break) {
      source_total += 1;
      source_kept += target_break ? 1 : 0;
    }
    if (target_break) {
      target_total += 1;
      target_kept += source_break ? 1 : 0;
    }
  }
  return {CrossingCost(source_kept / source_total), CrossingCost(target_kept / target_total)};
}

ParagraphScorer::ParagraphScorer(const std::vector<std::size_t>& source_paragraphs,
                                 const std::vector<std::size_t>& target_paragraphs,
                                 ParagraphCosts costs)
    : source_breaks_(BreakPrefix(source_paragraphs)),
      target_breaks_(BreakPrefix(target_paragraphs)),
      costs_(costs) {}

std::size_t ParagraphScorer::Crossings(const std::vector<std::uint32_t>& breaks, std::size_t begin,
                                       std::size_t count) {
  // breaks[k + 1] - breaks[k] is the break before sentence k; a run crosses the breaks before
  // its sentences after the first.
  if (count < 2 || begin + count >= breaks.size()) return 0;
  return breaks[begin + count] - breaks[begin + 1];
}

inline double ParagraphScorer::CostAt(std::size_t i, std::size_t a, std::size_t j,
                                      std::size_t b) const {
  if (a == 0 || b == 0) return 0.0;
  return costs_.source * static_cast<double>(Crossings(source_breaks_, i, a)) +
         costs_.target * static_cast<double>(Crossings(target_breaks_, j, b));
}

double ParagraphScorer::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  return CostAt(i, a, j, b);
}

SeparatorScorer::SeparatorScorer(const std::vector<bool>& source_separators,
                                 const std::vector<bool>& target_separators)
    : source_prefix_(CountPrefix(source_separators)),
      target_prefix_(CountPrefix(target_separators)) {}

inline double SeparatorScorer::CostAt(std::size_t i, std::size_t a, std::size_t j,
                                      std::size_t b) const {
  if (a == 0 || b == 0) return 0.0;
  const std::uint32_t source =
      i + a < source_prefix_.size() ? source_prefix_[i + a] - source_prefix_[i] : 0;
  const std::uint32_t target =
      j + b < target_prefix_.size() ? target_prefix_[j + b] - target_prefix_[j] : 0;
  if (source + target == 0) return 0.0;
  // A separator against a separator is the one two-sided bead it may be part of.
  if (a == 1 && b == 1 && source == 1 && target == 1) return 0.0;
  return kSeparatorCost;
}

double SeparatorScorer::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  return CostAt(i, a, j, b);
}

namespace {

// The costs of a row's beads from per-side parts: a part for the source sentences of the rows
// above (per source count), one for the target sentences before each point (per target count),
// and how the two make a cost.
template <typename SourcePart, typename TargetPart, typename Combine>
class SidePartRows final : public RowScorer {
 public:
  SidePartRows(const std::vector<BeadShape>& shapes, SourcePart source, TargetPart target,
               Combine combine)
      : source_(source), target_(target), combine_(combine), shape_count_(shapes.size()) {
    for (std::size_t s = 0; s < shapes.size(); ++s) {
      if (shapes[s].source_count == 0 || shapes[s].target_count == 0) continue;
      shapes_.push_back({s, shapes[s].source_count, shapes[s].target_count});
      max_a_ = std::max(max_a_, shapes[s].source_count);
      max_b_ = std::max(max_b_, shapes[s].target_count);
    }
    source_parts_.resize(max_a_ + 1);
    target_parts_.resize(max_b_ + 1);
  }

  void AddRow(std::size_t i, std::size_t j_begin, std::size_t j_end, double weight,
              double* out) override {
    for (std::size_t a = 1; a <= std::min(max_a_, i); ++a) source_parts_[a] = source_(i - a, a);
    for (std::size_t j = j_begin; j < j_end; ++j) {
      for (std::size_t b = 1; b <= std::min(max_b_, j); ++b) target_parts_[b] = target_(j - b, b);
      double* cell = out + (j - j_begin) * shape_count_;
      for (const Shape& shape : shapes_) {
        if (shape.a > i || shape.b > j) continue;
        cell[shape.index] +=
            weight * combine_(shape.a, shape.b, source_parts_[shape.a], target_parts_[shape.b]);
      }
    }
  }

 private:
  struct Shape {
    std::size_t index = 0;
    std::size_t a = 0;
    std::size_t b = 0;
  };
  SourcePart source_;
  TargetPart target_;
  Combine combine_;
  std::size_t shape_count_;
  std::vector<Shape> shapes_;
  std::size_t max_a_ = 0;
  std::size_t max_b_ = 0;
  std::vector<double> source_parts_;
  std::vector<double> target_parts_;
};

template <typename SourcePart, typename TargetPart, typename Combine>
std::unique_ptr<RowScorer> MakeSidePartRows(const std::vector<BeadShape>& shapes, SourcePart source,
                                            TargetPart target, Combine combine) {
  return std::make_unique<SidePartRows<SourcePart, TargetPart, Combine>>(shapes, source, target,
                                                                         combine);
}

}  // namespace

std::unique_ptr<RowScorer> ParagraphScorer::Rows(const std::vector<BeadShape>& shapes) const {
  // Texts of one paragraph a side (presegmented sentences) cross no break: every cost is 0.
  auto crosses = [](const std::vector<std::uint32_t>& breaks, double cost) {
    return !breaks.empty() && breaks.back() > 0 && cost != 0;
  };
  if (!crosses(source_breaks_, costs_.source) && !crosses(target_breaks_, costs_.target)) {
    return NoRowCosts();
  }
  return MakeSidePartRows(
      shapes,
      [this](std::size_t i, std::size_t a) {
        return costs_.source * static_cast<double>(Crossings(source_breaks_, i, a));
      },
      [this](std::size_t j, std::size_t b) {
        return costs_.target * static_cast<double>(Crossings(target_breaks_, j, b));
      },
      [](std::size_t, std::size_t, double source, double target) { return source + target; });
}

std::unique_ptr<RowScorer> SeparatorScorer::Rows(const std::vector<BeadShape>& shapes) const {
  if (source_prefix_.back() == 0 && target_prefix_.back() == 0) return NoRowCosts();
  // The parts are the separators each side of the bead holds.
  return MakeSidePartRows(
      shapes,
      [this](std::size_t i, std::size_t a) {
        return static_cast<double>(source_prefix_[i + a] - source_prefix_[i]);
      },
      [this](std::size_t j, std::size_t b) {
        return static_cast<double>(target_prefix_[j + b] - target_prefix_[j]);
      },
      [](std::size_t a, std::size_t b, double source, double target) {
        if (source + target == 0) return 0.0;
        // A separator against a separator is the one two-sided bead it may be part of.
        if (a == 1 && b == 1 && source == 1 && target == 1) return 0.0;
        return kSeparatorCost;
      });
}

}  // namespace tandem::align::internal
