#include "tandem/align/bead.h"

#include <fmt/format.h>

namespace tandem::align {

std::string BeadTypeName(const Bead& bead) {
  return fmt::format("{}:{}", bead.source_count, bead.target_count);
}

Status ValidateLadder(const Ladder& ladder, std::size_t source_size, std::size_t target_size) {
  std::size_t i = 0;
  std::size_t j = 0;
  for (std::size_t k = 0; k < ladder.size(); ++k) {
    const Bead& bead = ladder[k];
    if (bead.source_count == 0 && bead.target_count == 0) {
      return InvalidDataError(fmt::format("bead {} is empty (0:0)", k + 1));
    }
    if (bead.source_begin != i || bead.target_begin != j) {
      return InvalidDataError(fmt::format(
          "bead {} starts at source {} / target {}, but the previous bead ended at {} / {}", k + 1,
          bead.source_begin, bead.target_begin, i, j));
    }
    if (!(bead.confidence >= 0.0 && bead.confidence <= 1.0)) {
      return InvalidDataError(
          fmt::format("bead {} has confidence {} outside [0, 1]", k + 1, bead.confidence));
    }
    i = bead.source_end();
    j = bead.target_end();
  }
  if (i != source_size || j != target_size) {
    return InvalidDataError(fmt::format(
        "the ladder covers {} source and {} target sentences, but the texts have {} and {}", i, j,
        source_size, target_size));
  }
  return Status::Ok();
}

}  // namespace tandem::align
