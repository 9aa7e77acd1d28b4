#include "tandem/corpora/review.h"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "tandem/core/version.h"
#include "tandem/corpora/dictionary.h"

namespace tandem::corpora {
namespace {

using align::Bead;

constexpr std::array<std::pair<EditKind, std::string_view>, 11> kEditNames = {{
    {EditKind::kMergeWithNext, "merge"},
    {EditKind::kSplit, "split"},
    {EditKind::kMoveFirstToPrevious, "move-first-to-previous"},
    {EditKind::kMoveLastToNext, "move-last-to-next"},
    {EditKind::kDetach, "detach"},
    // The names the editor's page sends (cli/review/web/editor.js); older than the word "attach".
    {EditKind::kAttachToNext, "link-next"},
    {EditKind::kAttachToPrevious, "link-previous"},
    {EditKind::kConfirm, "confirm"},
    {EditKind::kConfirmUpTo, "confirm-up-to"},
    {EditKind::kSetNote, "note"},
    {EditKind::kSetBookmark, "bookmark"},
}};

std::string_view SideName(Side side) { return side == Side::kSource ? "source" : "target"; }

std::size_t Count(const Bead& bead, Side side) {
  return side == Side::kSource ? bead.source_count : bead.target_count;
}

// A bead made by hand: the aligner did not propose it, so its confidence is a person's, 1.
Bead HandBead(std::size_t source_begin, std::size_t source_count, std::size_t target_begin,
              std::size_t target_count) {
  return Bead{.source_begin = source_begin,
              .source_count = source_count,
              .target_begin = target_begin,
              .target_count = target_count,
              .confidence = 1.0};
}

// The record of a bead an edit produced, keeping `note` and `bookmark` of the bead it came from.
BeadReview EditedRecord(const ReviewStamp& stamp, std::string note, bool bookmark) {
  return BeadReview{.status = ReviewStatus::kEdited,
                    .reviewer = stamp.reviewer,
                    .timestamp = stamp.timestamp,
                    .note = std::move(note),
                    .bookmark = bookmark};
}

std::string JoinNotes(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "\n" + b;
}

// The patch skeleton: beads [first, first + count) as they are now.
LadderPatch Before(const Bitext& bitext, std::size_t first, std::size_t count) {
  LadderPatch patch;
  patch.first = first;
  for (std::size_t k = first; k < first + count; ++k) {
    patch.before_beads.push_back(bitext.ladder[k]);
    patch.before_review.push_back(ReviewOf(bitext, k));
  }
  return patch;
}

Status NoBead(const Bitext& bitext, std::size_t k) {
  return InvalidArgumentError(
      fmt::format("there is no bead {} (the alignment has {} beads)", k + 1, bitext.ladder.size()));
}

// Two beads as one: source and target runs joined. Both must be neighbours (a before b).
LadderPatch MergePair(const Bitext& bitext, std::size_t a, const ReviewStamp& stamp) {
  LadderPatch patch = Before(bitext, a, 2);
  const Bead& x = bitext.ladder[a];
  const Bead& y = bitext.ladder[a + 1];
  const BeadReview& rx = patch.before_review[0];
  const BeadReview& ry = patch.before_review[1];
  patch.after_beads.push_back(HandBead(x.source_begin, x.source_count + y.source_count,
                                       x.target_begin, x.target_count + y.target_count));
  patch.after_review.push_back(
      EditedRecord(stamp, JoinNotes(rx.note, ry.note), rx.bookmark || ry.bookmark));
  return patch;
}

StatusOr<LadderPatch> PlanMerge(const Bitext& bitext, std::size_t k, const ReviewStamp& stamp) {
  if (k + 1 >= bitext.ladder.size()) {
    return InvalidArgumentError(
        fmt::format("bead {} is the last bead: there is nothing to merge it with", k + 1));
  }
  return MergePair(bitext, k, stamp);
}

StatusOr<LadderPatch> PlanSplit(const Bitext& bitext, const Edit& edit, const ReviewStamp& stamp) {
  const Bead& bead = bitext.ladder[edit.bead];
  const std::size_t n = Count(bead, edit.side);
  const Side other = edit.side == Side::kSource ? Side::kTarget : Side::kSource;
  const std::size_t m = Count(bead, other);
  if (n < 2) {
    return InvalidArgumentError(
        fmt::format("bead {} has {} {} sentence{}: there is nothing to split on that side{}",
                    edit.bead + 1, n == 0 ? "no" : "one", SideName(edit.side), n == 0 ? "s" : "",
                    m >= 2 ? fmt::format(" (split on the {} side)", SideName(other)) : ""));
  }
  if (edit.sentence + 1 >= n) {
    return InvalidArgumentError(fmt::format(
        "sentence {} is the last {} sentence of bead {}: a split goes after a sentence that "
        "has another one after it",
        edit.sentence + 1, SideName(edit.side), edit.bead + 1));
  }
  const std::size_t first_part = edit.sentence + 1;  // of `side`
  // The other side divided in the same proportion, rounded half up, each part keeping one
  // sentence when there are two or more; a lone sentence stays with the first part.
  std::size_t other_first = m;
  if (m >= 2) {
    other_first = std::clamp<std::size_t>((2 * m * first_part + n) / (2 * n), 1, m - 1);
  }
  const std::size_t source_first = edit.side == Side::kSource ? first_part : other_first;
  const std::size_t target_first = edit.side == Side::kTarget ? first_part : other_first;
  LadderPatch patch = Before(bitext, edit.bead, 1);
  const BeadReview& record = patch.before_review[0];
  patch.after_beads.push_back(
      HandBead(bead.source_begin, source_first, bead.target_begin, target_first));
  patch.after_beads.push_back(
      HandBead(bead.source_begin + source_first, bead.source_count - source_first,
               bead.target_begin + target_first, bead.target_count - target_first));
  patch.after_review.push_back(EditedRecord(stamp, record.note, record.bookmark));
  patch.after_review.push_back(EditedRecord(stamp, "", false));
  return patch;
}

// Moves one sentence across the boundary between beads `a` and `a + 1` on `side`: from the end
// of `a` to the start of `a + 1` (forward), or back. A bead left empty disappears, its note and
// bookmark going to the bead that took its sentence.
StatusOr<LadderPatch> PlanMove(const Bitext& bitext, std::size_t k, Side side, bool forward,
                               const ReviewStamp& stamp) {
  const std::size_t n = Count(bitext.ladder[k], side);
  if (n == 0) {
    return InvalidArgumentError(
        fmt::format("bead {} has no {} sentence to move", k + 1, SideName(side)));
  }
  if (forward && k + 1 >= bitext.ladder.size()) {
    return InvalidArgumentError(fmt::format(
        "bead {} is the last bead: there is no next bead to move a sentence to", k + 1));
  }
  if (!forward && k == 0) {
    return InvalidArgumentError(
        "bead 1 is the first bead: there is no bead before it to move a sentence to");
  }
  const std::size_t a = forward ? k : k - 1;
  LadderPatch patch = Before(bitext, a, 2);
  Bead x = bitext.ladder[a];
  Bead y = bitext.ladder[a + 1];
  std::size_t& x_count = side == Side::kSource ? x.source_count : x.target_count;
  std::size_t& y_count = side == Side::kSource ? y.source_count : y.target_count;
  std::size_t& y_begin = side == Side::kSource ? y.source_begin : y.target_begin;
  if (forward) {
    --x_count;
    ++y_count;
    --y_begin;
  } else {
    ++x_count;
    --y_count;
    ++y_begin;
  }
  BeadReview rx = EditedRecord(stamp, patch.before_review[0].note, patch.before_review[0].bookmark);
  BeadReview ry = EditedRecord(stamp, patch.before_review[1].note, patch.before_review[1].bookmark);
  const bool x_empty = x.source_count == 0 && x.target_count == 0;
  const bool y_empty = y.source_count == 0 && y.target_count == 0;
  if (x_empty) {
    ry.note = JoinNotes(rx.note, ry.note);
    ry.bookmark = ry.bookmark || rx.bookmark;
  } else {
    patch.after_beads.push_back(
        HandBead(x.source_begin, x.source_count, x.target_begin, x.target_count));
    if (y_empty) {
      rx.note = JoinNotes(rx.note, ry.note);
      rx.bookmark = rx.bookmark || ry.bookmark;
    }
    patch.after_review.push_back(std::move(rx));
  }
  if (!y_empty) {
    patch.after_beads.push_back(
        HandBead(y.source_begin, y.source_count, y.target_begin, y.target_count));
    patch.after_review.push_back(std::move(ry));
  }
  return patch;
}

StatusOr<LadderPatch> PlanDetach(const Bitext& bitext, const Edit& edit, const ReviewStamp& stamp) {
  const Bead& bead = bitext.ladder[edit.bead];
  const std::size_t n = Count(bead, edit.side);
  const std::size_t m = Count(bead, edit.side == Side::kSource ? Side::kTarget : Side::kSource);
  if (edit.sentence >= n) {
    return InvalidArgumentError(fmt::format("bead {} has no {} sentence {}", edit.bead + 1,
                                            SideName(edit.side), edit.sentence + 1));
  }
  if (n + m == 1) {
    return InvalidArgumentError(
        fmt::format("the sentence of bead {} is already unaligned", edit.bead + 1));
  }
  if (edit.sentence != 0 && edit.sentence + 1 != n) {
    return InvalidArgumentError(fmt::format(
        "sentence {} is in the middle of the {} side of bead {}: only the first or last sentence "
        "of a side can be detached (split the bead first)",
        edit.sentence + 1, SideName(edit.side), edit.bead + 1));
  }
  const bool source = edit.side == Side::kSource;
  const std::size_t index =
      (source ? bead.source_begin : bead.target_begin) + edit.sentence;  // in its document
  // The detached sentence goes before the rest when it was first on its side, after it when it
  // was last; a side's only sentence goes first for the source and last for the target, so that
  // detaching either side of a 1:1 bead gives the same order.
  const bool alone_first = n == 1 ? source : edit.sentence == 0;
  Bead alone = source ? HandBead(index, 1, alone_first ? bead.target_begin : bead.target_end(), 0)
                      : HandBead(alone_first ? bead.source_begin : bead.source_end(), 0, index, 1);
  Bead rest = bead;
  rest.confidence = 1.0;
  if (source) {
    --rest.source_count;
    if (alone_first) ++rest.source_begin;
  } else {
    --rest.target_count;
    if (alone_first) ++rest.target_begin;
  }
  LadderPatch patch = Before(bitext, edit.bead, 1);
  const BeadReview& record = patch.before_review[0];
  BeadReview rest_record = EditedRecord(stamp, record.note, record.bookmark);
  BeadReview alone_record = EditedRecord(stamp, "", false);
  if (alone_first) {
    patch.after_beads = {alone, rest};
    patch.after_review = {std::move(alone_record), std::move(rest_record)};
  } else {
    patch.after_beads = {rest, alone};
    patch.after_review = {std::move(rest_record), std::move(alone_record)};
  }
  return patch;
}

StatusOr<LadderPatch> PlanAttach(const Bitext& bitext, std::size_t k, bool with_next,
                                 const ReviewStamp& stamp) {
  const Bead& bead = bitext.ladder[k];
  if (bead.two_sided()) {
    return InvalidArgumentError(fmt::format(
        "bead {} is {}, not an unaligned sentence: merge it instead", k + 1, BeadTypeName(bead)));
  }
  if (with_next && k + 1 >= bitext.ladder.size()) {
    return InvalidArgumentError(
        fmt::format("bead {} is the last bead: there is no next bead to link it with", k + 1));
  }
  if (!with_next && k == 0) {
    return InvalidArgumentError(
        "bead 1 is the first bead: there is no bead before it to link "
        "it with");
  }
  const std::size_t other = with_next ? k + 1 : k - 1;
  const bool has_source = bead.source_count > 0;
  const Bead& neighbour = bitext.ladder[other];
  if ((has_source ? neighbour.target_count : neighbour.source_count) == 0) {
    return InvalidArgumentError(
        fmt::format("bead {} has no {} sentence to link the {} sentence of bead {} with", other + 1,
                    has_source ? "target" : "source", has_source ? "source" : "target", k + 1));
  }
  return MergePair(bitext, std::min(k, other), stamp);
}

StatusOr<LadderPatch> PlanConfirm(const Bitext& bitext, std::size_t k, bool up_to,
                                  const ReviewStamp& stamp) {
  std::size_t first = k;
  if (up_to) {
    first = 0;
    while (first <= k && ReviewOf(bitext, first).status != ReviewStatus::kAutomatic) ++first;
    if (first > k) {
      return InvalidArgumentError(
          fmt::format("every bead up to bead {} is already confirmed or edited", k + 1));
    }
  } else if (const BeadReview& record = ReviewOf(bitext, k);
             record.status != ReviewStatus::kAutomatic) {
    return InvalidArgumentError(
        fmt::format("bead {} is already {}", k + 1, ReviewStatusName(record.status)));
  }
  LadderPatch patch = Before(bitext, first, k + 1 - first);
  patch.after_beads = patch.before_beads;
  patch.after_review = patch.before_review;
  for (BeadReview& record : patch.after_review) {
    if (record.status != ReviewStatus::kAutomatic) continue;
    record.status = ReviewStatus::kConfirmed;
    record.reviewer = stamp.reviewer;
    record.timestamp = stamp.timestamp;
  }
  return patch;
}

// Equal beads with equal records (an empty review vector holds default records).
bool SameBead(const align::Ladder& a, const std::vector<BeadReview>& ra, std::size_t i,
              const align::Ladder& b, const std::vector<BeadReview>& rb, std::size_t j) {
  static const BeadReview kDefault;
  const BeadReview& x = ra.empty() ? kDefault : ra[i];
  const BeadReview& y = rb.empty() ? kDefault : rb[j];
  return a[i] == b[j] && x == y;
}

}  // namespace

std::string_view EditKindName(EditKind kind) {
  for (const auto& [k, name] : kEditNames) {
    if (k == kind) return name;
  }
  return "";
}

std::optional<EditKind> EditKindFromName(std::string_view name) {
  for (const auto& [kind, n] : kEditNames) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

LadderPatch Invert(const LadderPatch& patch) {
  return LadderPatch{.first = patch.first,
                     .before_beads = patch.after_beads,
                     .before_review = patch.after_review,
                     .after_beads = patch.before_beads,
                     .after_review = patch.before_review,
                     .before_alignment = patch.after_alignment,
                     .after_alignment = patch.before_alignment};
}

StatusOr<LadderPatch> PlanEdit(const Bitext& bitext, const Edit& edit, const ReviewStamp& stamp) {
  if (edit.bead >= bitext.ladder.size()) return NoBead(bitext, edit.bead);
  switch (edit.kind) {
    case EditKind::kMergeWithNext:
      return PlanMerge(bitext, edit.bead, stamp);
    case EditKind::kSplit:
      return PlanSplit(bitext, edit, stamp);
    case EditKind::kMoveFirstToPrevious:
      return PlanMove(bitext, edit.bead, edit.side, /*forward=*/false, stamp);
    case EditKind::kMoveLastToNext:
      return PlanMove(bitext, edit.bead, edit.side, /*forward=*/true, stamp);
    case EditKind::kDetach:
      return PlanDetach(bitext, edit, stamp);
    case EditKind::kAttachToNext:
      return PlanAttach(bitext, edit.bead, /*with_next=*/true, stamp);
    case EditKind::kAttachToPrevious:
      return PlanAttach(bitext, edit.bead, /*with_next=*/false, stamp);
    case EditKind::kConfirm:
      return PlanConfirm(bitext, edit.bead, /*up_to=*/false, stamp);
    case EditKind::kConfirmUpTo:
      return PlanConfirm(bitext, edit.bead, /*up_to=*/true, stamp);
    case EditKind::kSetNote:
    case EditKind::kSetBookmark: {
      LadderPatch patch = Before(bitext, edit.bead, 1);
      patch.after_beads = patch.before_beads;
      patch.after_review = patch.before_review;
      BeadReview& record = patch.after_review[0];
      if (edit.kind == EditKind::kSetNote) {
        record.note = edit.note;
      } else {
        record.bookmark = edit.bookmark;
      }
      // Who wrote it and when. A note is no verdict: the bead keeps its status (an automatic
      // bead stays among those to review). A reviewed bead keeps who set its status.
      if (record.status == ReviewStatus::kAutomatic) {
        record.reviewer = stamp.reviewer;
        record.timestamp = stamp.timestamp;
        if (record.note.empty() && !record.bookmark) record = BeadReview{};
      }
      return patch;
    }
  }
  return InvalidArgumentError("unknown edit");
}

Status ApplyPatch(Bitext& bitext, const LadderPatch& patch) {
  const std::size_t n = patch.before_beads.size();
  if (patch.before_review.size() != n || patch.after_review.size() != patch.after_beads.size()) {
    return InvalidArgumentError("a patch needs one review record per bead");
  }
  if (patch.before_alignment.has_value() != patch.after_alignment.has_value()) {
    return InvalidArgumentError(
        "a patch replaces the alignment record with another, or not at all");
  }
  if (patch.before_alignment && bitext.alignment != *patch.before_alignment) {
    return ConflictError("the re-alignment was made for another version of the alignment record");
  }
  if (patch.first > bitext.ladder.size() || bitext.ladder.size() - patch.first < n) {
    return ConflictError(
        fmt::format("the edit was made for another state of the alignment (beads {} to {} of {})",
                    patch.first + 1, patch.first + n, bitext.ladder.size()));
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (bitext.ladder[patch.first + i] != patch.before_beads[i] ||
        ReviewOf(bitext, patch.first + i) != patch.before_review[i]) {
      return ConflictError(
          fmt::format("the edit was made for another state of the alignment (bead {} differs)",
                      patch.first + i + 1));
    }
  }
  MaterializeReview(bitext);
  const auto first = static_cast<std::ptrdiff_t>(patch.first);
  const auto last = static_cast<std::ptrdiff_t>(patch.first + n);
  bitext.ladder.erase(bitext.ladder.begin() + first, bitext.ladder.begin() + last);
  bitext.ladder.insert(bitext.ladder.begin() + first, patch.after_beads.begin(),
                       patch.after_beads.end());
  bitext.review.erase(bitext.review.begin() + first, bitext.review.begin() + last);
  bitext.review.insert(bitext.review.begin() + first, patch.after_review.begin(),
                       patch.after_review.end());
  NormalizeReview(bitext);
  if (patch.after_alignment) bitext.alignment = *patch.after_alignment;
  return Status::Ok();
}

StatusOr<LadderPatch> ApplyEdit(Bitext& bitext, const Edit& edit, const ReviewStamp& stamp) {
  TANDEM_ASSIGN_OR_RETURN(LadderPatch patch, PlanEdit(bitext, edit, stamp));
  TANDEM_RETURN_IF_ERROR(ApplyPatch(bitext, patch));
  return patch;
}

LadderPatch Diff(const align::Ladder& old_ladder, const std::vector<BeadReview>& old_review,
                 const align::Ladder& new_ladder, const std::vector<BeadReview>& new_review) {
  std::size_t prefix = 0;
  while (prefix < old_ladder.size() && prefix < new_ladder.size() &&
         SameBead(old_ladder, old_review, prefix, new_ladder, new_review, prefix)) {
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < old_ladder.size() - prefix && suffix < new_ladder.size() - prefix &&
         SameBead(old_ladder, old_review, old_ladder.size() - 1 - suffix, new_ladder, new_review,
                  new_ladder.size() - 1 - suffix)) {
    ++suffix;
  }
  static const BeadReview kDefault;
  LadderPatch patch;
  patch.first = prefix;
  for (std::size_t k = prefix; k < old_ladder.size() - suffix; ++k) {
    patch.before_beads.push_back(old_ladder[k]);
    patch.before_review.push_back(old_review.empty() ? kDefault : old_review[k]);
  }
  for (std::size_t k = prefix; k < new_ladder.size() - suffix; ++k) {
    patch.after_beads.push_back(new_ladder[k]);
    patch.after_review.push_back(new_review.empty() ? kDefault : new_review[k]);
  }
  return patch;
}

align::AlignOptions AlignOptionsOf(const Bitext& bitext) {
  return align::OptionsFromRecord(bitext.alignment.parameters);
}

namespace {

// The aligner's input for the texts of `bitext`, with the evidence of its first alignment: the
// FreeDict dictionaries of the pair, unless it was aligned without any (user dictionary files are
// not recorded by path, so they are not read again). The sentences are views into `bitext`.
StatusOr<align::AlignInput> AlignInputOf(const Bitext& bitext) {
  align::AlignInput input = align::InputFromDocuments(bitext.source, bitext.target);
  DictionaryRequest dictionaries;
  for (const auto& [name, value] : bitext.alignment.parameters) {
    if (name == "dictionaries" && value == "none") dictionaries.specs = {"none"};
  }
  TANDEM_ASSIGN_OR_RETURN(
      PreparedDictionaries prepared,
      LoadPreparedDictionaries(dictionaries, input.source_language, input.target_language));
  input.prepared_lexicons = std::move(prepared.lexicons);
  return input;
}

}  // namespace

StatusOr<LadderPatch> PlanRealign(const Bitext& bitext, const align::AlignOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(align::AlignInput input, AlignInputOf(bitext));
  // Records worth keeping if the aligner proposes the same bead again, by position.
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> kept;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const BeadReview& record = ReviewOf(bitext, k);
    if (record.status != ReviewStatus::kAutomatic) input.fixed.push_back(bitext.ladder[k]);
    if (!record.IsDefault()) {
      kept[{bitext.ladder[k].source_begin, bitext.ladder[k].target_begin}] = k;
    }
  }
  TANDEM_ASSIGN_OR_RETURN(align::Ladder ladder, align::Align(input, options));
  std::vector<BeadReview> review(ladder.size());
  for (std::size_t k = 0; k < ladder.size(); ++k) {
    const auto found = kept.find({ladder[k].source_begin, ladder[k].target_begin});
    if (found == kept.end()) continue;
    const Bead& old = bitext.ladder[found->second];
    if (old.source_count == ladder[k].source_count && old.target_count == ladder[k].target_count) {
      review[k] = ReviewOf(bitext, found->second);
      // An automatic bead proposed again takes the aligner's new confidence; a reviewed one is
      // fixed and kept as it was.
    }
  }
  // Notes and bookmarks of automatic beads the aligner changed stay with their text: they go to
  // the new bead that holds the old bead's first sentence (notes joined, one per line).
  std::vector<std::size_t> bead_of[2] = {std::vector<std::size_t>(input.source.size()),
                                         std::vector<std::size_t>(input.target.size())};
  for (std::size_t k = 0; k < ladder.size(); ++k) {
    for (std::size_t i = ladder[k].source_begin; i < ladder[k].source_end(); ++i) bead_of[0][i] = k;
    for (std::size_t j = ladder[k].target_begin; j < ladder[k].target_end(); ++j) bead_of[1][j] = k;
  }
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const BeadReview& old_record = ReviewOf(bitext, k);
    if (old_record.status != ReviewStatus::kAutomatic || old_record.IsDefault()) continue;
    const Bead& old = bitext.ladder[k];
    const std::size_t now =
        old.source_count > 0 ? bead_of[0][old.source_begin] : bead_of[1][old.target_begin];
    if (ladder[now].source_begin == old.source_begin &&
        ladder[now].target_begin == old.target_begin &&
        ladder[now].source_count == old.source_count &&
        ladder[now].target_count == old.target_count) {
      continue;  // proposed again: it kept its record above
    }
    BeadReview& record = review[now];
    record.note = JoinNotes(record.note, old_record.note);
    record.bookmark = record.bookmark || old_record.bookmark;
    if (record.status == ReviewStatus::kAutomatic && record.reviewer.empty()) {
      record.reviewer = old_record.reviewer;
      record.timestamp = old_record.timestamp;
    }
  }
  return Diff(bitext.ladder, bitext.review, ladder, review);
}

StatusOr<Realignment> Realign(Bitext& bitext, const RealignRequest& request, EditHistory* history) {
  align::AlignOptions options = AlignOptionsOf(bitext);
  if (request.max_bead) options.max_bead = *request.max_bead;
  Realignment result;
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    if (ReviewOf(bitext, k).status != ReviewStatus::kAutomatic) ++result.kept;
  }
  TANDEM_ASSIGN_OR_RETURN(LadderPatch patch, PlanRealign(bitext, options));
  result.changes = CountChanges(patch);
  // A new run of the aligner made the automatic beads: the record says when and how, and
  // changes with them in one step (undone with them).
  patch.before_alignment = bitext.alignment;
  patch.after_alignment = bitext.alignment;
  patch.after_alignment->version = kVersion;
  patch.after_alignment->timestamp = request.timestamp;
  align::UpdateRecord(options, patch.after_alignment->parameters);
  if (history != nullptr) {
    TANDEM_ASSIGN_OR_RETURN(result.patch, history->Do(bitext, std::move(patch)));
  } else {
    TANDEM_RETURN_IF_ERROR(ApplyPatch(bitext, patch));
    result.patch = std::move(patch);
  }
  return result;
}

struct BeadExplainer::Texts {
  Document source;
  Document target;
  std::vector<std::string_view> source_sentences;
  std::vector<std::string_view> target_sentences;
};

StatusOr<BeadExplainer> BeadExplainer::Make(const Bitext& bitext,
                                            const align::AlignOptions& options) {
  auto texts = std::make_shared<Texts>();
  texts->source = bitext.source;
  texts->target = bitext.target;
  texts->source_sentences = texts->source.SentenceTexts();
  texts->target_sentences = texts->target.SentenceTexts();
  TANDEM_ASSIGN_OR_RETURN(align::AlignInput input, AlignInputOf(bitext));
  input.source = texts->source_sentences;
  input.target = texts->target_sentences;
  TANDEM_ASSIGN_OR_RETURN(align::AlignReport report, align::AlignWithReport(input, options));
  if (!report.model) return InternalError("the aligner kept no model to explain beads with");
  BeadExplainer explainer;
  explainer.texts_ = std::move(texts);
  explainer.model_ = std::move(report.model);
  return explainer;
}

StatusOr<align::BeadEvidence> BeadExplainer::Explain(const align::Bead& bead) const {
  const std::size_t sources = texts_->source_sentences.size();
  const std::size_t targets = texts_->target_sentences.size();
  if (bead.source_begin > sources || bead.source_count > sources - bead.source_begin ||
      bead.target_begin > targets || bead.target_count > targets - bead.target_begin ||
      bead.source_count + bead.target_count == 0) {
    return InvalidArgumentError(
        fmt::format("there is no bead of source sentences [{}, {}) and target sentences [{}, {}) "
                    "in texts of {} and {} sentences",
                    bead.source_begin, bead.source_begin + bead.source_count, bead.target_begin,
                    bead.target_begin + bead.target_count, sources, targets));
  }
  return align::ExplainBead(*model_, bead, texts_->source_sentences, texts_->target_sentences);
}

PatchChanges CountChanges(const LadderPatch& patch) {
  // Both runs are in ladder order: walk them together by where the beads start.
  PatchChanges changes;
  const std::vector<Bead>& before = patch.before_beads;
  const std::vector<Bead>& after = patch.after_beads;
  std::size_t i = 0;
  std::size_t j = 0;
  auto start = [](const Bead& b) { return std::pair{b.source_begin, b.target_begin}; };
  while (i < before.size() && j < after.size()) {
    if (start(before[i]) < start(after[j])) {
      ++changes.removed;
      ++i;
    } else if (start(after[j]) < start(before[i])) {
      ++changes.added;
      ++j;
    } else {
      if (before[i].source_count != after[j].source_count ||
          before[i].target_count != after[j].target_count) {
        ++changes.removed;
        ++changes.added;
      } else if (before[i].confidence != after[j].confidence) {
        ++changes.confidence;
      }
      ++i;
      ++j;
    }
  }
  changes.removed += before.size() - i;
  changes.added += after.size() - j;
  return changes;
}

StatusOr<LadderPatch> EditHistory::Do(Bitext& bitext, const Edit& edit, const ReviewStamp& stamp) {
  TANDEM_ASSIGN_OR_RETURN(LadderPatch patch, PlanEdit(bitext, edit, stamp));
  return Do(bitext, std::move(patch));
}

StatusOr<LadderPatch> EditHistory::Do(Bitext& bitext, LadderPatch patch) {
  TANDEM_RETURN_IF_ERROR(ApplyPatch(bitext, patch));
  done_.push_back(patch);
  undone_.clear();
  if (limit_ > 0 && done_.size() > limit_) done_.erase(done_.begin());
  return patch;
}

StatusOr<LadderPatch> EditHistory::Undo(Bitext& bitext) {
  if (done_.empty()) return InvalidArgumentError("there is nothing to undo");
  LadderPatch inverse = Invert(done_.back());
  TANDEM_RETURN_IF_ERROR(ApplyPatch(bitext, inverse));
  undone_.push_back(std::move(done_.back()));
  done_.pop_back();
  return inverse;
}

StatusOr<LadderPatch> EditHistory::Redo(Bitext& bitext) {
  if (undone_.empty()) return InvalidArgumentError("there is nothing to redo");
  LadderPatch patch = undone_.back();
  TANDEM_RETURN_IF_ERROR(ApplyPatch(bitext, patch));
  done_.push_back(std::move(patch));
  undone_.pop_back();
  return done_.back();
}

void EditHistory::Clear() {
  done_.clear();
  undone_.clear();
}

}  // namespace tandem::corpora
