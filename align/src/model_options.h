// Internal (align/src): the aligner's model behind the public AlignOptions and AlignReport
// (tandem/align/aligner.h): the weights of the evidence, the calibration of confidences, every
// other fitted parameter, and the scorers of the last pass. Tests and benchmarks reach it
// through the tandem_align_internal target; it is not installed, and can change freely.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence.h"
#include "ibm1.h"
#include "region_scorer.h"
#include "scorer.h"
#include "search.h"
#include "tandem/align/aligner.h"
#include "tandem/align/bead.h"
#include "vectors.h"

namespace tandem::align {

// Weights of the evidence in the combined cost (combined_scorer.h), fitted on development gold
// alignments by maximising the conditional likelihood of their ladders (bench/fit_weights.cc,
// docs/architecture.md); each cost is a log-likelihood (ratio), so 1 would mean "trust the
// model as it is", and values below 1 discount evidence that overlaps other evidence. How much
// the evidence overlaps depends on what there is: with a dictionary, words, numbers and names
// say much of what the lengths say, and the length counts for less; without one, the length
// and the layout carry the alignment and count for more. So there are two sets, and a pair
// gets the one that fits its evidence (AlignOptions).
struct EvidenceWeights {
  double shape = 0.750;       // -ln P(shape)
  double length = 0.420;      // length log-likelihood ratio
  double dictionary = 0.124;  // dictionary matches
  double numbers = 0.272;     // equal numbers
  double names = 0.256;       // equal or similar names and cognates
  double learned = 0.083;     // the learned lexicon (second pass)
  double paragraphs = 1.0;    // paragraph breaks inside a bead's run of sentences

  // Fitted on pairs without a dictionary (the dev variants of bench/make_variants.py: PUD
  // en-zh/ja/ko/ar/th, Text+Berg aligned without its dictionary).
  static EvidenceWeights WithoutDictionary();
  // `without` where the dictionary covers nothing, `with` where it covers `coverage_share` of
  // the sentences or more (AnalysisStats::dictionary_coverage / kFullCoverage, clamped to [0, 1]),
  // each weight in proportion between.
  static EvidenceWeights Mix(const EvidenceWeights& without, const EvidenceWeights& with,
                             double coverage_share);
  static constexpr double kFullCoverage = 0.6;
};

// How posterior probabilities become confidences: c = 1 / (1 + exp(-(scale * logit(p) +
// shift))), Platt's logistic calibration, with one curve for each kind of bead, because the
// posteriors err in different directions for each: a 1:1 bead is right more often than its
// posterior says, a bead of several sentences on a side (2:1, 2:2, ...) and a sentence without
// counterpart less often. Each curve is fitted on the development gold alignments
// (bench/fit_weights.cc): logistic regression of "the bead is a gold link" on the logit of its
// posterior, then the shift lowered until the beads of that kind with confidence 0.9 or more
// are at least 97% right there, so that reviewers can trust that band whatever the bead. Like
// the weights, there is one calibration for pairs with a dictionary and one for pairs without.
struct Calibration {
  struct Curve {
    double scale = 1;
    double shift = 0;
    double Apply(double posterior) const;
  };
  // Fitted on Text+Berg dev and the dev-textberg-mixed variants (with FreeDict de-fr); the
  // one-sided curve on the one-sided beads of both kinds of pairs together (on their own,
  // the hundred such beads of the sets with a dictionary give no stable fit).
  Curve one_to_one{0.991, 0.281};
  Curve many{0.579, 0.138};  // more than one sentence on a side
  Curve one_sided{0.463, -0.884};

  // The confidence of `bead` from its posterior (bead.confidence).
  double Apply(const Bead& bead) const;
  // Confidences equal to posteriors.
  static Calibration Identity();
  static Calibration WithoutDictionary();
  static Calibration Mix(const Calibration& without, const Calibration& with,
                         double coverage_share);
};

// The model's parameters: everything of the aligner a user does not set. The defaults are the
// fitted ones (docs/architecture.md); tests and the benchmarks that fit or study them
// (bench/fit_weights.cc, bench/align_experiment.cc) give others through
// AlignOptions::model.
struct ModelOptions {
  // The weights for a pair whose dictionary covers its texts, and for a pair without one; a
  // pair between gets weights between (EvidenceWeights::Mix).
  EvidenceWeights weights;
  EvidenceWeights weights_without_dictionary = EvidenceWeights::WithoutDictionary();
  // Estimate the shapes again from the second pass and run it once more when they changed
  // much (aligner.cc says how much).
  bool refine_shapes = true;
  // The passes after the first search the band of `guide_window` sentences around the ladder
  // of the pass before (when their texts are larger than `guided_cells` grid cells) instead of
  // searching in full or finding the band again from blocks: the later passes move beads by a
  // sentence or two, not by dozens. The second pass is guided only where the first one was
  // exhaustive; on longer texts it finds its band from blocks again, because the learned
  // lexicon can move the path a long way where the first pass had little evidence.
  std::size_t guide_window = 16;
  std::size_t guided_cells = 10'000;
  // First-pass beads with at least this confidence train the second pass.
  double confident = 0.5;
  // Reliabilities of the lexical channels (lexical_scorer.h) in the first pass, and the
  // weight, in occurrences, with which they hold against the second pass's estimate.
  double dictionary_reliability = 0.5;
  double numbers_reliability = 0.8;
  double names_reliability = 0.5;
  double learned_reliability = 0.5;  // not re-estimated: it was trained on the same beads
  double reliability_prior_strength = 50;
  // Pseudo-beads with which the default shape priors hold against the first pass's shapes.
  double shape_prior_strength = 50;
  // How the first pass's corresponding region is found and how beads outside it are charged
  // in the second pass (region_scorer.h).
  RegionOptions region;
  AnalysisOptions analysis;
  Model1Options model1;
  VectorOptions vectors;
  Calibration calibration;
  Calibration calibration_without_dictionary = Calibration::WithoutDictionary();
};

// The scorers of an alignment's last pass (AlignReport::model), kept for explanations and for
// tools that study or fit the weights (bench/fit_weights.cc): each kind of evidence its own
// scorer, and their weighted sum, the scorer the search used.
class ScoringModel {
 public:
  virtual ~ScoringModel() = default;

  struct Part {
    std::string name;                    // "shape", "length", "dictionary", ...
    const BeadScorer* scorer = nullptr;  // unweighted
    double weight = 1.0;
  };
  virtual const std::vector<Part>& parts() const = 0;
  // The weighted sum of the parts.
  virtual const BeadScorer& combined() const = 0;
  // What speaks for `bead`; `source` and `target` are the sentences that were aligned.
  virtual BeadEvidence Explain(const Bead& bead, const std::vector<std::string_view>& source,
                               const std::vector<std::string_view>& target) const = 0;
  // Where the texts correspond, as the first pass found it (none without the second pass).
  virtual const std::optional<Region>& region() const = 0;
};

// The bead shapes Align() searches with: StandardShapes(max_bead) (search.h), and from
// max_bead 3 on also 2:3, 3:2 and 3:3, which hand alignments use where two translators split
// a passage differently (Text+Berg dev: 12 of 422 links).
std::vector<BeadShape> AlignmentShapes(std::size_t max_bead);

}  // namespace tandem::align
