// hunalign's two outputs, for comparison with that aligner (and LF Aligner, which wraps it).
//
// Ladder (the default output): one rung per line, "i TAB j TAB confidence": the first i source
// and j target sentences correspond; consecutive rungs delimit a bead, so (1,1) -> (2,3) is a
// 1:2. The first rung is (0,0), the last (#source,#target); the confidence on a rung is that of
// the bead starting there (0 on the last rung). A ladder carries no text: reading one gives a
// ladder to pair with the texts it was made from.
//
//   0	0	0.3
//   1	1	0.8
//   2	3	0
//
// Text output (-text): "source TAB target TAB confidence" per bead, the sentences of a side
// joined by " ~~~ ", a side empty for one-sided beads. Reading it gives a bitext whose
// sentences are those pieces (a sentence containing " ~~~ " itself cannot be told apart).
//
// hunalign's confidences are scores, not probabilities, and may be negative or above 1; tandem
// clamps them to [0, 1] when reading, with a warning.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "format_options.h"
#include "tandem/align/bead.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

Status WriteHunalignLadder(const align::Ladder& ladder, std::ostream& out);
StatusOr<align::Ladder> ParseHunalignLadder(std::string_view text, std::string_view name,
                                            const WarningCallback& warn = {});
StatusOr<align::Ladder> ReadHunalignLadderFile(const std::string& path,
                                               const WarningCallback& warn = {});

Status WriteHunalignText(const Bitext& bitext, std::ostream& out,
                         const FormatWriteOptions& options = {});
StatusOr<Bitext> ParseHunalignText(std::string_view text, std::string_view name,
                                   const FormatReadOptions& options = {});
StatusOr<Bitext> ReadHunalignTextFile(const std::string& path,
                                      const FormatReadOptions& options = {});

// LF Aligner's tab-separated output (aligned_XX-YY.txt): "source TAB target TAB source info TAB
// confidence", the source info naming the two input files; the sentences of a side joined by a
// space. Reading gives one sentence per cell.
Status WriteLfAligner(const Bitext& bitext, std::ostream& out,
                      const FormatWriteOptions& options = {});
StatusOr<Bitext> ParseLfAligner(std::string_view text, std::string_view name,
                                const FormatReadOptions& options = {});
StatusOr<Bitext> ReadLfAlignerFile(const std::string& path, const FormatReadOptions& options = {});

}  // namespace tandem::corpora
