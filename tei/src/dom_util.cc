#include "dom_util.h"

#include <algorithm>
#include <iterator>

namespace tandem::tei::internal {

std::string_view Attr(pugi::xml_node node, const char* name) {
  return node.attribute(name).value();
}

pugi::xml_node Child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && name == child.name()) return child;
  }
  return {};
}

std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && name == child.name()) out.push_back(child);
  }
  return out;
}

std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
      ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' &&
           text[i] != '\r') {
      ++i;
    }
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

std::string_view PointerId(std::string_view pointer, std::string_view* file) {
  const std::size_t hash = pointer.find('#');
  if (hash == std::string_view::npos) {
    if (file != nullptr) *file = pointer;
    return {};
  }
  if (file != nullptr) *file = pointer.substr(0, hash);
  return pointer.substr(hash + 1);
}

bool IsBlock(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",      "ab",      "head",     "item",      "l",        "u",        "cell",   "quote",
      "note",   "label",   "trailer",  "byline",    "dateline", "salute",   "signed", "opener",
      "closer", "caption", "docTitle", "titlePart", "argument", "epigraph", "stage",  "speaker"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

}  // namespace tandem::tei::internal
