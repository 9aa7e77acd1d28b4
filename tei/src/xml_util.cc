#include "xml_util.h"

#include <ostream>

namespace tandem::tei::internal {
namespace {

class CarriageReturnEscapingWriter final : public pugi::xml_writer {
 public:
  explicit CarriageReturnEscapingWriter(std::ostream& out) : out_(out) {}

  void write(const void* data, size_t size) override {
    const std::string_view chunk(static_cast<const char*>(data), size);
    std::size_t start = 0;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (chunk[i] == '\r') {
        out_.write(chunk.data() + start, static_cast<std::streamsize>(i - start));
        out_ << "&#13;";
        start = i + 1;
      }
    }
    out_.write(chunk.data() + start, static_cast<std::streamsize>(chunk.size() - start));
  }

 private:
  std::ostream& out_;
};

}  // namespace

pugi::xml_node AddElement(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node node = parent.append_child(name);
  node.append_child(pugi::node_pcdata).set_value(std::string(text).c_str());
  return node;
}

std::string XmlSafe(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += kReplacement;
    } else if (c == 0xEF && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
                static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      out += kReplacement;  // U+FFFE, U+FFFF
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool IsNcName(std::string_view text) {
  if (text.empty()) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(text[0])) return false;
  for (const char c : text) {
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-') return false;
  }
  return true;
}

Status SaveXml(const pugi::xml_document& document, std::ostream& out) {
  CarriageReturnEscapingWriter writer(out);
  document.save(writer, "  ", pugi::format_indent | pugi::format_no_declaration,
                pugi::encoding_utf8);
  // format_no_declaration: the document carries its own declaration node, written as is.
  if (!out) return IoError("write error while saving XML");
  return Status::Ok();
}

}  // namespace tandem::tei::internal
