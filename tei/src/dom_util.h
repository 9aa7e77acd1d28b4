// Private: small helpers over pugixml nodes shared by the TEI reader and validator.
#pragma once

#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace tandem::tei::internal {

// The value of an attribute ("" when absent).
std::string_view Attr(pugi::xml_node node, const char* name);

// The first child element called `name` (pugixml's child() also matches other node types).
pugi::xml_node Child(pugi::xml_node node, std::string_view name);

// Child elements called `name`.
std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view name);

// Whitespace-separated tokens.
std::vector<std::string_view> Tokens(std::string_view text);

// "#id" -> "id"; "file#id" -> "id" with `file` set to "file"; "file" -> "" with `file` set.
std::string_view PointerId(std::string_view pointer, std::string_view* file = nullptr);

// Elements that group sentences into a paragraph: p, ab, head, item, l, u, ...
bool IsBlock(std::string_view name);

// What the visitor of WalkTree wants after a node.
enum class Walk {
  kDescend,       // go on into the node's children (if any), then on in document order
  kSkipChildren,  // go on in document order, past the node's children
  kStop,          // end the walk here
};

// Visits `top` and its descendants (every node type: elements, text, ...) in document order,
// as `visit(node)` asks. Iterative, so that deeply nested documents cannot exhaust the stack;
// the one walk of a subtree that the XML readers and the validator use. False when a visit
// returned kStop.
template <typename Visit>
bool WalkTree(pugi::xml_node top, Visit&& visit) {
  pugi::xml_node node = top;
  while (node) {
    const Walk next = visit(node);
    if (next == Walk::kStop) return false;
    if (next == Walk::kDescend && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && node != top && !node.next_sibling()) node = node.parent();
    if (!node || node == top) break;
    node = node.next_sibling();
  }
  return true;
}

}  // namespace tandem::tei::internal
