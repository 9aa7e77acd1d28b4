#include "scorer.h"

namespace tandem::align {
namespace {

class ByBead final : public RowScorer {
 public:
  ByBead(const BeadScorer& scorer, const std::vector<BeadShape>& shapes)
      : scorer_(scorer), shapes_(shapes) {}

  void AddRow(std::size_t i, std::size_t j_begin, std::size_t j_end, double weight,
              double* out) override {
    const std::size_t count = shapes_.size();
    for (std::size_t j = j_begin; j < j_end; ++j) {
      double* cell = out + (j - j_begin) * count;
      for (std::size_t s = 0; s < count; ++s) {
        const std::size_t a = shapes_[s].source_count;
        const std::size_t b = shapes_[s].target_count;
        if (a > i || b > j) continue;
        cell[s] += weight * scorer_.Cost(i - a, a, j - b, b);
      }
    }
  }

 private:
  const BeadScorer& scorer_;
  std::vector<BeadShape> shapes_;
};

class Nothing final : public RowScorer {
 public:
  void AddRow(std::size_t, std::size_t, std::size_t, double, double*) override {}
};

}  // namespace

std::unique_ptr<RowScorer> NoRowCosts() { return std::make_unique<Nothing>(); }

std::unique_ptr<RowScorer> BeadScorer::Rows(const std::vector<BeadShape>& shapes) const {
  return RowsByBead(*this, shapes);
}

std::unique_ptr<RowScorer> RowsByBead(const BeadScorer& scorer,
                                      const std::vector<BeadShape>& shapes) {
  return std::make_unique<ByBead>(scorer, shapes);
}

}  // namespace tandem::align
