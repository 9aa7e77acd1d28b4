// TEI P5 output of a bitext: one `teiCorpus` file that validates against tei_all.rng.
//
//   tandem::tei::TeiWriteOptions options;
//   options.output_path = "out/pair.tei.xml";
//   TANDEM_ASSIGN_OR_RETURN(tandem::AtomicOutput out, tandem::AtomicOutput::Open(path));
//   TANDEM_RETURN_IF_ERROR(tandem::tei::WriteTei(bitext, options, out.stream()));
//   TANDEM_RETURN_IF_ERROR(out.Commit());
//
// The layout (docs/formats.md has the full description and the reasons):
//
//   <teiCorpus>
//     <teiHeader>  what the pair is, how it was aligned (tool, version, parameters), languages
//     <standOff><linkGrp type="alignment">
//         <link target="#en.p3.s1 #hu.p7.s1 #hu.p7.s2" cert="0.912"/>   one per two-sided bead
//         <ptr type="unaligned" target="#hu.p1.s1" cert="0.998"/>      one per one-sided bead
//     <TEI xml:id="en" xml:lang="en">  the source text with its own header
//         <p xml:id="en.p3" source="en.txt#byte=410,980">
//           <s xml:id="en.p3.s1" source="en.txt#byte=410,520">...</s>
//     <TEI xml:id="hu" xml:lang="hu">  the target text
//
// Identifiers: the TEI of a text is named after its language (or "src"/"tgt" when both texts
// have the same language); paragraph k is "<text>.p<k>", sentence j of it "<text>.p<k>.s<j>",
// both 1-based. Ids already carried by the document (read from TEI) are kept.
// Sentence text is written exactly as in the source; `@source` points at its byte span.
#pragma once

#include <iosfwd>
#include <string>

#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::tei {

struct TeiWriteOptions {
  // Where the file will be written. `@source` pointers to the input files are made relative to
  // its directory, so that they resolve from the TEI file. Empty or "-": relative to the
  // working directory.
  std::string output_path;
};

Status WriteTei(const corpora::Bitext& bitext, const TeiWriteOptions& options, std::ostream& out);

}  // namespace tandem::tei
