// Private: reading the sentence documents of XCES (OPUS) and InterText: a root element (text,
// doc, cesDoc, document), perhaps a body, paragraphs (p, head, ...) holding <s id="..."> elements.
#pragma once

#include <string>

#include "tandem/core/document.h"
#include "tandem/core/status.h"
#include "tandem/corpora/bitext.h"

namespace tandem::tei::internal {

struct SentenceFile {
  Document document;     // synthetic layout; sentence and paragraph ids as in the file
  std::string root;      // the root element's name
  std::string language;  // the root's language, xml:lang or lang attribute
  std::string id;        // the root's id attribute
};

// Reads `path`; the document is named `path`, in `language` unless that is empty and the file
// gives one.
StatusOr<SentenceFile> ReadSentenceFile(const std::string& path, const std::string& language,
                                        const corpora::WarningCallback& warn);

}  // namespace tandem::tei::internal
