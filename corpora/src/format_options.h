// The options every reader and writer of an aligned-corpus format takes, XML or not (JSON Lines,
// Moses, TSV, hunalign, LF Aligner here; TMX, XCES, InterText in tei/exchange.h). One header, so
// that the format headers need not include each other; tei/formats.h fills them from its
// ReadRequest and WriteRequest.
//
//   tandem::corpora::FormatReadOptions in{.source_language = "en", .target_language = "hu"};
//   TANDEM_ASSIGN_OR_RETURN(tandem::corpora::Bitext bitext,
//                           tandem::corpora::ReadTsvFile("letter.tsv", in));
//   tandem::corpora::FormatWriteOptions out{.filter = {.min_confidence = 0.5}};
//   TANDEM_RETURN_IF_ERROR(tandem::corpora::WriteTsv(bitext, std::cout, out));
#pragma once

#include <string>

#include "tandem/corpora/bitext.h"

namespace tandem::corpora {

struct FormatReadOptions {
  // BCP 47 tags of the two documents, for formats that do not record them (most do not), and to
  // choose the target among the languages of a TMX. Empty: unknown (or the file's own).
  std::string source_language;
  std::string target_language;
  // Told of what the reader repaired or dropped; may be empty.
  WarningCallback warn;
};

struct FormatWriteOptions {
  // The file to write, for the writers that open their files themselves (TMX, XCES, InterText;
  // for the formats of several files, the alignment file: the text files go beside it).
  std::string output_path;
  // Which beads to write (the formats of sentence pairs; those that hold the whole alignment
  // ignore it).
  ExportFilter filter;
  // Moses and TSV: write one-sided beads as lines with an empty side, instead of leaving them out.
  bool keep_unaligned = false;
  // Told of what the writer had to change (characters a format cannot hold); may be empty.
  WarningCallback warn;
};

}  // namespace tandem::corpora
