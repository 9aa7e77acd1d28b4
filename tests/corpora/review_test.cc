#include "tandem/corpora/review.h"

#include <cstddef>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures.h"
#include "generated_corpus.h"
#include "tandem/core/version.h"
#include "tandem/corpora/document_builder.h"

namespace tandem::corpora {
namespace {

const ReviewStamp kStamp{.reviewer = "rita", .timestamp = "2026-11-22T10:00:00Z"};

// A bitext whose ladder has the given shapes ("1:1 2:1 0:1"); every sentence is its own
// paragraph-free piece of text, every bead automatic with confidence 0.5.
Bitext FromShapes(const std::string& shapes) {
  std::istringstream in(shapes);
  std::string shape;
  DocumentBuilder source("src.txt", "en");
  DocumentBuilder target("tgt.txt", "hu");
  source.StartParagraph();
  target.StartParagraph();
  align::Ladder ladder;
  while (in >> shape) {
    const std::size_t colon = shape.find(':');
    const std::size_t a = std::stoul(shape.substr(0, colon));
    const std::size_t b = std::stoul(shape.substr(colon + 1));
    ladder.push_back({source.sentence_count(), a, target.sentence_count(), b, 0.5});
    for (std::size_t i = 0; i < a; ++i) {
      source.AddSentence("Source sentence " + std::to_string(source.sentence_count() + 1) + ".");
    }
    for (std::size_t j = 0; j < b; ++j) {
      target.AddSentence("Target sentence " + std::to_string(target.sentence_count() + 1) + ".");
    }
  }
  source.EndParagraph();
  target.EndParagraph();
  Bitext bitext;
  bitext.source = source.Finish().value();
  bitext.target = target.Finish().value();
  bitext.ladder = ladder;
  EXPECT_TRUE(ValidateBitext(bitext).ok());
  return bitext;
}

std::string Shapes(const Bitext& bitext) {
  std::string out;
  for (const align::Bead& bead : bitext.ladder) {
    if (!out.empty()) out += ' ';
    out += BeadTypeName(bead);
  }
  return out;
}

// The review must be in the form readers return: empty, or not all default.
bool Canonical(const Bitext& bitext) {
  if (bitext.review.empty()) return true;
  if (bitext.review.size() != bitext.ladder.size()) return false;
  for (const BeadReview& r : bitext.review) {
    if (!r.IsDefault()) return true;
  }
  return false;
}

struct Case {
  std::string ladder;
  EditKind kind;
  std::size_t bead;
  Side side;
  std::size_t sentence;
  std::string expected;  // the shapes after the edit, or "error: <part of the message>"
};

// Every structural edit on every bead type it applies to, and the ways it can be refused.
const std::vector<Case> kStructuralCases = {
    // merge
    {"1:1 1:1", EditKind::kMergeWithNext, 0, Side::kSource, 0, "2:2"},
    {"1:0 0:1", EditKind::kMergeWithNext, 0, Side::kSource, 0, "1:1"},
    {"0:1 1:0", EditKind::kMergeWithNext, 0, Side::kSource, 0, "1:1"},
    {"2:1 1:2 1:1", EditKind::kMergeWithNext, 0, Side::kSource, 0, "3:3 1:1"},
    {"1:1 2:2 1:3", EditKind::kMergeWithNext, 1, Side::kSource, 0, "1:1 3:5"},
    {"1:1 1:0", EditKind::kMergeWithNext, 1, Side::kSource, 0, "error: last bead"},
    {"1:1", EditKind::kMergeWithNext, 3, Side::kSource, 0, "error: there is no bead 4"},
    // split
    {"2:2", EditKind::kSplit, 0, Side::kSource, 0, "1:1 1:1"},
    {"2:2", EditKind::kSplit, 0, Side::kTarget, 0, "1:1 1:1"},
    {"2:1", EditKind::kSplit, 0, Side::kSource, 0, "1:1 1:0"},
    {"1:2", EditKind::kSplit, 0, Side::kTarget, 0, "1:1 0:1"},
    {"3:1", EditKind::kSplit, 0, Side::kSource, 1, "2:1 1:0"},
    {"3:2", EditKind::kSplit, 0, Side::kSource, 0, "1:1 2:1"},
    {"3:2", EditKind::kSplit, 0, Side::kSource, 1, "2:1 1:1"},
    {"1:3", EditKind::kSplit, 0, Side::kTarget, 1, "1:2 0:1"},
    {"2:0", EditKind::kSplit, 0, Side::kSource, 0, "1:0 1:0"},
    {"0:2", EditKind::kSplit, 0, Side::kTarget, 0, "0:1 0:1"},
    {"1:1 2:2 1:1", EditKind::kSplit, 1, Side::kTarget, 0, "1:1 1:1 1:1 1:1"},
    {"1:2", EditKind::kSplit, 0, Side::kSource, 0, "error: one source sentence"},
    {"1:1", EditKind::kSplit, 0, Side::kTarget, 0, "error: one target sentence"},
    {"0:1", EditKind::kSplit, 0, Side::kSource, 0, "error: no source sentences"},
    {"2:2", EditKind::kSplit, 0, Side::kSource, 1, "error: last source sentence"},
    // move the first sentence of a side to the bead before
    {"1:1 1:1", EditKind::kMoveFirstToPrevious, 1, Side::kSource, 0, "2:1 0:1"},
    {"1:1 1:1", EditKind::kMoveFirstToPrevious, 1, Side::kTarget, 0, "1:2 1:0"},
    {"1:1 2:1", EditKind::kMoveFirstToPrevious, 1, Side::kSource, 0, "2:1 1:1"},
    {"1:1 0:1", EditKind::kMoveFirstToPrevious, 1, Side::kTarget, 0, "1:2"},
    {"1:0 1:0", EditKind::kMoveFirstToPrevious, 1, Side::kSource, 0, "2:0"},
    {"0:1 1:2", EditKind::kMoveFirstToPrevious, 1, Side::kSource, 0, "1:1 0:2"},
    {"1:1 1:3", EditKind::kMoveFirstToPrevious, 1, Side::kTarget, 0, "1:2 1:2"},
    {"1:1 0:1", EditKind::kMoveFirstToPrevious, 1, Side::kSource, 0, "error: no source sentence"},
    {"1:1 1:1", EditKind::kMoveFirstToPrevious, 0, Side::kSource, 0, "error: first bead"},
    // move the last sentence of a side to the bead after
    {"2:1 1:1", EditKind::kMoveLastToNext, 0, Side::kSource, 0, "1:1 2:1"},
    {"1:1 1:0", EditKind::kMoveLastToNext, 0, Side::kTarget, 0, "1:0 1:1"},
    {"1:0 1:1", EditKind::kMoveLastToNext, 0, Side::kSource, 0, "2:1"},
    {"2:2 1:1", EditKind::kMoveLastToNext, 0, Side::kTarget, 0, "2:1 1:2"},
    {"3:1 0:1", EditKind::kMoveLastToNext, 0, Side::kSource, 0, "2:1 1:1"},
    {"1:0 1:1", EditKind::kMoveLastToNext, 0, Side::kTarget, 0, "error: no target sentence"},
    {"1:1 1:1", EditKind::kMoveLastToNext, 1, Side::kSource, 0, "error: last bead"},
    // detach the first or last sentence of a side
    {"1:1", EditKind::kDetach, 0, Side::kSource, 0, "1:0 0:1"},
    {"1:1", EditKind::kDetach, 0, Side::kTarget, 0, "1:0 0:1"},
    {"2:1", EditKind::kDetach, 0, Side::kSource, 0, "1:0 1:1"},
    {"2:1", EditKind::kDetach, 0, Side::kSource, 1, "1:1 1:0"},
    {"2:1", EditKind::kDetach, 0, Side::kTarget, 0, "2:0 0:1"},
    {"1:2", EditKind::kDetach, 0, Side::kTarget, 1, "1:1 0:1"},
    {"1:2", EditKind::kDetach, 0, Side::kTarget, 0, "0:1 1:1"},
    {"1:2", EditKind::kDetach, 0, Side::kSource, 0, "1:0 0:2"},
    {"2:2", EditKind::kDetach, 0, Side::kTarget, 0, "0:1 2:1"},
    {"2:2", EditKind::kDetach, 0, Side::kSource, 1, "1:2 1:0"},
    {"2:0", EditKind::kDetach, 0, Side::kSource, 1, "1:0 1:0"},
    {"1:1 3:1 1:1", EditKind::kDetach, 1, Side::kSource, 2, "1:1 2:1 1:0 1:1"},
    {"3:1", EditKind::kDetach, 0, Side::kSource, 1, "error: in the middle"},
    {"1:0", EditKind::kDetach, 0, Side::kSource, 0, "error: already unaligned"},
    {"0:1", EditKind::kDetach, 0, Side::kSource, 0, "error: no source sentence 1"},
    {"1:2", EditKind::kDetach, 0, Side::kTarget, 2, "error: no target sentence 3"},
    // link an unaligned sentence with a neighbour
    {"1:0 0:1", EditKind::kAttachToNext, 0, Side::kSource, 0, "1:1"},
    {"0:1 1:0", EditKind::kAttachToNext, 0, Side::kSource, 0, "1:1"},
    {"1:0 1:1", EditKind::kAttachToNext, 0, Side::kSource, 0, "2:1"},
    {"1:1 0:1", EditKind::kAttachToPrevious, 1, Side::kSource, 0, "1:2"},
    {"1:0 0:1 1:1", EditKind::kAttachToPrevious, 1, Side::kSource, 0, "1:1 1:1"},
    {"2:0 0:1", EditKind::kAttachToNext, 0, Side::kSource, 0, "2:1"},
    {"1:1 1:1", EditKind::kAttachToNext, 0, Side::kSource, 0, "error: merge it instead"},
    {"1:0 1:0", EditKind::kAttachToNext, 0, Side::kSource, 0, "error: no target sentence"},
    {"0:1 0:1", EditKind::kAttachToPrevious, 1, Side::kSource, 0, "error: no source sentence"},
    {"1:0", EditKind::kAttachToNext, 0, Side::kSource, 0, "error: last bead"},
    {"0:1 1:1", EditKind::kAttachToPrevious, 0, Side::kSource, 0, "error: first bead"},
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << EditKindName(c.kind) << " bead " << c.bead + 1 << " of \"" << c.ladder << "\"";
}

class StructuralEdit : public ::testing::TestWithParam<Case> {};

TEST_P(StructuralEdit, MakesTheLadderAndUndoes) {
  const Case& c = GetParam();
  const Bitext original = FromShapes(c.ladder);
  Bitext bitext = original;
  const Edit edit{.kind = c.kind, .bead = c.bead, .side = c.side, .sentence = c.sentence};
  StatusOr<LadderPatch> patch = ApplyEdit(bitext, edit, kStamp);
  if (c.expected.starts_with("error: ")) {
    ASSERT_FALSE(patch.ok()) << "made " << Shapes(bitext);
    EXPECT_EQ(patch.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(patch.status().message().find(c.expected.substr(7)), std::string::npos)
        << patch.status().message();
    EXPECT_EQ(bitext, original);  // nothing changed
    return;
  }
  ASSERT_TRUE(patch.ok()) << patch.status().message();
  EXPECT_EQ(Shapes(bitext), c.expected);
  ASSERT_TRUE(ValidateBitext(bitext).ok()) << ValidateBitext(bitext).message();
  EXPECT_TRUE(Canonical(bitext));
  // Every bead the edit produced is the reviewer's: edited, stamped, confidence 1; the others
  // are untouched.
  for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
    const bool produced = k >= patch->first && k < patch->first + patch->after_beads.size();
    const BeadReview& record = ReviewOf(bitext, k);
    if (produced) {
      EXPECT_EQ(record.status, ReviewStatus::kEdited) << k;
      EXPECT_EQ(record.reviewer, "rita");
      EXPECT_EQ(record.timestamp, "2026-11-22T10:00:00Z");
      EXPECT_EQ(bitext.ladder[k].confidence, 1.0);
    } else {
      EXPECT_TRUE(record.IsDefault()) << k;
      EXPECT_EQ(bitext.ladder[k].confidence, 0.5);
    }
  }
  // Undo restores the original exactly; redo makes the same edit again.
  Bitext undone = bitext;
  ASSERT_TRUE(ApplyPatch(undone, Invert(*patch)).ok());
  EXPECT_EQ(undone, original);
  ASSERT_TRUE(ApplyPatch(undone, *patch).ok());
  EXPECT_EQ(undone, bitext);
}

// Test names say what is edited: "split_2x1_source_0_7".
std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = std::string(EditKindName(info.param.kind)) + "_" + info.param.ladder + "_" +
                     (info.param.side == Side::kSource ? "source" : "target") + "_" +
                     std::to_string(info.param.sentence) + "_" + std::to_string(info.index);
  for (char& c : name) {
    if (c == ':') c = 'x';
    if (c == ' ' || c == '-') c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryBeadType, StructuralEdit, ::testing::ValuesIn(kStructuralCases),
                         CaseName);

TEST(Review, ConfirmKeepsTheConfidenceAndStampsTheBead) {
  const Bitext original = FromShapes("1:1 2:1 0:1");
  Bitext bitext = original;
  EditHistory history;
  ASSERT_TRUE(history.Do(bitext, {.kind = EditKind::kConfirm, .bead = 1}, kStamp).ok());
  EXPECT_EQ(ReviewOf(bitext, 1).status, ReviewStatus::kConfirmed);
  EXPECT_EQ(ReviewOf(bitext, 1).reviewer, "rita");
  EXPECT_EQ(ReviewOf(bitext, 1).timestamp, "2026-11-22T10:00:00Z");
  EXPECT_EQ(bitext.ladder, original.ladder);  // the confidence is still the aligner's
  EXPECT_EQ(ReviewOf(bitext, 0).status, ReviewStatus::kAutomatic);

  const StatusOr<LadderPatch> again =
      history.Do(bitext, {.kind = EditKind::kConfirm, .bead = 1}, kStamp);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("bead 2 is already confirmed"), std::string::npos);

  ASSERT_TRUE(history.Undo(bitext).ok());
  EXPECT_EQ(bitext, original);
  EXPECT_TRUE(bitext.review.empty());  // canonical again
}

TEST(Review, ConfirmUpToConfirmsOnlyAutomaticBeads) {
  Bitext bitext = FromShapes("1:1 1:1 1:0 1:1 0:1");
  ASSERT_TRUE(ApplyEdit(bitext, {.kind = EditKind::kMergeWithNext, .bead = 1}, kStamp).ok());
  // 1:1 2:1 1:1 0:1, bead 2 edited
  const ReviewStamp later{.reviewer = "sam", .timestamp = "2026-11-23T08:00:00Z"};
  StatusOr<LadderPatch> patch =
      ApplyEdit(bitext, {.kind = EditKind::kConfirmUpTo, .bead = 2}, later);
  ASSERT_TRUE(patch.ok()) << patch.status().message();
  EXPECT_EQ(patch->first, 0u);
  EXPECT_EQ(ReviewOf(bitext, 0).status, ReviewStatus::kConfirmed);
  EXPECT_EQ(ReviewOf(bitext, 0).reviewer, "sam");
  EXPECT_EQ(ReviewOf(bitext, 1).status, ReviewStatus::kEdited);  // stays edited, by rita
  EXPECT_EQ(ReviewOf(bitext, 1).reviewer, "rita");
  EXPECT_EQ(ReviewOf(bitext, 2).status, ReviewStatus::kConfirmed);
  EXPECT_EQ(ReviewOf(bitext, 3).status, ReviewStatus::kAutomatic);  // after "here"

  const StatusOr<LadderPatch> nothing =
      ApplyEdit(bitext, {.kind = EditKind::kConfirmUpTo, .bead = 2}, later);
  ASSERT_FALSE(nothing.ok());
  EXPECT_NE(nothing.status().message().find("already confirmed or edited"), std::string::npos);
}

TEST(Review, NotesAndBookmarksChangeNothingElse) {
  const Bitext original = FromShapes("1:1 1:2");
  Bitext bitext = original;
  EditHistory history;
  ASSERT_TRUE(
      history.Do(bitext, {.kind = EditKind::kSetNote, .bead = 1, .note = "check the names"}, kStamp)
          .ok());
  ASSERT_TRUE(
      history.Do(bitext, {.kind = EditKind::kSetBookmark, .bead = 0, .bookmark = true}, kStamp)
          .ok());
  EXPECT_EQ(ReviewOf(bitext, 1).note, "check the names");
  // A note is no verdict: the bead stays automatic, but the note says who wrote it and when.
  EXPECT_EQ(ReviewOf(bitext, 1).status, ReviewStatus::kAutomatic);
  EXPECT_EQ(ReviewOf(bitext, 1).reviewer, kStamp.reviewer);
  EXPECT_EQ(ReviewOf(bitext, 1).timestamp, kStamp.timestamp);
  EXPECT_EQ(ReviewOf(bitext, 0).reviewer, kStamp.reviewer);
  EXPECT_TRUE(ReviewOf(bitext, 0).bookmark);
  EXPECT_EQ(bitext.ladder, original.ladder);
  ASSERT_TRUE(history.Undo(bitext).ok());
  EXPECT_FALSE(ReviewOf(bitext, 0).bookmark);
  ASSERT_TRUE(history.Undo(bitext).ok());
  EXPECT_EQ(bitext, original);
  ASSERT_TRUE(history.Redo(bitext).ok());
  EXPECT_EQ(ReviewOf(bitext, 1).note, "check the names");
}

TEST(Review, NotesAndBookmarksFollowTheSentences) {
  Bitext bitext = FromShapes("1:1 1:1 1:0 1:1");
  ASSERT_TRUE(ApplyEdit(bitext, {.kind = EditKind::kSetNote, .bead = 0, .note = "a"}, kStamp).ok());
  ASSERT_TRUE(ApplyEdit(bitext, {.kind = EditKind::kSetNote, .bead = 1, .note = "b"}, kStamp).ok());
  ASSERT_TRUE(
      ApplyEdit(bitext, {.kind = EditKind::kSetBookmark, .bead = 2, .bookmark = true}, kStamp)
          .ok());
  // Merging joins the notes, one per line.
  ASSERT_TRUE(ApplyEdit(bitext, {.kind = EditKind::kMergeWithNext, .bead = 0}, kStamp).ok());
  EXPECT_EQ(Shapes(bitext), "2:2 1:0 1:1");
  EXPECT_EQ(ReviewOf(bitext, 0).note, "a\nb");
  // A bead emptied by a move hands its bookmark to the bead that took its sentence.
  ASSERT_TRUE(ApplyEdit(bitext,
                        {.kind = EditKind::kMoveFirstToPrevious, .bead = 1, .side = Side::kSource},
                        kStamp)
                  .ok());
  EXPECT_EQ(Shapes(bitext), "3:2 1:1");
  EXPECT_TRUE(ReviewOf(bitext, 0).bookmark);
  EXPECT_EQ(ReviewOf(bitext, 0).note, "a\nb");
  // A split leaves note and bookmark with the first part.
  ASSERT_TRUE(ApplyEdit(bitext,
                        {.kind = EditKind::kSplit, .bead = 0, .side = Side::kSource, .sentence = 1},
                        kStamp)
                  .ok());
  EXPECT_EQ(Shapes(bitext), "2:1 1:1 1:1");
  EXPECT_EQ(ReviewOf(bitext, 0).note, "a\nb");
  EXPECT_TRUE(ReviewOf(bitext, 0).bookmark);
  EXPECT_TRUE(ReviewOf(bitext, 1).note.empty());
  EXPECT_FALSE(ReviewOf(bitext, 1).bookmark);
}

TEST(Review, AStalePatchIsAConflictAndChangesNothing) {
  Bitext bitext = FromShapes("1:1 1:1 1:1");
  const StatusOr<LadderPatch> patch =
      PlanEdit(bitext, {.kind = EditKind::kMergeWithNext, .bead = 1}, kStamp);
  ASSERT_TRUE(patch.ok());
  ASSERT_TRUE(ApplyEdit(bitext, {.kind = EditKind::kMergeWithNext, .bead = 0}, kStamp).ok());
  const Bitext before = bitext;
  const Status status = ApplyPatch(bitext, *patch);
  EXPECT_EQ(status.code(), StatusCode::kConflict);
  EXPECT_EQ(bitext, before);
  LadderPatch beyond = *patch;
  beyond.first = 7;
  EXPECT_EQ(ApplyPatch(bitext, beyond).code(), StatusCode::kConflict);
}

TEST(Review, UndoAndRedoFollowTheHistory) {
  Bitext bitext = FromShapes("1:1 1:0 0:1 2:2");
  const Bitext original = bitext;
  EditHistory history;
  EXPECT_EQ(history.Undo(bitext).status().code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(history.Do(bitext, {.kind = EditKind::kAttachToNext, .bead = 1}, kStamp).ok());
  const Bitext linked = bitext;
  ASSERT_TRUE(
      history.Do(bitext, {.kind = EditKind::kSplit, .bead = 2, .side = Side::kTarget}, kStamp)
          .ok());
  EXPECT_EQ(Shapes(bitext), "1:1 1:1 1:1 1:1");
  EXPECT_EQ(history.undo_size(), 2u);

  StatusOr<LadderPatch> undo = history.Undo(bitext);
  ASSERT_TRUE(undo.ok());
  EXPECT_EQ(bitext, linked);
  EXPECT_EQ(undo->first, 2u);  // the inverse of the split: two beads back into one
  EXPECT_EQ(undo->after_beads.size(), 1u);
  ASSERT_TRUE(history.Undo(bitext).ok());
  EXPECT_EQ(bitext, original);
  EXPECT_EQ(history.redo_size(), 2u);
  ASSERT_TRUE(history.Redo(bitext).ok());
  EXPECT_EQ(bitext, linked);
  // A new edit forgets what was undone.
  ASSERT_TRUE(history.Do(bitext, {.kind = EditKind::kConfirm, .bead = 0}, kStamp).ok());
  EXPECT_EQ(history.redo_size(), 0u);
  EXPECT_EQ(history.Redo(bitext).status().code(), StatusCode::kInvalidArgument);
}

TEST(Review, HistoryForgetsTheOldestStepsBeyondItsLimit) {
  Bitext bitext = FromShapes("1:1 1:1 1:1 1:1");
  EditHistory history(2);
  for (std::size_t k = 0; k < 4; ++k) {
    ASSERT_TRUE(history.Do(bitext, {.kind = EditKind::kConfirm, .bead = k}, kStamp).ok());
  }
  EXPECT_EQ(history.undo_size(), 2u);
  ASSERT_TRUE(history.Undo(bitext).ok());
  ASSERT_TRUE(history.Undo(bitext).ok());
  EXPECT_FALSE(history.Undo(bitext).ok());
  EXPECT_EQ(ReviewOf(bitext, 1).status, ReviewStatus::kConfirmed);
  EXPECT_EQ(ReviewOf(bitext, 2).status, ReviewStatus::kAutomatic);
}

TEST(Review, DiffLeavesOutTheCommonEnds) {
  const Bitext a = FromShapes("1:1 1:1 1:1 1:1");
  Bitext b = a;
  ASSERT_TRUE(ApplyEdit(b, {.kind = EditKind::kMergeWithNext, .bead = 1}, kStamp).ok());
  const LadderPatch patch = Diff(a.ladder, a.review, b.ladder, b.review);
  EXPECT_EQ(patch.first, 1u);
  EXPECT_EQ(patch.before_beads.size(), 2u);
  EXPECT_EQ(patch.after_beads.size(), 1u);
  EXPECT_TRUE(Diff(a.ladder, a.review, a.ladder, {}).empty());
  Bitext c = a;
  ASSERT_TRUE(ApplyPatch(c, patch).ok());
  EXPECT_EQ(c, b);
}

TEST(Review, EditNamesRoundTrip) {
  for (const EditKind kind :
       {EditKind::kMergeWithNext, EditKind::kSplit, EditKind::kMoveFirstToPrevious,
        EditKind::kMoveLastToNext, EditKind::kDetach, EditKind::kAttachToNext,
        EditKind::kAttachToPrevious, EditKind::kConfirm, EditKind::kConfirmUpTo, EditKind::kSetNote,
        EditKind::kSetBookmark}) {
    const std::string_view name = EditKindName(kind);
    EXPECT_FALSE(name.empty());
    EXPECT_EQ(EditKindFromName(name), kind) << name;
  }
  EXPECT_FALSE(EditKindFromName("explode").has_value());
}

// Property: whatever a reviewer does, in any order, with undo and redo in between, the bitext
// stays valid and canonical, undoing everything gives back the original, and redoing everything
// gives back the final state.
TEST(Review, RandomSequencesKeepTheLadderValid) {
  constexpr EditKind kKinds[] = {
      EditKind::kMergeWithNext,    EditKind::kSplit,      EditKind::kMoveFirstToPrevious,
      EditKind::kMoveLastToNext,   EditKind::kDetach,     EditKind::kAttachToNext,
      EditKind::kAttachToPrevious, EditKind::kConfirm,    EditKind::kConfirmUpTo,
      EditKind::kSetNote,          EditKind::kSetBookmark};
  std::size_t applied = 0;
  std::size_t refused = 0;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    testing::GenerateOptions options;
    options.beads = 12 + seed % 20;
    options.seed = seed;
    options.review = seed % 2 == 0;  // half start reviewed, half from the aligner
    const Bitext original = testing::GenerateBitext(options);
    ASSERT_TRUE(ValidateBitext(original).ok());
    Bitext bitext = original;
    EditHistory history;
    std::mt19937 rng(seed);
    auto pick = [&](std::size_t n) {
      return std::uniform_int_distribution<std::size_t>(0, n)(rng);
    };
    for (int step = 0; step < 150; ++step) {
      const std::size_t roll = pick(9);
      if (roll == 0) {
        (void)history.Undo(bitext);
      } else if (roll == 1) {
        (void)history.Redo(bitext);
      } else {
        Edit edit;
        edit.kind = kKinds[pick(std::size(kKinds) - 1)];
        edit.bead = pick(bitext.ladder.size());  // sometimes one past the end
        edit.side = pick(1) == 0 ? Side::kSource : Side::kTarget;
        edit.sentence = pick(3);
        edit.note = pick(1) == 0 ? "" : "note " + std::to_string(step);
        edit.bookmark = pick(1) == 1;
        const Bitext before = bitext;
        const StatusOr<LadderPatch> patch = history.Do(bitext, edit, kStamp);
        if (patch.ok()) {
          ++applied;
        } else {
          ++refused;
          ASSERT_EQ(bitext, before) << "a refused edit changed the bitext";
        }
      }
      const Status valid = ValidateBitext(bitext);
      ASSERT_TRUE(valid.ok()) << "seed " << seed << " step " << step << ": " << valid.message();
      ASSERT_TRUE(Canonical(bitext)) << "seed " << seed << " step " << step;
      // Every sentence is in exactly one bead (ValidateLadder), and sentences keep their order.
    }
    const Bitext final_state = bitext;
    const std::size_t steps = history.undo_size();
    for (std::size_t i = 0; i < steps; ++i) ASSERT_TRUE(history.Undo(bitext).ok());
    const Bitext replayed_original = bitext;
    ASSERT_EQ(replayed_original.ladder, original.ladder) << "seed " << seed;
    // Undo restores the canonical form of the original review.
    Bitext canonical_original = original;
    NormalizeReview(canonical_original);
    ASSERT_EQ(replayed_original, canonical_original) << "seed " << seed;
    for (std::size_t i = 0; i < steps; ++i) ASSERT_TRUE(history.Redo(bitext).ok());
    ASSERT_EQ(bitext, final_state) << "seed " << seed;
  }
  // The sequences really exercised the edits (and their refusals).
  EXPECT_GT(applied, 2000u);
  EXPECT_GT(refused, 500u);
}

TEST(Review, AlignOptionsComeFromTheRecordedParameters) {
  Bitext bitext = testing::SmallBitext();
  bitext.alignment.parameters = {{"max-bead", "3"}};
  EXPECT_EQ(AlignOptionsOf(bitext).max_bead, 3u);
  bitext.alignment.parameters = {{"max-bead", "nine"}};
  EXPECT_EQ(AlignOptionsOf(bitext).max_bead, align::AlignOptions{}.max_bead);
  bitext.alignment.parameters = {{"max-bead", "99"}};
  EXPECT_EQ(AlignOptionsOf(bitext).max_bead, align::AlignOptions{}.max_bead);
}

// A bitext where the length model has an easy job: sentences of very different lengths that
// correspond one to one.
Bitext LengthsBitext() {
  DocumentBuilder source("src.txt", "en");
  DocumentBuilder target("tgt.txt", "de");
  source.StartParagraph();
  target.StartParagraph();
  const std::size_t lengths[] = {10, 80, 25, 140, 40, 15, 95, 60, 30, 120};
  for (const std::size_t n : lengths) {
    source.AddSentence(std::string(n, 'a') + ".");
    target.AddSentence(std::string(n + n / 10, 'b') + ".");
  }
  source.EndParagraph();
  target.EndParagraph();
  Bitext bitext;
  bitext.source = source.Finish().value();
  bitext.target = target.Finish().value();
  return bitext;
}

TEST(Review, CountChangesTellsStructureFromConfidence) {
  LadderPatch patch;
  patch.first = 4;
  patch.before_beads = {{4, 1, 4, 1, 0.9}, {5, 1, 5, 1, 0.8}, {6, 2, 6, 1, 0.7}, {8, 1, 7, 1, 0.6}};
  patch.after_beads = {{4, 1, 4, 1, 0.95}, {5, 2, 5, 2, 0.8}, {7, 1, 7, 0, 0.9}, {8, 1, 7, 1, 0.6}};
  const PatchChanges changes = CountChanges(patch);
  EXPECT_EQ(changes.removed, 2u);     // 5:1:5:1 and 6:2:6:1
  EXPECT_EQ(changes.added, 2u);       // 5:2:5:2 and the unaligned 7
  EXPECT_EQ(changes.confidence, 1u);  // 4:1:4:1
  EXPECT_TRUE(changes.structural());
  EXPECT_EQ(CountChanges(Invert(patch)).removed, 2u);
  patch.after_beads = patch.before_beads;
  patch.after_beads[3].confidence = 0.1;
  EXPECT_EQ(CountChanges(patch).confidence, 1u);
  EXPECT_FALSE(CountChanges(patch).structural());
  EXPECT_FALSE(CountChanges(LadderPatch{}).structural());
}

TEST(Review, RealignKeepsReviewedBeadsAndRedoesTheRest) {
  Bitext bitext = LengthsBitext();
  // Two beads a reviewer made: a 2:2 that the aligner would split, and a confirmed, bookmarked
  // 1:1. Then a bad automatic ladder (sentences 4-9 unaligned) and a right 1:1 with a note.
  bitext.ladder.push_back({0, 2, 0, 2, 1.0});
  bitext.ladder.push_back({2, 1, 2, 1, 0.9});
  for (std::size_t i = 3; i < 9; ++i) bitext.ladder.push_back({i, 1, 3, 0, 0.3});
  for (std::size_t j = 3; j < 9; ++j) bitext.ladder.push_back({9, 0, j, 1, 0.3});
  bitext.ladder.push_back({9, 1, 9, 1, 0.4});
  bitext.review.resize(bitext.ladder.size());
  bitext.review[0] = {ReviewStatus::kEdited, "rita", "2026-11-22T10:00:00Z", "", false};
  bitext.review[1] = {ReviewStatus::kConfirmed, "rita", "2026-11-22T10:00:00Z", "", true};
  bitext.review.back() = {ReviewStatus::kAutomatic, "", "", "look here", false};
  ASSERT_TRUE(ValidateBitext(bitext).ok()) << ValidateBitext(bitext).message();

  const StatusOr<LadderPatch> patch = PlanRealign(bitext, align::AlignOptions{});
  ASSERT_TRUE(patch.ok()) << patch.status().message();
  EXPECT_EQ(patch->first, 2u);  // the two reviewed beads are not touched
  Bitext realigned = bitext;
  ASSERT_TRUE(ApplyPatch(realigned, *patch).ok());
  ASSERT_TRUE(ValidateBitext(realigned).ok());
  ASSERT_EQ(Shapes(realigned), "2:2 1:1 1:1 1:1 1:1 1:1 1:1 1:1 1:1");
  EXPECT_EQ(realigned.ladder[0], bitext.ladder[0]);
  EXPECT_EQ(realigned.ladder[1], bitext.ladder[1]);
  EXPECT_EQ(ReviewOf(realigned, 0).status, ReviewStatus::kEdited);
  EXPECT_TRUE(ReviewOf(realigned, 1).bookmark);
  for (std::size_t k = 2; k < realigned.ladder.size(); ++k) {
    EXPECT_EQ(realigned.ladder[k].source_begin, k + 1);
    EXPECT_EQ(realigned.ladder[k].target_begin, k + 1);
    EXPECT_EQ(ReviewOf(realigned, k).status, ReviewStatus::kAutomatic);
  }
  // The automatic bead the aligner proposed again keeps its note.
  EXPECT_EQ(ReviewOf(realigned, 8).note, "look here");
  ASSERT_TRUE(ApplyPatch(realigned, Invert(*patch)).ok());
  EXPECT_EQ(realigned, bitext);
}

// A note or bookmark on an automatic bead that the aligner changes is not lost: it goes to the
// new bead that holds the old one's first sentence.
TEST(Review, RealignKeepsNotesOfAutomaticBeadsItChanges) {
  Bitext bitext = LengthsBitext();
  // A bad automatic ladder: source sentences 0-8 unaligned, then target sentences 0-8.
  for (std::size_t i = 0; i < 9; ++i) bitext.ladder.push_back({i, 1, 0, 0, 0.3});
  for (std::size_t j = 0; j < 9; ++j) bitext.ladder.push_back({9, 0, j, 1, 0.3});
  bitext.ladder.push_back({9, 1, 9, 1, 0.4});
  bitext.review.resize(bitext.ladder.size());
  bitext.review[4] = {ReviewStatus::kAutomatic, "rita", "2026-11-22T10:00:00Z", "odd", false};
  bitext.review[12] = {ReviewStatus::kAutomatic, "ben", "2026-11-22T11:00:00Z", "", true};
  ASSERT_TRUE(ValidateBitext(bitext).ok()) << ValidateBitext(bitext).message();
  const StatusOr<LadderPatch> patch = PlanRealign(bitext, align::AlignOptions{});
  ASSERT_TRUE(patch.ok()) << patch.status().message();
  Bitext realigned = bitext;
  ASSERT_TRUE(ApplyPatch(realigned, *patch).ok());
  ASSERT_EQ(Shapes(realigned), "1:1 1:1 1:1 1:1 1:1 1:1 1:1 1:1 1:1 1:1");
  // Source sentence 4 (bead 5 before) and target sentence 3 (bead 13 before).
  EXPECT_EQ(ReviewOf(realigned, 4).note, "odd");
  EXPECT_EQ(ReviewOf(realigned, 4).reviewer, "rita");
  EXPECT_TRUE(ReviewOf(realigned, 3).bookmark);
  EXPECT_EQ(ReviewOf(realigned, 3).reviewer, "ben");
  for (std::size_t k : {0u, 1u, 2u, 5u, 9u}) EXPECT_TRUE(ReviewOf(realigned, k).IsDefault()) << k;
}

TEST(Review, RealignOfAFullyReviewedBitextChangesNothing) {
  Bitext bitext = testing::SmallBitext();
  MaterializeReview(bitext);
  for (BeadReview& r : bitext.review) r.status = ReviewStatus::kConfirmed;
  const StatusOr<LadderPatch> patch = PlanRealign(bitext, AlignOptionsOf(bitext));
  ASSERT_TRUE(patch.ok()) << patch.status().message();
  EXPECT_TRUE(patch->empty());
}

// The one entry point of `tandem align --keep` and the editor's re-align: it applies the patch
// and brings the alignment record up to date in the same step, which undo reverts whole.
TEST(Review, RealignUpdatesTheAlignmentRecordInTheSameStep) {
  Bitext bitext = testing::ReviewedBitext();
  bitext.alignment.parameters = {
      {"search", "by hand"}, {"max-bead", "2"}, {"dictionaries", "none"}};
  const Bitext before = bitext;
  EditHistory history;
  StatusOr<Realignment> realigned =
      Realign(bitext, {.max_bead = 3, .timestamp = "2026-12-02T10:00:00Z"}, &history);
  ASSERT_TRUE(realigned.ok()) << realigned.status().message();
  EXPECT_EQ(realigned->kept, 3u);  // beads 1, 2 and 4 are reviewed
  EXPECT_TRUE(ValidateBitext(bitext).ok());
  EXPECT_EQ(bitext.alignment.timestamp, "2026-12-02T10:00:00Z");
  EXPECT_EQ(bitext.alignment.version, kVersion);
  EXPECT_EQ(align::RecordedMaxBead(bitext.alignment.parameters), 3u);
  EXPECT_EQ(AlignOptionsOf(bitext).max_bead, 3u);
  // The entries the aligner does not describe are the pipeline's, and stay.
  EXPECT_EQ(bitext.alignment.parameters.back(),
            (std::pair<std::string, std::string>{"dictionaries", "none"}));
  EXPECT_NE(bitext.alignment.parameters.front().second, "by hand");
  ASSERT_TRUE(history.Undo(bitext).ok());
  EXPECT_EQ(bitext, before);
  ASSERT_TRUE(history.Redo(bitext).ok());
  EXPECT_EQ(bitext.alignment.timestamp, "2026-12-02T10:00:00Z");
  // Without a history the patch is applied all the same; the largest bead recorded is used.
  Bitext again = before;
  realigned = Realign(again, {.timestamp = "2026-12-03T10:00:00Z"});
  ASSERT_TRUE(realigned.ok());
  EXPECT_EQ(align::RecordedMaxBead(again.alignment.parameters), 2u);
  EXPECT_EQ(again.alignment.timestamp, "2026-12-03T10:00:00Z");
}

}  // namespace
}  // namespace tandem::corpora
