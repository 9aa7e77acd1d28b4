// A bitext: two documents, what is known about them, the ladder that aligns them, and what
// reviewers said about each bead. This is the unit every reader and writer of tandem exchanges
// (TEI, TMX, XCES, InterText, vecalign, JSONL, ...).
//
//   tandem::corpora::Bitext bitext = ...;            // from AlignFiles() or a reader
//   for (std::size_t k = 0; k < bitext.ladder.size(); ++k) {
//     const auto& bead = bitext.ladder[k];
//     const auto& review = tandem::corpora::ReviewOf(bitext, k);   // status, who, when, note
//     for (std::size_t i = bead.source_begin; i < bead.source_end(); ++i)
//       std::cout << bitext.source.SentenceText(i) << '\n';
//   }
//
// Invariants (ValidateBitext): both documents are valid; the ladder is complete and monotone
// over their sentences; `review` is either empty (no bead has been reviewed: every bead is
// automatic, with no reviewer, time, note or bookmark) or has exactly one record per bead,
// review[k] describing ladder[k]. Code that edits the ladder (merging, splitting beads) keeps
// `review` parallel to it; readers return an empty `review` when every record is the default,
// so that a bitext that was never reviewed compares equal after a round trip through a file.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tandem/align/bead.h"
#include "tandem/core/document.h"
#include "tandem/core/status.h"

namespace tandem::corpora {

// Where readers and writers send warnings (a character XML cannot hold was replaced, a span did
// not match its text, ...): one message per call, naming the file and position. Libraries never
// print; an empty callback drops warnings.
using WarningCallback = std::function<void(const std::string& message)>;

// Bibliographic facts about one text of a pair, for output headers. Empty fields are unknown.
struct TextInfo {
  std::string title;
  std::string author;
  std::string date;        // as written ("16 December 1928")
  std::string date_iso;    // ISO 8601 when known ("1928-12-16")
  std::string translator;  // for a translation: who made it
  std::string publisher;   // where it was published ("The Militant, Vol. II. No. 7, 1929")
  std::string source;      // where this copy came from (an archive, a URL)
  std::string licence;
  std::string note;  // anything else worth saying ("translated from the Russian")

  friend bool operator==(const TextInfo&, const TextInfo&) = default;
};

// How the alignment was made.
struct AlignmentInfo {
  std::string tool = "tandem";
  std::string version;
  std::string timestamp;  // ISO 8601 UTC, e.g. "2026-11-22T10:00:00Z"
  std::vector<std::pair<std::string, std::string>> parameters;  // name, value
  std::vector<std::string> dictionaries;  // the bilingual dictionaries used (paths or names)

  friend bool operator==(const AlignmentInfo&, const AlignmentInfo&) = default;
};

// What a person has done with a bead.
enum class ReviewStatus {
  kAutomatic,  // as the aligner made it; nobody has looked at it (or a reviewer reset it)
  kConfirmed,  // a reviewer checked the aligner's bead and kept it as it is
  kEdited,     // a reviewer changed the bead by hand (merged, split, moved sentences, linked)
};

// "automatic", "confirmed", "edited": the names used in files and on the command line.
std::string_view ReviewStatusName(ReviewStatus status);
std::optional<ReviewStatus> ReviewStatusFromName(std::string_view name);

// The review record of one bead. The default record is an automatic bead nobody has touched.
struct BeadReview {
  ReviewStatus status = ReviewStatus::kAutomatic;
  std::string reviewer;   // who set the status: a name or login; empty when nobody did
  std::string timestamp;  // when, ISO 8601 ("2026-11-22T10:00:00Z"); empty when unknown
  std::string note;       // a reviewer's remark about the bead; empty for none
  bool bookmark = false;  // marked to come back to

  bool IsDefault() const { return *this == BeadReview{}; }
  friend bool operator==(const BeadReview&, const BeadReview&) = default;
};

struct Bitext {
  std::string title;  // of the aligned pair as a whole; empty: derived from the texts
  Document source;
  Document target;
  TextInfo source_info;
  TextInfo target_info;
  align::Ladder ladder;
  AlignmentInfo alignment;
  // Empty, or one record per bead of `ladder` (see the invariants above).
  std::vector<BeadReview> review;

  friend bool operator==(const Bitext&, const Bitext&) = default;
};

// The review record of bead `k` (the default record when `review` is empty).
const BeadReview& ReviewOf(const Bitext& bitext, std::size_t k);

// Makes `review` one record per bead (filling in default records) so that it can be edited.
void MaterializeReview(Bitext& bitext);

// Empties `review` when every record is the default (the canonical form readers return).
void NormalizeReview(Bitext& bitext);

// Ok when `bitext` is consistent: both documents valid, the ladder complete and monotone over
// their sentences (align::ValidateLadder), and `review` empty or one record per bead.
Status ValidateBitext(const Bitext& bitext);

// Which beads an export keeps (`tandem convert --min-confidence X --status confirmed`).
struct ExportFilter {
  double min_confidence = 0.0;  // keep beads whose confidence is at least this
  bool reviewed_only = false;   // keep only beads a person confirmed or edited
  bool active() const { return min_confidence > 0.0 || reviewed_only; }
};

// True when bead `k` passes `filter`.
bool PassesFilter(const Bitext& bitext, std::size_t k, const ExportFilter& filter);

}  // namespace tandem::corpora
