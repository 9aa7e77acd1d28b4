// The vecalign format: one bead per line, sentence indices of each side in brackets,
// optionally a third field (tandem writes the bead's confidence there):
//
//   [0]:[0]:0.981
//   [1, 2]:[1]:0.874
//   []:[2]:0.640
//
// Indices are 0-based positions in the sentence sequences that were aligned. The format of
// the public gold sets and of Vecalign, Bertalign and ../shared/tools/align_score.py.
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

#include "tandem/align/bead.h"
#include "tandem/align/eval.h"
#include "tandem/core/status.h"

namespace tandem::corpora {

// Writes one line per bead, confidence with three decimals.
Status WriteVecalign(const align::Ladder& ladder, std::ostream& out);

// Parses vecalign lines; blank lines are skipped. `name` is used in messages
// ("gold.txt:12: expected '[i, ...]:[j, ...]'").
StatusOr<std::vector<align::Link>> ParseVecalign(std::string_view text, std::string_view name);

// Reads and parses a vecalign file.
StatusOr<std::vector<align::Link>> ReadVecalignFile(const std::string& path);

}  // namespace tandem::corpora
