// Reviewing an alignment: the edits a person makes to a bitext's ladder and review records
// (merge, split, move a sentence, detach, link, confirm, note, bookmark), each undoable, and
// re-aligning what nobody has reviewed yet while keeping what they have.
//
//   tandem::corpora::ReviewStamp who{.reviewer = "anna", .timestamp = "2026-11-22T10:00:00Z"};
//   tandem::corpora::EditHistory history;
//   TANDEM_ASSIGN_OR_RETURN(
//       tandem::corpora::LadderPatch patch,
//       history.Do(bitext, {.kind = tandem::corpora::EditKind::kMergeWithNext, .bead = 4}, who));
//   // patch: beads [patch.first, patch.first + patch.before_beads.size()) became after_beads
//   TANDEM_ASSIGN_OR_RETURN(patch, history.Undo(bitext));   // the inverse patch, applied
//
// Every edit is described by a LadderPatch: a run of consecutive beads (with their review
// records) replaced by another run. Applying the inverse patch undoes it exactly, review records
// and time stamps included; a patch is small (the beads around the edit), so a client that
// holds a copy of the ladder can follow the edits without fetching the whole ladder again.
//
// Invariants: after any sequence of edits, undos and redos, ValidateBitext(bitext) holds (the
// ladder stays complete and monotone, the review records parallel to it) and `review` is in the
// canonical form readers return (empty when every record is the default). Sentences are never
// reordered: an edit only moves the boundaries between beads.
//
// What edits do to a bead's record (docs/formats.md, "Review"):
// - edits that change which sentences a bead holds (merge, split, move, detach, link) leave every
//   bead they produce `edited`, stamped with the reviewer and time, and with confidence 1: the
//   aligner did not propose that bead, a person made it. Notes of merged beads are joined, one
//   per line; a bookmark survives when either bead had one. A split bead's note and bookmark go
//   with its first part;
// - confirming turns an `automatic` bead `confirmed` (stamped); its confidence stays the
//   aligner's, so that one can still see what the aligner thought;
// - notes and bookmarks change nothing else.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/align/aligner.h"
#include "tandem/align/bead.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

// One of the two texts of a bitext.
enum class Side {
  kSource,
  kTarget,
};

// Who makes an edit and when; stamped on the beads the edit changes.
struct ReviewStamp {
  std::string reviewer;   // a name or login
  std::string timestamp;  // ISO 8601 UTC, "2026-11-22T10:00:00Z"
};

enum class EditKind {
  kMergeWithNext,        // bead `bead` and the next become one bead
  kSplit,                // bead `bead` becomes two, after sentence `sentence` of `side`
  kMoveFirstToPrevious,  // the first sentence on `side` of bead `bead` goes to the bead before
  kMoveLastToNext,       // the last sentence on `side` of bead `bead` goes to the bead after
  kDetach,               // sentence `sentence` on `side` (the first or last there) is unaligned
  kAttachToNext,         // the one-sided bead `bead` (an unaligned sentence) joins the next bead
  kAttachToPrevious,     // ... joins the bead before
  kConfirm,              // the automatic bead `bead` becomes confirmed
  kConfirmUpTo,          // every automatic bead from the first to `bead` becomes confirmed
  kSetNote,              // the note of bead `bead` becomes `note` (empty: no note)
  kSetBookmark,          // the bookmark of bead `bead` is set to `bookmark`
};

// "merge", "split", "move-first-to-previous", "move-last-to-next", "detach", "link-next",
// "link-previous", "confirm", "confirm-up-to", "note", "bookmark": the names the review
// server's API uses.
std::string_view EditKindName(EditKind kind);
std::optional<EditKind> EditKindFromName(std::string_view name);

struct Edit {
  EditKind kind = EditKind::kConfirm;
  std::size_t bead = 0;       // 0-based index into the ladder
  Side side = Side::kSource;  // for split, move, detach
  // For split and detach: a sentence of the bead on `side`, counted from 0 within the bead.
  // A split keeps sentences 0..sentence of that side in its first part, and divides the other
  // side in the same proportion (rounded; each part keeps at least one sentence of a side that
  // has two or more; a single sentence stays with the first part).
  std::size_t sentence = 0;
  std::string note;       // for kSetNote
  bool bookmark = false;  // for kSetBookmark
};

// Beads [first, first + before_beads.size()) of a ladder, with their review records
// (before_review, one per bead), replaced by after_beads / after_review. A re-alignment
// (Realign) also replaces the alignment record, so that undoing it restores that too; other
// patches leave the record alone.
struct LadderPatch {
  std::size_t first = 0;
  std::vector<align::Bead> before_beads;
  std::vector<BeadReview> before_review;
  std::vector<align::Bead> after_beads;
  std::vector<BeadReview> after_review;
  std::optional<AlignmentInfo> before_alignment;  // both set, or neither
  std::optional<AlignmentInfo> after_alignment;

  bool empty() const { return before_beads.empty() && after_beads.empty(); }
  friend bool operator==(const LadderPatch&, const LadderPatch&) = default;
};

// The patch that undoes `patch`.
LadderPatch Invert(const LadderPatch& patch);

// What `edit` would change, without changing anything. An edit that cannot be made (no next
// bead to merge with, a split of a single sentence, confirming a bead already reviewed, a bead
// index out of range) is kInvalidArgument with a message for the reviewer ("bead 12 is the
// last bead: there is nothing to merge it with"; beads are counted from 1 in messages).
StatusOr<LadderPatch> PlanEdit(const Bitext& bitext, const Edit& edit, const ReviewStamp& stamp);

// Replaces the patched beads. kConflict, and no change, when the beads at `patch.first` are not
// `patch.before_*` (the patch was made for another state of the ladder).
Status ApplyPatch(Bitext& bitext, const LadderPatch& patch);

// PlanEdit followed by ApplyPatch.
StatusOr<LadderPatch> ApplyEdit(Bitext& bitext, const Edit& edit, const ReviewStamp& stamp);

// The smallest patch that turns (old_ladder, old_review) into (new_ladder, new_review): the
// common beads at both ends are left out. Review vectors may be empty (all default).
LadderPatch Diff(const align::Ladder& old_ladder, const std::vector<BeadReview>& old_review,
                 const align::Ladder& new_ladder, const std::vector<BeadReview>& new_review);

// The aligner's options a bitext was made with, as far as its AlignmentInfo records them
// (align::OptionsFromRecord: the largest bead); defaults for the rest.
align::AlignOptions AlignOptionsOf(const Bitext& bitext);

// Re-aligns every stretch of the bitext that nobody has reviewed: beads that are confirmed or
// edited are held fixed (align::AlignInput::fixed) and kept with their records; the aligner
// places the sentences between them. A new bead that is exactly an old one keeps the old
// bead's record (an automatic bead's note or bookmark survives when the aligner proposes the
// same bead again). Returns the patch, without applying it.
StatusOr<LadderPatch> PlanRealign(const Bitext& bitext, const align::AlignOptions& options);

// What the aligner sees in any bead of a bitext, for reviewers (the editor's "why"): the words,
// numbers and names it matches, and the parts of the bead's cost, as `tandem align --explain`
// prints them. Made once by aligning the bitext's texts with `options` and the dictionaries of
// its first alignment (as long as that alignment took); then each bead is cheap. Holds copies of
// the texts: the bitext may change or go away afterwards (beads never move sentences).
class BeadExplainer {
 public:
  static StatusOr<BeadExplainer> Make(const Bitext& bitext, const align::AlignOptions& options);
  // kInvalidArgument when the bead is empty or does not lie within the texts.
  StatusOr<align::BeadEvidence> Explain(const align::Bead& bead) const;

 private:
  struct Texts;
  BeadExplainer() = default;
  std::shared_ptr<const Texts> texts_;
  std::shared_ptr<const align::ScoringModel> model_;
};

// What a patch (a re-alignment's) changes, for people: beads of the old ladder that are gone and
// beads of the new one that were not there (other sentences), apart from beads that stayed as
// they were but whose confidence changed (the aligner re-estimates every confidence when it
// runs again, so nearly every bead's may move a little).
struct PatchChanges {
  std::size_t removed = 0;     // old beads not in the new ladder
  std::size_t added = 0;       // new beads not in the old ladder
  std::size_t confidence = 0;  // beads in both, with another confidence
  bool structural() const { return removed + added > 0; }
};
PatchChanges CountChanges(const LadderPatch& patch);

// The edits of one review session, for undo and redo. Holds patches only; the bitext is the
// caller's and must not change behind the history's back (every change goes through Do).
class EditHistory {
 public:
  // At most `limit` steps are kept for undo (the oldest are forgotten); 0 means no limit.
  explicit EditHistory(std::size_t limit = 10'000) : limit_(limit) {}

  // Plans `edit`, applies it and records it; the redo list is cleared.
  StatusOr<LadderPatch> Do(Bitext& bitext, const Edit& edit, const ReviewStamp& stamp);
  // Applies a patch made elsewhere (PlanRealign) and records it like an edit.
  StatusOr<LadderPatch> Do(Bitext& bitext, LadderPatch patch);

  // Undoes the last step; returns the patch that was applied (the inverse of the step).
  // kInvalidArgument when there is nothing to undo.
  StatusOr<LadderPatch> Undo(Bitext& bitext);
  // Makes the last undone step again; returns the patch that was applied.
  StatusOr<LadderPatch> Redo(Bitext& bitext);

  std::size_t undo_size() const { return done_.size(); }
  std::size_t redo_size() const { return undone_.size(); }
  void Clear();

 private:
  std::size_t limit_;
  std::vector<LadderPatch> done_;
  std::vector<LadderPatch> undone_;
};

// Re-aligning a reviewed bitext: the one entry point of `tandem align --keep` and of the review
// editor's re-align.
struct RealignRequest {
  // The largest bead (1-8); empty: the one the bitext records (AlignOptionsOf).
  std::optional<std::size_t> max_bead;
  // When the re-alignment is made (ISO 8601 UTC), for the alignment record.
  std::string timestamp;
};

struct Realignment {
  LadderPatch patch;     // what was applied (in an EditHistory: what undo reverts)
  std::size_t kept = 0;  // confirmed and edited beads, held as they were
  PatchChanges changes;  // CountChanges(patch), for messages
};

// Re-aligns around the reviewed beads (PlanRealign, with AlignOptionsOf and `request`), applies
// the patch (through `history` when one is given, so that the step can be undone), and updates
// the alignment record: tandem's version, `request.timestamp`, and the recorded options
// (align::UpdateRecord). On failure the bitext is unchanged.
StatusOr<Realignment> Realign(Bitext& bitext, const RealignRequest& request,
                              EditHistory* history = nullptr);

}  // namespace tandem::corpora
