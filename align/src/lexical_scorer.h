// Lexical evidence for a bead: do the words (numbers, names, ...) of one side find their
// counterparts on the other side? One LexicalScorer scores one EvidenceChannel (evidence.h).
//
//   tandem::align::LexicalScorer dictionary(evidence.dictionary, {.reliability = 0.4});
//   double cost = dictionary.Cost(i, 1, j, 2);   // -log-likelihood ratio of the 1:2 bead
//
// The model. Each occurrence w on one side of a two-sided bead is either matched (some key
// linked to it occurs on the other side of the bead) or not. If the bead is a translation, w's
// counterpart is rendered recognisably with probability p(w); otherwise w is matched only by
// chance, with probability r = 1 - (1 - q(w))^n, where n is the number of occurrences on the
// other side of the bead and q(w) the share of all occurrences on that side that are linked to
// w. So
//
//   matched:    log [(p + (1 - p) r) / r]   > 0
//   unmatched:  log (1 - p)                 <= 0
//
// and the cost of a bead is minus the sum over the occurrences of both sides: a negative
// log-likelihood ratio of "translation" against "unrelated sentences", 0 for one-sided beads.
// A match on a rare word counts much more than one on a frequent word, and many unmatched
// words make pairing unrelated sentences expensive, which lets deletions and insertions win
// where the texts do not correspond.
//
// p(w) = reliability * min(1, m(w) / n(w)), where n(w) counts w on its side and m(w) the
// occurrences on the other side linked to it: a word whose counterparts are rarer in the other
// text than the word itself cannot be matched every time. The reliability is the channel's
// share of words that a translation renders recognisably; Align() estimates it from the
// confident beads of a first pass (EstimateReliability).
//
// Keys whose counterparts occur in more than `max_sentence_share` of the other text's
// sentences say almost nothing and are ignored (function words).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "evidence.h"
#include "scorer.h"
#include "tandem/align/bead.h"

namespace tandem::align {

struct LexicalScorerOptions {
  // Share of an occurrence's counterparts that a translation renders recognisably (p(w) for a
  // word whose counterparts are as frequent as itself).
  double reliability = 0.5;
  // Keys whose counterparts occur in more of the other text's sentences than this share are
  // ignored.
  double max_sentence_share = 0.2;
};

// One matched occurrence of a bead, for explanations.
struct LexicalMatch {
  bool source_side = true;        // the occurrence is on the source side
  std::uint32_t occurrence = 0;   // index into the channel's KeyedSide of that side
  std::uint32_t counterpart = 0;  // an occurrence on the other side linked to it
  std::uint16_t origin = 0;       // EvidenceChannel::origins index of the link
};

// Sums for estimating the reliability from beads known to be right (see EstimateReliability).
struct ReliabilityCounts {
  double excess_matches = 0;  // sum over occurrences of (matched - chance of a random match)
  double possible = 0;        // sum over occurrences of min(1, m/n) * (1 - chance)
  std::size_t occurrences = 0;
};

class LexicalScorer final : public BeadScorer {
 public:
  // Keeps a reference to `channel`, which must outlive the scorer.
  LexicalScorer(const EvidenceChannel& channel, LexicalScorerOptions options);

  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
  // Row by row, each sentence is scored once against the ranges of the other side that end at
  // each point of a row (and kept for the rows after), the same sums as Cost's.
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override;

  // The matched occurrences of the bead, source side first.
  std::vector<LexicalMatch> Matches(std::size_t i, std::size_t a, std::size_t j,
                                    std::size_t b) const;

  // Counts over the two-sided beads of `beads`.
  ReliabilityCounts Count(const std::vector<Bead>& beads) const;

  const EvidenceChannel& channel() const { return channel_; }
  const LexicalScorerOptions& options() const { return options_; }
  // True when occurrences of `key` on the source (or target) side take part in the score.
  bool Active(bool source_side, std::uint32_t key) const;

 private:
  // What one side's keys need: where their counterparts are, and how often.
  struct KeyStats {
    // Sorted sentences of the other side with a counterpart: reach[reach_begin, reach_end).
    std::uint32_t reach_begin = 0;
    std::uint32_t reach_end = 0;
    double share = 0;        // q: counterparts / all occurrences on the other side
    double log1m_share = 0;  // log(1 - q)
    double coverage = 0;     // min(1, m / n)
    double p = 0;            // reliability * coverage
    double log1m_p = 0;      // log(1 - p): the score of an unmatched occurrence
    bool active = false;
  };
  // An occurrence that takes part in the score, with what its score needs, so that scoring a
  // bead reads one array in order.
  struct ActiveOccurrence {  // 20 bytes: there is one per word of a text, per channel
    std::uint32_t reach_begin = 0;
    std::uint32_t reach_end = 0;
    float p = 0;
    float log1m_p = 0;
    float log1m_share = 0;
  };
  struct Direction {
    std::vector<KeyStats> keys;
    std::vector<std::uint32_t> reach;         // all keys' reach lists, one after the other
    std::vector<std::uint32_t> active_begin;  // per sentence (plus one), into `active`
    std::vector<ActiveOccurrence> active;
  };

  class RowCosts;
  friend class RowCosts;
  friend class LexicalGroup;

  // One side's keys -> the other side's keys: targets[begin[key], begin[key + 1]).
  struct LinkTable {
    std::vector<std::uint32_t> begin;
    std::vector<std::uint32_t> targets;
  };
  void Prepare(const KeyedSide& side, const KeyedSide& other, const LinkTable& links,
               Direction& direction) const;
  // Matched scores computed before, by key and count: a key's score depends on the number of
  // occurrences in the range alone, and the same counts come up again and again.
  class MatchCache;
  // A sentence's scores against the ranges of 1 .. ranges sentences of the other side that end
  // at each end in [end_begin, end_end): out[(end - end_begin) * ranges + b - 1] += weight *
  // the score against [end - b, end) (ranges that would start before the text are left
  // alone): all the occurrences' unmatched scores, then for the matched ones the difference,
  // found from the sentences they reach. `cache` (optional) remembers matched scores. Cost
  // and the rows both score with it.
  void SentenceLlrsEndingAt(const Direction& direction, bool forward, std::size_t sentence,
                            std::size_t end_begin, std::size_t end_end, std::size_t ranges,
                            double weight, double* out, MatchCache* cache) const;

  const EvidenceChannel& channel_;
  LexicalScorerOptions options_;
  Direction forward_;   // source keys
  Direction backward_;  // target keys
};

// Several lexical scorers of the same texts as one: the weighted sum of their costs. Row by row,
// each sentence's weighted scores are summed over the scorers before the beads are, so that a
// row's beads are added up once, not once per scorer.
class LexicalGroup final : public BeadScorer {
 public:
  struct Member {
    const LexicalScorer* scorer = nullptr;  // not owned
    double weight = 1.0;
  };
  explicit LexicalGroup(std::vector<Member> members);
  double Cost(std::size_t i, std::size_t a, std::size_t j, std::size_t b) const override;
  std::unique_ptr<RowScorer> Rows(const std::vector<BeadShape>& shapes) const override;

 private:
  std::vector<Member> members_;
};

// The reliability that `counts` support, shrunk towards `prior` with the weight of
// `prior_strength` occurrences, within [0.02, 0.98].
double EstimateReliability(const ReliabilityCounts& counts, double prior, double prior_strength);

}  // namespace tandem::align
