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
// How (docs/architecture.md has the details and the reasons; the model is internal, in
// align/src):
// 1. Evidence: sentence lengths; words stemmed and looked up in the lexicons; numbers; names
//    and cognates.
// 2. First pass: shape priors, length (ratio guessed from the texts), dictionary, numbers and
//    names, each its own scorer, combined with fitted weights; the search finds the best ladder
//    and each bead's posterior probability.
// 3. Second pass (AlignOptions::learn): from the first pass's confident beads, the length ratio
//    and variance, the shape priors and each channel's reliability are re-estimated, and a
//    lexicon is learned (IBM model 1); the search runs again with all of it.
// The confidence of a bead is its posterior probability in the last pass, calibrated per kind
// of bead on gold alignments.
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
#include "tandem/align/lexicon.h"
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

// The model's fitted parameters (align/src/model_options.h): internal, for tests and the
// benchmarks that fit them.
struct ModelOptions;
// The scorers of an alignment's last pass (align/src/model_options.h), for explanations.
class ScoringModel;

// What a user of the aligner sets; everything else is the model's (ModelOptions), fitted on gold
// alignments and documented in docs/architecture.md.
struct AlignOptions {
  // The largest number of sentences on either side of a bead, from 1 to 8: beads 1:0, 0:1, 1:1,
  // 2:2 and every 1:k and k:1 up to max_bead, and from 3 on also 2:3, 3:2 and 3:3. The default,
  // 4, covers 1:4 and 4:1.
  std::size_t max_bead = 4;
  // Threads for the search; 0 (the default) = one per core.
  std::size_t threads = 0;
  // Run the second pass, which re-estimates the length ratio, the bead shapes and the evidence's
  // reliabilities from the first pass's confident beads and learns a lexicon from them (on by
  // default; off is faster and worse).
  bool learn = true;
  // Fill AlignReport::evidence with what speaks for each bead (off by default).
  bool explain = false;
  // Told of progress ("first pass: ..."), when set.
  std::function<void(std::string_view)> progress;
  // The model's parameters; null (the default) means the fitted ones. Internal: set by tests and
  // benchmarks only.
  std::shared_ptr<const ModelOptions> model;
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

// An alignment and how it was made.
struct AlignReport {
  Ladder ladder;
  // One entry per bead of `ladder` when AlignOptions::explain, else empty.
  std::vector<BeadEvidence> evidence;
  // What the last pass estimated from the texts.
  double length_ratio = 1.0;     // expected target characters per source character
  double length_variance = 0.0;  // of the target length per source character
  double dictionary_reliability = 0;
  double numbers_reliability = 0;
  double names_reliability = 0;
  std::size_t learned_entries = 0;  // entries of the lexicon learned in the second pass
  // What the evidence found in the texts: the share of all sentences (both texts) with a word
  // the dictionaries match with one in the other text, the number values in both texts, and the
  // matches of names (or cognates).
  double dictionary_coverage = 0;
  std::size_t shared_numbers = 0;
  std::size_t name_matches = 0;
  // The last pass's scorers; they own copies of everything they need (not the sentences).
  // ExplainBead explains any bead with them.
  std::shared_ptr<const ScoringModel> model;
};

// What speaks for `bead` under `model` (an AlignReport's): `source` and `target` are the
// sentences that were aligned (AlignInput::source, target).
BeadEvidence ExplainBead(const ScoringModel& model, const Bead& bead,
                         const std::vector<std::string_view>& source,
                         const std::vector<std::string_view>& target);

// What an alignment records of the options it was made with: name/value pairs, as file headers
// keep them (corpora::AlignmentInfo::parameters; TEI's list of parameters). These functions are
// the one place that knows the names ("scorer", "search", "max-bead"); everything else goes
// through them with typed options.
using OptionRecord = std::vector<std::pair<std::string, std::string>>;

// The record of `options`.
OptionRecord DescribeOptions(const AlignOptions& options);

// The largest bead `record` gives, when it gives a valid one (a number from 1 to 8).
std::optional<std::size_t> RecordedMaxBead(const OptionRecord& record);

// `defaults` with what `record` says on top (max_bead; entries it does not know, or values that
// are not valid, are ignored): the options to align the same texts again.
AlignOptions OptionsFromRecord(const OptionRecord& record, AlignOptions defaults = {});

// Brings the entries of `record` that DescribeOptions(options) also has up to date with
// `options`, after a new run of the aligner; entries of others (the pipeline's) stay.
void UpdateRecord(const AlignOptions& options, OptionRecord& record);

// kInvalidArgument when `options` cannot be used: a max_bead outside 1-8. Align and
// AlignWithReport check it, and Aligner::Create when the aligner is made, so that a bad option
// is refused before any text is aligned.
Status ValidateOptions(const AlignOptions& options);

// Aligns `input` with `options`: the ladder, the calibrated confidence of every bead (fixed
// beads keep theirs), and what the passes estimated and used (AlignReport). kInvalidArgument
// for a max_bead outside 1-8, paragraph lists without one entry per sentence, or fixed beads
// that are empty, overlap or lie outside the texts.
StatusOr<AlignReport> AlignWithReport(const AlignInput& input, const AlignOptions& options);

// AlignWithReport's ladder alone.
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
  // kInvalidArgument when `options` are not valid (ValidateOptions) or a lexicon was prepared
  // for other languages.
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
