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

}  // namespace tandem::tei::internal
