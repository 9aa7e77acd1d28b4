// Every format tandem reads and writes, behind one pair of entry points, and the conversion
// between them (`tandem convert`). The formats themselves live in tei/ (the XML ones: TEI, TMX,
// XCES, InterText) and corpora/ (JSON Lines, Moses, TSV, hunalign, vecalign, LF Aligner); this is
// the top of the library, so it can see both.
//
//   tandem::tei::ConvertRequest request;
//   request.in.path = "pair.tei.xml";                       // format detected from the content
//   request.out = {.path = "pair.tmx", .format = tandem::tei::Format::kTmx};
//   request.out.filter.min_confidence = 0.5;
//   TANDEM_ASSIGN_OR_RETURN(tandem::corpora::Bitext written, tandem::tei::ConvertFile(request));
//
// File names of the formats that are more than one file:
// - tei with the split layout: OUT, OUT's stem + ".<text id>.tei.xml" (writer.h);
// - xces: OUT (the alignment) and OUT's stem + ".<text id>.xml";
// - intertext: OUT (the alignment), NAME.<lang>-00.xml for each text (exchange.h);
// - moses: OUT is a prefix; the files are OUT.<source lang> and OUT.<target lang>. Reading, the
//   languages come from -s/-t, or from a prefix ending in ".L1-L2" (letter.en-hu).
// hunalign (ladder) and vecalign files hold only the alignment: reading them needs the two texts
// they were made from (one sentence per line, as those tools take them).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"
#include "tandem/corpora/metadata.h"
#include "tandem/corpora/pipeline.h"
#include "tandem/tei/writer.h"

namespace tandem::tei {

enum class Format {
  kTei,             // TEI P5 (reader.h, writer.h)
  kTmx,             // TMX 1.4b
  kXces,            // XCES cesAlign (OPUS)
  kInterText,       // InterText
  kJsonl,           // JSON Lines with spans
  kMoses,           // two line-aligned files
  kTsv,             // source TAB target
  kHunalignLadder,  // hunalign's ladder ("hunalign")
  kHunalignText,    // hunalign -text output
  kVecalign,        // [i, j]:[k]:confidence
  kLfAligner,       // LF Aligner's tab-separated output
};

// The names used on the command line: tei, tmx, xces, intertext, jsonl, moses, tsv, hunalign,
// hunalign-text, vecalign, lfaligner.
std::string_view FormatName(Format format);
std::optional<Format> FormatFromName(std::string_view name);
const std::vector<Format>& AllFormats();

// True for formats that always hold the whole alignment (no export filter applies).
bool IsCompleteFormat(Format format);

// The format of a file, from its content (XML root element, JSON) and, for the line-based
// formats, its name (.tsv, .ladder). Fails with kInvalidArgument when it cannot tell.
StatusOr<Format> DetectFormat(const std::string& path);

struct ReadRequest {
  std::string path;
  std::optional<Format> format;  // empty: DetectFormat
  std::string source_language;   // for formats that do not say (and to choose in a TMX)
  std::string target_language;
  // For hunalign ladders and vecalign files: the two texts, one sentence per line.
  std::string source_text;
  std::string target_text;
  bool load_sources = false;  // TEI: see TeiReadOptions
  corpora::WarningCallback warn;
};

StatusOr<corpora::Bitext> ReadBitext(const ReadRequest& request);

// The files ReadBitext read for `request`, which returned `bitext`: the file itself, and the
// texts that some formats keep in files of their own (moses, xces, intertext; the texts of a
// hunalign ladder or a vecalign file). For checking that no output is one of them. The text files
// of a split TEI corpus and those --load-sources reads are not listed.
std::vector<std::string> InputPaths(const ReadRequest& request, const corpora::Bitext& bitext);

struct WriteRequest {
  std::string path;  // "-": standard output (one-file formats only)
  Format format = Format::kTei;
  corpora::ExportFilter filter;
  TeiLayout layout = TeiLayout::kSingleFile;  // TEI only
  bool keep_unaligned = false;                // moses and tsv: keep one-sided beads
  corpora::WarningCallback warn;
};

// Writes every file of the format atomically. Filters are refused (kInvalidArgument) for the
// formats that hold the whole alignment: tei, intertext, hunalign.
Status WriteBitext(const corpora::Bitext& bitext, const WriteRequest& request);

// The files WriteBitext writes for `request`.
std::vector<std::string> OutputPaths(const corpora::Bitext& bitext, const WriteRequest& request);

struct ConvertRequest {
  ReadRequest in;
  WriteRequest out;
  corpora::BitextMetadata metadata;  // applied before writing (non-empty fields win)
};

// Reads, applies the metadata, writes. Returns what was written (before filtering).
StatusOr<corpora::Bitext> ConvertFile(const ConvertRequest& request);

// The loader of `tandem align` (corpora::AlignFilesRequest::load_input): a file whose root
// element is TEI or teiCorpus is read with ReadTeiDocumentFile, keeping its sentences and ids;
// anything else (and standard input) is left to the text pipeline.
corpora::InputLoader AlignInputLoader(corpora::WarningCallback warn = {});

}  // namespace tandem::tei
