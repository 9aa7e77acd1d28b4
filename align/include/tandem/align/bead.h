// Beads and ladders: the result of sentence alignment.
//
// Glossary (the words every part of tandem uses):
//   source, target  the two texts being aligned, in the order the user gave them. Never named
//                   after languages: the algorithms do not depend on which language is which.
//   bead            one correspondence between a run of consecutive source sentences and a run
//                   of consecutive target sentences, written a:b after the run lengths.
//                   1:1 is a sentence and its translation; 2:1 two source sentences rendered as
//                   one target sentence; 1:0 a source sentence with no counterpart (deleted),
//                   0:1 a target sentence with no counterpart (inserted).
//   ladder          the beads of an alignment in text order. A complete ladder covers every
//                   sentence of both texts exactly once, and is monotone: each bead starts where
//                   the previous one ended, on both sides (hunalign's term, after the picture of
//                   the alignment path as the rungs of a ladder).
//   confidence      the aligner's probability, in [0, 1], that a bead is right.
//   link            a bead written with explicit sentence index lists, as in gold alignments
//                   (vecalign notation "[3, 4]:[5]"; align::Link, eval.h) and in TEI's stand-off
//                   alignment (one <link> element per bead). Only that: words are "matched"
//                   (below), and a reviewer "attaches" an unaligned sentence to a bead.
//   match           a word, number or name of one side that the evidence pairs with one of the
//                   other side (BeadEvidence::Match; the dictionary and name matches of an
//                   alignment). The lexicon learned in the second pass has "entries".
//   bitext          the two documents of a source text and its translation, with their ladder
//                   (corpora::Bitext); a bitext file holds one (tei::BitextFile edits one in
//                   place), in any format (tei/formats.h).
//   pair            a document and its translation: the unit of discovery, batches and
//                   statistics (DiscoveredPair, PairStats; one bitext each). Not a sentence
//                   pair (a two-sided bead) and not the two languages (say "the languages").
//   corpus          a collection of bitexts: what `tandem batch` writes into a directory and
//                   `tandem stats` sums up (CorpusStats); the library of them is `corpora`.
//                   One file is a bitext file, even when TEI calls its root teiCorpus.
//
//   tandem::align::Ladder ladder = ...;
//   TANDEM_RETURN_IF_ERROR(tandem::align::ValidateLadder(ladder, n_source, n_target));
//   for (const auto& bead : ladder) std::cout << BeadTypeName(bead) << '\n';   // "1:1", "2:1"
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tandem/core/status.h"

namespace tandem::align {

struct Bead {
  std::size_t source_begin = 0;  // first source sentence
  std::size_t source_count = 0;  // number of source sentences (0 for a 0:b bead)
  std::size_t target_begin = 0;  // first target sentence
  std::size_t target_count = 0;  // number of target sentences (0 for an a:0 bead)
  double confidence = 0.0;       // in [0, 1]

  std::size_t source_end() const { return source_begin + source_count; }
  std::size_t target_end() const { return target_begin + target_count; }
  // True for beads with sentences on both sides (a translation pair rather than an omission).
  bool two_sided() const { return source_count > 0 && target_count > 0; }

  friend bool operator==(const Bead&, const Bead&) = default;
};

using Ladder = std::vector<Bead>;

// "a:b", e.g. "2:1".
std::string BeadTypeName(const Bead& bead);

// Ok when `ladder` is complete and monotone over texts of `source_size` and `target_size`
// sentences: every bead is non-empty, starts where the previous one ended on both sides,
// confidences are in [0, 1], and the last bead ends at the end of both texts.
Status ValidateLadder(const Ladder& ladder, std::size_t source_size, std::size_t target_size);

}  // namespace tandem::align
