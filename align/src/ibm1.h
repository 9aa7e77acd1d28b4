// A lexicon learned from the texts themselves: IBM Model 1 (Brown et al. 1993) trained on the
// beads of a first alignment pass that are probably right. This is what gives the aligner
// lexical evidence for language pairs without a dictionary, and for the words a dictionary
// lacks (names, terms of the domain, OCR variants).
//
//   std::vector<tandem::align::Bead> confident = ...;            // two-sided, confidence >= 0.5
//   auto links = tandem::align::LearnLinks(evidence.source_words, evidence.target_words,
//                                          confident, {});
//   // links[s] = the target keys that source key s translates to, origin 0
//
// Model 1 is trained by expectation maximisation in both directions (t(target | source), with
// a NULL word, and t(source | target)); a pair of keys is linked when each is a likely
// translation of the other (both probabilities at least `min_probability`: the intersection of
// the two directions, which keeps the precision high), they occur together in at least
// `min_cooccurrences` beads, and they do so more often than chance allows: Dunning's
// log-likelihood ratio G² of their co-occurrence over the beads is at least `min_association`
// (10.83 is a significance level of 0.001). Small texts give few beads, where EM happily
// explains chance co-occurrences; the test keeps those out. Keys found in more than
// `max_sentence_share` of their text's sentences take no part: function words have no useful
// translation and would slow training.
#pragma once

#include <cstddef>
#include <vector>

#include "evidence.h"
#include "tandem/align/bead.h"

namespace tandem::align {

struct Model1Options {
  std::size_t iterations = 5;         // EM iterations per direction
  double min_probability = 0.1;       // both t(f|e) and t(e|f) must reach it
  std::size_t min_cooccurrences = 2;  // beads in which both keys occur
  double min_association = 10.83;     // Dunning's G² of the co-occurrence over the beads
  double max_sentence_share = 0.2;    // keys in more sentences than this share are left out
  std::size_t max_beads = 50'000;     // train on at most this many beads (the first ones)
};

// Links (origin 0) between keys of `source` and `target`, one list per source key, sorted.
std::vector<std::vector<KeyLink>> LearnLinks(const KeyedSide& source, const KeyedSide& target,
                                             const std::vector<Bead>& beads,
                                             const Model1Options& options);

}  // namespace tandem::align
