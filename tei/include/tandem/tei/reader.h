// Reading TEI: tandem's own corpora back into a Bitext, losslessly, and TEI from elsewhere that
// has <s> (or <seg>) elements, keeping its segmentation and its ids.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::corpora::Bitext bitext,
//   tandem::tei::ReadTeiFile("pair.tei.xml"));
//
//   // One text, to align it with another (tandem align a.tei.xml b.tei.xml):
//   TANDEM_ASSIGN_OR_RETURN(tandem::Document doc,
//                           tandem::tei::ReadTeiDocumentFile("a.tei.xml", {.language = "en"}));
//
// What ReadTeiFile understands:
// - tandem's one-file layout (a teiCorpus with a standOff and two TEI texts) and its split
//   layout (an alignment TEI whose pointers name the two text files, read from beside it);
// - any TEI whose linkGrp (type "alignment", or the only one) links sentences of two texts: the
//   texts are the elements @domains names (TEI elements, or divs of one TEI), or, in a teiCorpus
//   without @domains, its first two TEI elements. Links must follow the order of both texts
//   (tandem's model is a monotone ladder); sentences in no link become unaligned beads of
//   confidence 0, with a warning. A link without @cert has confidence 1; cert="high", "medium",
//   "low", "unknown" read as 0.9, 0.5, 0.1 and 0.
//
// Paths in the file are relative to it (docs/formats.md, "Paths"): a text's Document::name is
// its source file as this process opens it (from the header's ptr, else its idno path), so that
// writing the Bitext anywhere names the same file.
//
// For tandem's files the result equals the Bitext that was written, with one exception that
// `load_sources` removes: the bytes of the source files that lie outside every paragraph (blank
// lines between paragraphs) are not in the TEI, and read back as line feeds. Ids that are
// tandem's derived ids read back empty, as they were.
//
// The file is read in batches (xml_stream in tei/src): memory stays near the size of the file
// plus the Bitext, whatever the number of beads. Malformed XML is an error naming line and
// column; so are pointers that resolve to nothing and links out of order.
#pragma once

#include <string>

#include "tandem/core/document.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::tei {

struct TeiReadOptions {
  // Take each text from the source file its header points to (bibl type="file" ptr, relative to
  // the TEI file), when that file exists and still holds every sentence at its byte span; the
  // Document's text is then the whole file, byte for byte. Otherwise (or when false) the text is
  // rebuilt from the TEI.
  bool load_sources = false;
  corpora::WarningCallback warn;
};

// Reads a TEI corpus tandem wrote (one file, or the alignment file of the split layout with the
// two text files it points to) or a TEI document from elsewhere with <s> or <seg> elements,
// streaming (any size). Malformed XML and what the model cannot hold are kInvalidData with
// "file:line:column".
StatusOr<corpora::Bitext> ReadTeiFile(const std::string& path, const TeiReadOptions& options = {});

// The same from bytes in memory; `name` is the file's path (relative pointers of the split
// layout and of load_sources are resolved against its directory).
StatusOr<corpora::Bitext> ReadTei(std::string bytes, const std::string& name,
                                  const TeiReadOptions& options = {});

struct TeiDocumentOptions {
  // The language of the text (BCP 47). In a file with several texts (a tandem corpus), picks
  // the one in this language. Empty: the language the file declares (xml:lang).
  std::string language;
  corpora::WarningCallback warn;
};

// One text of a TEI file as a Document: its <s> elements (or, when it has none, its <seg>
// elements) as sentences, grouped into paragraphs by the nearest enclosing p, ab, head, item,
// l, u or similar block; ids kept. Text between sentences inside a paragraph is kept as well.
StatusOr<Document> ReadTeiDocumentFile(const std::string& path,
                                       const TeiDocumentOptions& options = {});

}  // namespace tandem::tei
