// The XML exchange formats other tools read and write, besides TEI: TMX (translation memories,
// CAT tools), XCES cesAlign (OPUS) and InterText (the alignment editor of InterCorp). They live
// in tei/ because they are XML: pugixml stays private to this module (docs/architecture.md).
//
//   tandem::corpora::FormatWriteOptions options{.output_path = "out/pair.tmx"};
//   TANDEM_RETURN_IF_ERROR(tandem::tei::WriteTmxFile(bitext, options));
//   TANDEM_ASSIGN_OR_RETURN(auto read, tandem::tei::ReadTmxFile("out/pair.tmx"));
//
// What each format carries, and how tandem's model maps onto it, is in docs/formats.md; in
// short:
// - TMX 1.4b (valid against tmx14.dtd): one <tu> per bead, one <tuv xml:lang> per side, the
//   sentences of a side joined by a space in <seg>; the confidence, review status, bookmark and
//   the sentences' byte spans, ids and paragraphs as <prop type="x-tandem-...">, the reviewer
//   and time in @changeid/@changedate, the note in <note>. Reads back to the same ladder,
//   confidences, review records, sentences, spans, ids and paragraphs.
// - XCES cesAlign as OPUS uses it: the alignment file, and one sentence file per text
//   (<text><body><p id><s id>), written beside it as NAME.<text id>.xml; links
//   xtargets="SOURCE IDS;TARGET IDS" (source first) with @certainty. Reads back to the same
//   ladder, confidences, sentences, ids and paragraphs.
// - InterText: two documents (<doc><p id="N"><s id="N:M">) and an alignment whose @xtargets
//   lists the right-hand (toDoc, target) ids FIRST and whose @type is "targetCount-sourceCount",
//   exactly as InterText writes them; @status man/auto, @mark for bookmarks. Reads back to the
//   same ladder, sentences and paragraphs, with status (confirmed and edited are both "man",
//   read as confirmed) and bookmarks; InterText keeps no confidence (read as 1).
#pragma once

#include <iosfwd>
#include <string>

#include "format_options.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::tei {

// ---- TMX 1.4b ----
Status WriteTmx(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options,
                std::ostream& out);
Status WriteTmxFile(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options);
// A TMX from anywhere: the source language is the header's @srclang (or options.source_language),
// the target language options.target_language or the first other language of the file.
StatusOr<corpora::Bitext> ReadTmxFile(const std::string& path,
                                      const corpora::FormatReadOptions& options = {});

// ---- XCES cesAlign (OPUS) ----
struct XcesPaths {
  std::string alignment;
  std::string source;  // NAME.<text id>.xml beside the alignment
  std::string target;
};
XcesPaths XcesLayoutPaths(const corpora::Bitext& bitext, const std::string& output_path);
Status WriteXces(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options,
                 std::ostream& alignment, std::ostream& source, std::ostream& target);
Status WriteXcesFiles(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options);
// The first linkGrp of a cesAlign file and the two sentence files it names (relative to the
// alignment file). Sentences in no link become unaligned beads of confidence 0; a link without
// @certainty has confidence 1.
StatusOr<corpora::Bitext> ReadXcesFile(const std::string& path,
                                       const corpora::FormatReadOptions& options = {});

// ---- InterText ----
struct InterTextPaths {
  std::string alignment;  // NAME.<source lang>-00.<target lang>-00.alignment.xml
  std::string source;     // NAME.<source lang>-00.xml
  std::string target;     // NAME.<target lang>-00.xml (version 01 when the languages are equal)
};
// For an output path "DIR/NAME.alignment.xml" (or "DIR/NAME.xml"), the files InterText expects.
InterTextPaths InterTextLayoutPaths(const corpora::Bitext& bitext, const std::string& output_path);
Status WriteInterText(const corpora::Bitext& bitext, const corpora::FormatWriteOptions& options,
                      std::ostream& alignment, std::ostream& source, std::ostream& target);
Status WriteInterTextFiles(const corpora::Bitext& bitext,
                           const corpora::FormatWriteOptions& options);
StatusOr<corpora::Bitext> ReadInterTextFile(const std::string& path,
                                            const corpora::FormatReadOptions& options = {});

}  // namespace tandem::tei
