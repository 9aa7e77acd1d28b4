#include "tei_structure.h"

namespace tandem::tei::internal {

TeiContainer TeiContainerOf(std::string_view name) {
  if (name == "teiCorpus") return TeiContainer::kCorpus;
  if (name == "TEI") return TeiContainer::kText;
  if (name == "text" || name == "body" || name == "front" || name == "back" || name == "group") {
    return TeiContainer::kTextContent;
  }
  if (name == "standOff") return TeiContainer::kStandOff;
  if (name == "linkGrp") return TeiContainer::kLinkGroup;
  if (name == "listAnnotation") return TeiContainer::kAnnotations;
  return TeiContainer::kNone;
}

bool IsTeiContainer(const std::vector<std::string>& path, std::string_view name) {
  if (path.empty()) return true;  // the root (the visitors check that it is TEI's)
  const std::string& parent = path.back();
  switch (TeiContainerOf(name)) {
    case TeiContainer::kNone:
    case TeiContainer::kCorpus:  // nested corpora are not read
      return false;
    case TeiContainer::kText:
      return parent == "teiCorpus";
    case TeiContainer::kTextContent:
      if (name == "text") return parent == "TEI" || parent == "group";
      return parent == "text";
    case TeiContainer::kStandOff:
      return parent == "TEI" || parent == "teiCorpus";
    case TeiContainer::kLinkGroup:
    case TeiContainer::kAnnotations:
      return parent == "standOff";
  }
  return false;
}

}  // namespace tandem::tei::internal
