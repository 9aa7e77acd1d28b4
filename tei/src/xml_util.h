// Private helpers for building and saving XML with pugixml (pugixml never leaves tei/src).
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "tandem/core/status.h"

namespace tandem::tei::internal {

// Appends <name>text</name> to `parent` and returns the new element.
pugi::xml_node AddElement(pugi::xml_node parent, const char* name, std::string_view text);

// `text` with every character that XML 1.0 cannot hold (C0 controls other than tab, line feed
// and carriage return; U+FFFE; U+FFFF) replaced by U+FFFD. `text` must be valid UTF-8.
std::string XmlSafe(std::string_view text);

// True when `text` can be an xml:id (an XML NCName, ASCII subset: letter or '_' first, then
// letters, digits, '.', '-', '_').
bool IsNcName(std::string_view text);

// Saves `document` indented by two spaces, in UTF-8. Carriage returns in text content are
// written as &#13; so that XML parsers do not normalise them away: the text reads back exactly.
Status SaveXml(const pugi::xml_document& document, std::ostream& out);

}  // namespace tandem::tei::internal
