// Private: the structure of a TEI document as tandem reads and checks it, in one place. The TEI
// reader and the validator are both TeiVisitors of the same walk (xml_stream.h): the containers
// below are streamed (their start and end tags seen on their own, their children handed over in
// batches), every other element is handed over whole.
//
//   teiCorpus                         the root of tandem's one-file corpus (kCorpus)
//     teiHeader                       the corpus header
//     TEI                             one text (kText); also the root of a single text
//       teiHeader                     the text's header
//       text                          (kTextContent), with front, body, back, group inside
//         ... blocks (p, head, ...) with sentences (s, or seg)
//       standOff                      (kStandOff), also directly in teiCorpus
//         linkGrp                     the alignment (kLinkGroup): link and ptr elements
//         listAnnotation              review notes and bookmarks (kAnnotations)
//
// A teiCorpus inside another is not streamed (nested corpora are not read).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xml_stream.h"

namespace tandem::tei::internal {

enum class TeiContainer {
  kNone,         // not a container of TEI's structure
  kCorpus,       // teiCorpus
  kText,         // TEI
  kTextContent,  // text, body, front, back, group: they hold the sentences
  kStandOff,     // standOff
  kLinkGroup,    // linkGrp
  kAnnotations,  // listAnnotation
};

// What the element `name` is in TEI's structure, by its name alone.
TeiContainer TeiContainerOf(std::string_view name);

// True when the element `name`, inside `path` (its ancestors, root first), is streamed (the tree
// above).
bool IsTeiContainer(const std::vector<std::string>& path, std::string_view name);

// A visitor of a TEI document: the walk follows the structure above.
class TeiVisitor : public XmlVisitor {
 public:
  bool IsContainer(const std::vector<std::string>& path, std::string_view name) final {
    return IsTeiContainer(path, name);
  }
};

}  // namespace tandem::tei::internal
