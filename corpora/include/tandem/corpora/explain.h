// The evidence behind each bead, as text for people reviewing an alignment
// (`tandem align --explain`).
//
//   request.align.explain = true;
//   TANDEM_ASSIGN_OR_RETURN(tandem::corpora::AlignedFiles aligned,
//                           tandem::corpora::AlignFilesWithReport(request));
//   std::cerr << tandem::corpora::FormatExplanation(aligned.bitext, aligned.report);
//
// One block per bead:
//
//   bead 12  1:1  confidence 0.9731
//     source 11  Today, December 16th, the representative of the Council ...
//     target 14  Ma, december 16-án Volynsky, akit az OGPU kollégium ...
//     length     130 -> 142 characters (expected 138)
//     cost       -23.41 = shape 0.52 + length -1.20 + dictionary -8.10 + numbers -5.02 + ...
//     matches    December = december (names: same name); 16th = 16 (numbers: equal number);
//                representative = képviselője (dictionary: freedict-eng-hun); ...
//
// followed by a header with the parameters the aligner estimated for the pair.
#pragma once

#include <string>

#include "tandem/align/aligner.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

// The text `tandem align --explain` prints: the parameters the last pass estimated, then each
// bead with its sentences and, when `report.evidence` has it, the parts of its cost and the words
// it matched.
std::string FormatExplanation(const Bitext& bitext, const align::AlignReport& report);

}  // namespace tandem::corpora
