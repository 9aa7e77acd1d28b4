// The aligner: two sequences of sentences in, a ladder out. This is the one entry point the
// rest of tandem calls; it picks the evidence (scorers) and the search from the options.
//
//   tandem::align::AlignInput input;
//   input.source = {"Hello.", "How are you?"};
//   input.target = {"Szia.", "Hogy vagy?"};
//   TANDEM_ASSIGN_OR_RETURN(tandem::align::Ladder ladder,
//                           tandem::align::Align(input, tandem::align::AlignOptions{}));
//
// The aligner knows nothing about files, formats or XML. It reads the sentences only for the
// duration of the call.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/align/bead.h"
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
};

struct AlignOptions {
  // The largest number of sentences on either side of a bead (2 gives Gale & Church's
  // 1:1, 1:2, 2:1, 2:2 besides 1:0 and 0:1).
  std::size_t max_bead = 2;
  // Threads for the search; 0 = one per core.
  std::size_t threads = 0;
};

// The parameters an alignment was made with, as name/value pairs for output headers.
std::vector<std::pair<std::string, std::string>> DescribeOptions(const AlignOptions& options);

StatusOr<Ladder> Align(const AlignInput& input, const AlignOptions& options);

}  // namespace tandem::align
