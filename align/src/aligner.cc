#include "tandem/align/aligner.h"

#include <fmt/format.h>

#include "tandem/align/length_scorer.h"
#include "tandem/align/search.h"
#include "tandem/core/normalize.h"

namespace tandem::align {
namespace {

std::vector<double> CharacterLengths(const std::vector<std::string_view>& sentences) {
  std::vector<double> lengths;
  lengths.reserve(sentences.size());
  for (std::string_view s : sentences) {
    lengths.push_back(static_cast<double>(NfcCharacterCount(s)));
  }
  return lengths;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> DescribeOptions(const AlignOptions& options) {
  return {
      {"scorer", "length (Gale-Church)"},
      {"search", "coarse-to-fine dynamic programming (exhaustive up to 1M cells)"},
      {"max-bead", std::to_string(options.max_bead)},
  };
}

StatusOr<Ladder> Align(const AlignInput& input, const AlignOptions& options) {
  if (options.max_bead < 1 || options.max_bead > 8) {
    return InvalidArgumentError(
        fmt::format("max-bead must be between 1 and 8, not {}", options.max_bead));
  }
  const std::vector<double> source_lengths = CharacterLengths(input.source);
  const std::vector<double> target_lengths = CharacterLengths(input.target);
  const LengthScorer scorer(source_lengths, target_lengths,
                            LengthModel::Estimate(source_lengths, target_lengths));
  const CoarseToFineSearch search(
      {.shapes = StandardShapes(options.max_bead), .threads = options.threads});
  SearchProblem problem;
  problem.scorer = &scorer;
  problem.source_size = input.source.size();
  problem.target_size = input.target.size();
  problem.source_lengths = source_lengths;
  problem.target_lengths = target_lengths;
  problem.fixed = input.fixed;
  TANDEM_ASSIGN_OR_RETURN(Ladder ladder, search.Search(problem));
  TANDEM_RETURN_IF_ERROR(ValidateLadder(ladder, input.source.size(), input.target.size()));
  return ladder;
}

}  // namespace tandem::align
