#include "combined_scorer.h"

#include <cmath>
#include <limits>

namespace tandem::align {
namespace {

// The parts' rows, each added with its weight in the order Cost adds them, so that the sums are
// the same bit for bit. (A part after an infinite sum still adds to it: infinity stays.)
class CombinedRows final : public RowScorer {
 public:
  CombinedRows(const std::vector<WeightedScorer>& parts, const std::vector<BeadShape>& shapes)
      : shape_count_(shapes.size()) {
    for (const WeightedScorer& part : parts) {
      if (part.weight == 0) continue;
      parts_.push_back({part.scorer->Rows(shapes), part.weight});
    }
  }

  void AddRow(std::size_t i, std::size_t j_begin, std::size_t j_end, double weight,
              double* out) override {
    if (weight == 1.0) {
      for (Part& part : parts_) part.rows->AddRow(i, j_begin, j_end, part.weight, out);
      return;
    }
    sum_.assign((j_end - j_begin) * shape_count_, 0.0);
    for (Part& part : parts_) part.rows->AddRow(i, j_begin, j_end, part.weight, sum_.data());
    for (std::size_t k = 0; k < sum_.size(); ++k) out[k] += weight * sum_[k];
  }

 private:
  struct Part {
    std::unique_ptr<RowScorer> rows;
    double weight = 1.0;
  };
  std::size_t shape_count_;
  std::vector<Part> parts_;
  std::vector<double> sum_;
};

}  // namespace

CombinedScorer::CombinedScorer(std::vector<WeightedScorer> parts) : parts_(std::move(parts)) {}

double CombinedScorer::Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const {
  double cost = 0;
  for (const WeightedScorer& part : parts_) {
    if (part.weight == 0) continue;
    cost += part.weight * part.scorer->Cost(i, a, j, b);
    if (cost == std::numeric_limits<double>::infinity()) break;
  }
  return cost;
}

std::unique_ptr<RowScorer> CombinedScorer::Rows(const std::vector<BeadShape>& shapes) const {
  return std::make_unique<CombinedRows>(parts_, shapes);
}

}  // namespace tandem::align
