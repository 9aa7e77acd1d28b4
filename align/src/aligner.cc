#include "tandem/align/aligner.h"

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "tandem/align/combined_scorer.h"
#include "tandem/align/lexical_scorer.h"
#include "tandem/align/search.h"
#include "tandem/align/shape_scorer.h"

namespace tandem::align {
namespace {

// The evidence of one pass, each kind its own scorer, and their combination.
struct PassScorers {
  PassScorers(const BitextEvidence& evidence, const EvidenceChannel* learned_channel,
              const ShapeTable& shapes, const LengthModel& length_model,
              const AlignOptions& options, double dictionary_reliability,
              double numbers_reliability, double names_reliability)
      : shape(shapes),
        length(evidence.source_lengths, evidence.target_lengths, length_model,
               LengthRatioScorer::NullDeviation(evidence.source_lengths, evidence.target_lengths,
                                                length_model)),
        dictionary(evidence.dictionary, {.reliability = dictionary_reliability}),
        numbers(evidence.numbers, {.reliability = numbers_reliability}),
        names(evidence.names, {.reliability = names_reliability}) {
    const EvidenceWeights& w = options.weights;
    std::vector<WeightedScorer> parts = {{&shape, w.shape},
                                         {&length, w.length},
                                         {&dictionary, w.dictionary},
                                         {&numbers, w.numbers},
                                         {&names, w.names}};
    part_names = {"shape", "length", "dictionary", "numbers", "names"};
    if (learned_channel != nullptr) {
      learned.emplace(*learned_channel,
                      LexicalScorerOptions{.reliability = options.learned_reliability});
      parts.push_back({&*learned, w.learned});
      part_names.emplace_back("learned");
    }
    combined.emplace(std::move(parts));
  }

  std::vector<const LexicalScorer*> Lexical() const {
    std::vector<const LexicalScorer*> scorers = {&dictionary, &numbers, &names};
    if (learned) scorers.push_back(&*learned);
    return scorers;
  }

  ShapeScorer shape;
  LengthRatioScorer length;
  LexicalScorer dictionary;
  LexicalScorer numbers;
  LexicalScorer names;
  std::optional<LexicalScorer> learned;
  std::optional<CombinedScorer> combined;
  std::vector<std::string> part_names;
};

// The search for a problem of this size. The exhaustive search is exact and fine up to a few
// thousand sentences a side.
std::unique_ptr<LadderSearch> MakeSearch(const AlignOptions& options) {
  return std::make_unique<ExhaustiveSearch>(ExhaustiveSearchOptions{
      .shapes = StandardShapes(options.max_bead), .max_cells = options.max_search_cells});
}

StatusOr<Ladder> RunPass(const AlignInput& input, const BitextEvidence& evidence,
                         const BeadScorer& scorer, const SentenceVectors& vectors,
                         const AlignOptions& options) {
  SearchProblem problem;
  problem.scorer = &scorer;
  problem.source_size = input.source.size();
  problem.target_size = input.target.size();
  problem.source_lengths = evidence.source_lengths;
  problem.target_lengths = evidence.target_lengths;
  problem.vectors = &vectors;
  problem.fixed = input.fixed;
  const std::unique_ptr<LadderSearch> search = MakeSearch(options);
  TANDEM_ASSIGN_OR_RETURN(Ladder ladder, search->Search(problem));
  TANDEM_RETURN_IF_ERROR(ValidateLadder(ladder, input.source.size(), input.target.size()));
  return ladder;
}

std::vector<Bead> Confident(const Ladder& ladder, double threshold) {
  std::vector<Bead> beads;
  for (const Bead& bead : ladder) {
    if (bead.two_sided() && bead.confidence >= threshold) beads.push_back(bead);
  }
  return beads;
}

// The sentence an occurrence of `side` belongs to.
std::size_t SentenceOf(const KeyedSide& side, std::uint32_t occurrence) {
  const auto it =
      std::upper_bound(side.sentence_begin.begin(), side.sentence_begin.end(), occurrence);
  return static_cast<std::size_t>(it - side.sentence_begin.begin()) - 1;
}

std::string OccurrenceText(const KeyedSide& side, std::uint32_t occurrence,
                           const std::vector<std::string_view>& sentences) {
  const std::string_view sentence = sentences[SentenceOf(side, occurrence)];
  const Span& span = side.spans[occurrence];
  return std::string(sentence.substr(span.begin, span.size()));
}

BeadEvidence Explain(const Bead& bead, const AlignInput& input, const BitextEvidence& evidence,
                     const PassScorers& scorers) {
  BeadEvidence out;
  for (std::size_t k = bead.source_begin; k < bead.source_end(); ++k) {
    out.source_length += evidence.source_lengths[k];
  }
  for (std::size_t k = bead.target_begin; k < bead.target_end(); ++k) {
    out.target_length += evidence.target_lengths[k];
  }
  out.expected_target_length = out.source_length * scorers.length.model().ratio;
  const std::vector<WeightedScorer>& parts = scorers.combined->parts();
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const double cost =
        parts[p].weight * parts[p].scorer->Cost(bead.source_begin, bead.source_count,
                                                bead.target_begin, bead.target_count);
    out.parts.push_back({scorers.part_names[p], cost});
    out.cost += cost;
  }
  for (const LexicalScorer* scorer : scorers.Lexical()) {
    const EvidenceChannel& channel = scorer->channel();
    for (const LexicalMatch& match : scorer->Matches(bead.source_begin, bead.source_count,
                                                     bead.target_begin, bead.target_count)) {
      // Each pair once: from the source side, and from the target side only when its
      // counterpart was not itself matched from the source side.
      BeadEvidence::Match m;
      m.channel = channel.name;
      m.origin = match.origin < channel.origins.size() ? channel.origins[match.origin] : "";
      if (match.source_side) {
        m.source = OccurrenceText(channel.source, match.occurrence, input.source);
        m.target = OccurrenceText(channel.target, match.counterpart, input.target);
      } else {
        m.source = OccurrenceText(channel.source, match.counterpart, input.source);
        m.target = OccurrenceText(channel.target, match.occurrence, input.target);
      }
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

}  // namespace

std::vector<std::pair<std::string, std::string>> DescribeOptions(const AlignOptions& options) {
  return {
      {"scorer", options.learn ? "shape, length, dictionary, numbers, names; learned lexicon "
                                 "(second pass)"
                               : "shape, length, dictionary, numbers, names"},
      {"search", "exhaustive dynamic programming"},
      {"max-bead", std::to_string(options.max_bead)},
  };
}

StatusOr<AlignReport> AlignWithReport(const AlignInput& input, const AlignOptions& options) {
  if (options.max_bead < 1 || options.max_bead > 8) {
    return InvalidArgumentError(
        fmt::format("max-bead must be between 1 and 8, not {}", options.max_bead));
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
  TANDEM_ASSIGN_OR_RETURN(const BitextEvidence evidence,
                          AnalyzeBitext(analysis_input, options.analysis));
  progress(fmt::format("evidence: {} lexicon entries used, {} dictionary links, {} name links",
                       evidence.stats.lexicon_entries_used, evidence.stats.dictionary_links,
                       evidence.stats.name_links));

  AlignReport report;
  report.analysis = evidence.stats;
  // First pass.
  const ShapeTable default_shapes = ShapeTable::Default();
  const LengthModel guess = LengthModel::Guess(evidence.source_lengths, evidence.target_lengths);
  const SentenceVectors first_vectors = BuildSentenceVectors(
      {&evidence.dictionary, &evidence.numbers, &evidence.names}, options.vectors);
  auto first = std::make_unique<PassScorers>(
      evidence, nullptr, default_shapes, guess, options, options.dictionary_reliability,
      options.numbers_reliability, options.names_reliability);
  TANDEM_ASSIGN_OR_RETURN(Ladder ladder,
                          RunPass(input, evidence, *first->combined, first_vectors, options));
  report.length_model = guess;
  report.dictionary_reliability = options.dictionary_reliability;
  report.numbers_reliability = options.numbers_reliability;
  report.names_reliability = options.names_reliability;
  std::unique_ptr<PassScorers> last = std::move(first);

  EvidenceChannel learned;
  SentenceVectors second_vectors;
  if (options.learn) {
    const std::vector<Bead> confident = Confident(ladder, options.confident);
    const LengthModel length =
        LengthModel::FromBeads(evidence.source_lengths, evidence.target_lengths, confident, guess);
    const ShapeTable shapes =
        ShapeTable::Estimate(ladder, default_shapes, options.shape_prior_strength);
    const double strength = options.reliability_prior_strength;
    const double dictionary = EstimateReliability(last->dictionary.Count(confident),
                                                  options.dictionary_reliability, strength);
    const double numbers =
        EstimateReliability(last->numbers.Count(confident), options.numbers_reliability, strength);
    const double names =
        EstimateReliability(last->names.Count(confident), options.names_reliability, strength);

    learned.name = "learned";
    learned.origins = {"IBM model 1"};
    learned.source = evidence.source_words;
    learned.target = evidence.target_words;
    learned.links =
        LearnLinks(evidence.source_words, evidence.target_words, confident, options.model1);
    // Pairs the dictionary already has would count twice.
    for (std::size_t s = 0; s < learned.links.size(); ++s) {
      std::vector<KeyLink>& list = learned.links[s];
      const std::vector<KeyLink>& known = evidence.dictionary.links[s];
      list.erase(std::remove_if(list.begin(), list.end(),
                                [&known](const KeyLink& link) {
                                  return std::binary_search(known.begin(), known.end(), link,
                                                            [](const KeyLink& x, const KeyLink& y) {
                                                              return x.target < y.target;
                                                            });
                                }),
                 list.end());
      report.learned_links += list.size();
    }
    progress(fmt::format(
        "second pass: {} confident beads; length ratio {:.3f}, variance {:.2f}; reliability "
        "dictionary {:.2f}, numbers {:.2f}, names {:.2f}; {} learned links",
        confident.size(), length.ratio, length.variance, dictionary, numbers, names,
        report.learned_links));
    second_vectors = BuildSentenceVectors(
        {&evidence.dictionary, &evidence.numbers, &evidence.names, &learned}, options.vectors);
    auto second = std::make_unique<PassScorers>(evidence, &learned, shapes, length, options,
                                                dictionary, numbers, names);
    TANDEM_ASSIGN_OR_RETURN(ladder,
                            RunPass(input, evidence, *second->combined, second_vectors, options));
    report.length_model = length;
    report.dictionary_reliability = dictionary;
    report.numbers_reliability = numbers;
    report.names_reliability = names;
    last = std::move(second);
  }

  if (options.explain) {
    report.evidence.reserve(ladder.size());
    for (const Bead& bead : ladder)
      report.evidence.push_back(Explain(bead, input, evidence, *last));
  }
  report.ladder = std::move(ladder);
  return report;
}

StatusOr<Ladder> Align(const AlignInput& input, const AlignOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(AlignReport report, AlignWithReport(input, options));
  return std::move(report.ladder);
}

}  // namespace tandem::align
