// TEI P5 output of a bitext, valid against tei_all.rng: by default one `teiCorpus` file,
// optionally three files (the two texts and a stand-off alignment), as many TEI corpora have.
//
//   tandem::tei::TeiWriteOptions options;
//   options.output_path = "out/pair.tei.xml";
//   options.warn = [](const std::string& m) { std::cerr << m << '\n'; };
//   TANDEM_RETURN_IF_ERROR(tandem::tei::WriteTeiFile(bitext, options));   // atomic
//
// The layout of one file (docs/formats.md has all of it, with the reasons):
//
//   <teiCorpus>
//     <teiHeader>  the pair: title, aligner (tool, version, time, parameters, dictionaries),
//                  reviewers (respStmt), the review statuses (taxonomy), review passes (change)
//     <standOff>
//       <linkGrp type="alignment" domains="#en #hu">
//         <link xml:id="bead.1" target="#en.p3.s1 #hu.p7.s1 #hu.p7.s2" cert="0.912"
//               ana="#review.automatic" resp="#aligner"/>                 one per two-sided bead
//         <ptr xml:id="bead.2" type="unaligned" target="#hu.p7.s3" cert="0.998" .../>
//       <listAnnotation type="review">     notes (motivation="commenting") and bookmarks
//     <TEI xml:id="en" xml:lang="en">      the source text with its own header
//       <p xml:id="en.p3" source="en.txt#byte=410,980"><s xml:id="en.p3.s1"
//          source="en.txt#byte=410,520">...</s> <s ...>...</s></p>
//     <TEI xml:id="hu" xml:lang="hu">      the target text
//
// Identifiers: a text is named after its language ("src"/"tgt" when that cannot tell the two
// apart); paragraph k is "<text>.p<k>", sentence j of it "<text>.p<k>.s<j>", both 1-based;
// bead k is "bead.<k>". Ids a document already carries (read from a file) are kept when they
// are XML names. Text is written exactly as in the source, including what lies between the
// sentences of a paragraph; characters XML 1.0 cannot hold become U+FFFD, with a warning.
//
// Everything written reads back to an equal Bitext with tandem::tei::ReadTeiFile (reader.h).
#pragma once

#include <iosfwd>
#include <string>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::tei {

enum class TeiLayout {
  kSingleFile,  // one teiCorpus (the default)
  kSplit,       // three files: the alignment (a TEI with a standOff) and one TEI per text
};

struct TeiWriteOptions {
  // Where the file will be written. The paths of the input files (`@source`, the header's ptr
  // and idno) are made relative to its directory, so that they resolve from the TEI file
  // wherever it is read (docs/formats.md, "Paths"); a Document's name is a path as this process
  // opens it. Empty or "-": relative to the working directory.
  std::string output_path;
  TeiLayout layout = TeiLayout::kSingleFile;
  // Warnings (characters replaced, metadata that could not be written as it is).
  corpora::WarningCallback warn;
};

// The one-file layout to a stream.
Status WriteTei(const corpora::Bitext& bitext, const TeiWriteOptions& options, std::ostream& out);

// The three files of the split layout for an output path "DIR/NAME.tei.xml" (or "DIR/NAME.xml"):
// the alignment itself at that path, the texts beside it as "NAME.<text id>.tei.xml".
struct SplitPaths {
  std::string alignment;
  std::string source;
  std::string target;
};
SplitPaths SplitLayoutPaths(const corpora::Bitext& bitext, const std::string& output_path);

// The split layout to three streams (paths from SplitLayoutPaths(bitext, options.output_path)).
Status WriteTeiSplit(const corpora::Bitext& bitext, const TeiWriteOptions& options,
                     std::ostream& alignment, std::ostream& source, std::ostream& target);

// Writes options.output_path (and, for the split layout, the two text files) through
// AtomicOutput: on failure no output file is changed. "-" writes the one-file layout to
// standard output.
Status WriteTeiFile(const corpora::Bitext& bitext, const TeiWriteOptions& options);

}  // namespace tandem::tei
