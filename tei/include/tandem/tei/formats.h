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

// What a file of a format gives back exactly when tandem reads what it wrote (docs/formats.md).
// Every format keeps the beads' shapes; what is not listed is lost or approximated.
struct FormatCarries {
  bool confidences = false;    // each bead's confidence
  bool review = false;         // the review records (status, reviewer, time, note, bookmark)
  bool review_status = false;  // only confirmed or not, and bookmarks (InterText)
  bool sentences = false;      // the sentences as they were segmented, not joined per bead
  bool spans = false;          // the sentences' byte spans in the original texts
  bool ids = false;            // the sentences' ids
  bool paragraphs = false;     // which paragraph each sentence is in
  bool metadata = false;       // titles, authors, dates, the alignment record
};

// One format: everything tandem knows about it, in one row of one table (formats.cc).
struct FormatInfo {
  Format format = Format::kTei;
  // The name on the command line: tei, tmx, xces, intertext, jsonl, moses, tsv, hunalign,
  // hunalign-text, vecalign, lfaligner.
  std::string_view name;
  // What tandem appends to a name for a file of the format (`tandem batch`: "PAIR.tei.xml");
  // empty for moses, whose files are PREFIX.<language>.
  std::string_view extension;
  // True when the content cannot tell the format and DetectFormat goes by `extension`.
  bool detected_by_extension = false;
  FormatCarries carries;
  // Files written for one bitext: 1; 2 for moses; 3 for xces and intertext (the alignment and
  // the two texts); TEI is 1, or 3 with the split layout.
  int files = 1;
  // True for formats that always hold the whole alignment (no export filter applies).
  bool complete = false;
  // True for formats that hold only the alignment: reading needs the two texts (one sentence per
  // line) it was made from.
  bool needs_texts = false;
};

// The row of `format`.
const FormatInfo& DescribeFormat(Format format);

// Every format, in the order of the table (the order of `Format`).
const std::vector<Format>& AllFormats();

// The format's name (FormatInfo::name), and the format of a name (nothing when unknown).
std::string_view FormatName(Format format);
std::optional<Format> FormatFromName(std::string_view name);

// True for formats that always hold the whole alignment (FormatInfo::complete).
bool IsCompleteFormat(Format format);

// The file name of `path` without its directory and without the extension of any format it
// ends with ("out/letter.tei.xml" -> "letter", "a.tmx" -> "a"; "notes.txt" stays "notes.txt"):
// the name of the document pair the file holds (`tandem stats`).
std::string NameWithoutFormatExtension(const std::string& path);

// The format of a file, from its content (XML root element, JSON) and, for the line-based
// formats whose content cannot tell, its extension (FormatInfo::detected_by_extension: .tsv,
// .ladder). Fails with kInvalidArgument when it cannot tell, kNotFound when there is no file.
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

// Reads `request.path` in its format (given, or DetectFormat's): the one entry point of reading
// that `tandem convert` and `tandem stats` use.
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
// formats that hold the whole alignment (FormatInfo::complete): tei, intertext, hunalign.
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
