#include "tandem/align/aligner.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "analysis_tools.h"
#include "combined_scorer.h"
#include "length_scorer.h"
#include "lexical_scorer.h"
#include "model_options.h"
#include "prepared_lexicon.h"
#include "search.h"
#include "shape_scorer.h"
#include "structure_scorer.h"

namespace tandem::align {
namespace {

// Everything a run of the aligner goes by: the user's options and the model's.
struct Settings : ModelOptions {
  explicit Settings(const AlignOptions& given)
      : ModelOptions(given.model ? *given.model : ModelOptions{}),
        max_bead(given.max_bead),
        threads(given.threads),
        learn(given.learn),
        explain(given.explain),
        progress(given.progress) {}
  std::size_t max_bead;
  std::size_t threads;
  bool learn;
  bool explain;
  std::function<void(std::string_view)> progress;
};

// A third pass runs when a shape of probability 0.01 or more changed by a factor of e^0.3
// (35%) or more between the shapes the second pass used and those its ladder shows.
constexpr double kShapeRatioMinProbability = 0.01;

// The smallest distance from 0 and 1 a posterior of four decimals stands for.
constexpr double kPosteriorFloor = 5e-5;
constexpr double kShapeRefinementRatio = 0.3;

// Separators: sentences without a word or a number that are a paragraph of their own (`* * *`
// between two paragraphs). A fragment without words inside a paragraph (`! `, `» .` in
// tokenized text) is no separator: it belongs to a neighbour.
std::vector<bool> Separators(const std::vector<bool>& contentless,
                             const std::vector<std::size_t>& paragraphs) {
  std::vector<bool> separators(contentless.size(), false);
  if (paragraphs.size() != contentless.size()) return separators;
  for (std::size_t k = 0; k < contentless.size(); ++k) {
    separators[k] = contentless[k] && (k == 0 || paragraphs[k - 1] != paragraphs[k]) &&
                    (k + 1 == paragraphs.size() || paragraphs[k + 1] != paragraphs[k]);
  }
  return separators;
}

// What one pass needs to know besides the evidence.
struct PassParameters {
  ShapeTable shapes;
  LengthModel length;
  double dictionary_reliability = 0.5;
  double numbers_reliability = 0.5;
  double names_reliability = 0.5;
  std::optional<Region> region;
  const EvidenceChannel* learned = nullptr;  // second pass only
  internal::ParagraphCosts paragraphs;
};

// The lexical scorers of a pass (the learned one from the second pass on).
struct LexicalScorers {
  std::shared_ptr<const LexicalScorer> dictionary;
  std::shared_ptr<const LexicalScorer> numbers;
  std::shared_ptr<const LexicalScorer> names;
  std::shared_ptr<const LexicalScorer> learned;
};

// A pass's scorer of `channel` with `reliability`: the one of the pass before (`before`) when
// it is of that channel and reliability, a new one otherwise.
std::shared_ptr<const LexicalScorer> ScorerFor(const EvidenceChannel& channel, double reliability,
                                               std::shared_ptr<const LexicalScorer> before) {
  if (before && &before->channel() == &channel && before->options().reliability == reliability) {
    return before;
  }
  return std::make_shared<const LexicalScorer>(channel,
                                               LexicalScorerOptions{.reliability = reliability});
}

// The evidence of one pass, each kind its own scorer, and their weighted combination. Owns
// (shares) the evidence its scorers refer to. `before`: the lexical scorers of the pass before
// (ScorerFor).
class PassModel final : public ScoringModel {
 public:
  PassModel(std::shared_ptr<const BitextEvidence> evidence,
            std::shared_ptr<const EvidenceChannel> learned, const PassParameters& p,
            const AlignInput& input, const Settings& options, LexicalScorers before = {})
      : evidence_(std::move(evidence)),
        learned_channel_(std::move(learned)),
        shape_(p.shapes),
        length_(evidence_->source_lengths, evidence_->target_lengths, p.length,
                LengthRatioScorer::NullDeviation(evidence_->source_lengths,
                                                 evidence_->target_lengths, p.length)),
        dictionary_(ScorerFor(evidence_->dictionary, p.dictionary_reliability,
                              std::move(before.dictionary))),
        numbers_(ScorerFor(evidence_->numbers, p.numbers_reliability, std::move(before.numbers))),
        names_(ScorerFor(evidence_->names, p.names_reliability, std::move(before.names))),
        region_(p.region, p.shapes, options.weights.shape, options.region),
        paragraphs_(input.source_paragraphs, input.target_paragraphs, p.paragraphs),
        separators_(Separators(evidence_->source_contentless, input.source_paragraphs),
                    Separators(evidence_->target_contentless, input.target_paragraphs)),
        region_span_(p.region) {
    const EvidenceWeights& w = options.weights;
    parts_ = {{"shape", &shape_, w.shape},
              {"length", &length_, w.length},
              {"dictionary", dictionary_.get(), w.dictionary},
              {"numbers", numbers_.get(), w.numbers},
              {"names", names_.get(), w.names},
              {"paragraphs", &paragraphs_, w.paragraphs}};
    if (learned_channel_) {
      learned_ =
          ScorerFor(*learned_channel_, options.learned_reliability, std::move(before.learned));
      parts_.push_back({"learned", learned_.get(), w.learned});
    }
    // The region is a prior on where beads may be, and separators a rule, not evidence to be
    // weighed.
    if (p.region) parts_.push_back({"region", &region_, 1.0});
    parts_.push_back({"separators", &separators_, 1.0});
    // The search adds the lexical parts per sentence before it adds them per bead
    // (LexicalGroup); the sum is the same.
    std::vector<LexicalGroup::Member> lexical;
    std::vector<WeightedScorer> weighted;
    for (const Part& part : parts_) {
      const bool is_lexical = part.scorer == dictionary_.get() || part.scorer == numbers_.get() ||
                              part.scorer == names_.get() ||
                              (learned_ && part.scorer == learned_.get());
      if (is_lexical) {
        lexical.push_back({static_cast<const LexicalScorer*>(part.scorer), part.weight});
      } else {
        weighted.push_back({part.scorer, part.weight});
      }
    }
    lexical_.emplace(std::move(lexical));
    weighted.push_back({&*lexical_, 1.0});
    combined_.emplace(std::move(weighted));
  }

  const std::vector<Part>& parts() const override { return parts_; }
  const BeadScorer& combined() const override { return *combined_; }
  BeadEvidence Explain(const Bead& bead, const std::vector<std::string_view>& source,
                       const std::vector<std::string_view>& target) const override;
  const std::optional<Region>& region() const override { return region_span_; }

  const LengthRatioScorer& length() const { return length_; }
  const LexicalScorer& dictionary() const { return *dictionary_; }
  const LexicalScorer& numbers() const { return *numbers_; }
  const LexicalScorer& names() const { return *names_; }
  std::vector<const LexicalScorer*> Lexical() const {
    std::vector<const LexicalScorer*> scorers = {dictionary_.get(), numbers_.get(), names_.get()};
    if (learned_) scorers.push_back(learned_.get());
    return scorers;
  }
  // The lexical scorers, for the next pass (PassModel's `before`), shared.
  LexicalScorers lexical_scorers() const { return {dictionary_, numbers_, names_, learned_}; }

 private:
  std::shared_ptr<const BitextEvidence> evidence_;
  std::shared_ptr<const EvidenceChannel> learned_channel_;
  ShapeScorer shape_;
  LengthRatioScorer length_;
  std::shared_ptr<const LexicalScorer> dictionary_;
  std::shared_ptr<const LexicalScorer> numbers_;
  std::shared_ptr<const LexicalScorer> names_;
  RegionScorer region_;
  internal::ParagraphScorer paragraphs_;
  internal::SeparatorScorer separators_;
  std::shared_ptr<const LexicalScorer> learned_;
  std::vector<Part> parts_;
  std::optional<LexicalGroup> lexical_;
  std::optional<CombinedScorer> combined_;
  std::optional<Region> region_span_;
};

// The shapes of the first pass: the default table, unless one text is much longer than the
// other can account for (by the length ratio guessed from typical sentences): then that much of
// it has no counterpart, and one-sided beads are that common (a letter inside a collection).
ShapeTable FirstPassShapes(const BitextEvidence& evidence, const LengthModel& guess) {
  double source = 0;
  double target = 0;
  for (double length : evidence.source_lengths) source += length;
  for (double length : evidence.target_lengths) target += length;
  const double expected_target = source * guess.ratio;
  if (source <= 0 || target <= 0 || expected_target <= 0) return ShapeTable::Default();
  return ShapeTable::ForUnmatchedShares(
      ShapeTable::Default(), evidence.source_lengths.size(), evidence.target_lengths.size(),
      std::max(0.0, 1 - target / expected_target), std::max(0.0, 1 - expected_target / target));
}

// The sentence an occurrence of `side` belongs to.
std::size_t SentenceOf(const KeyedSide& side, std::uint32_t occurrence) {
  const auto it =
      std::upper_bound(side.sentence_begin.begin(), side.sentence_begin.end(), occurrence);
  return static_cast<std::size_t>(it - side.sentence_begin.begin()) - 1;
}

std::string OccurrenceText(const KeyedSide& side, std::uint32_t occurrence,
                           const std::vector<std::string_view>& sentences) {
  const std::size_t sentence = SentenceOf(side, occurrence);
  if (sentence >= sentences.size()) return side.key_names[side.keys[occurrence]];
  const OccurrenceSpan& span = side.spans[occurrence];
  return std::string(sentences[sentence].substr(span.begin, span.size()));
}

BeadEvidence PassModel::Explain(const Bead& bead, const std::vector<std::string_view>& source,
                                const std::vector<std::string_view>& target) const {
  BeadEvidence out;
  for (std::size_t k = bead.source_begin; k < bead.source_end(); ++k) {
    out.source_length += evidence_->source_lengths[k];
  }
  for (std::size_t k = bead.target_begin; k < bead.target_end(); ++k) {
    out.target_length += evidence_->target_lengths[k];
  }
  out.expected_target_length = out.source_length * length_.model().ratio;
  for (const Part& part : parts_) {
    const double cost = part.weight * part.scorer->Cost(bead.source_begin, bead.source_count,
                                                        bead.target_begin, bead.target_count);
    out.parts.push_back({part.name, cost});
    out.cost += cost;
  }
  for (const LexicalScorer* scorer : Lexical()) {
    const EvidenceChannel& channel = scorer->channel();
    for (const LexicalMatch& match : scorer->Matches(bead.source_begin, bead.source_count,
                                                     bead.target_begin, bead.target_count)) {
      BeadEvidence::Match m;
      m.channel = channel.name;
      m.origin = match.origin < channel.origins.size() ? channel.origins[match.origin] : "";
      const std::uint32_t s = match.source_side ? match.occurrence : match.counterpart;
      const std::uint32_t t = match.source_side ? match.counterpart : match.occurrence;
      m.source = OccurrenceText(channel.source, s, source);
      m.target = OccurrenceText(channel.target, t, target);
      // Each pair once, although it is usually found from both sides.
      const bool seen = std::any_of(out.matches.begin(), out.matches.end(),
                                    [&m](const BeadEvidence::Match& other) {
                                      return other.channel == m.channel &&
                                             other.source == m.source && other.target == m.target;
                                    });
      if (!seen) out.matches.push_back(std::move(m));
    }
  }
  return out;
}

// The search: coarse-to-fine, which is exhaustive for problems of up to a million cells and
// linear beyond.
std::unique_ptr<LadderSearch> MakeSearch(const Settings& options) {
  CoarseToFineSearchOptions search{.shapes = AlignmentShapes(options.max_bead),
                                   .threads = options.threads};
  search.guided_cells = options.guided_cells;
  search.sketch_shapes = StandardShapes(1);
  return std::make_unique<CoarseToFineSearch>(search);
}

StatusOr<Ladder> RunPass(const AlignInput& input, const BitextEvidence& evidence,
                         const BeadScorer& scorer, const SentenceVectors& vectors,
                         const Settings& options, const Ladder* guide = nullptr,
                         std::function<bool(const Ladder&)> confidences_for = nullptr) {
  SearchProblem problem;
  problem.scorer = &scorer;
  problem.source_size = input.source.size();
  problem.target_size = input.target.size();
  problem.source_lengths = evidence.source_lengths;
  problem.target_lengths = evidence.target_lengths;
  if (vectors.dimension > 0) problem.vectors = &vectors;
  problem.fixed = input.fixed;
  problem.guide = guide;
  problem.guide_window = options.guide_window;
  problem.confidences_for = std::move(confidences_for);
  const std::unique_ptr<LadderSearch> search = MakeSearch(options);
  TANDEM_ASSIGN_OR_RETURN(Ladder ladder, search->Search(problem));
  TANDEM_RETURN_IF_ERROR(ValidateLadder(ladder, input.source.size(), input.target.size()));
  return ladder;
}

std::vector<Bead> Confident(const Ladder& ladder, double threshold,
                            const std::optional<Region>& region) {
  std::vector<Bead> beads;
  for (const Bead& bead : ladder) {
    if (bead.two_sided() && bead.confidence >= threshold && InsideRegion(bead, region)) {
      beads.push_back(bead);
    }
  }
  return beads;
}

Ladder Inside(const Ladder& ladder, const std::optional<Region>& region) {
  Ladder inside;
  for (const Bead& bead : ladder) {
    if (InsideRegion(bead, region)) inside.push_back(bead);
  }
  return inside;
}

// The shapes that `ladder` shows inside `region` (with `prior` as the prior), and, in `change`,
// how much they differ from `assumed`: the largest log ratio of a shape's probabilities, among
// shapes of probability kShapeRatioMinProbability or more.
ShapeTable ShownShapes(const Ladder& ladder, const std::optional<Region>& region,
                       const ShapeTable& prior, const ShapeTable& assumed, double strength,
                       double& change) {
  ShapeTable shown = ShapeTable::Estimate(Inside(ladder, region), prior, strength);
  change = shown.LargestLogRatio(assumed, kShapeRatioMinProbability);
  return shown;
}

// The learned lexicon's channel: the word stems of the dictionary channel, linked by a
// translation model trained on `beads`, without the pairs the dictionary already links.
std::shared_ptr<const EvidenceChannel> LearnChannel(const BitextEvidence& evidence,
                                                    KeyedSide source_words, KeyedSide target_words,
                                                    const std::vector<Bead>& beads,
                                                    const Model1Options& options,
                                                    std::size_t& links) {
  auto learned = std::make_shared<EvidenceChannel>();
  learned->name = "learned";
  learned->origins = {"IBM model 1"};
  learned->links = LearnLinks(source_words, target_words, beads, options);
  learned->source = std::move(source_words);
  learned->target = std::move(target_words);
  links = 0;
  for (std::size_t s = 0; s < learned->links.size(); ++s) {
    std::vector<KeyLink>& list = learned->links[s];
    const std::vector<KeyLink>& known = evidence.dictionary.links[s];
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&known](const KeyLink& link) {
                                return std::binary_search(known.begin(), known.end(), link,
                                                          [](const KeyLink& x, const KeyLink& y) {
                                                            return x.target < y.target;
                                                          });
                              }),
               list.end());
    links += list.size();
  }
  return learned;
}

}  // namespace

EvidenceWeights EvidenceWeights::WithoutDictionary() {
  EvidenceWeights w;
  w.shape = 0.818;
  w.length = 1.180;
  w.dictionary = 1.000;  // there is none to weigh
  w.numbers = 0.372;
  w.names = 0.266;
  w.learned = 0.341;
  w.paragraphs = 2.053;
  return w;
}

namespace {

double Between(double without, double with, double share) {
  return without + share * (with - without);
}

double CoverageShare(double coverage) {
  return std::clamp(coverage / EvidenceWeights::kFullCoverage, 0.0, 1.0);
}

}  // namespace

EvidenceWeights EvidenceWeights::Mix(const EvidenceWeights& without, const EvidenceWeights& with,
                                     double coverage_share) {
  const double t = std::clamp(coverage_share, 0.0, 1.0);
  EvidenceWeights w;
  w.shape = Between(without.shape, with.shape, t);
  w.length = Between(without.length, with.length, t);
  w.dictionary = Between(without.dictionary, with.dictionary, t);
  w.numbers = Between(without.numbers, with.numbers, t);
  w.names = Between(without.names, with.names, t);
  w.learned = Between(without.learned, with.learned, t);
  w.paragraphs = Between(without.paragraphs, with.paragraphs, t);
  return w;
}

Calibration Calibration::Identity() { return {{1, 0}, {1, 0}, {1, 0}}; }

Calibration Calibration::WithoutDictionary() {
  // Fitted on the same sets as EvidenceWeights::WithoutDictionary().
  return {{0.997, 0.211}, {0.630, 1.020}, {0.463, -0.884}};
}

Calibration Calibration::Mix(const Calibration& without, const Calibration& with,
                             double coverage_share) {
  const double t = std::clamp(coverage_share, 0.0, 1.0);
  const auto curve = [t](const Curve& a, const Curve& b) {
    return Curve{Between(a.scale, b.scale, t), Between(a.shift, b.shift, t)};
  };
  return {curve(without.one_to_one, with.one_to_one), curve(without.many, with.many),
          curve(without.one_sided, with.one_sided)};
}

double Calibration::Curve::Apply(double posterior) const {
  // Posteriors have four decimals: 1.0 means at least 0.99995.
  const double p = std::clamp(posterior, kPosteriorFloor, 1 - kPosteriorFloor);
  const double z = scale * std::log(p / (1 - p)) + shift;
  // Four decimals, as the search gives them.
  return std::round(1e4 / (1 + std::exp(-z))) / 1e4;
}

double Calibration::Apply(const Bead& bead) const {
  if (!bead.two_sided()) return one_sided.Apply(bead.confidence);
  if (bead.source_count == 1 && bead.target_count == 1) return one_to_one.Apply(bead.confidence);
  return many.Apply(bead.confidence);
}

std::vector<BeadShape> AlignmentShapes(std::size_t max_bead) {
  std::vector<BeadShape> shapes = StandardShapes(max_bead);
  if (max_bead >= 3) {
    shapes.push_back({2, 3});
    shapes.push_back({3, 2});
    shapes.push_back({3, 3});
  }
  return shapes;
}

namespace {

constexpr std::string_view kMaxBeadKey = "max-bead";

}  // namespace

OptionRecord DescribeOptions(const AlignOptions& options) {
  return {
      {"scorer", options.learn ? "shape, length, dictionary, numbers, names; learned lexicon "
                                 "and corresponding region (second pass)"
                               : "shape, length, dictionary, numbers, names"},
      {"search",
       "dynamic programming in a band: the whole grid up to 10k cells, around a sketched path "
       "up to 1M, coarse-to-fine beyond; the passes after the first around the path of the pass "
       "before (the second up to 1M cells)"},
      {std::string(kMaxBeadKey), std::to_string(options.max_bead)},
  };
}

std::optional<std::size_t> RecordedMaxBead(const OptionRecord& record) {
  std::optional<std::size_t> found;
  for (const auto& [name, value] : record) {
    if (name != kMaxBeadKey) continue;
    std::size_t max_bead = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), max_bead);
    if (error == std::errc() && end == value.data() + value.size() && max_bead >= 1 &&
        max_bead <= 8) {
      found = max_bead;
    }
  }
  return found;
}

AlignOptions OptionsFromRecord(const OptionRecord& record, AlignOptions defaults) {
  if (const std::optional<std::size_t> max_bead = RecordedMaxBead(record)) {
    defaults.max_bead = *max_bead;
  }
  return defaults;
}

void UpdateRecord(const AlignOptions& options, OptionRecord& record) {
  for (const auto& [name, value] : DescribeOptions(options)) {
    for (auto& [recorded_name, recorded_value] : record) {
      if (recorded_name == name) recorded_value = value;
    }
  }
}

AlignInput InputFromDocuments(const Document& source, const Document& target) {
  AlignInput input;
  input.source = source.SentenceTexts();
  input.target = target.SentenceTexts();
  input.source_language = source.language;
  input.target_language = target.language;
  for (const Sentence& sentence : source.sentences) {
    input.source_paragraphs.push_back(sentence.paragraph);
  }
  for (const Sentence& sentence : target.sentences) {
    input.target_paragraphs.push_back(sentence.paragraph);
  }
  return input;
}

Status ValidateOptions(const AlignOptions& options) {
  if (options.max_bead < 1 || options.max_bead > 8) {
    return InvalidArgumentError(
        fmt::format("max-bead must be between 1 and 8, not {}", options.max_bead));
  }
  return Status::Ok();
}

StatusOr<AlignReport> AlignWithReport(const AlignInput& input, const AlignOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(
      const std::shared_ptr<const internal::AnalysisTools> tools,
      internal::AnalysisTools::Create(input.source_language, input.target_language,
                                      Settings(options).analysis));
  return internal::AlignWith(input, options, *tools);
}

StatusOr<AlignReport> internal::AlignWith(const AlignInput& input, const AlignOptions& given,
                                          const AnalysisTools& tools) {
  // The weights and calibration are those of the evidence there is (set below).
  Settings options(given);
  TANDEM_RETURN_IF_ERROR(ValidateOptions(given));
  if ((!input.source_paragraphs.empty() && input.source_paragraphs.size() != input.source.size()) ||
      (!input.target_paragraphs.empty() && input.target_paragraphs.size() != input.target.size())) {
    return InvalidArgumentError("the paragraphs of the sentences must be given for every sentence");
  }
  auto progress = [&options](std::string_view message) {
    if (options.progress) options.progress(message);
  };
  AnalysisInput analysis_input;
  analysis_input.source = &input.source;
  analysis_input.target = &input.target;
  analysis_input.source_language = input.source_language;
  analysis_input.target_language = input.target_language;
  analysis_input.lexicons = &input.lexicons;
  analysis_input.prepared_lexicons = &input.prepared_lexicons;
  TANDEM_ASSIGN_OR_RETURN(BitextEvidence analysed,
                          internal::AnalyzeBitextWith(analysis_input, options.analysis, tools));
  // The word stems are only needed by the learned lexicon, which takes them over.
  KeyedSide source_words = std::move(analysed.source_words);
  KeyedSide target_words = std::move(analysed.target_words);
  const auto evidence = std::make_shared<const BitextEvidence>(std::move(analysed));
  progress(
      fmt::format("evidence: {} lexicon entries used, {} dictionary matches ({:.0f}% of the "
                  "sentences), {} name "
                  "matches",
                  evidence->stats.lexicon_entries_used, evidence->stats.dictionary_matches,
                  100 * evidence->stats.dictionary_coverage, evidence->stats.name_matches));

  // The weights and calibration that fit the evidence there is.
  const double share = CoverageShare(evidence->stats.dictionary_coverage);
  options.weights =
      EvidenceWeights::Mix(options.weights_without_dictionary, options.weights, share);
  options.calibration =
      Calibration::Mix(options.calibration_without_dictionary, options.calibration, share);

  // First pass: default shapes, a guessed length ratio, prior reliabilities.
  PassParameters first;
  first.length = LengthModel::Guess(evidence->source_lengths, evidence->target_lengths);
  first.shapes = FirstPassShapes(*evidence, first.length);
  first.dictionary_reliability = options.dictionary_reliability;
  first.numbers_reliability = options.numbers_reliability;
  first.names_reliability = options.names_reliability;
  first.paragraphs =
      internal::ParagraphCostsFromCounts(input.source_paragraphs, input.target_paragraphs);
  auto model = std::make_shared<PassModel>(evidence, nullptr, first, input, options);
  Ladder ladder;
  {
    const SentenceVectors vectors = BuildSentenceVectors(
        {&evidence->dictionary, &evidence->numbers, &evidence->names}, options.vectors);
    TANDEM_ASSIGN_OR_RETURN(ladder, RunPass(input, *evidence, model->combined(), vectors, options));
  }
  PassParameters used = first;

  AlignReport report;
  if (options.learn) {
    // Second pass: everything re-estimated from the confident beads of the first.
    PassParameters second;
    const CombinedScorer lexical(
        {{&model->dictionary(), 1.0}, {&model->numbers(), 1.0}, {&model->names(), 1.0}});
    second.region =
        FindCorrespondingRegion(ladder, lexical, evidence->source_lengths, evidence->target_lengths,
                                first.length.ratio, options.region);
    const std::vector<Bead> confident = Confident(ladder, options.confident, second.region);
    second.length = LengthModel::FromBeads(evidence->source_lengths, evidence->target_lengths,
                                           confident, first.length);
    second.shapes = ShapeTable::Estimate(Inside(ladder, second.region), first.shapes,
                                         options.shape_prior_strength);
    second.paragraphs = internal::EstimateParagraphCosts(
        Inside(ladder, second.region), input.source_paragraphs, input.target_paragraphs);
    const double strength = options.reliability_prior_strength;
    second.dictionary_reliability = EstimateReliability(model->dictionary().Count(confident),
                                                        options.dictionary_reliability, strength);
    second.numbers_reliability = EstimateReliability(model->numbers().Count(confident),
                                                     options.numbers_reliability, strength);
    second.names_reliability =
        EstimateReliability(model->names().Count(confident), options.names_reliability, strength);
    // The first pass's scorers are done with; their memory goes to the learned lexicon and the
    // second pass. (Keeping their reach lists for the second pass's lexical scorers would save
    // a little time and hold them while the learned lexicon is trained: 170 MB instead of
    // 132 MB for 10k sentences.)
    model.reset();
    const std::shared_ptr<const EvidenceChannel> learned =
        LearnChannel(*evidence, std::move(source_words), std::move(target_words), confident,
                     options.model1, report.learned_entries);
    if (second.region) {
      progress(fmt::format("corresponding region: source sentences {}-{}, target {}-{}",
                           second.region->source_begin, second.region->source_end,
                           second.region->target_begin, second.region->target_end));
    }
    progress(fmt::format(
        "second pass: {} confident beads; length ratio {:.3f}, variance {:.2f}; reliability "
        "dictionary {:.2f}, numbers {:.2f}, names {:.2f}; {} learned lexicon entries",
        confident.size(), second.length.ratio, second.length.variance,
        second.dictionary_reliability, second.numbers_reliability, second.names_reliability,
        report.learned_entries));
    model = std::make_shared<PassModel>(evidence, learned, second, input, options);
    const SentenceVectors vectors = BuildSentenceVectors(
        {&evidence->dictionary, &evidence->numbers, &evidence->names, learned.get()},
        options.vectors);
    const Ladder first_ladder = ladder;
    const bool first_exhaustive = (input.source.size() + 1) * (input.target.size() + 1) <=
                                  CoarseToFineSearchOptions{}.max_exhaustive_cells;
    // Whether a third pass follows (below) depends on the second's path alone; when it does,
    // the second pass's confidences are not needed, and not computed.
    std::function<bool(const Ladder&)> confidences_for;
    if (options.refine_shapes) {
      confidences_for = [&](const Ladder& path) {
        double change = 0;
        ShownShapes(path, second.region, first.shapes, second.shapes, options.shape_prior_strength,
                    change);
        return change < kShapeRefinementRatio;
      };
    }
    TANDEM_ASSIGN_OR_RETURN(
        ladder, RunPass(input, *evidence, model->combined(), vectors, options,
                        first_exhaustive ? &first_ladder : nullptr, std::move(confidences_for)));
    used = second;
    // The shapes came from the first pass, which glues where it lacks the evidence the
    // second has: estimated again from the second pass, they may differ much (a sentence
    // without counterpart taken for half of a 2:1 bead makes 2:1 beads look common). Then the
    // pass is run once more with them.
    if (options.refine_shapes) {
      PassParameters third = used;
      double change = 0;
      third.shapes = ShownShapes(ladder, third.region, first.shapes, used.shapes,
                                 options.shape_prior_strength, change);
      if (change >= kShapeRefinementRatio) {
        progress(fmt::format("third pass: the shapes changed (by up to {:.0f}%)",
                             100 * (std::exp(change) - 1)));
        // The same reliabilities: the second pass's lexical scorers serve as they are.
        model = std::make_shared<PassModel>(evidence, learned, third, input, options,
                                            model->lexical_scorers());
        const Ladder second_ladder = ladder;
        TANDEM_ASSIGN_OR_RETURN(
            ladder, RunPass(input, *evidence, model->combined(), vectors, options, &second_ladder));
        used = third;
      }
    }
  }

  // Calibrated confidences; fixed beads keep what the reviewer gave them.
  for (Bead& bead : ladder) {
    const bool fixed = std::find(input.fixed.begin(), input.fixed.end(), bead) != input.fixed.end();
    if (!fixed) bead.confidence = options.calibration.Apply(bead);
  }

  report.length_ratio = used.length.ratio;
  report.length_variance = used.length.variance;
  report.dictionary_reliability = used.dictionary_reliability;
  report.numbers_reliability = used.numbers_reliability;
  report.names_reliability = used.names_reliability;
  report.dictionary_coverage = evidence->stats.dictionary_coverage;
  report.shared_numbers = evidence->stats.shared_numbers;
  report.name_matches = evidence->stats.name_matches;
  if (options.explain) {
    report.evidence.reserve(ladder.size());
    for (const Bead& bead : ladder) {
      report.evidence.push_back(model->Explain(bead, input.source, input.target));
    }
  }
  report.ladder = std::move(ladder);
  report.model = std::move(model);
  return report;
}

BeadEvidence ExplainBead(const ScoringModel& model, const Bead& bead,
                         const std::vector<std::string_view>& source,
                         const std::vector<std::string_view>& target) {
  return model.Explain(bead, source, target);
}

StatusOr<Ladder> Align(const AlignInput& input, const AlignOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(AlignReport report, AlignWithReport(input, options));
  return std::move(report.ladder);
}

struct Aligner::State {
  std::string source_language;
  std::string target_language;
  std::vector<std::shared_ptr<const PreparedLexicon>> lexicons;
  AlignOptions options;
  std::shared_ptr<const internal::AnalysisTools> tools;
};

StatusOr<Aligner> Aligner::Create(const std::string& source_language,
                                  const std::string& target_language,
                                  std::vector<std::shared_ptr<const PreparedLexicon>> lexicons,
                                  AlignOptions options) {
  TANDEM_RETURN_IF_ERROR(ValidateOptions(options));
  auto state = std::make_shared<State>();
  state->source_language = source_language;
  state->target_language = target_language;
  TANDEM_ASSIGN_OR_RETURN(state->tools,
                          internal::AnalysisTools::Create(source_language, target_language,
                                                          Settings(options).analysis));
  for (const std::shared_ptr<const PreparedLexicon>& lexicon : lexicons) {
    TANDEM_RETURN_IF_ERROR(
        internal::CheckKeyedAs(*lexicon, state->tools->source, state->tools->target));
  }
  state->lexicons = std::move(lexicons);
  state->options = std::move(options);
  return Aligner(std::move(state));
}

StatusOr<AlignReport> Aligner::AlignWithReport(const AlignInput& texts) const {
  auto differs = [](const std::string& given, const std::string& mine) {
    return !given.empty() && given != mine;
  };
  if (differs(texts.source_language, state_->source_language) ||
      differs(texts.target_language, state_->target_language)) {
    return InvalidArgumentError(fmt::format("an aligner for {} -> {} cannot align {} -> {}",
                                            state_->source_language, state_->target_language,
                                            texts.source_language, texts.target_language));
  }
  AlignInput input;
  input.source = texts.source;
  input.target = texts.target;
  input.source_language = state_->source_language;
  input.target_language = state_->target_language;
  input.fixed = texts.fixed;
  input.source_paragraphs = texts.source_paragraphs;
  input.target_paragraphs = texts.target_paragraphs;
  input.lexicons = texts.lexicons;
  input.prepared_lexicons = state_->lexicons;
  input.prepared_lexicons.insert(input.prepared_lexicons.end(), texts.prepared_lexicons.begin(),
                                 texts.prepared_lexicons.end());
  return internal::AlignWith(input, state_->options, *state_->tools);
}

StatusOr<Ladder> Aligner::Align(const AlignInput& texts) const {
  TANDEM_ASSIGN_OR_RETURN(AlignReport report, AlignWithReport(texts));
  return std::move(report.ladder);
}

const AlignOptions& Aligner::options() const { return state_->options; }
const std::vector<std::shared_ptr<const PreparedLexicon>>& Aligner::lexicons() const {
  return state_->lexicons;
}
const std::string& Aligner::source_language() const { return state_->source_language; }
const std::string& Aligner::target_language() const { return state_->target_language; }

}  // namespace tandem::align
