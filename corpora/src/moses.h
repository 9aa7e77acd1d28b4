// Moses plain text, the format of MT training data: two line-aligned files (line N of one is
// the translation of line N of the other), and its one-file variant, tab-separated values
// ("source TAB target" per line, what OpusTools writes with -wm moses).
//
//   letter.en-hu.en            letter.en-hu.hu            letter.en-hu.tsv
//   This is the first one.     Ez az első.                This is the first one.<TAB>Ez az első.
//   Two sentences. Merged.     Két mondat egyben.         Two sentences. Merged.<TAB>Két ...
//
// One line per bead: the sentences of a side joined by a space; line breaks inside sentences
// (and, for TSV, tabs) become spaces, with a warning. Beads with sentences on one side only are
// left out unless `keep_unaligned` (they become lines empty on the other side). No ids, spans,
// confidences or review information: the format has no place for them.
//
// Reading gives one bead per line pair, each line one sentence (and a paragraph of its own); an
// empty line on one side makes a one-sided bead; confidence 1. The Moses files must have the
// same number of lines.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "format_options.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

Status WriteMoses(const Bitext& bitext, std::ostream& source, std::ostream& target,
                  const FormatWriteOptions& options = {});
Status WriteTsv(const Bitext& bitext, std::ostream& out, const FormatWriteOptions& options = {});

StatusOr<Bitext> ParseMoses(std::string_view source, std::string_view target,
                            std::string_view source_name, std::string_view target_name,
                            const FormatReadOptions& options = {});
StatusOr<Bitext> ReadMosesFiles(const std::string& source_path, const std::string& target_path,
                                const FormatReadOptions& options = {});
StatusOr<Bitext> ParseTsv(std::string_view text, std::string_view name,
                          const FormatReadOptions& options = {});
StatusOr<Bitext> ReadTsvFile(const std::string& path, const FormatReadOptions& options = {});

}  // namespace tandem::corpora
