// tandem align --keep CORPUS (align_keep.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "tandem/tei/formats.h"

namespace tandem::cli {

struct AlignKeepArgs {
  std::string corpus;  // the reviewed corpus (TEI)
  std::string output;  // empty: the corpus itself, with a backup
  tei::Format format = tei::Format::kTei;
  std::optional<std::size_t> max_bead;  // given on the command line; else the corpus's own
  std::uint64_t memory_limit = 0;       // bytes; 0: none (corpora::CheckAlignmentMemory)
  bool quiet = false;
};

int RunAlignKeep(const AlignKeepArgs& args);

}  // namespace tandem::cli
