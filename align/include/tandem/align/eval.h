// Evaluation of an alignment against a gold alignment: strict and lax precision, recall and
// F1, as defined by Sennrich & Volk (Bleualign) and computed by Vecalign's score.py and
// ../shared/tools/align_score.py, so that figures are comparable with published ones.
//
//   std::vector<Link> gold = ...;                    // e.g. read from a vecalign file
//   std::vector<Link> hyp = LinksFromLadder(ladder);
//   EvalCounts counts = CountLinks(gold, hyp);       // sum counts over documents ...
//   EvalScores scores = ScoresFromCounts(counts);    // ... then take ratios (micro-average)
//
// Definitions:
// - links empty on both sides are ignored and duplicate links count once;
// - precision is over all hypothesis links, one-sided ones included. A link is a strict hit when
//   the gold has exactly that link; a lax hit when it is a strict hit or has a source and a
//   target sentence that some gold link puts together. A one-sided link can only hit strictly.
// - recall is over the two-sided gold links, against the two-sided hypothesis links, with the
//   same strict and lax tests the other way round;
// - F1 is the harmonic mean; a ratio with a zero denominator is 0.
// - unaligned sentences: the sentences, each with its side, that the gold leaves in one-sided
//   links (no counterpart: omissions and additions) against those the hypothesis leaves there.
//   Precision is over the hypothesis's unaligned sentences that the gold mentions at all (gold
//   files may leave sentences out; those are not evaluated), recall over the gold's.
// - shapes: how many links of each shape ("1:1", "2:1", "0:1", ...) each side has, for seeing
//   at a glance whether an aligner merges where the gold leaves sentences unaligned.
#pragma once

#include <compare>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/align/bead.h"
#include "tandem/core/status.h"

namespace tandem::align {

struct Link {
  std::vector<std::size_t> source;
  std::vector<std::size_t> target;
  friend auto operator<=>(const Link&, const Link&) = default;
  friend bool operator==(const Link&, const Link&) = default;
};

// The two conversions between ladders and links.
//
// One link per bead, with the bead's sentence indices written out.
std::vector<Link> LinksFromLadder(const Ladder& ladder);
// The inverse, for texts of `source_size` and `target_size` sentences: a complete ladder with a
// bead of confidence 1 per link, and the sentences no link names as one-sided beads of
// confidence 0 (gold files and vecalign output may leave sentences out).
// Links empty on both sides are skipped. Fails (kInvalidData, naming `name`) when a link is not
// a run of consecutive sentences after the link before it, or points past the end of a text.
StatusOr<Ladder> LadderFromLinks(const std::vector<Link>& links, std::string_view name,
                                 std::size_t source_size, std::size_t target_size);

struct EvalCounts {
  std::size_t precision_strict = 0;      // hypothesis links that are strict hits
  std::size_t precision_lax = 0;         // hypothesis links that are lax hits
  std::size_t precision_total = 0;       // hypothesis links
  std::size_t recall_strict = 0;         // two-sided gold links found exactly
  std::size_t recall_lax = 0;            // two-sided gold links found at least in part
  std::size_t recall_total = 0;          // two-sided gold links
  std::size_t unaligned_hits = 0;        // sentences unaligned in both
  std::size_t unaligned_hypothesis = 0;  // sentences unaligned in the hypothesis (and in gold)
  std::size_t unaligned_gold = 0;        // sentences unaligned in the gold
  // Links per shape "a:b" (after dropping empty and duplicate links).
  std::map<std::string, std::size_t> gold_shapes;
  std::map<std::string, std::size_t> hypothesis_shapes;

  EvalCounts& operator+=(const EvalCounts& other);
  friend bool operator==(const EvalCounts&, const EvalCounts&) = default;
};

struct EvalScores {
  double precision_strict = 0;
  double recall_strict = 0;
  double f1_strict = 0;
  double precision_lax = 0;
  double recall_lax = 0;
  double f1_lax = 0;
  double precision_unaligned = 0;
  double recall_unaligned = 0;
  double f1_unaligned = 0;
};

// Counts for one document.
EvalCounts CountLinks(const std::vector<Link>& gold, const std::vector<Link>& hypothesis);

// Precision, recall and F1 (strict, lax, unaligned) from counts, summed over documents first
// for a micro-average; a ratio with a zero denominator is 0.
EvalScores ScoresFromCounts(const EvalCounts& counts);

}  // namespace tandem::align
