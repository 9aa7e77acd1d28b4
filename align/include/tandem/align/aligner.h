// The aligner: two sequences of sentences in, a ladder out. This is the one entry point the
// rest of tandem calls; it gathers the evidence, combines the scorers and runs the search.
//
//   tandem::align::AlignInput input;
//   input.source = {"Hello.", "How are you?"};
//   input.target = {"Szia.", "Hogy vagy?"};
//   input.source_language = "en";
//   input.target_language = "hu";
//   input.lexicons = ...;                      // optional: corpora/dictionary.h reads them
//   TANDEM_ASSIGN_OR_RETURN(tandem::align::Ladder ladder,
//                           tandem::align::Align(input, tandem::align::AlignOptions{}));
//
// How (docs/architecture.md has the details and the reasons):
// 1. Evidence (evidence.h): sentence lengths; words stemmed and looked up in the lexicons;
//    numbers; names and cognates.
// 2. First pass: shape priors, length (ratio guessed from the texts), dictionary, numbers and
//    names, each its own scorer (shape_scorer.h, length_scorer.h, lexical_scorer.h), combined
//    with the weights of AlignOptions (combined_scorer.h); the search finds the best ladder and
//    each bead's posterior probability.
// 3. Second pass (AlignOptions::learn): from the first pass's confident beads, the length ratio
//    and variance, the shape priors and each channel's reliability are re-estimated, and a
//    lexicon is learned (ibm1.h); the search runs again with all of it.
// The confidence of a bead is its posterior probability in the last pass, calibrated
// (Calibration).
//
// The aligner knows nothing about files, formats or XML. It reads the sentences only for the
// duration of the call.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tandem/align/bead.h"
#include "tandem/align/evidence.h"
#include "tandem/align/ibm1.h"
#include "tandem/align/length_scorer.h"
#include "tandem/align/lexicon.h"
#include "tandem/align/region_scorer.h"
#include "tandem/align/scorer.h"
#include "tandem/align/search.h"
#include "tandem/align/vectors.h"
#include "tandem/core/document.h"
#include "tandem/core/status.h"

namespace tandem::align {

struct AlignInput {
  std::vector<std::string_view> source;  // source sentences, in order
  std::vector<std::string_view> target;  // target sentences, in order
  std::string source_language;           // BCP 47; may be empty when unknown
  std::string target_language;
  // Beads that must be kept as they are (confirmed or corrected by a reviewer), in text order;
  // the aligner aligns the sentences between them. See SearchProblem::fixed.
  std::vector<Bead> fixed;
  // Bilingual lexicons oriented source -> target (lexicon.h); may be empty. They are prepared
  // for the languages at every call; prepared_lexicons saves that work.
  std::vector<Lexicon> lexicons;
  std::vector<std::shared_ptr<const PreparedLexicon>> prepared_lexicons;
  // The paragraph of each sentence (core's Sentence::paragraph), per side; empty when the text
  // has no paragraphs. A bead rarely joins sentences across a paragraph break.
  std::vector<std::size_t> source_paragraphs;
  std::vector<std::size_t> target_paragraphs;
};

// The sentences, languages and paragraphs of two documents; the views point into them.
AlignInput InputFromDocuments(const Document& source, const Document& target);

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

struct AlignOptions {
  // The largest number of sentences on either side of a bead: beads 1:0, 0:1, 1:1, 2:2 and
  // every 1:k and k:1 up to max_bead. 4 covers 1:4 and 4:1.
  std::size_t max_bead = 4;
  // Threads for the search; 0 = one per core.
  std::size_t threads = 0;
  // Run the second pass (re-estimated parameters and a learned lexicon).
  bool learn = true;
  // The weights for a pair whose dictionary covers its texts, and for a pair without one; a
  // pair between gets weights between (EvidenceWeights::Mix).
  EvidenceWeights weights;
  EvidenceWeights weights_without_dictionary = EvidenceWeights::WithoutDictionary();
  // Estimate the shapes again from the second pass and run it once more when they changed
  // much (aligner.cc says how much).
  bool refine_shapes = true;
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
  // Fill AlignReport::evidence with what speaks for each bead.
  bool explain = false;
  // Progress messages ("first pass: ..."), when set.
  std::function<void(std::string_view)> progress;
};

// What speaks for one bead, for reviewers (--explain).
struct BeadEvidence {
  double source_length = 0;  // characters
  double target_length = 0;
  double expected_target_length = 0;  // source_length times the length ratio
  struct Part {
    std::string name;  // "shape", "length", "dictionary", "numbers", "names", "learned"
    double cost = 0;   // weighted, as it enters the total
  };
  std::vector<Part> parts;
  double cost = 0;  // the sum of the parts
  struct Match {
    std::string channel;  // "dictionary", "numbers", "names", "learned"
    std::string origin;   // the lexicon's name, "equal number", "similar name", "IBM model 1"
    std::string source;   // the words as they stand in the source sentence
    std::string target;   // and in the target sentence
  };
  std::vector<Match> matches;
};

// The evidence of an alignment's last pass, kept for explanations and for tools that study
// or fit the weights (bench/fit_weights.cc): each kind of evidence its own scorer, and their
// weighted sum, the scorer the search used.
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
};

// An alignment and how it was made.
struct AlignReport {
  Ladder ladder;
  // One entry per bead of `ladder` when AlignOptions::explain, else empty.
  std::vector<BeadEvidence> evidence;
  // What the last pass used.
  LengthModel length_model;
  double dictionary_reliability = 0;
  double numbers_reliability = 0;
  double names_reliability = 0;
  std::size_t learned_links = 0;
  std::optional<Region> region;  // where the texts correspond, found by the first pass
  AnalysisStats analysis;
  // The last pass's scorers; they own copies of everything they need (not the sentences).
  std::shared_ptr<const ScoringModel> model;
};

// The bead shapes Align() searches with: StandardShapes(max_bead) (search.h), and from
// max_bead 3 on also 2:3, 3:2 and 3:3, which hand alignments use where two translators split
// a passage differently (Text+Berg dev: 12 of 422 links).
std::vector<BeadShape> AlignmentShapes(std::size_t max_bead);

// The parameters an alignment was made with, as name/value pairs for output headers.
std::vector<std::pair<std::string, std::string>> DescribeOptions(const AlignOptions& options);

StatusOr<AlignReport> AlignWithReport(const AlignInput& input, const AlignOptions& options);

StatusOr<Ladder> Align(const AlignInput& input, const AlignOptions& options);

// An aligner for one language pair, made once and used for any number of pairs of texts, from
// several threads at once. It holds what does not depend on the texts: the prepared lexicons,
// the options, and the word tokenizers, stemmers and romanizer of the two languages, which
// Align() makes anew at every call. The result is the same as Align()'s with the same input.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::align::Aligner aligner,
//                           tandem::align::Aligner::Create("en", "hu", prepared, {}));
//   for (const auto& [source, target] : pairs) {
//     tandem::align::AlignInput texts;   // sentences and paragraphs; languages may be empty
//     texts.source = source;
//     texts.target = target;
//     TANDEM_ASSIGN_OR_RETURN(tandem::align::Ladder ladder, aligner.Align(texts));
//   }
class Aligner {
 public:
  // kInvalidArgument when a lexicon was prepared for other languages.
  static StatusOr<Aligner> Create(const std::string& source_language,
                                  const std::string& target_language,
                                  std::vector<std::shared_ptr<const PreparedLexicon>> lexicons,
                                  AlignOptions options);

  // Aligns `texts` with the aligner's languages, lexicons and options (and any lexicons of
  // `texts` besides); `texts`' languages must be empty or the aligner's.
  StatusOr<AlignReport> AlignWithReport(const AlignInput& texts) const;
  StatusOr<Ladder> Align(const AlignInput& texts) const;

  const AlignOptions& options() const;
  const std::vector<std::shared_ptr<const PreparedLexicon>>& lexicons() const;
  const std::string& source_language() const;
  const std::string& target_language() const;

 private:
  struct State;
  explicit Aligner(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;  // immutable: copies share it
};

}  // namespace tandem::align
