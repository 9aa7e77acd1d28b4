#include "xml_stream.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

#include <fmt/format.h>

#include "dom_util.h"
#include "tandem/core/text_io.h"
#include "tandem/util/utf8.h"

namespace tandem::tei::internal {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameEnd(char c) {
  return IsXmlSpace(c) || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\'';
}

// The first byte of `text` that starts a character XML 1.0 does not allow, or npos.
std::size_t FindForbiddenCharacter(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < text.size()) {
    // Eight bytes at a time while none is below 0x20 or 0xEF (the lead byte of U+FFFE/U+FFFF).
    while (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      const std::uint64_t below = (word - kOnes * 0x20) & ~word & kHighs;
      const std::uint64_t ef = word ^ (kOnes * 0xEF);
      const std::uint64_t is_ef = (ef - kOnes) & ~ef & kHighs;
      if ((below | is_ef) != 0) break;
      i += 8;
    }
    const std::size_t stop = std::min(text.size(), i + 8);
    for (; i < stop; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') return i;
      } else if (c == 0xEF && i + 2 < text.size() &&
                 static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                 (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
        return i;
      }
    }
  }
  return std::string_view::npos;
}

// The encoding named in an XML declaration at the start of `bytes`, or "".
std::string DeclaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return {};
  const std::size_t end = bytes.find("?>");
  if (end == std::string_view::npos) return {};
  const std::string_view decl = bytes.substr(0, end);
  const std::size_t key = decl.find("encoding");
  if (key == std::string_view::npos) return {};
  std::size_t i = key + 8;
  while (i < decl.size() && IsXmlSpace(decl[i])) ++i;
  if (i >= decl.size() || decl[i] != '=') return {};
  ++i;
  while (i < decl.size() && IsXmlSpace(decl[i])) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
  const char quote = decl[i];
  const std::size_t close = decl.find(quote, i + 1);
  if (close == std::string_view::npos) return {};
  return std::string(decl.substr(i + 1, close - i - 1));
}

bool IsUtf8Name(std::string encoding) {
  std::transform(encoding.begin(), encoding.end(), encoding.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return encoding.empty() || encoding == "utf-8" || encoding == "utf8";
}

struct Tag {
  enum class Kind { kStart, kEnd, kEmpty };
  Kind kind = Kind::kStart;
  std::string_view name;
  std::size_t begin = 0;  // '<'
  std::size_t end = 0;    // after '>'
};

// The lexical scanner: finds tags, skipping comments, processing instructions, CDATA sections
// and the document type declaration. It does not parse attributes or entities (pugixml does).
class Scanner {
 public:
  explicit Scanner(const XmlInput& input) : input_(input), text_(input.text) {}

  std::size_t pos() const { return pos_; }

  // Skips the prolog; positions at the root's start tag.
  StatusOr<Tag> Root() {
    for (;;) {
      SkipSpaces();
      if (pos_ >= text_.size()) return input_.Error(pos_, "no root element (the file is empty)");
      if (text_[pos_] != '<') return input_.Error(pos_, "text before the root element");
      if (Starts("<?")) {
        TANDEM_RETURN_IF_ERROR(SkipPast("?>", "processing instruction"));
      } else if (Starts("<!--")) {
        TANDEM_RETURN_IF_ERROR(SkipPast("-->", "comment"));
      } else if (Starts("<!DOCTYPE")) {
        TANDEM_RETURN_IF_ERROR(SkipDoctype());
      } else {
        TANDEM_ASSIGN_OR_RETURN(Tag tag, ReadTag());
        if (tag.kind == Tag::Kind::kEnd) {
          return input_.Error(tag.begin, "an end tag before the root element");
        }
        return tag;
      }
    }
  }

  // The next tag inside the current element. `text_seen` is set when non-whitespace text
  // (or a non-empty CDATA section) came before it.
  StatusOr<Tag> Next(bool* text_seen, std::size_t* text_offset) {
    for (;;) {
      const std::size_t start = pos_;
      const std::size_t lt = text_.find('<', pos_);
      const std::size_t stop = lt == std::string_view::npos ? text_.size() : lt;
      for (std::size_t i = start; i < stop; ++i) {
        if (!IsXmlSpace(text_[i])) {
          if (!*text_seen) *text_offset = i;
          *text_seen = true;
          break;
        }
      }
      pos_ = stop;
      if (pos_ >= text_.size()) {
        return input_.Error(pos_, "unexpected end of file (the document is truncated)");
      }
      if (Starts("<!--")) {
        TANDEM_RETURN_IF_ERROR(SkipPast("-->", "comment"));
      } else if (Starts("<?")) {
        TANDEM_RETURN_IF_ERROR(SkipPast("?>", "processing instruction"));
      } else if (Starts("<![CDATA[")) {
        const std::size_t at = pos_;
        TANDEM_RETURN_IF_ERROR(SkipPast("]]>", "CDATA section"));
        if (pos_ - at > 12) {
          if (!*text_seen) *text_offset = at;
          *text_seen = true;
        }
      } else if (Starts("<!")) {
        return input_.Error(pos_, "unexpected markup declaration");
      } else {
        return ReadTag();
      }
    }
  }

  // After the start tag `start`: moves past its matching end tag.
  Status SkipElement(const Tag& start) {
    if (start.kind != Tag::Kind::kStart) return Status::Ok();
    open_.clear();
    open_.push_back(start);
    bool text_seen = false;
    std::size_t text_offset = 0;
    while (!open_.empty()) {
      StatusOr<Tag> tag = Next(&text_seen, &text_offset);
      if (!tag.ok()) {
        if (pos_ >= text_.size()) {
          return input_.Error(
              text_.size(),
              fmt::format("unexpected end of file: <{}> (line {}) is not closed", open_.back().name,
                          input_.LineColumn(open_.back().begin).first));
        }
        return tag.status();
      }
      if (tag->kind == Tag::Kind::kStart) open_.push_back(*tag);
      if (tag->kind == Tag::Kind::kEnd) {
        if (tag->name != open_.back().name) {
          return input_.Error(tag->begin, fmt::format("end tag </{}> does not match <{}> (line {})",
                                                      tag->name, open_.back().name,
                                                      input_.LineColumn(open_.back().begin).first));
        }
        open_.pop_back();
      }
    }
    return Status::Ok();
  }

  // After the root's end tag: only whitespace, comments and processing instructions.
  Status Epilog() {
    for (;;) {
      SkipSpaces();
      if (pos_ >= text_.size()) return Status::Ok();
      if (Starts("<!--")) {
        TANDEM_RETURN_IF_ERROR(SkipPast("-->", "comment"));
      } else if (Starts("<?")) {
        TANDEM_RETURN_IF_ERROR(SkipPast("?>", "processing instruction"));
      } else {
        return input_.Error(pos_, "content after the end of the root element");
      }
    }
  }

 private:
  bool Starts(std::string_view prefix) const { return text_.substr(pos_, prefix.size()) == prefix; }

  void SkipSpaces() {
    while (pos_ < text_.size() && IsXmlSpace(text_[pos_])) ++pos_;
  }

  Status SkipPast(std::string_view terminator, std::string_view what) {
    const std::size_t found = text_.find(terminator, pos_ + 2);
    if (found == std::string_view::npos) {
      return input_.Error(pos_, fmt::format("unterminated {} (the file is truncated?)", what));
    }
    pos_ = found + terminator.size();
    return Status::Ok();
  }

  Status SkipDoctype() {
    const std::size_t start = pos_;
    pos_ += 9;
    bool subset = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"' || c == '\'') {
        const std::size_t close = text_.find(c, pos_ + 1);
        if (close == std::string_view::npos) break;
        pos_ = close + 1;
      } else if (subset && Starts("<!--")) {
        TANDEM_RETURN_IF_ERROR(SkipPast("-->", "comment"));
      } else if (c == '[') {
        subset = true;
        ++pos_;
      } else if (c == ']') {
        subset = false;
        ++pos_;
      } else if (c == '>' && !subset) {
        ++pos_;
        return Status::Ok();
      } else {
        ++pos_;
      }
    }
    return input_.Error(start, "unterminated document type declaration");
  }

  StatusOr<Tag> ReadTag() {
    Tag tag;
    tag.begin = pos_;
    ++pos_;  // '<'
    if (pos_ < text_.size() && text_[pos_] == '/') {
      tag.kind = Tag::Kind::kEnd;
      ++pos_;
    }
    const std::size_t name_begin = pos_;
    while (pos_ < text_.size() && !IsNameEnd(text_[pos_])) ++pos_;
    if (pos_ == name_begin) return input_.Error(tag.begin, "'<' not followed by a tag name");
    tag.name = text_.substr(name_begin, pos_ - name_begin);
    for (;;) {
      if (pos_ >= text_.size()) {
        return input_.Error(
            tag.begin, fmt::format("unterminated tag <{}> (the file is truncated?)", tag.name));
      }
      const char c = text_[pos_];
      if (c == '>') {
        ++pos_;
        break;
      }
      if (c == '/' && tag.kind == Tag::Kind::kStart && pos_ + 1 < text_.size() &&
          text_[pos_ + 1] == '>') {
        tag.kind = Tag::Kind::kEmpty;
        pos_ += 2;
        break;
      }
      if (c == '"' || c == '\'') {
        const std::size_t close = text_.find(c, pos_ + 1);
        if (close == std::string_view::npos) {
          return input_.Error(pos_, "unterminated attribute value (the file is truncated?)");
        }
        pos_ = close + 1;
      } else if (c == '<') {
        return input_.Error(pos_, fmt::format("'<' inside the tag <{}>", tag.name));
      } else {
        ++pos_;
      }
    }
    tag.end = pos_;
    return tag;
  }

  const XmlInput& input_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::vector<Tag> open_;  // the elements SkipElement is inside
};

// Parses [begin, end) of the input as a fragment.
Status ParseRange(const XmlInput& input, std::size_t begin, std::size_t end,
                  pugi::xml_document* doc) {
  const pugi::xml_parse_result result = doc->load_buffer(
      input.text.data() + begin, end - begin, FragmentParseOptions(), pugi::encoding_utf8);
  if (!result) {
    const std::size_t at =
        begin + static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
    return input.Error(at, fmt::format("malformed XML: {}", result.description()));
  }
  return Status::Ok();
}

// Parses a start tag alone, for its attributes.
Status ParseStartTag(const XmlInput& input, const Tag& tag, pugi::xml_document* doc) {
  std::string element(input.text.substr(tag.begin, tag.end - tag.begin));
  if (tag.kind == Tag::Kind::kStart) {
    element.insert(element.size() - 1, "/");
  }
  const pugi::xml_parse_result result =
      doc->load_buffer(element.data(), element.size(), FragmentParseOptions(), pugi::encoding_utf8);
  if (!result || !doc->first_child()) {
    const std::size_t at =
        tag.begin + static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
    return input.Error(at, fmt::format("malformed XML: {}", result.description()));
  }
  return Status::Ok();
}

// An attribute given twice in one tag makes the XML not well-formed; pugixml keeps both.
Status CheckUniqueAttributes(const XmlInput& input, pugi::xml_node top, std::size_t base) {
  Status status;
  WalkTree(top, [&](pugi::xml_node node) {
    if (node.type() != pugi::node_element) return Walk::kDescend;
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      for (pugi::xml_attribute b = a.next_attribute(); b; b = b.next_attribute()) {
        if (std::strcmp(a.name(), b.name()) == 0) {
          status = input.Error(OffsetOf(node, base),
                               fmt::format("malformed XML: the attribute {} is given twice in "
                                           "<{}>",
                                           a.name(), node.name()));
          return Walk::kStop;
        }
      }
    }
    return Walk::kDescend;
  });
  return status;
}

// Entity references that pugixml leaves as text: every &name; but the five XML predefines.
class EntityTally {
 public:
  // Looks at the markup and text in [begin, end), skipping comments, CDATA sections and
  // processing instructions, where '&' is no reference.
  void Scan(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i < end) {
      const std::size_t at = text.find_first_of("&<", i);
      if (at == std::string_view::npos || at >= end) return;
      const std::string_view rest = text.substr(at, end - at);
      if (text[at] == '<') {
        std::string_view close;
        if (rest.starts_with("<!--")) close = "-->";
        if (rest.starts_with("<![CDATA[")) close = "]]>";
        if (rest.starts_with("<?")) close = "?>";
        if (close.empty()) {
          i = at + 1;
        } else {
          const std::size_t stop = text.find(close, at + 2);
          i = stop == std::string_view::npos ? end : stop + close.size();
        }
        continue;
      }
      std::size_t j = at + 1;
      while (j < end && j - at <= 64 &&
             (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_' ||
              text[j] == ':' || text[j] == '.' || text[j] == '-' ||
              static_cast<unsigned char>(text[j]) >= 0x80)) {
        ++j;
      }
      i = j;
      if (j == at + 1 || j >= end || text[j] != ';') continue;
      const std::string_view name = text.substr(at + 1, j - at - 1);
      if (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos") {
        continue;
      }
      auto [entry, inserted] = found_.try_emplace(std::string(name), Found{at, 0});
      ++entry->second.count;
      if (inserted) order_.push_back(entry->first);
    }
  }

  void Report(const XmlInput& input, const std::function<void(const std::string&)>& warn) const {
    if (!warn) return;
    for (const std::string& name : order_) {
      const Found& found = found_.at(name);
      warn(fmt::format(
          "{}: the entity reference &{}; is not expanded (tandem reads no entity declarations): "
          "it is kept as the text '&{};'{}",
          input.Where(found.first), name, name,
          found.count == 1 ? std::string() : fmt::format(" ({} times in the file)", found.count)));
    }
  }

 private:
  struct Found {
    std::size_t first = 0;
    std::size_t count = 0;
  };
  std::map<std::string, Found> found_;
  std::vector<std::string> order_;  // in the order of their first appearance
};

class Walker {
 public:
  Walker(const XmlInput& input, XmlVisitor& visitor, const WalkOptions& options)
      : input_(input), visitor_(visitor), options_(options), scanner_(input) {}

  Status Run() {
    TANDEM_ASSIGN_OR_RETURN(const Tag root, scanner_.Root());
    if (visitor_.IsContainer(path_, root.name)) {
      TANDEM_RETURN_IF_ERROR(Container(root));
    } else {
      TANDEM_RETURN_IF_ERROR(scanner_.SkipElement(root));
      TANDEM_RETURN_IF_ERROR(Batch(root.begin, scanner_.pos()));
    }
    TANDEM_RETURN_IF_ERROR(scanner_.Epilog());
    entities_.Report(input_, options_.warn);
    return Status::Ok();
  }

 private:
  Status Container(const Tag& tag) {
    pugi::xml_document start;
    TANDEM_RETURN_IF_ERROR(ParseStartTag(input_, tag, &start));
    TANDEM_RETURN_IF_ERROR(CheckUniqueAttributes(input_, start.first_child(), tag.begin));
    entities_.Scan(input_.text, tag.begin, tag.end);
    TANDEM_RETURN_IF_ERROR(visitor_.StartContainer(path_, start.first_child(), tag.begin));
    path_.emplace_back(tag.name);
    if (tag.kind == Tag::Kind::kStart) {
      std::size_t batch_begin = 0;
      std::size_t batch_end = 0;
      bool batch_open = false;
      for (;;) {
        bool text_seen = false;
        std::size_t text_offset = 0;
        StatusOr<Tag> next = scanner_.Next(&text_seen, &text_offset);
        if (!next.ok()) {
          if (scanner_.pos() >= input_.text.size()) {
            return input_.Error(input_.text.size(),
                                fmt::format("unexpected end of file: <{}> (line {}) is not closed",
                                            tag.name, input_.LineColumn(tag.begin).first));
          }
          return next.status();
        }
        if (text_seen) {
          return input_.Error(
              text_offset,
              fmt::format("text directly inside <{}>, which holds only elements", tag.name));
        }
        if (next->kind == Tag::Kind::kEnd) {
          if (next->name != tag.name) {
            return input_.Error(
                next->begin, fmt::format("end tag </{}> does not match <{}> (line {})", next->name,
                                         tag.name, input_.LineColumn(tag.begin).first));
          }
          if (batch_open) TANDEM_RETURN_IF_ERROR(Batch(batch_begin, batch_end));
          path_.pop_back();
          return visitor_.EndContainer(path_, next->begin);
        }
        if (visitor_.IsContainer(path_, next->name)) {
          if (batch_open) TANDEM_RETURN_IF_ERROR(Batch(batch_begin, batch_end));
          batch_open = false;
          TANDEM_RETURN_IF_ERROR(Container(*next));
          continue;
        }
        if (!batch_open) {
          batch_open = true;
          batch_begin = next->begin;
        }
        TANDEM_RETURN_IF_ERROR(scanner_.SkipElement(*next));
        batch_end = scanner_.pos();
        if (batch_end - batch_begin >= options_.batch_bytes) {
          TANDEM_RETURN_IF_ERROR(Batch(batch_begin, batch_end));
          batch_open = false;
        }
      }
    }
    path_.pop_back();
    return visitor_.EndContainer(path_, tag.begin);
  }

  Status Batch(std::size_t begin, std::size_t end) {
    pugi::xml_document doc;
    TANDEM_RETURN_IF_ERROR(ParseRange(input_, begin, end, &doc));
    for (pugi::xml_node top = doc.first_child(); top; top = top.next_sibling()) {
      TANDEM_RETURN_IF_ERROR(CheckUniqueAttributes(input_, top, begin));
    }
    entities_.Scan(input_.text, begin, end);
    input_.Release(released_, end);  // pugixml has its own copy
    released_ = end;
    return visitor_.Elements(path_, doc, begin);
  }

  const XmlInput& input_;
  XmlVisitor& visitor_;
  const WalkOptions& options_;
  Scanner scanner_;
  std::vector<std::string> path_;
  std::size_t released_ = 0;  // the text before this is given back (a mapped file)
  EntityTally entities_;
};

}  // namespace

XmlInput::XmlInput() = default;

XmlInput::XmlInput(XmlInput&& other) noexcept { *this = std::move(other); }

XmlInput& XmlInput::operator=(XmlInput&& other) noexcept {
  if (this == &other) return *this;
  Reset();
  name = std::move(other.name);
  bom = other.bom;
  owned_ = std::move(other.owned_);
  mapping_ = std::exchange(other.mapping_, nullptr);
  mapping_size_ = std::exchange(other.mapping_size_, 0);
  line_starts_ = std::move(other.line_starts_);
  text = mapping_ != nullptr
             ? std::string_view(static_cast<const char*>(mapping_) + bom, mapping_size_ - bom)
             : std::string_view(owned_);
  other.text = {};
  return *this;
}

XmlInput::~XmlInput() { Reset(); }

void XmlInput::Own(std::string owned, std::size_t bom_size) {
  Reset();
  owned_ = std::move(owned);
  if (bom_size > 0) owned_.erase(0, bom_size);
  bom = bom_size;
  text = owned_;
}

bool XmlInput::Map(int fd, std::size_t size) {
  Reset();
  if (size == 0) return false;
  void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (mapping == MAP_FAILED) return false;
  mapping_ = mapping;
  mapping_size_ = size;
  text = std::string_view(static_cast<const char*>(mapping_), size);
  return true;
}

void XmlInput::Reset() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapping_size_);
  mapping_ = nullptr;
  mapping_size_ = 0;
  owned_.clear();
  owned_.shrink_to_fit();
  line_starts_.clear();
  text = {};
}

void XmlInput::Release(std::size_t from, std::size_t to) const {
  if (mapping_ == nullptr) return;
  static const auto kPage = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  // Whole pages inside [from, to) only: the pages at the ends may still be in use.
  const std::size_t begin = (bom + from + kPage - 1) / kPage * kPage;
  const std::size_t end = std::min(bom + to, mapping_size_) / kPage * kPage;
  if (end <= begin) return;
  ::madvise(static_cast<char*>(mapping_) + begin, end - begin, MADV_DONTNEED);
}

std::pair<std::size_t, std::size_t> XmlInput::LineColumn(std::size_t offset) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    constexpr std::size_t kChunk = 16u << 20;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
        line_starts_.push_back(i + 1);
      }
      // A mapped file need not stay in memory for this.
      if (i % kChunk == kChunk - 1) Release(i + 1 - kChunk, i + 1);
    }
  }
  offset = std::min(offset, text.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  std::size_t column = 1;
  for (std::size_t i = line_starts_[line - 1]; i < offset; ++i) {
    if (!tandem::internal::IsContinuationByte(text[i])) ++column;
  }
  return {line, column};
}

std::string XmlInput::Where(std::size_t offset) const {
  const auto [line, column] = LineColumn(offset);
  return fmt::format("{}:{}:{}", name, line, column);
}

Status XmlInput::Error(std::size_t offset, std::string_view message) const {
  return InvalidDataError(fmt::format("{}: {}", Where(offset), message));
}

namespace {

Status CheckCharacters(const XmlInput& input, std::string_view text, std::size_t base) {
  const std::size_t bad = FindForbiddenCharacter(text);
  if (bad == std::string_view::npos) return Status::Ok();
  const auto c = static_cast<unsigned char>(text[bad]);
  const unsigned code =
      c < 0x20 ? c : (static_cast<unsigned char>(text[bad + 2]) == 0xBE ? 0xFFFEu : 0xFFFFu);
  return input.Error(base + bad, fmt::format("character U+{:04X} is not allowed in XML", code));
}

}  // namespace

Status LoadXmlBytes(std::string bytes, std::string name, XmlInput* input) {
  input->name = std::move(name);
  DecodeOptions decode;
  const bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                           (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (!utf16) {
    const std::string declared = DeclaredEncoding(bytes);
    if (!IsUtf8Name(declared)) decode.encoding = declared;
  }
  StatusOr<DecodedText> decoded = DecodeText(std::move(bytes), input->name, decode);
  if (!decoded.ok()) return decoded.status();
  input->Own(std::move(decoded->text), decoded->content_begin);
  return CheckCharacters(*input, input->text, 0);
}

Status LoadXmlFile(const std::string& path, XmlInput* input) {
  if (path != "-") {
    // A UTF-8 file is mapped and checked in chunks, each released once checked.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat info {};
    if (fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
      const bool mapped = input->Map(fd, static_cast<std::size_t>(info.st_size));
      ::close(fd);
      if (mapped) {
        input->name = path;
        const std::string_view whole = input->text;
        const bool utf16 = whole.size() >= 2 && ((whole[0] == '\xFF' && whole[1] == '\xFE') ||
                                                 (whole[0] == '\xFE' && whole[1] == '\xFF'));
        if (!utf16 && IsUtf8Name(DeclaredEncoding(whole.substr(0, 4096)))) {
          const std::size_t bom = whole.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
          input->bom = bom;
          input->text = whole.substr(bom);
          const std::string_view text = input->text;
          constexpr std::size_t kChunk = 32u << 20;
          for (std::size_t begin = 0; begin < text.size();) {
            std::size_t end = std::min(text.size(), begin + kChunk);
            // Chunks end at the start of a character.
            end = tandem::internal::BoundaryAtOrBefore(text, end, begin);
            if (!CheckUtf8(text.substr(begin, end - begin), path).ok()) {
              return CheckUtf8(text, path);  // again, for the position in the whole file
            }
            TANDEM_RETURN_IF_ERROR(CheckCharacters(*input, text.substr(begin, end - begin), begin));
            // The pages stay: the walk reads them next, and gives them back as it goes.
            begin = end;
          }
          return Status::Ok();
        }
        input->Reset();
      }
    } else if (fd >= 0) {
      ::close(fd);
    }
  }
  TANDEM_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  return LoadXmlBytes(std::move(bytes), path == "-" ? "<stdin>" : path, input);
}

std::string RootElementName(std::string_view text) {
  XmlInput input;
  input.name = "-";
  std::size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  // Only the first few kilobytes are needed to find the root.
  input.Own(std::string(text.substr(start, 64 * 1024)), 0);
  Scanner scanner(input);
  StatusOr<Tag> root = scanner.Root();
  if (!root.ok()) return {};
  return std::string(root->name);
}

Status WalkXml(const XmlInput& input, XmlVisitor& visitor, const WalkOptions& options) {
  return Walker(input, visitor, options).Run();
}

unsigned int FragmentParseOptions() {
  return pugi::parse_default | pugi::parse_fragment | pugi::parse_ws_pcdata;
}

std::string TextOf(pugi::xml_node node) {
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) return node.value();
  // Iterative, so that a deeply nested (or hostile) document cannot exhaust the stack.
  std::string out;
  pugi::xml_node current = node.first_child();
  while (current) {
    if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata) {
      out += current.value();
    }
    if (current.type() == pugi::node_element && current.first_child()) {
      current = current.first_child();
      continue;
    }
    while (current && current != node && !current.next_sibling()) current = current.parent();
    if (!current || current == node) break;
    current = current.next_sibling();
  }
  return out;
}

}  // namespace tandem::tei::internal
