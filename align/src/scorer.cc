#include "scorer.h"

namespace tandem::align {
namespace {

class Nothing final : public RowScorer {
 public:
  void AddRow(std::size_t, std::size_t, std::size_t, double, double*) override {}
};

}  // namespace

std::unique_ptr<RowScorer> NoRowCosts() { return std::make_unique<Nothing>(); }

std::unique_ptr<RowScorer> BeadScorer::Rows(const std::vector<BeadShape>& shapes) const {
  return MakeBeadByBeadRows([this](std::size_t i, std::size_t a, std::size_t j,
                                   std::size_t b) { return Cost(i, a, j, b); },
                            shapes, false);
}

}  // namespace tandem::align
