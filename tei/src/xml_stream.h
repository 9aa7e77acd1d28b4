// Private: reading XML documents of any size with pugixml, which has no streaming interface.
//
// A small lexical scanner walks the outer structure of the document (the elements that hold
// long sequences: teiCorpus, standOff, linkGrp, body, tmx/body, ...), and pugixml parses the
// rest in batches of whole sibling elements, each batch a document fragment of a few megabytes.
// Memory therefore stays near the size of the file, however many elements it has, and every
// element is still parsed, unescaped and checked for well-formedness by pugixml.
//
//   XmlInput input;
//   TANDEM_RETURN_IF_ERROR(LoadXmlFile(path, &input));
//   MyVisitor visitor;                       // says which elements are containers
//   TANDEM_RETURN_IF_ERROR(WalkXml(input, visitor));
//
// Positions in messages are "file:line:column" (column in characters), for the whole file.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "tandem/core/status.h"

namespace tandem::tei::internal {

// A whole XML file, decoded to UTF-8 (a UTF-16 file or one that declares another encoding is
// converted; offsets then refer to the UTF-8 text). A UTF-8 file is memory-mapped rather than
// read: the walk hands the pages it is done with back (Release), so a file of gigabytes costs
// little memory. Not copyable (it may own a mapping); movable.
class XmlInput {
 public:
  XmlInput();
  XmlInput(XmlInput&&) noexcept;
  XmlInput& operator=(XmlInput&&) noexcept;
  XmlInput(const XmlInput&) = delete;
  XmlInput& operator=(const XmlInput&) = delete;
  ~XmlInput();

  std::string name;       // the path, for messages
  std::string_view text;  // UTF-8, starting after any byte-order mark
  std::size_t bom = 0;

  // "name:line:column" of a byte offset into `text`.
  std::string Where(std::size_t offset) const;
  // An InvalidData status "name:line:column: message".
  Status Error(std::size_t offset, std::string_view message) const;
  // Line and column (1-based, column in code points) of an offset; fast for many calls.
  std::pair<std::size_t, std::size_t> LineColumn(std::size_t offset) const;

  // The text in [from, to) will not be needed soon: a mapped file's pages there are released
  // (read again from the page cache should they be). No effect on text in memory.
  void Release(std::size_t from, std::size_t to) const;

  // Takes `owned` as the text (after `bom` bytes).
  void Own(std::string owned, std::size_t bom_size);
  // Maps `size` bytes of the open file `fd`; false when mapping is not possible.
  bool Map(int fd, std::size_t size);
  // Drops the text (keeping the name).
  void Reset();

 private:
  std::string owned_;
  void* mapping_ = nullptr;
  std::size_t mapping_size_ = 0;
  mutable std::vector<std::size_t> line_starts_;  // built on first use
};

// Reads and decodes `path` ("-" is standard input). Fails on unreadable files, invalid UTF-8 and
// characters that XML 1.0 does not allow (C0 controls other than tab, line feed and carriage
// return; U+FFFE; U+FFFF), naming line and column.
Status LoadXmlFile(const std::string& path, XmlInput* input);
// The same for bytes already in memory.
Status LoadXmlBytes(std::string bytes, std::string name, XmlInput* input);

// The kind of file, from its root element, without parsing it all: "teiCorpus", "TEI", "tmx",
// "cesAlign", "linkGrp", "doc", ... Empty when the text does not start like XML.
std::string RootElementName(std::string_view text);

// What WalkXml tells the caller about.
class XmlVisitor {
 public:
  virtual ~XmlVisitor() = default;
  // True when the element `name`, whose ancestors are `path` (root first), holds a sequence to
  // be streamed: its start tag goes to StartContainer, its children are walked, its end tag goes
  // to EndContainer. Any other element is handed over whole, in a batch, to Elements().
  virtual bool IsContainer(const std::vector<std::string>& path, std::string_view name) = 0;
  // A container's start tag: `element` has the attributes and no children. `offset` is the
  // position of '<' in the file.
  virtual Status StartContainer(const std::vector<std::string>& path, pugi::xml_node element,
                                std::size_t offset) = 0;
  // Whole child elements of the innermost container (`path`, the container last; empty when
  // the root itself is not a container), in document order: the children of `fragment`. A child's
  // position in the file is `base + child.offset_debug()`. Whitespace between them is kept as
  // pcdata nodes.
  virtual Status Elements(const std::vector<std::string>& path, pugi::xml_node fragment,
                          std::size_t base) = 0;
  virtual Status EndContainer(const std::vector<std::string>& path, std::size_t offset) = 0;
};

struct WalkOptions {
  // About how many bytes of XML pugixml parses at a time.
  std::size_t batch_bytes = 4u << 20;
  // Told, at the end of the walk, of entity references that were not expanded (one message per
  // name, with where it first is and how often it occurs).
  std::function<void(const std::string&)> warn;
};

// Walks the whole document: prolog, root element, epilog. Malformed XML anywhere (including an
// attribute given twice in one tag, which pugixml lets through), text where a container holds
// only elements, and a truncated file are errors with line and column. Entity references other
// than the five of XML (&lt; &gt; &amp; &quot; &apos;) and character references are never
// expanded (a DOCTYPE's entities are not read, so entity bombs and external entities do nothing):
// pugixml keeps them as text, and `options.warn` hears of them.
Status WalkXml(const XmlInput& input, XmlVisitor& visitor, const WalkOptions& options = {});

// The options pugixml parses every fragment with.
unsigned int FragmentParseOptions();

// The text content of `node` (all descendant text, in order), as XPath's string() gives it.
std::string TextOf(pugi::xml_node node);

// Offset of `node` in the file when it was parsed in a fragment starting at `base`.
// For an element, the position of its '<' (pugixml's offset_debug() points at the name).
inline std::size_t OffsetOf(pugi::xml_node node, std::size_t base) {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset > 0 && node.type() == pugi::node_element) --offset;
  return offset < 0 ? base : base + static_cast<std::size_t>(offset);
}

}  // namespace tandem::tei::internal
