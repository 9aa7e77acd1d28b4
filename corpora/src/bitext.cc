#include "tandem/corpora/bitext.h"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>

namespace tandem::corpora {

std::string_view ReviewStatusName(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::kAutomatic:
      return "automatic";
    case ReviewStatus::kConfirmed:
      return "confirmed";
    case ReviewStatus::kEdited:
      return "edited";
  }
  return "automatic";
}

std::optional<ReviewStatus> ReviewStatusFromName(std::string_view name) {
  for (const ReviewStatus status :
       {ReviewStatus::kAutomatic, ReviewStatus::kConfirmed, ReviewStatus::kEdited}) {
    if (ReviewStatusName(status) == name) return status;
  }
  return std::nullopt;
}

const BeadReview& ReviewOf(const Bitext& bitext, std::size_t k) {
  static const BeadReview kDefault;  // immutable; shared by every bitext without review records
  if (bitext.review.empty()) return kDefault;
  assert(k < bitext.review.size());
  return bitext.review[k];
}

void MaterializeReview(Bitext& bitext) {
  if (bitext.review.size() != bitext.ladder.size()) bitext.review.resize(bitext.ladder.size());
}

void NormalizeReview(Bitext& bitext) {
  if (std::all_of(bitext.review.begin(), bitext.review.end(),
                  [](const BeadReview& r) { return r.IsDefault(); })) {
    bitext.review.clear();
  }
}

Status ValidateBitext(const Bitext& bitext) {
  TANDEM_RETURN_IF_ERROR(ValidateDocument(bitext.source));
  TANDEM_RETURN_IF_ERROR(ValidateDocument(bitext.target));
  TANDEM_RETURN_IF_ERROR(
      align::ValidateLadder(bitext.ladder, bitext.source.sentences.size(),
                            bitext.target.sentences.size())
          .WithContext("alignment of " + bitext.source.name + " and " + bitext.target.name));
  if (!bitext.review.empty() && bitext.review.size() != bitext.ladder.size()) {
    return InvalidDataError(fmt::format(
        "alignment of {} and {}: {} review records for {} beads (there must be none or one per "
        "bead)",
        bitext.source.name, bitext.target.name, bitext.review.size(), bitext.ladder.size()));
  }
  return Status::Ok();
}

bool PassesFilter(const Bitext& bitext, std::size_t k, const ExportFilter& filter) {
  if (bitext.ladder[k].confidence < filter.min_confidence) return false;
  if (filter.reviewed_only && ReviewOf(bitext, k).status == ReviewStatus::kAutomatic) return false;
  return true;
}

}  // namespace tandem::corpora
